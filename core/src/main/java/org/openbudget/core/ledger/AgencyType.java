package org.openbudget.core.ledger;

/** 行政单位, 事业单位 or 参照公务员法管理事业单位 (参公). */
public enum AgencyType {
    ADMINISTRATIVE("行政"), PUBLIC_INSTITUTION("事业"), CIVIL_SERVICE_MANAGED("参公");

    private final String label;

    AgencyType(String label) { this.label = label; }

    public String label() { return label; }

    public static AgencyType fromLabel(String s) {
        for (AgencyType t : values()) if (t.label.equals(s)) return t;
        throw new IllegalArgumentException(s);
    }
}
