package org.openbudget.derive.straight;

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
    private final long[] total;

    /** @param levels code lengths to print, e.g. {3, 5, 7} for 功能分类 or {3, 5} for 经济分类 */
    ClassTree(int columns, int... levels) {
        this.columns = columns;
        this.levels = levels;
        this.total = new long[columns];
    }

    /** Postings are summed per leaf code; the 类/款 levels are rolled up once per distinct code. */
    private final Map<String, long[]> leaves = new java.util.HashMap<>();
    private boolean rolledUp;

    void add(String code, Posting p, ColumnRule rule) {
        long[] acc = leaves.get(code);
        if (acc == null) {
            acc = new long[columns];
            leaves.put(code, acc);
        }
        rule.add(p, acc);
        rolledUp = false;
    }

    private void rollUp() {
        if (rolledUp) return;
        sums.clear();
        java.util.Arrays.fill(total, 0);
        for (Map.Entry<String, long[]> e : leaves.entrySet()) {
            String code = e.getKey();
            long[] v = e.getValue();
            if (!nonZero(v)) continue;
            for (int len : levels) {
                if (code.length() < len) break;
                long[] acc = sums.computeIfAbsent(code.substring(0, len), k -> new long[columns]);
                for (int i = 0; i < columns; i++) acc[i] += v[i];
            }
            for (int i = 0; i < columns; i++) total[i] += v[i];
        }
        rolledUp = true;
    }

    void addAll(List<Posting> postings, Function<Posting, String> code, ColumnRule rule) {
        for (Posting p : postings) add(code.apply(p), p, rule);
    }

    boolean isEmpty() {
        rollUp();
        for (long[] v : sums.values()) if (nonZero(v)) return false;
        return true;
    }

    long[] total() {
        rollUp();
        return total.clone();
    }

    List<Row> rows(Classification names, String unit) {
        rollUp();
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
