package org.openbudget.derive.straight;

import java.util.function.Predicate;

import org.openbudget.core.disclosure.DisclosureTable;

/**
 * 表8 政府性基金预算支出情况表 and 表9 国有资本经营预算支出情况表: that budget's current-year money by
 * 功能分类 × 合计, 人员经费, 公用经费, 项目支出 — or the template's empty-table sentence.
 */
final class Table8And9FundExpense {
    private Table8And9FundExpense() {}

    static DisclosureTable deriveGovernmentFund(Context ctx) {
        return derive(ctx, 8, p -> p.source().governmentFundCurrent());
    }

    static DisclosureTable deriveStateCapital(Context ctx) {
        return derive(ctx, 9, p -> p.source().stateCapitalCurrent());
    }

    private static DisclosureTable derive(Context ctx, int no, Predicate<Posting> budget) {
        ClassTree tree = new ClassTree(4, 3, 5, 7);
        tree.addAll(ctx.where(budget), Posting::func,
                ColumnRule.of(p -> true, Posting::personnel, Posting::publicUse, Posting::project));
        if (tree.isEmpty()) return ctx.emptyTable(no);
        return ctx.table(no, ctx.withTotal(ctx.total(4, tree.total()), tree.rows(ctx.ref.functional(), "")));
    }
}
