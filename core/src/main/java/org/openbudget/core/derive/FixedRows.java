package org.openbudget.core.derive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.openbudget.core.profile.LineSpec;

/**
 * Evaluates a template's fixed rows (表1/表4 income rows, 表10 rows): each is a sum of funding
 * sources, of 经济分类 codes, or of other fixed rows.
 */
final class FixedRows {
    private FixedRows() {}

    static Map<String, long[]> evaluate(List<LineSpec> specs, List<Posting> postings, List<Predicate<Posting>> columns) {
        Map<String, LineSpec> byKey = new HashMap<>();
        for (LineSpec s : specs) byKey.put(s.key(), s);
        Map<String, long[]> memo = new HashMap<>();
        for (LineSpec s : specs) value(s, byKey, postings, columns, memo, new java.util.HashSet<>());
        return memo;
    }

    private static long[] value(LineSpec s, Map<String, LineSpec> byKey, List<Posting> postings,
                                List<Predicate<Posting>> columns, Map<String, long[]> memo, Set<String> visiting) {
        long[] done = memo.get(s.key());
        if (done != null) return done;
        if (!visiting.add(s.key())) throw new IllegalStateException("template row " + s.key() + " sums itself");
        long[] acc = new long[columns.size()];
        if (!s.sumOf().isEmpty()) {
            for (String k : s.sumOf()) {
                LineSpec child = byKey.get(k);
                if (child == null) throw new IllegalStateException("template row " + s.key() + " sums unknown row " + k);
                long[] v = value(child, byKey, postings, columns, memo, visiting);
                for (int i = 0; i < acc.length; i++) acc[i] += v[i];
            }
        } else {
            Set<String> src = Set.copyOf(s.sources());
            for (Posting p : postings) {
                if (!src.isEmpty() && !src.contains(p.source().code())) continue;
                if (!s.eco().isEmpty() && s.eco().stream().noneMatch(p.eco()::startsWith)) continue;
                if (src.isEmpty() && s.eco().isEmpty()) continue;
                for (int i = 0; i < acc.length; i++) if (columns.get(i).test(p)) acc[i] += p.fen();
            }
        }
        memo.put(s.key(), acc);
        return acc;
    }
}
