package org.openbudget.derive.straight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;

/**
 * 表11 上年结转结余情况明细表: carry-over money (上年结转结余 sources) per unit and project × 总计,
 * 财政拨款 (合计, 人员经费, 公用经费, 项目支出) and 非财政拨款 (the same four). Basic carry-over is one
 * 基本支出 row per unit; projects follow in project-code order.
 */
final class Table11CarryOver {
    static final int COLUMNS = 9;

    private Table11CarryOver() {}

    static DisclosureTable derive(Context ctx) {
        ColumnRule rule = ColumnRule.of(
                p -> true,
                p -> p.source().carryOverFiscal(),
                p -> p.source().carryOverFiscal() && p.personnel(),
                p -> p.source().carryOverFiscal() && p.publicUse(),
                p -> p.source().carryOverFiscal() && p.project(),
                p -> p.source().carryOverNonFiscal(),
                p -> p.source().carryOverNonFiscal() && p.personnel(),
                p -> p.source().carryOverNonFiscal() && p.publicUse(),
                p -> p.source().carryOverNonFiscal() && p.project());
        boolean unitRows = ctx.template(11).unitRowsFor(ctx.department());
        List<Row> body = new ArrayList<>();
        long[] total = new long[COLUMNS];
        for (Map.Entry<String, List<Posting>> e : ctx.byUnit.entrySet()) {
            String unit = ctx.unitNames.get(e.getKey());
            long[] sub = new long[COLUMNS];
            long[] basic = new long[COLUMNS];
            Map<String, long[]> projects = new TreeMap<>();
            for (Posting p : e.getValue()) {
                if (p.source().currentYear()) continue;
                long[] acc = p.basic() ? basic : projects.computeIfAbsent(p.line().projectCode(), k -> new long[COLUMNS]);
                rule.add(p, acc);
                rule.add(p, sub);
            }
            if (!ClassTree.nonZero(sub)) continue;
            if (unitRows) body.add(new Row(null, RowKind.UNIT, "", "", unit, "", unit, ClassTree.values(sub)));
            if (ClassTree.nonZero(basic)) {
                body.add(new Row(null, RowKind.LINE, "basic", "", "基本支出", "", unit, ClassTree.values(basic)));
            }
            projects.forEach((code, v) -> {
                String name = ctx.projectName(code);
                body.add(new Row(null, RowKind.PROJECT, "", "", name, name, unit, ClassTree.values(v)));
            });
            for (int i = 0; i < COLUMNS; i++) total[i] += sub[i];
        }
        if (!ClassTree.nonZero(total)) return ctx.emptyTable(11);
        return ctx.table(11, ctx.withTotal(ctx.total(COLUMNS, total), body));
    }
}
