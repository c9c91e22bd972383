package org.openbudget.core.ledger;

/** 基本支出 or 项目支出 (always of a named project). */
public enum Nature {
    BASIC("基本"), PROJECT("项目");

    private final String label;

    Nature(String label) { this.label = label; }

    public String label() { return label; }

    public static Nature fromLabel(String s) {
        return switch (s) {
            case "基本", "基本支出" -> BASIC;
            case "项目", "项目支出" -> PROJECT;
            default -> throw new IllegalArgumentException(s);
        };
    }
}
