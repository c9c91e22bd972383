package org.openbudget.web.workflow;

/** What someone does to a working document. The REST API and the pages name it by {@link #id()}. */
public enum Action {
    SAVE("save", "保存"),
    EDIT_TEXT("edit-text", "保存部门文字"),
    CONSOLIDATE("consolidate", "汇总"),
    SUBMIT("submit", "提交"),
    WITHDRAW("withdraw", "撤回提交"),
    DEPARTMENT_RETURN("department-return", "退回所属单位"),
    RETURN("return", "退回"),
    APPROVE("approve", "审核通过"),
    PUBLISH("publish", "发布");

    private final String id;
    private final String label;

    Action(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name in the REST API's {@code actions} (and its path: {@code …/submit}). */
    public String id() { return id; }

    /** The verb a user reads. */
    public String label() { return label; }
}
