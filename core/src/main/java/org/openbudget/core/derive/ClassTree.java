package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.openbudget.core.classification.Classification;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.money.Fen;

/**
 * Sums postings up a classification: 类 (3 digits) above 款 (5) above 项 (7). Rows come out in
 * code order, parents first, only where some column is non-zero.
 */
final class ClassTree {
    private final int columns;
    private final int[] levels;
    private final Map<String, long[]> sums = new java.util.HashMap<>();
    private final long[] one;
    private final long[] total;

    /** @param levels code lengths to print, e.g. {3, 5, 7} for 功能分类 or {3, 5} for 经济分类 */
    ClassTree(int columns, int... levels) {
        this.columns = columns;
        this.levels = levels;
        this.total = new long[columns];
        this.one = new long[columns];
    }

    void add(String code, Posting p, ColumnRule rule) {
        java.util.Arrays.fill(one, 0);
        rule.add(p, one);
        boolean any = false;
        for (long v : one) if (v != 0) { any = true; break; }
        if (!any) return;
        for (int len : levels) {
            if (code.length() < len) break;
            long[] acc = sums.computeIfAbsent(code.substring(0, len), k -> new long[columns]);
            for (int i = 0; i < columns; i++) acc[i] += one[i];
        }
        for (int i = 0; i < columns; i++) total[i] += one[i];
    }

    void addAll(List<Posting> postings, Function<Posting, String> code, ColumnRule rule) {
        for (Posting p : postings) add(code.apply(p), p, rule);
    }

    boolean isEmpty() {
        for (long[] v : sums.values()) if (nonZero(v)) return false;
        return true;
    }

    long[] total() { return total.clone(); }

    List<Row> rows(Classification names, String unit) {
        List<Row> out = new ArrayList<>();
        new TreeMap<>(sums).forEach((code, v) -> {
            if (nonZero(v)) out.add(new Row(null, RowKind.CLASS, "", code, names.nameOrCode(code), "", unit, values(v)));
        });
        return out;
    }

    static boolean nonZero(long[] v) {
        for (long x : v) if (x != 0) return true;
        return false;
    }

    /** Exact 万元 values, null (blank) where zero. */
    static List<java.math.BigDecimal> values(long[] v) {
        List<java.math.BigDecimal> out = new ArrayList<>(v.length);
        for (long x : v) out.add(x == 0 ? null : Fen.toWan(x));
        return out;
    }
}
