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
import org.openbudget.core.profile.LineSpec;
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
    /** Each column's 决算 flow ("" = the ledger's lines and the spending flows): see {@link Flowed}. */
    final List<String> flows;
    /** Some column reads a 决算 flow. */
    final boolean anyFlow;
    private final java.util.Set<String> spending;
    private final Map<Codes, int[]>[] byCell;

    /** A posting's codes and flow: what, besides its source and kind, decides its columns (the strings' hashes are kept). */
    private record Codes(String eco, String func, String flow) {}
    private final List<FundingSource> sources;
    /** Whether some column's terms look at a posting's 经济分类 / 功能分类 code (else the code does not decide its columns). */
    private final boolean looksAtEco, looksAtFunc;

    ColumnTerms(List<List<Where>> terms, List<FundingSource> sources) {
        this(terms, java.util.Collections.nCopies(terms.size(), ""), java.util.Set.of(), sources);
    }

    @SuppressWarnings("unchecked")
    ColumnTerms(List<List<Where>> terms, List<String> flows, java.util.Set<String> spending, List<FundingSource> sources) {
        this.n = terms.size();
        this.terms = List.copyOf(terms);
        this.flows = List.copyOf(flows);
        this.spending = spending;
        this.sources = sources;
        boolean eco = false, func = false;
        for (List<Where> c : terms) {
            for (Where w : c) {
                eco |= w.eco() != null;
                func |= w.func() != null;
            }
        }
        this.looksAtEco = eco;
        this.looksAtFunc = func;
        boolean codes = eco || func;
        boolean any = false;
        for (String f : flows) any |= !f.isEmpty();
        this.anyFlow = any;
        this.perPosting = codes || any;
        this.byCell = new Map[sources.size() * (Posting.KINDS + 1)];
    }

    /**
     * A measure expression as a derivation reads it: the 决算 flow it names ({@link org.openbudget.core.measure.Measure#flow},
     * "" for the ledger) and its filter — a flow measure's own filter on its entries ({@code within}), the others' as the
     * checks see them.
     */
    record Flowed(String flow, List<Where> terms) {
        static Flowed of(String expression, MeasureDictionary dict) {
            String flow = "";
            List<Where> acc = List.of(Where.ANY);
            for (String k : MeasureDictionary.keys(expression)) {
                var m = dict.get(k);
                List<Where> part;
                if (m.hasFlow()) {
                    flow = m.flow();
                    part = List.of(m.within());
                } else {
                    part = dict.terms(k);
                }
                acc = Bindings.and(acc, part);
            }
            return new Flowed(flow, acc);
        }

        /** Both at once: one flow (or none), both filters; a contradiction of flows reads nothing. */
        Flowed and(Flowed o) {
            if (!flow.isEmpty() && !o.flow.isEmpty() && !flow.equals(o.flow)) return new Flowed(flow, List.of());
            return new Flowed(flow.isEmpty() ? o.flow : flow, Bindings.and(terms, o.terms));
        }
    }

    static Flowed scope(TableTemplate t, MeasureDictionary dict) {
        String where = t.shape() == null ? "" : t.shape().where();
        return where.isEmpty() ? new Flowed("", List.of(Where.ANY)) : Flowed.of(where, dict);
    }

    static Flowed column(ColumnSpec c, MeasureDictionary dict) {
        if (!c.measure().isEmpty()) return Flowed.of(c.measure(), dict);
        return new Flowed("", Bindings.column(c, dict));
    }

    static Flowed row(LineSpec s, MeasureDictionary dict) {
        if (!s.measure().isEmpty()) return Flowed.of(s.measure(), dict);
        return new Flowed("", Bindings.row(s, dict));
    }

    /** The columns of a table template, within its scope. */
    static ColumnTerms of(TableTemplate t, MeasureDictionary dict, List<FundingSource> sources) {
        Flowed scope = scope(t, dict);
        List<List<Where>> cols = new ArrayList<>();
        List<String> flows = new ArrayList<>();
        for (ColumnSpec c : t.columns()) {
            Flowed f = scope.and(column(c, dict));
            cols.add(f.terms());
            flows.add(f.flow());
        }
        return new ColumnTerms(cols, flows, FinalBalances.spendingFlows(dict), sources);
    }

    /** One column (all money of the scope) — for rows whose value is printed in a single column. */
    static ColumnTerms single(TableTemplate t, MeasureDictionary dict, List<FundingSource> sources) {
        Flowed scope = scope(t, dict);
        return new ColumnTerms(List.of(scope.terms()), List.of(scope.flow()), FinalBalances.spendingFlows(dict), sources);
    }

    /** Does a posting of {@code p}'s flow count in a column (or row) of flow {@code want}? The ledger's columns count the spending flows too. */
    boolean flowOk(String want, Posting p) {
        return want.isEmpty() ? p.ledger() || spending.contains(p.flow()) : want.equals(p.flow());
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
        int cell = p.src() * (Posting.KINDS + 1) + p.kind();
        Map<Codes, int[]> m = byCell[cell];
        if (m == null) {
            m = new HashMap<>();
            byCell[cell] = m;
        }
        Codes key = new Codes(looksAtEco ? p.eco() : null, looksAtFunc ? p.func() : null, p.flow());
        int[] cols = m.get(key);
        if (cols == null) {
            int[] buf = new int[n];
            int k = 0;
            for (int c = 0; c < n; c++) if (flowOk(flows.get(c), p) && matches(terms.get(c), p.source(), p.kind(), p.eco(), p.func())) buf[k++] = c;
            cols = java.util.Arrays.copyOf(buf, k);
            m.put(key, cols);
        }
        return cols;
    }
}
