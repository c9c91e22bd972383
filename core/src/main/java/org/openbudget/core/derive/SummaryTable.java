package org.openbudget.core.derive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;

/**
 * The two-sided summary shape (收支总表, 财政拨款收支总表): the template's income rows (measures, or sums
 * of other rows) and 收入总计, beside expense by 功能分类 类 (every 类 of the year when the template
 * says so) and 支出总计 — all within the table's scope, × its measure columns.
 */
final class SummaryTable {
    private SummaryTable() {}

    static DisclosureTable derive(Context ctx, TableTemplate t) {
        int n = t.columns().size();
        ColumnTerms columns = ctx.columns(t);
        boolean firstOnly = t.shape().incomeFirstColumn() || n == 1;
        ColumnTerms incomeColumns = firstOnly ? ctx.compiled(t.id() + "#single", () -> ColumnTerms.single(t, ctx.measures(), ctx.sums.sources)) : columns;
        Map<String, long[]> income = FixedTable.evaluate(ctx, t, t.incomeRows(), incomeColumns);
        List<Row> rows = new ArrayList<>();
        for (LineSpec s : t.incomeRows()) {
            rows.add(new Row(Side.INCOME, RowKind.LINE, s.key(), "", s.label(), "", "", spread(income.get(s.key()), n)));
        }
        long[] incomeTotal = new long[incomeColumns.n];
        if (t.incomeTotalOf().isEmpty()) {
            for (long[] v : rootRows(t, income)) add(incomeTotal, v);
        } else {
            for (String k : t.incomeTotalOf()) add(incomeTotal, income.get(k));
        }
        rows.add(new Row(Side.INCOME, RowKind.TOTAL, "income.total", "", ctx.profile.incomeTotalLabel(), "", "", spread(incomeTotal, n)));
        ClassTree byClass = ClassificationTable.tree(ctx, t, columns, ClassificationTable.levels(t));   // 类, or 类 款 项
        rows.addAll(expenseSide(ctx, byClass, n, t.shape().allClasses()));
        List<String> closing = t.shape().expenseClosing();
        Map<String, long[]> closingValues = new java.util.HashMap<>();
        for (int i = 0; i < closing.size(); i++) {
            long[] v = i == 0 ? byClass.total() : closingRow(ctx, t, columns, closing.get(i), i);
            closingValues.put(closing.get(i), v);
            List<BigDecimal> printed = v == null ? new ArrayList<>(Collections.nCopies(n, (BigDecimal) null)) : ClassTree.values(v);
            rows.add(new Row(Side.EXPENSE, RowKind.LINE, i == 0 ? "expense.current" : "expense.closing." + i, "", closing.get(i), "", "", printed));
        }
        long[] expenseTotal = byClass.total();
        if (ctx.budget.isFinal() && !t.shape().expenseTotalOf().isEmpty()) {
            // a 决算: 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余 (the rows the shape names)
            expenseTotal = new long[n];
            for (String label : t.shape().expenseTotalOf()) {
                long[] v = closingValues.get(label);
                if (v != null) add(expenseTotal, v);
            }
        }
        rows.add(new Row(Side.EXPENSE, RowKind.TOTAL, "expense.total", "", ctx.profile.expenseTotalLabel(), "", "", ClassTree.values(expenseTotal)));
        return ctx.table(t, rows);
    }

    /**
     * A closing expense row after 本年支出合计: in a 决算, the flow measure its label names in the dictionary (结余分配,
     * 年末结转和结余, 年末财政拨款结转和结余) within the table's scope, × its columns; null (blank) otherwise — a budget
     * carries nothing forward.
     */
    private static long[] closingRow(Context ctx, TableTemplate t, ColumnTerms columns, String label, int i) {
        if (!ctx.budget.isFinal()) return null;
        var m = ctx.measures().byLabel(label).filter(org.openbudget.core.measure.Measure::hasFlow);
        if (m.isEmpty()) return null;
        String key = "expense.closing." + i;
        LineSpec spec = new LineSpec(key, label, List.of(), List.of(), List.of(), List.of(), m.get().key());
        return FixedTable.evaluate(ctx, t, List.of(spec), columns).get(key);
    }

    /** Income rows no other row sums (when the template does not say what makes 收入总计). */
    private static List<long[]> rootRows(TableTemplate t, Map<String, long[]> income) {
        java.util.Set<String> parts = new java.util.HashSet<>();
        for (LineSpec s : t.incomeRows()) parts.addAll(s.sumOf());
        List<long[]> out = new ArrayList<>();
        for (LineSpec s : t.incomeRows()) if (!parts.contains(s.key())) out.add(income.get(s.key()));
        return out;
    }

    private static void add(long[] acc, long[] v) {
        for (int i = 0; i < acc.length; i++) acc[i] = Math.addExact(acc[i], v[i]);
    }

    /** Values in the first column only when the row was evaluated in one column. */
    private static List<BigDecimal> spread(long[] v, int n) {
        if (v.length == n) return ClassTree.values(v);
        List<BigDecimal> out = new ArrayList<>(Collections.nCopies(n, (BigDecimal) null));
        out.set(0, Context.wan(v[0]));
        return out;
    }

    /**
     * Every 类 of the year in code order (when {@code all}) and any other 类 the ledger uses, blank where zero;
     * the 款 and 项 under each 类 when the template's levels include them.
     */
    static List<Row> expenseSide(Context ctx, ClassTree tree, int columns, boolean all) {
        Map<String, Row> found = new java.util.TreeMap<>();
        for (Row r : tree.rows(ctx.ref.functional(), "")) found.put(r.code(), r);
        java.util.TreeMap<String, Row> out = new java.util.TreeMap<>();
        if (all) {
            for (var c : ctx.ref.functional().categories()) {
                Row r = found.get(c.code());
                List<BigDecimal> blank = new ArrayList<>(Collections.nCopies(columns, (BigDecimal) null));
                out.put(c.code(), new Row(Side.EXPENSE, RowKind.CLASS, "", c.code(), c.name(), "", "", r == null ? blank : r.values()));
            }
        }
        for (Row r : found.values()) {
            if (!out.containsKey(r.code())) out.put(r.code(), new Row(Side.EXPENSE, RowKind.CLASS, "", r.code(), r.name(), "", "", r.values()));
        }
        return new ArrayList<>(out.values());
    }
}
