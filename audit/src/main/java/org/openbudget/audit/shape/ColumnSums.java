package org.openbudget.audit.shape;

import static org.openbudget.audit.shape.Cells.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;

/**
 * A headerless page's columns chosen by the table's own arithmetic (普陀 决算's last page, laid out anew by pdftotext
 * with its blank columns gone): which of the page before's columns its amounts stand in.
 */
final class ColumnSums {
    private final SpacedColumns spaced;
    /** The template's columns. */
    private final int n;
    /** An amount as the table reads it (in its unit), null for none. */
    private final Function<String, BigDecimal> number;
    /** A squeezed label that is the table's total line. */
    private final Predicate<String> totalLabel;

    ColumnSums(SpacedColumns spaced, int n, Function<String, BigDecimal> number, Predicate<String> totalLabel) {
        this.spaced = spaced;
        this.n = n;
        this.number = number;
        this.totalLabel = totalLabel;
    }

    /**
     * The template's columns on a page without a header that prints fewer columns than the page before it (普陀 决算:
     * the last page of a table, laid out anew by pdftotext with its blank columns gone): its columns are some of the
     * page before's, in order, and which ones the table's own arithmetic says — in each column a 类 or 款 is the sum
     * of the rows under it and the 合计 the sum of the 类, over the rows read on the pages before and this page's.
     * The one choice under which the most of these sums that hold a row of this page add up; none (the amounts then
     * taken from the right) when no sum holds one, or two choices tie.
     */
    int[] choose(List<Row> rows, int page, List<String> lines, int[] before, int columnsBefore) {
        int m = spaced.columns(page);
        // the rows read so far, by code (the total as ""), and this page's rows: each amount's column on the page
        Map<String, BigDecimal[]> read = new HashMap<>();
        for (Row r : rows) {
            if (r.kind() == RowKind.CLASS && !r.code().isEmpty()) read.putIfAbsent(r.code(), r.values().toArray(new BigDecimal[0]));
            else if (r.kind() == RowKind.TOTAL) read.putIfAbsent("", r.values().toArray(new BigDecimal[0]));
        }
        Map<String, int[]> at = new HashMap<>();
        Map<String, List<BigDecimal>> amounts = new HashMap<>();
        for (int k = 0; k < lines.size(); k++) {
            if (spaced.page(k) != page) continue;
            List<SpacedColumns.Token> tok = SpacedColumns.trailingAmounts(lines.get(k));
            if (tok.isEmpty()) continue;
            String stub = lines.get(k).replace("\f", "").substring(0, tok.get(0).start());
            java.util.regex.Matcher code = PAGE_CODE.matcher(stub);
            String key = code.find() ? code.group(1) + nz(code.group(2)) + nz(code.group(3)) : totalLabel.test(squeeze(stub)) ? "" : null;
            if (key == null || read.containsKey(key) || at.containsKey(key)) continue;
            int[] cols = new int[tok.size()];
            List<BigDecimal> v = new ArrayList<>();
            for (int i = 0; i < tok.size(); i++) {
                cols[i] = spaced.column(page, tok.get(i).end());
                v.add(number.apply(tok.get(i).text()));
            }
            if (java.util.Arrays.stream(cols).anyMatch(j -> j < 0)) continue;
            at.put(key, cols);
            amounts.put(key, v);
        }
        // the sums that hold a row of this page: a 类 or 款 (or the 合计) and the rows under it
        Map<String, List<String>> sums = new java.util.LinkedHashMap<>();
        java.util.Set<String> codes = new java.util.HashSet<>(read.keySet());
        codes.addAll(at.keySet());
        for (String whole : codes) {
            if (whole.length() != 0 && whole.length() != 3 && whole.length() != 5) continue;
            List<String> parts = codes.stream().filter(c -> c.length() == (whole.isEmpty() ? 3 : whole.length() + 2) && c.startsWith(whole)).toList();
            if (!parts.isEmpty() && (at.containsKey(whole) || parts.stream().anyMatch(at::containsKey))) sums.put(whole, parts);
        }
        if (sums.isEmpty()) return new int[0];
        int[] best = null;
        int bestScore = -1;
        boolean tie = false;
        for (int[] f : increasing(m, columnsBefore)) {
            int[] pos = new int[n];
            for (int c = 0; c < n; c++) {
                pos[c] = -1;
                for (int j = 0; j < m; j++) if (before[c] >= 0 && before[c] == f[j]) pos[c] = j;
            }
            int score = 0;
            for (var e : sums.entrySet()) {
                for (int c = 0; c < n; c++) {
                    BigDecimal want = cell(e.getKey(), c, read, at, amounts, pos);
                    BigDecimal sum = BigDecimal.ZERO, ulp = BigDecimal.ZERO;
                    int terms = 0;
                    for (String part : e.getValue()) {
                        BigDecimal x = cell(part, c, read, at, amounts, pos);
                        if (x == null) continue;
                        sum = sum.add(x);
                        terms++;
                        ulp = ulp.max(BigDecimal.ONE.movePointLeft(Math.max(0, x.scale())));
                    }
                    // each printed amount rounded: as many half units of the last decimal off as amounts, at most
                    if (sum.subtract(want == null ? BigDecimal.ZERO : want).abs().compareTo(ulp.multiply(BigDecimal.valueOf(terms + 1))) <= 0) score++;
                }
            }
            if (score > bestScore) {
                best = pos;
                bestScore = score;
                tie = false;
            } else if (score == bestScore) tie = true;
        }
        return best == null || tie ? new int[0] : best;
    }

    /** A 类/款/项 code at the start of a line, its levels apart or run together ("221   02   01", "2210201"). */
    private static final java.util.regex.Pattern PAGE_CODE = java.util.regex.Pattern.compile("^\\s*+(\\d{3})(?:\\s*+(\\d{2}))?+(?:\\s*+(\\d{2}))?+(?!\\d)");

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The amount of a row in a template column: as read on a page before, or placed on this page by {@code pos}. */
    private static BigDecimal cell(String code, int c, Map<String, BigDecimal[]> read, Map<String, int[]> at,
                                   Map<String, List<BigDecimal>> amounts, int[] pos) {
        BigDecimal[] r = read.get(code);
        if (r != null) return c < r.length ? r[c] : null;
        return placed(at.get(code), amounts.get(code), pos[c]);
    }

    /** The amount of a line printed in the page's column {@code j} (−1: none): null when the line has none there. */
    private static BigDecimal placed(int[] at, List<BigDecimal> values, int j) {
        if (at == null || j < 0) return null;
        for (int i = 0; i < at.length; i++) if (at[i] == j) return values.get(i);
        return null;
    }

    /** Every increasing choice of {@code m} of the columns 0 … {@code of} − 1. */
    private static List<int[]> increasing(int m, int of) {
        List<int[]> out = new ArrayList<>();
        int[] f = new int[m];
        choose(f, 0, 0, of, out);
        return out;
    }

    private static void choose(int[] f, int i, int from, int of, List<int[]> out) {
        if (out.size() > 5000) return;
        if (i == f.length) {
            out.add(f.clone());
            return;
        }
        for (int j = from; j <= of - (f.length - i); j++) {
            f[i] = j;
            choose(f, i + 1, j + 1, of, out);
        }
    }
}
