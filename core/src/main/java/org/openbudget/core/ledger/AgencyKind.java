package org.openbudget.core.ledger;

/** 单位 (one budget unit) or 部门 (a department: the consolidation of its units). */
public enum AgencyKind {
    UNIT("单位"), DEPARTMENT("部门");

    private final String label;

    AgencyKind(String label) { this.label = label; }

    public String label() { return label; }

    public static AgencyKind fromLabel(String s) {
        for (AgencyKind k : values()) if (k.label.equals(s)) return k;
        throw new IllegalArgumentException(s);
    }
}
