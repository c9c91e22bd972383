package org.openbudget.audit.shape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A 序号 column in a text laid out by spaces: the header prints 序号 (or 序 over 号) at the left of its stub, and each
 * row's line starts with the row's number under it (西安 2022: "1 一、部门预算  18999011.66 …", "24 302  商品和服务支出 …").
 * pdftotext leaves a single space between the number and the row's label or code, so the number reads as part of
 * them ("1 一、部门预算", "24302"). The numbers are the column's only when they count the rows: the first 1, each
 * greater than the one before by a few at most (a row printed blank may leave its number out), each the first word
 * of its line, under the heading. They are blanked where they stand (the other words keep their places), and the
 * lines they start are the table's rows: a line between two of them without a number of its own is a part of the
 * row above it, printed lower on the page than the row's first line (a cell of two lines beside cells of one).
 */
final class SerialColumn {
    /** The lines with their numbers blanked, by index, and the lines that start a row. */
    record Numbered(Map<Integer, String> blanked, Set<Integer> rows) {}

    private SerialColumn() {}

    /** How far right of the heading's start a row's number may start (a number centred under 序号). */
    private static final int REACH = 3;
    /** How many numbers the count may skip from one row's line to the next (rows printed blank, numbers and all). */
    private static final int SKIP = 9;

    /**
     * Where a header line's first word, 序 or 序号, starts (a 序号 column's heading, 号 perhaps on a line below: 西安 2022
     * 表6's "序 部门经济科目 … 政府经济科目"); −1 when it starts otherwise.
     */
    static int heading(List<SpacedColumns.Token> words) {
        if (words.isEmpty()) return -1;
        String first = words.get(0).text();
        return first.equals("序") || first.equals("序号") ? words.get(0).start() : -1;
    }

    /** The table's numbered rows; none when it prints no 序号 column so. */
    static Numbered of(List<String> lines, int from, int to) {
        Map<Integer, String> out = new HashMap<>();
        int heading = -1, k = from;
        for (; k < to && heading < 0; k++) {
            List<SpacedColumns.Token> w = SpacedColumns.words(lines.get(k));
            if (w.isEmpty()) continue;
            heading = heading(w);
            if (heading >= 0) continue;
            // a line of amounts before any heading: the table's rows have begun without one
            else if (SpacedColumns.amounts(lines.get(k)).stream().anyMatch(x -> SpacedColumns.separated(x.text()))) break;
        }
        if (heading < 0) return new Numbered(Map.of(), Set.of());
        int last = 0;
        for (; k < to; k++) {
            String raw = lines.get(k);
            List<SpacedColumns.Token> w = SpacedColumns.words(raw);
            if (w.isEmpty()) continue;
            SpacedColumns.Token first = w.get(0);
            if (first.start() > heading + REACH || !Cells.digits(first.text(), 1, 3)) continue;
            int n = Integer.parseInt(first.text());
            if (last == 0 ? n != 1 : n <= last || n > last + SKIP) continue;
            last = n;
            // (the words' places are counted without form feeds: a page's first line keeps its own in front)
            String plain = raw.replace("\f", "");
            out.put(k, (raw.indexOf('\f') >= 0 ? "\f" : "") + plain.substring(0, first.start()) + " ".repeat(first.end() - first.start())
                    + plain.substring(first.end()));
        }
        // one number alone is no count of rows
        return out.size() >= 2 ? new Numbered(out, Set.copyOf(out.keySet())) : new Numbered(Map.of(), Set.of());
    }

    /**
     * Each row's lines below its numbered one — up to the next row, a blank line, a page's end or a line that
     * {@code ends} the table — joined to it, their words in the order they stand across the page (for a table
     * read by the order of its words, not by their places). Returns the lines changed, the joined ones left blank.
     */
    static Map<Integer, String> joined(List<String> lines, Set<Integer> rows, int from, int to, Predicate<String> ends) {
        Map<Integer, String> out = new HashMap<>();
        for (int k = from; k < to; k++) {
            if (!rows.contains(k)) continue;
            List<SpacedColumns.Token> words = new ArrayList<>(SpacedColumns.words(lines.get(k)));
            int next = k + 1;
            for (; next < to && !rows.contains(next); next++) {
                String raw = lines.get(next);
                if (raw.isBlank() || raw.indexOf('\f') >= 0 || ends.test(raw)) break;
                words.addAll(SpacedColumns.words(raw));
                out.put(next, "");
            }
            if (next == k + 1) continue;
            words.sort(Comparator.comparingInt(SpacedColumns.Token::start));
            List<String> text = new ArrayList<>();
            for (SpacedColumns.Token w : words) text.add(w.text());
            out.put(k, (lines.get(k).indexOf('\f') >= 0 ? "\f" : "") + String.join("  ", text));
        }
        return out;
    }

    /**
     * A numbered row's line printing no amounts over an unnumbered line printing them, in a table read by the places of
     * its words: its cells of one line (序号, codes, a name) printed at the top of the row, those of two lines (the
     * other names) and its amounts at the foot (科学技术局 表6: "11   30108   50102" over "机关事业单位基本养老保险
     * 社会保障缴费   1040490.82 …"; 气象局 表6: "8   30108   机关事业单位基本养老保险缴费" over "50501   工资福利支出
     * 81738.24 …"). The row's words before its amounts are put in the order they stand across the page, two spaces
     * apart, its amounts left where they are printed — when they fit before them (else the lines are left as printed).
     * Lines in {@code taken} (joined otherwise) are left alone. Returns the lines changed, the upper one left blank.
     */
    static Map<Integer, String> amountsBelow(List<String> lines, Set<Integer> rows, int from, int to, Set<Integer> taken) {
        Map<Integer, String> out = new HashMap<>();
        for (int k : rows) {
            if (k + 1 >= to || rows.contains(k + 1) || taken.contains(k) || taken.contains(k + 1)) continue;
            String upper = lines.get(k), lower = lines.get(k + 1);
            if (upper.indexOf('\f') >= 0 || lower.indexOf('\f') >= 0
                    || SpacedColumns.amounts(upper).stream().anyMatch(w -> SpacedColumns.separated(w.text()))) continue;
            List<SpacedColumns.Token> above = SpacedColumns.words(upper), amounts = SpacedColumns.trailingAmounts(lower);
            if (above.isEmpty() || amounts.isEmpty()) continue;
            int firstAmount = amounts.get(0).start();
            if (above.get(above.size() - 1).end() >= firstAmount) continue;
            List<SpacedColumns.Token> text = new ArrayList<>(above);
            for (SpacedColumns.Token w : SpacedColumns.words(lower)) if (w.start() < firstAmount) text.add(w);
            text.sort(Comparator.comparingInt(SpacedColumns.Token::start));
            StringBuilder row = new StringBuilder();
            for (SpacedColumns.Token w : text) {
                int at = row.length() == 0 ? w.start() : Math.max(w.start(), row.length() + 2);
                while (row.length() < at) row.append(' ');
                row.append(w.text());
            }
            if (row.length() + 2 > firstAmount) continue;
            while (row.length() < firstAmount) row.append(' ');
            out.put(k, "");
            out.put(k + 1, row + lower.substring(firstAmount));
        }
        return out;
    }
}
