package org.openbudget.render.layout;

import java.math.BigDecimal;

/**
 * One body cell as printed: text (an amount already formatted in 万元 per the profile), the printed
 * amount itself for formats that keep numbers (XLSX), indentation, and emphasis.
 *
 * @param text    what is printed ("" for a blank cell)
 * @param amount  the printed amount (rounded to two decimals); null when not an amount or blank
 * @param indent  indentation level of a name (0 none; 1 款, 2 项 …)
 * @param numeric an amount column (right-aligned, numeric in a spreadsheet)
 * @param strong  bold on its own (the rest of the row may be plain: 表1's income headings)
 */
public record Cell(String text, BigDecimal amount, int indent, boolean numeric, boolean strong) {
    public static final Cell BLANK = new Cell("", null, 0, false, false);

    public static Cell text(String s) { return new Cell(s == null ? "" : s, null, 0, false, false); }

    public static Cell text(String s, int indent) { return new Cell(s == null ? "" : s, null, indent, false, false); }

    /** An amount column cell (blank when the amount is null). */
    public static Cell amount(String printed, BigDecimal value) { return new Cell(printed, value, 0, true, false); }

    /** A code part (类/款/项). */
    public static Cell code(String s) { return new Cell(s, null, 0, false, false); }

    public Cell bold() { return new Cell(text, amount, indent, numeric, true); }
}
