package org.openbudget.core.derive;

import org.openbudget.core.disclosure.DisclosureTable;

/** 表3 支出总体情况表: all money by 功能分类 类/款/项 × 合计, 基本支出, 项目支出. */
final class Table3Expense {
    private Table3Expense() {}

    static DisclosureTable derive(Context ctx) {
        ClassTree tree = new ClassTree(3, 3, 5, 7);
        ctx.rule("3", () -> basicProject(ctx.sums, s -> true)).addLeaves(ctx.sums.byFunc, tree);
        if (tree.isEmpty()) return ctx.emptyTable(3);
        return ctx.table(3, ctx.withTotal(ctx.total(3, tree.total()), tree.rows(ctx.ref.functional(), "")));
    }

    /** 合计, 基本支出, 项目支出 of the money of {@code budget}. */
    static Sums.CellRule basicProject(Sums sums, java.util.function.Predicate<org.openbudget.core.classification.FundingSource> budget) {
        return new Sums.CellRule(sums.sources, 3, (s, k, c) -> budget.test(s)
                && (c == 0 || (c == 1 && k != Posting.PROJECT) || (c == 2 && k == Posting.PROJECT)));
    }
}
