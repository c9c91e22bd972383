package org.openbudget.derive.straight;

import org.openbudget.core.disclosure.DisclosureTable;

/** 表5 一般公共预算支出情况表: current-year 一般公共预算 by 功能分类 × 合计, 基本支出, 项目支出. */
final class Table5GeneralPublicExpense {
    private Table5GeneralPublicExpense() {}

    static DisclosureTable derive(Context ctx) {
        ClassTree tree = new ClassTree(3, 3, 5, 7);
        tree.addAll(ctx.where(p -> p.source().generalPublicCurrent()), Posting::func,
                ColumnRule.of(p -> true, Posting::basic, Posting::project));
        if (tree.isEmpty()) return ctx.emptyTable(5);
        return ctx.table(5, ctx.withTotal(ctx.total(3, tree.total()), tree.rows(ctx.ref.functional(), "")));
    }
}
