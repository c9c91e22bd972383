package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openbudget.core.classification.Classification;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.money.Fen;

/**
 * Sums leaf vectors (postings already summed per 项 or 款 code) up a classification: 类 (3 digits)
 * above 款 (5) above 项 (7). Rows come out in code order, parents first, only where some column is
 * non-zero.
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

    /** Sums per leaf code; the 类/款 levels are rolled up once per distinct code. */
    private final Map<String, long[]> leaves = new java.util.HashMap<>();
    private boolean rolledUp;

    /** Adds a vector of column sums to a leaf code (postings already summed per code). */
    void addLeaf(String code, long[] v) {
        addOwnLeaf(code, v.clone());
    }

    /** As {@link #addLeaf}, handing over {@code v} (the tree may keep and change it). */
    void addOwnLeaf(String code, long[] v) {
        long[] acc = leaves.get(code);
        if (acc == null) {
            leaves.put(code, v);
        } else {
            for (int i = 0; i < columns; i++) acc[i] = Math.addExact(acc[i], v[i]);
        }
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
                String key = prefix(code, len);
                long[] acc = sums.get(key);
                if (acc == null) {
                    acc = new long[columns];
                    sums.put(key, acc);
                }
                for (int i = 0; i < columns; i++) acc[i] = Math.addExact(acc[i], v[i]);
            }
            for (int i = 0; i < columns; i++) total[i] = Math.addExact(total[i], v[i]);
        }
        rolledUp = true;
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

    /** Leading digits of codes (类 and 款 of a 项), made once per code: the same strings, hashed once. */
    private static final java.util.Map<String, String[]> PREFIXES = new java.util.concurrent.ConcurrentHashMap<>();

    static String prefix(String code, int len) {
        if (len >= code.length()) return code;
        String[] p = PREFIXES.get(code);
        if (p == null) {
            if (PREFIXES.size() > 100_000) PREFIXES.clear();
            p = new String[code.length()];
            for (int i = 1; i < p.length; i++) p[i] = code.substring(0, i);
            PREFIXES.put(code, p);
        }
        return p[len];
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
