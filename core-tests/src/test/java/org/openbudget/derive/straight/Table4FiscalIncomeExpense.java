package org.openbudget.derive.straight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;

/**
 * 表4 财政拨款收支预算总体情况表: current-year 财政拨款 only — income by the three budgets, expense by
 * every 类 × 合计 and the three budgets.
 */
final class Table4FiscalIncomeExpense {
    private Table4FiscalIncomeExpense() {}

    static DisclosureTable derive(Context ctx) {
        TableTemplate t = ctx.template(4);
        int n = t.columns().size();
        List<Posting> fiscal = ctx.where(p -> p.source().fiscalCurrent());
        List<Row> rows = new ArrayList<>();
        List<Predicate<Posting>> one = List.of(p -> true);
        Map<String, long[]> income = FixedRows.evaluate(t.incomeRows(), fiscal, one);
        long total = 0;
        for (Posting p : fiscal) total += p.fen();
        for (LineSpec s : t.incomeRows()) {
            rows.add(new Row(Side.INCOME, RowKind.LINE, s.key(), "", s.label(), "", "", firstOnly(income.get(s.key())[0], n)));
        }
        rows.add(new Row(Side.INCOME, RowKind.TOTAL, "income.total", "", ctx.profile.incomeTotalLabel(), "", "", firstOnly(total, n)));
        ClassTree byClass = new ClassTree(n, 3);
        byClass.addAll(fiscal, Posting::func, Table2Income.sourceColumns(t.columns()));
        rows.addAll(Table1IncomeExpense.expenseSide(ctx, byClass, n));
        rows.add(new Row(Side.EXPENSE, RowKind.TOTAL, "expense.total", "", ctx.profile.expenseTotalLabel(), "", "", ClassTree.values(byClass.total())));
        return ctx.table(4, rows);
    }

    private static List<java.math.BigDecimal> firstOnly(long fen, int n) {
        List<java.math.BigDecimal> v = new ArrayList<>();
        v.add(Context.wan(fen));
        for (int i = 1; i < n; i++) v.add(null);
        return v;
    }
}
