package org.openbudget.core.ledger;

/**
 * A project (项目). {@code agencyCode} is the 项目承担单位; {@code classified} marks a 涉密 project
 * whose description the document says 完全不予公开.
 */
public record Project(String code, String name, String agencyCode, boolean classified) {}
