package org.openbudget.derive.straight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;

/**
 * 表1 收支总体情况表: income by funding source (the template's rows) beside expense by every
 * 功能分类类 of the year (blank ones included); 收入总计 = 支出总计.
 */
final class Table1IncomeExpense {
    private Table1IncomeExpense() {}

    static DisclosureTable derive(Context ctx) {
        TableTemplate t = ctx.template(1);
        List<Row> rows = new ArrayList<>();
        List<Predicate<Posting>> one = List.of(p -> true);
        Map<String, long[]> income = FixedRows.evaluate(t.incomeRows(), ctx.postings, one);
        long total = 0;
        for (Posting p : ctx.postings) total += p.fen();
        for (LineSpec s : t.incomeRows()) {
            rows.add(new Row(Side.INCOME, RowKind.LINE, s.key(), "", s.label(), "", "", java.util.Collections.singletonList(opt(income.get(s.key())[0]))));
        }
        rows.add(new Row(Side.INCOME, RowKind.TOTAL, "income.total", "", ctx.profile.incomeTotalLabel(), "", "", java.util.Collections.singletonList(opt(total))));
        ClassTree byClass = new ClassTree(1, 3);
        byClass.addAll(ctx.postings, Posting::func, (p, acc) -> acc[0] += p.fen());
        rows.addAll(expenseSide(ctx, byClass, 1));
        rows.add(new Row(Side.EXPENSE, RowKind.TOTAL, "expense.total", "", ctx.profile.expenseTotalLabel(), "", "", java.util.Collections.singletonList(opt(total))));
        return ctx.table(1, rows);
    }

    /** Every 类 of the year in code order (and any other 类 the ledger uses), blank where zero. */
    static List<Row> expenseSide(Context ctx, ClassTree tree, int columns) {
        Map<String, Row> found = new java.util.TreeMap<>();
        for (Row r : tree.rows(ctx.ref.functional(), "")) found.put(r.code(), r);
        java.util.TreeMap<String, Row> out = new java.util.TreeMap<>();
        for (ClassItem c : ctx.ref.functional().categories()) {
            Row r = found.get(c.code());
            List<java.math.BigDecimal> blank = new ArrayList<>();
            for (int i = 0; i < columns; i++) blank.add(null);
            out.put(c.code(), new Row(Side.EXPENSE, RowKind.CLASS, "", c.code(), c.name(), "", "", r == null ? blank : r.values()));
        }
        for (Row r : found.values()) {
            if (!out.containsKey(r.code())) out.put(r.code(), new Row(Side.EXPENSE, RowKind.CLASS, "", r.code(), r.name(), "", "", r.values()));
        }
        return new ArrayList<>(out.values());
    }

    static java.math.BigDecimal opt(long fen) {
        return Context.wan(fen);
    }
}
