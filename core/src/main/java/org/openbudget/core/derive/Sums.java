package org.openbudget.core.derive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.classification.FundingSource;

/**
 * A budget's postings summed once, for all the tables: per 功能分类项 code, per 经济分类款 code and
 * in all, each a vector of cells indexed {@code source × kind} ({@link #cell}). Most tables are a
 * view of these few sums ({@link CellRule} says which cells feed which column), so the postings are
 * read once per budget rather than once per table; a department's sums are its units' sums added up.
 * Sums of whole 分 are exact, so the order of adding never changes a figure.
 */
final class Sums {
    /** The year's funding sources, in the order the cells are indexed. */
    final List<FundingSource> sources;
    /** Cells per vector: sources × kinds. */
    final int width;
    final Map<String, long[]> byFunc = new HashMap<>();
    final Map<String, long[]> byEco = new HashMap<>();
    final long[] all;

    Sums(List<FundingSource> sources) {
        this.sources = sources;
        this.width = sources.size() * Posting.KINDS;
        this.all = new long[width];
    }

    static int cell(int src, int kind) {
        return src * Posting.KINDS + kind;
    }

    void add(Posting p) {
        int i = cell(p.src(), p.kind());
        long fen = p.fen();
        long[] f = vector(byFunc, p.func());
        f[i] = Math.addExact(f[i], fen);
        long[] e = vector(byEco, p.eco());
        e[i] = Math.addExact(e[i], fen);
        all[i] = Math.addExact(all[i], fen);
    }

    /** Adds another budget's sums (a unit's, into its department's). */
    void addAll(Sums other) {
        other.byFunc.forEach((code, v) -> add(vector(byFunc, code), v));
        other.byEco.forEach((code, v) -> add(vector(byEco, code), v));
        add(all, other.all);
    }

    private long[] vector(Map<String, long[]> m, String code) {
        long[] v = m.get(code);
        if (v == null) {
            v = new long[width];
            m.put(code, v);
        }
        return v;
    }

    private static void add(long[] acc, long[] v) {
        for (int i = 0; i < acc.length; i++) acc[i] = Math.addExact(acc[i], v[i]);
    }

    /** Total of the cells whose source passes. */
    long total(long[] cells, java.util.function.Predicate<FundingSource> source) {
        long t = 0;
        for (int s = 0; s < sources.size(); s++) {
            if (!source.test(sources.get(s))) continue;
            for (int k = 0; k < Posting.KINDS; k++) t = Math.addExact(t, cells[cell(s, k)]);
        }
        return t;
    }

    /**
     * Which value columns each cell (source × kind) of a vector adds to: the same money a
     * {@code ColumnRule} would add posting by posting, added once per vector.
     */
    static final class CellRule {
        @FunctionalInterface
        interface Feeds {
            boolean test(FundingSource source, int kind, int column);
        }

        final int columns;
        private final int[][] targets;

        CellRule(List<FundingSource> sources, int columns, Feeds feeds) {
            this.columns = columns;
            this.targets = new int[sources.size() * Posting.KINDS][];
            int[] buf = new int[columns];
            for (int s = 0; s < sources.size(); s++) {
                for (int k = 0; k < Posting.KINDS; k++) {
                    int n = 0;
                    for (int c = 0; c < columns; c++) if (feeds.test(sources.get(s), k, c)) buf[n++] = c;
                    targets[cell(s, k)] = java.util.Arrays.copyOf(buf, n);
                }
            }
        }

        /** The columns one cell adds to. */
        int[] targets(int cell) {
            return targets[cell];
        }

        /** Adds the cells of {@code v} to the columns of {@code acc}. */
        void addTo(long[] v, long[] acc) {
            for (int i = 0; i < v.length; i++) {
                long x = v[i];
                if (x == 0) continue;
                for (int c : targets[i]) acc[c] = Math.addExact(acc[c], x);
            }
        }

        long[] apply(long[] v) {
            long[] acc = new long[columns];
            addTo(v, acc);
            return acc;
        }

        /** Every vector of a map as a leaf of the tree. */
        void addLeaves(Map<String, long[]> vectors, ClassTree tree) {
            vectors.forEach((code, v) -> tree.addOwnLeaf(code, apply(v)));
        }
    }
}
