package org.openbudget.core.derive;

import org.openbudget.core.disclosure.DisclosureTable;

/** 表6 一般公共预算基本支出情况表: its 基本支出 by 经济分类 类/款 × 合计, 人员经费 (301, 303), 公用经费. */
final class Table6GeneralPublicBasic {
    private Table6GeneralPublicBasic() {}

    static DisclosureTable derive(Context ctx) {
        ClassTree tree = new ClassTree(3, 3, 5);
        ctx.rule("6", () -> new Sums.CellRule(ctx.sums.sources, 3, (s, k, c) -> s.generalPublicCurrent() && k != Posting.PROJECT
                && (c == 0 || (c == 1 && k == Posting.PERSONNEL) || (c == 2 && k == Posting.PUBLIC_USE))))
                .addLeaves(ctx.sums.byEco, tree);
        if (tree.isEmpty()) return ctx.emptyTable(6);
        return ctx.table(6, ctx.withTotal(ctx.total(3, tree.total()), tree.rows(ctx.ref.economic(), "")));
    }
}
