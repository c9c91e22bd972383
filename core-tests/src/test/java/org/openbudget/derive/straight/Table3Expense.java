package org.openbudget.derive.straight;

import org.openbudget.core.disclosure.DisclosureTable;

/** 表3 支出总体情况表: all money by 功能分类 类/款/项 × 合计, 基本支出, 项目支出. */
final class Table3Expense {
    private Table3Expense() {}

    static DisclosureTable derive(Context ctx) {
        ClassTree tree = new ClassTree(3, 3, 5, 7);
        tree.addAll(ctx.postings, Posting::func, ColumnRule.of(p -> true, Posting::basic, Posting::project));
        if (tree.isEmpty()) return ctx.emptyTable(3);
        return ctx.table(3, ctx.withTotal(ctx.total(3, tree.total()), tree.rows(ctx.ref.functional(), "")));
    }
}
