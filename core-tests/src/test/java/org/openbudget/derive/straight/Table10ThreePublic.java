package org.openbudget.derive.straight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;

/**
 * 表10 财政拨款"三公"经费支出情况表: the template's fixed rows (合计, 因公出国（境）费, 公务接待费,
 * 公务用车购置及运行费 and its two parts), each a set of 经济分类款, × 合计 and the three budgets,
 * over current-year 财政拨款 (基本 and 项目 alike).
 */
final class Table10ThreePublic {
    private Table10ThreePublic() {}

    static DisclosureTable derive(Context ctx) {
        TableTemplate t = ctx.template(10);
        List<Posting> fiscal = ctx.where(p -> p.source().fiscalCurrent());
        List<Predicate<Posting>> cols = new ArrayList<>();
        for (ColumnSpec c : t.columns()) cols.add(p -> c.feeds(p.source().code()));
        Map<String, long[]> values = FixedRows.evaluate(t.rows(), fiscal, cols);
        List<Row> rows = new ArrayList<>();
        boolean any = false;
        for (LineSpec s : t.rows()) {
            long[] v = values.get(s.key());
            any |= ClassTree.nonZero(v);
            RowKind kind = s.key().equals("total") ? RowKind.TOTAL : RowKind.LINE;
            rows.add(new Row(null, kind, s.key(), "", s.label(), "", "", ClassTree.values(v)));
        }
        if (!any && t.emptyNote() != null) return ctx.emptyTable(10);
        return ctx.table(10, rows);
    }
}
