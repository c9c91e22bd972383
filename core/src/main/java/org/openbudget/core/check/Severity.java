package org.openbudget.core.check;

/** error blocks publication; warning needs a comment; notice informs (rounding, not evaluable, partial lists). */
public enum Severity {
    ERROR, WARNING, NOTICE;

    public String json() { return name().toLowerCase(); }

    public String label() {
        return switch (this) {
            case ERROR -> "错误";
            case WARNING -> "警告";
            case NOTICE -> "提示";
        };
    }
}
