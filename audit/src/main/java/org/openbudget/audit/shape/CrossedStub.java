package org.openbudget.audit.shape;

import java.util.List;

/**
 * The stub of a table crossing two classifications (部门经济 × 政府经济: 西安 2021 表6 / 表8) as pdftotext -layout prints
 * it, each row's own code at the foot of its cell: its line of amounts may print the second classification's code
 * and name right of (or instead of) the row's name — "其他商品和服务 50299    其他商品和服务" over "30299   支出   支出",
 * "机关事业单位基" over "50102   社会保障缴费" over "30108   本养老保险缴费". The second code is a code as long as the row's
 * own printed right of it (or of where the page's codes at the foot of their cells end); every line of the row is parted where it starts: the words left of it are the
 * row's name, those from it on the second classification's cells.
 */
final class CrossedStub {
    private CrossedStub() {}

    /**
     * Where the second classification's code starts in a row's stub text (its words left of the amounts, as printed),
     * −1 when none: the first code as long as the row's own ({@code digits}) starting at {@code after} or right of it
     * (where the row's own code ends, or where the codes printed at the foot of their cells end).
     */
    static int secondCode(String stub, int after, int digits) {
        for (SpacedColumns.Token w : SpacedColumns.words(stub)) {
            if (w.start() >= after && w.text().length() == digits && Cells.codeDigits(w.text())) return w.start();
        }
        return -1;
    }

    /**
     * A name cell ending in a second classification's code a space after it, as long as the row's own ("其他商品和服务
     * 50299"): the name and the code; null when it does not.
     */
    static String[] trailingCode(String cell, int digits) {
        String c = cell.trim();
        int sp = c.lastIndexOf(' ');
        if (sp <= 0) return null;
        String code = c.substring(sp + 1), name = c.substring(0, sp).trim();
        if (code.length() != digits || !Cells.codeDigits(code) || name.isEmpty() || Cells.amount(name) || !Character.isIdeographic(name.codePointAt(name.length() - 1))) return null;
        return new String[] {name, code};
    }

    /** A line's words in {@code [from, to)} left of {@code at} (the row's name's) and from {@code at} on (the second's). */
    static String[] part(String line, int from, int to, int at) {
        String plain = line.replace("\f", "");
        to = Math.min(to, plain.length());
        from = Math.min(from, to);
        int cut = Math.max(from, Math.min(at, to));
        return new String[] {plain.substring(from, cut).trim(), plain.substring(cut, to).trim()};
    }

    /** The words of a line left of {@code limit} (the first column of amounts): where they end, 0 when none. */
    static int stubEnd(String line, int limit) {
        int end = 0;
        List<SpacedColumns.Token> words = SpacedColumns.words(line);
        for (SpacedColumns.Token t : words) if (t.start() < limit - 1) end = t.end();
        return end;
    }
}
