package org.openbudget.web.service;

import org.openbudget.web.db.repositories.Document;

/**
 * A year's document in an address: {@code 2024} is the year's 预算 (budget), {@code 2024-final} its 决算 (final accounts).
 * The work pages and the REST API take it where they took the year, so a budget's addresses are unchanged; anything else
 * is a document that does not exist (404), never an error of the server.
 */
public record DocumentKey(int year, String basis) {
    public static final String FINAL_SUFFIX = "-final";

    public static DocumentKey parse(String key) {
        String k = key == null ? "" : key.trim();
        boolean fin = k.endsWith(FINAL_SUFFIX);
        String y = fin ? k.substring(0, k.length() - FINAL_SUFFIX.length()) : k;
        if (!y.matches("\\d{4}")) throw new NotFoundException("没有这个年度的文档：" + (k.length() > 40 ? k.substring(0, 40) + "…" : k)
                + "（年度应为 4 位数字，决算为 年度-final，如 2024-final）");
        return new DocumentKey(Integer.parseInt(y), fin ? Document.FINAL : Document.BUDGET);
    }

    public static DocumentKey of(int year, String basis) {
        return new DocumentKey(year, Document.FINAL.equals(basis) ? Document.FINAL : Document.BUDGET);
    }

    public boolean isFinal() { return Document.FINAL.equals(basis); }

    /** The address segment: 2024 or 2024-final. */
    public String path() { return year + (isFinal() ? FINAL_SUFFIX : ""); }

    @Override
    public String toString() { return path(); }
}
