package org.openbudget.derive.straight;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * A column per source set (ColumnSpec#feeds). Which columns a source feeds is worked out once
     * per source, so each posting adds to its columns without testing every column.
     */
    static ColumnRule sourceColumns(List<ColumnSpec> columns) {
        java.util.Map<String, int[]> masks = new java.util.concurrent.ConcurrentHashMap<>();
        return (p, acc) -> {
            int[] cols = masks.computeIfAbsent(p.source().code(), code -> {
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) if (columns.get(i).feeds(code)) out.add(i);
                return out.stream().mapToInt(Integer::intValue).toArray();
            });
            for (int i : cols) acc[i] += p.fen();
        };
    }
}
