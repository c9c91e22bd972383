package org.openbudget.render.layout;

/** One cell of a table's header grid: text spanning {@code colspan} columns and {@code rowspan} header rows. */
public record HeaderCell(String text, int colspan, int rowspan) {
    public static HeaderCell of(String text) { return new HeaderCell(text, 1, 1); }

    public static HeaderCell cols(String text, int n) { return new HeaderCell(text, n, 1); }

    public static HeaderCell rows(String text, int n) { return new HeaderCell(text, 1, n); }
}
