package org.openbudget.web.db.repositories;

/** Where a working document is in its life. */
public enum Status {
    DRAFT("草稿"), SUBMITTED("已提交待审核"), RETURNED("已退回"), APPROVED("审核通过"), PUBLISHED("已发布");

    private final String label;

    Status(String label) { this.label = label; }

    public String label() { return label; }

    // what may be done in each state is the workflow's transition table (org.openbudget.web.workflow.Transitions)
}
