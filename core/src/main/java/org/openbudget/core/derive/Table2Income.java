package org.openbudget.core.derive;

import java.util.List;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.TableTemplate;

/** 表2 收入总体情况表: all money by 功能分类 类/款/项 × the template's source columns (总计 … 非财政拨款结转结余). */
final class Table2Income {
    private Table2Income() {}

    static DisclosureTable derive(Context ctx) {
        TableTemplate t = ctx.template(2);
        ClassTree tree = new ClassTree(t.columns().size(), 3, 5, 7);
        ctx.rule("2", () -> sourceColumns(ctx.sums, t.columns(), s -> true)).addLeaves(ctx.sums.byFunc, tree);
        if (tree.isEmpty()) return ctx.emptyTable(2);
        return ctx.table(2, ctx.withTotal(ctx.total(t.columns().size(), tree.total()), tree.rows(ctx.ref.functional(), "")));
    }

    /** A column per source set (ColumnSpec#feeds), over the money of {@code budget} only. */
    static Sums.CellRule sourceColumns(Sums sums, List<ColumnSpec> columns, java.util.function.Predicate<FundingSource> budget) {
        return new Sums.CellRule(sums.sources, columns.size(), (s, k, c) -> budget.test(s) && columns.get(c).feeds(s.code()));
    }
}
