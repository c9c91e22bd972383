package org.openbudget.web.security;

/** Who does what. The public is not a role: it is anyone not logged in (or logged in: they read too). */
public enum Role {
    PREPARER("单位填报人"),
    DEPARTMENT("主管部门"),
    REVIEWER("财政局审核人"),
    /** A province's inspector (省级检查人): runs batch audits of, and reads the dashboards of, the regions under the province. */
    INSPECTOR("省级检查人"),
    ADMIN("系统管理员");

    private final String label;

    Role(String label) { this.label = label; }

    public String label() { return label; }
}
