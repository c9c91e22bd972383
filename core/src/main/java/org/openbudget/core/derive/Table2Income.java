package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.TableTemplate;

/** 表2 收入总体情况表: all money by 功能分类 类/款/项 × the template's source columns (总计 … 非财政拨款结转结余). */
final class Table2Income {
    private Table2Income() {}

    static DisclosureTable derive(Context ctx) {
        TableTemplate t = ctx.template(2);
        ColumnRule rule = sourceColumns(t.columns());
        ClassTree tree = new ClassTree(t.columns().size(), 3, 5, 7);
        tree.addAll(ctx.postings, Posting::func, rule);
        if (tree.isEmpty()) return ctx.emptyTable(2);
        return ctx.table(2, ctx.withTotal(ctx.total(t.columns().size(), tree.total()), tree.rows(ctx.ref.functional(), "")));
    }

    /** A column per source set; "*" means every source. */
    static ColumnRule sourceColumns(List<ColumnSpec> columns) {
        List<Predicate<Posting>> preds = new ArrayList<>();
        for (ColumnSpec c : columns) {
            if (c.sources().contains("*")) preds.add(p -> true);
            else preds.add(Context.sources(c.sources()));
        }
        @SuppressWarnings("unchecked")
        Predicate<Posting>[] arr = preds.toArray(new Predicate[0]);
        return ColumnRule.of(arr);
    }
}
