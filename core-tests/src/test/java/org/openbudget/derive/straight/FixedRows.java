package org.openbudget.derive.straight;

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
        // postings summed once per (source, 经济分类款) and column; rows then add up these few groups
        Map<String, Map<String, Group>> bySource = new HashMap<>();
        List<Group> groups = new java.util.ArrayList<>();
        int n = columns.size();
        for (Posting p : postings) {
            Map<String, Group> byEco = bySource.computeIfAbsent(p.source().code(), k -> new HashMap<>());
            Group g = byEco.get(p.eco());
            if (g == null) {
                g = new Group(p.source().code(), p.eco(), new long[n]);
                byEco.put(p.eco(), g);
                groups.add(g);
            }
            for (int i = 0; i < n; i++) if (columns.get(i).test(p)) g.sums[i] += p.fen();
        }
        Map<String, long[]> memo = new HashMap<>();
        for (LineSpec s : specs) value(s, byKey, groups, n, memo, new java.util.HashSet<>());
        return memo;
    }

    private record Group(String source, String eco, long[] sums) {}

    private static long[] value(LineSpec s, Map<String, LineSpec> byKey, java.util.Collection<Group> groups,
                                int columns, Map<String, long[]> memo, Set<String> visiting) {
        long[] done = memo.get(s.key());
        if (done != null) return done;
        if (!visiting.add(s.key())) throw new IllegalStateException("template row " + s.key() + " sums itself");
        long[] acc = new long[columns];
        if (!s.sumOf().isEmpty()) {
            for (String k : s.sumOf()) {
                LineSpec child = byKey.get(k);
                if (child == null) throw new IllegalStateException("template row " + s.key() + " sums unknown row " + k);
                long[] v = value(child, byKey, groups, columns, memo, visiting);
                for (int i = 0; i < acc.length; i++) acc[i] += v[i];
            }
        } else {
            if (!s.sources().isEmpty() || !s.eco().isEmpty()) {
                for (Group g : groups) {
                    if (!s.sources().isEmpty() && !s.sources().contains(g.source())) continue;
                    if (!s.eco().isEmpty() && s.eco().stream().noneMatch(g.eco()::startsWith)) continue;
                    for (int i = 0; i < acc.length; i++) acc[i] += g.sums()[i];
                }
            }
        }
        memo.put(s.key(), acc);
        return acc;
    }
}
