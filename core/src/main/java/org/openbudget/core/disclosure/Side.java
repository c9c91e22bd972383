package org.openbudget.core.disclosure;

/** The two sides of 表1 and 表4; other tables have no side. */
public enum Side {
    INCOME("income"), EXPENSE("expense");

    private final String json;

    Side(String json) { this.json = json; }

    public String json() { return json; }
}
