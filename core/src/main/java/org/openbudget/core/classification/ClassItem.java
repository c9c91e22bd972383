package org.openbudget.core.classification;

/** One code of a classification with its official name. */
public record ClassItem(String code, String name) {
    /** 类 (3 digits), 款 (5 digits) or 项 (7 digits). */
    public int level() {
        return switch (code.length()) {
            case 3 -> 1;
            case 5 -> 2;
            case 7 -> 3;
            default -> 0;
        };
    }
}
