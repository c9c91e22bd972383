package org.openbudget.core.ledger;

/** A budget unit or department: 单位代码, name, 单位/部门, 行政/事业/参公. */
public record Agency(String code, String name, AgencyKind kind, AgencyType type) {}
