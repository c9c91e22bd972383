package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.measure.Where;
import org.openbudget.core.profile.Bindings;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;

/**
 * The fixed-rows shape (the 三公 table): the template's rows — each a measure, or the sum of other
 * rows — × its measure columns, within the table's scope. The row keyed {@code total} is the
 * table's total row. A table whose rows are all zero prints its empty sentence when it has one.
 */
final class FixedTable {
    private FixedTable() {}

    static DisclosureTable derive(Context ctx, TableTemplate t) {
        ColumnTerms columns = ctx.columns(t);
        List<LineSpec> now = new ArrayList<>();
        List<LineSpec> last = new ArrayList<>();
        for (LineSpec s : t.rows()) {
            if (s.computed()) continue;
            if (s.lastYear()) last.add(s.thisYear());
            else now.add(s);
        }
        Map<String, long[]> values = new HashMap<>(evaluate(ctx, t, now, columns));
        if (!last.isEmpty()) {
            // rows of last year (深圳 表9's "2025 年"): last year's ledger under the same columns; blank when there is none
            Context prior = ctx.prior();
            if (prior != null) values.putAll(evaluate(prior, t, last, prior.columns(t)));
            for (LineSpec s : last) values.putIfAbsent(s.key(), new long[columns.n]);
        }
        for (LineSpec s : t.rows()) {
            if (!s.computed()) continue;
            long[] a = values.get(s.change().get(0)), b = values.get(s.change().get(1));
            long[] d = new long[columns.n];
            for (int i = 0; i < d.length; i++) d[i] = Math.subtractExact(a[i], b[i]);
            values.put(s.key(), d);
        }
        List<Row> rows = new ArrayList<>();
        boolean any = false;
        for (LineSpec s : t.rows()) {
            long[] v = values.get(s.key());
            any |= ClassTree.nonZero(v);
            RowKind kind = s.key().equals("total") ? RowKind.TOTAL : RowKind.LINE;
            rows.add(new Row(null, kind, s.key(), "", ctx.years(s.label()), "", "", ClassTree.values(v)));
        }
        if (!any && t.emptyNote() != null) return ctx.emptyTable(t);
        return ctx.table(t, rows);
    }

    /**
     * Each row's column sums: a row of its own filter adds the postings it matches (per 经济分类款 from
     * the shared sums, or posting by posting when a 功能分类 code matters); a row of {@code sum_of} adds
     * its parts, which is also the identity the checks verify.
     */
    static Map<String, long[]> evaluate(Context ctx, TableTemplate t, List<LineSpec> specs, ColumnTerms columns) {
        Map<String, LineSpec> byKey = new HashMap<>();
        for (LineSpec s : specs) byKey.put(s.key(), s);
        Map<String, long[]> memo = new HashMap<>();
        for (LineSpec s : specs) value(ctx, s, byKey, columns, memo, new HashSet<>());
        return memo;
    }

    private static long[] value(Context ctx, LineSpec s, Map<String, LineSpec> byKey, ColumnTerms columns,
                                Map<String, long[]> memo, Set<String> visiting) {
        long[] done = memo.get(s.key());
        if (done != null) return done;
        if (!visiting.add(s.key())) throw new IllegalStateException("template row " + s.key() + " sums itself");
        long[] acc = new long[columns.n];
        if (!s.sumOf().isEmpty()) {
            for (String k : s.sumOf()) {
                LineSpec child = byKey.get(k);
                if (child == null) throw new IllegalStateException("template row " + s.key() + " sums unknown row " + k);
                long[] v = value(ctx, child, byKey, columns, memo, visiting);
                for (int i = 0; i < acc.length; i++) acc[i] = Math.addExact(acc[i], v[i]);
            }
        } else if (!ctx.entries.isEmpty() || columns.anyFlow || ctx.rowFlowed(s) != null) {
            ColumnTerms.Flowed rf = ctx.rowFlowed(s);
            flowed(ctx, rf != null ? rf : ColumnTerms.row(s, ctx.measures()), columns, acc);
        } else {
            List<Where> row = Bindings.row(s, ctx.measures());
            boolean funcMatters = false;
            for (Where w : row) funcMatters |= w.func() != null;
            for (List<Where> c : columns.terms) for (Where w : c) funcMatters |= w.func() != null;
            if (funcMatters) {
                for (Context.UnitPostings u : ctx.byUnit.values()) {
                    for (Posting p : u.postings) {
                        if (!ColumnTerms.matches(row, p.source(), p.kind(), p.eco(), p.func())) continue;
                        for (int c : columns.columns(p)) acc[c] = Math.addExact(acc[c], p.fen());
                    }
                }
            } else {
                Sums sums = ctx.sums;
                boolean ecoMatters = columns.perPosting; // a column of 经济分类 codes (the 三公 items as columns)
                for (Where w : row) ecoMatters |= w.eco() != null;
                if (ecoMatters) {
                    for (Map.Entry<String, long[]> e : sums.byEco.entrySet()) {
                        if (anyEco(row, e.getKey())) addCells(row, e.getValue(), e.getKey(), sums.sources, columns, acc);
                    }
                } else {
                    addCells(row, sums.all, null, sums.sources, columns, acc);
                }
            }
        }
        memo.put(s.key(), acc);
        return acc;
    }

    /**
     * A row of a 决算, posting by posting over the ledger and the flows' entries: a posting counts in a column when it
     * is of the row's flow (or, for a row of the ledger's measures, of the column's) and matches both filters.
     */
    private static void flowed(Context ctx, ColumnTerms.Flowed row, ColumnTerms columns, long[] acc) {
        String[] want = new String[columns.n];
        for (int c = 0; c < columns.n; c++) {
            String cf = columns.flows.get(c);
            want[c] = row.flow().isEmpty() ? cf : cf.isEmpty() || cf.equals(row.flow()) ? row.flow() : null;
        }
        java.util.function.Consumer<Posting> add = p -> {
            if (!ColumnTerms.matches(row.terms(), p.source(), p.kind(), p.eco(), p.func())) return;
            for (int c = 0; c < columns.n; c++) {
                if (want[c] == null || !columns.flowOk(want[c], p)) continue;
                if (ColumnTerms.matches(columns.terms.get(c), p.source(), p.kind(), p.eco(), p.func())) acc[c] = Math.addExact(acc[c], p.fen());
            }
        };
        for (Context.UnitPostings u : ctx.byUnit.values()) u.postings.forEach(add);
        ctx.entries.forEach(add);
    }

    private static boolean anyEco(List<Where> row, String eco) {
        for (Where w : row) if (w.matchesEco(eco)) return true;
        return false;
    }

    /** The non-zero source × kind cells of {@code v} the row matches, into the columns they feed. */
    private static void addCells(List<Where> row, long[] v, String eco, List<FundingSource> sources, ColumnTerms columns, long[] acc) {
        for (int src = 0; src < sources.size(); src++) {
            for (int k = 0; k < Posting.KINDS; k++) {
                int cell = Sums.cell(src, k);
                long x = v[cell];
                if (x == 0 || !ColumnTerms.matches(row, sources.get(src), k, eco, null)) continue;
                for (int c : columns.targets(cell, sources.get(src), k, eco)) acc[c] = Math.addExact(acc[c], x);
            }
        }
    }
}
