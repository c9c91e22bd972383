package org.openbudget.web.workflow;

/**
 * The part a logged-in user plays for one agency's document ({@code AccessPolicy#parties}): the same
 * account is the preparer of its unit, the department of its own document and the parent department
 * of its units, the reviewer of its region's documents — and nothing for anyone else's.
 */
public enum Party {
    /** A unit's own preparer (单位填报人). */
    PREPARER("填报单位"),
    /** A department, for its own (consolidated) document. */
    DEPARTMENT("部门"),
    /** A department, for one of its units' documents. */
    PARENT_DEPARTMENT("主管部门"),
    /** The finance bureau of the agency's region. */
    REVIEWER("财政局");

    private final String label;

    Party(String label) { this.label = label; }

    public String label() { return label; }
}
