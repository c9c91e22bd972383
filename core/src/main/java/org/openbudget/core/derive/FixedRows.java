package org.openbudget.core.derive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.profile.LineSpec;

/**
 * Evaluates a template's fixed rows (表1/表4 income rows, 表10 rows): each is a sum of funding
 * sources, of 经济分类 codes, or of other fixed rows. Reads the budget's shared {@link Sums}: a row of
 * sources adds the per-source totals, a row of 经济分类 codes the vectors of the codes it names.
 */
final class FixedRows {
    private FixedRows() {}

    /**
     * @param budget  which money the table shows (e.g. current-year 财政拨款 only)
     * @param columns which column each source × kind cell adds to
     */
    static Map<String, long[]> evaluate(List<LineSpec> specs, Sums sums, Predicate<FundingSource> budget, Sums.CellRule columns) {
        Map<String, LineSpec> byKey = new HashMap<>();
        for (LineSpec s : specs) byKey.put(s.key(), s);
        // the cells (source × kind) of the money this table shows
        long[] mask = new long[sums.width];
        for (int s = 0; s < sums.sources.size(); s++) {
            if (!budget.test(sums.sources.get(s))) continue;
            for (int k = 0; k < Posting.KINDS; k++) mask[Sums.cell(s, k)] = 1;
        }
        Map<String, long[]> memo = new HashMap<>();
        for (LineSpec s : specs) value(s, byKey, sums, mask, columns, memo, new java.util.HashSet<>());
        return memo;
    }

    private static long[] value(LineSpec s, Map<String, LineSpec> byKey, Sums sums, long[] mask, Sums.CellRule columns,
                                Map<String, long[]> memo, Set<String> visiting) {
        long[] done = memo.get(s.key());
        if (done != null) return done;
        if (!visiting.add(s.key())) throw new IllegalStateException("template row " + s.key() + " sums itself");
        long[] acc = new long[columns.columns];
        if (!s.sumOf().isEmpty()) {
            for (String k : s.sumOf()) {
                LineSpec child = byKey.get(k);
                if (child == null) throw new IllegalStateException("template row " + s.key() + " sums unknown row " + k);
                long[] v = value(child, byKey, sums, mask, columns, memo, visiting);
                for (int i = 0; i < acc.length; i++) acc[i] = Math.addExact(acc[i], v[i]);
            }
        } else if (!s.sources().isEmpty() || !s.eco().isEmpty()) {
            // the cells of the named sources (all when none are named) within the table's money
            long[] cells = mask.clone();
            if (!s.sources().isEmpty()) {
                for (int src = 0; src < sums.sources.size(); src++) {
                    if (s.sources().contains(sums.sources.get(src).code())) continue;
                    for (int k = 0; k < Posting.KINDS; k++) cells[Sums.cell(src, k)] = 0;
                }
            }
            if (s.eco().isEmpty()) {
                columns.addTo(masked(sums.all, cells), acc);
            } else {
                for (Map.Entry<String, long[]> e : sums.byEco.entrySet()) {
                    String eco = e.getKey();
                    if (!startsWithAny(eco, s.eco())) continue;
                    columns.addTo(masked(e.getValue(), cells), acc);
                }
            }
        }
        memo.put(s.key(), acc);
        return acc;
    }

    static boolean startsWithAny(String code, List<String> prefixes) {
        for (String p : prefixes) if (code.startsWith(p)) return true;
        return false;
    }

    private static long[] masked(long[] v, long[] mask) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * mask[i];
        return out;
    }
}
