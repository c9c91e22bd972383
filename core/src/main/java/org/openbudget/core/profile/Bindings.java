package org.openbudget.core.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.measure.Where;

/**
 * What a shaped table's cells measure, as filters over postings (a union of {@link Where} terms): its
 * scope, each column, each fixed row. The derivation sums postings by these; the checks compare cells
 * whose filters are the same money, or add up to it.
 */
public final class Bindings {
    private Bindings() {}

    /** The money the whole table shows. */
    public static List<Where> scope(TableTemplate t, MeasureDictionary dict) {
        String where = t.shape() == null ? "" : t.shape().where();
        return where.isEmpty() ? List.of(Where.ANY) : dict.terms(where);
    }

    /** One column: its measure, or its inline sources/经济分类 codes, or all money when it names none. */
    public static List<Where> column(ColumnSpec c, MeasureDictionary dict) {
        if (!c.measure().isEmpty()) return dict.terms(c.measure());
        return List.of(inline(c.sources(), c.eco()));
    }

    /** A fixed row's own filter (a row of sum_of: use {@link #rows}). */
    public static List<Where> row(LineSpec s, MeasureDictionary dict) {
        if (!s.measure().isEmpty()) return dict.terms(s.measure());
        return List.of(inline(s.sources(), s.eco()));
    }

    /** Every fixed row's filter by key, a row of sum_of being the union of its parts'. */
    public static Map<String, List<Where>> rows(List<LineSpec> specs, MeasureDictionary dict) {
        Map<String, LineSpec> byKey = new HashMap<>();
        for (LineSpec s : specs) byKey.put(s.key(), s);
        Map<String, List<Where>> out = new HashMap<>();
        for (LineSpec s : specs) resolve(s, byKey, dict, out, new HashSet<>());
        return out;
    }

    private static List<Where> resolve(LineSpec s, Map<String, LineSpec> byKey, MeasureDictionary dict,
                                       Map<String, List<Where>> out, Set<String> visiting) {
        List<Where> done = out.get(s.key());
        if (done != null) return done;
        if (!visiting.add(s.key())) throw new IllegalStateException("template row " + s.key() + " sums itself");
        List<Where> terms;
        if (s.sumOf().isEmpty()) {
            terms = row(s, dict);
        } else {
            terms = new ArrayList<>();
            for (String k : s.sumOf()) {
                LineSpec part = byKey.get(k);
                if (part != null) terms.addAll(resolve(part, byKey, dict, out, visiting));
            }
        }
        out.put(s.key(), List.copyOf(terms));
        return terms;
    }

    static Where inline(List<String> sources, List<String> eco) {
        Where w = Where.ANY;
        if (!sources.isEmpty() && !sources.contains("*")) w = w.and(Where.sources(sources));
        if (!eco.isEmpty()) w = w.and(Where.eco(eco));
        return w;
    }

    /** Both filters at once, term by term (contradictions dropped). */
    public static List<Where> and(List<Where> a, List<Where> b) {
        List<Where> out = new ArrayList<>();
        for (Where x : a) for (Where y : b) {
            Where w = x.and(y);
            if (!w.none()) out.add(w);
        }
        return out;
    }
}
