package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.measure.Where;
import org.openbudget.core.profile.Bindings;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.TableTemplate;

/**
 * The value columns of a shaped table as filters over postings: each column is its measure (or its
 * inline {@code sources}/{@code eco}) within the table's scope, a union of {@link Where} terms. A
 * posting feeds every column one of whose terms it matches. When no term looks at a posting's
 * 经济分类 or 功能分类 code, the columns are a {@link Sums.CellRule} over the shared sums; otherwise the
 * table is summed posting by posting ({@link #perPosting}).
 */
final class ColumnTerms {
    final int n;
    final List<List<Where>> terms;
    final boolean perPosting;
    private final Map<String, int[]>[] byCell;
    private final List<FundingSource> sources;

    @SuppressWarnings("unchecked")
    ColumnTerms(List<List<Where>> terms, List<FundingSource> sources) {
        this.n = terms.size();
        this.terms = List.copyOf(terms);
        this.sources = sources;
        boolean codes = false;
        for (List<Where> c : terms) for (Where w : c) codes |= w.eco() != null || w.func() != null;
        this.perPosting = codes;
        this.byCell = new Map[sources.size() * Posting.KINDS];
    }

    /** The columns of a table template, within its scope. */
    static ColumnTerms of(TableTemplate t, MeasureDictionary dict, List<FundingSource> sources) {
        List<Where> scope = Bindings.scope(t, dict);
        List<List<Where>> cols = new ArrayList<>();
        for (ColumnSpec c : t.columns()) cols.add(Bindings.and(scope, Bindings.column(c, dict)));
        return new ColumnTerms(cols, sources);
    }

    /** One column (all money of the scope) — for rows whose value is printed in a single column. */
    static ColumnTerms single(TableTemplate t, MeasureDictionary dict, List<FundingSource> sources) {
        return new ColumnTerms(List.of(Bindings.scope(t, dict)), sources);
    }

    static boolean matches(List<Where> terms, FundingSource s, int kind, String eco, String func) {
        for (Where w : terms) {
            if (w.matches(s) && w.matchesKind(kind) && (eco == null || w.matchesEco(eco)) && (func == null || w.matchesFunc(func))) return true;
        }
        return false;
    }

    /** Columns as a rule over the sums' source × kind cells (only when {@link #perPosting} is false). */
    Sums.CellRule cellRule() {
        if (rule != null) return rule;
        return rule = new Sums.CellRule(sources, n, (s, k, c) -> matches(terms.get(c), s, k, null, null));
    }

    private Sums.CellRule rule;

    /** The columns money of one source × kind cell (and 经济分类 code, when columns look at it) feeds. */
    int[] targets(int cell, FundingSource s, int kind, String eco) {
        if (!perPosting) {
            if (rule == null) rule = cellRule();
            return rule.targets(cell);
        }
        int[] buf = new int[n];
        int k = 0;
        for (int c = 0; c < n; c++) if (matches(terms.get(c), s, kind, eco, null)) buf[k++] = c;
        return java.util.Arrays.copyOf(buf, k);
    }

    /** The columns one posting feeds (remembered per source × kind and code). */
    int[] columns(Posting p) {
        int cell = Sums.cell(p.src(), p.kind());
        Map<String, int[]> m = byCell[cell];
        if (m == null) {
            m = new HashMap<>();
            byCell[cell] = m;
        }
        String key = p.eco() + "|" + p.func();
        int[] cols = m.get(key);
        if (cols == null) {
            int[] buf = new int[n];
            int k = 0;
            for (int c = 0; c < n; c++) if (matches(terms.get(c), p.source(), p.kind(), p.eco(), p.func())) buf[k++] = c;
            cols = java.util.Arrays.copyOf(buf, k);
            m.put(key, cols);
        }
        return cols;
    }
}
