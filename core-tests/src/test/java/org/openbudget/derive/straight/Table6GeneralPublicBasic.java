package org.openbudget.derive.straight;

import org.openbudget.core.disclosure.DisclosureTable;

/** 表6 一般公共预算基本支出情况表: its 基本支出 by 经济分类 类/款 × 合计, 人员经费 (301, 303), 公用经费. */
final class Table6GeneralPublicBasic {
    private Table6GeneralPublicBasic() {}

    static DisclosureTable derive(Context ctx) {
        ClassTree tree = new ClassTree(3, 3, 5);
        tree.addAll(ctx.where(p -> p.source().generalPublicCurrent() && p.basic()), Posting::eco,
                ColumnRule.of(p -> true, Posting::personnel, Posting::publicUse));
        if (tree.isEmpty()) return ctx.emptyTable(6);
        return ctx.table(6, ctx.withTotal(ctx.total(3, tree.total()), tree.rows(ctx.ref.economic(), "")));
    }
}
