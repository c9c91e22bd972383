package org.openbudget.core.derive;

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

    /** One unit's carry-over money: its 基本支出, per project, and in all. */
    static final class Block {
        final long[] sub = new long[COLUMNS];
        final long[] basic = new long[COLUMNS];
        final Map<String, long[]> projects = new TreeMap<>();
    }

    static DisclosureTable derive(Context ctx) {
        boolean unitRows = ctx.template(11).unitRowsFor(ctx.department());
        List<Row> body = new ArrayList<>();
        long[] total = new long[COLUMNS];
        Sums.CellRule rule = null;
        for (Map.Entry<String, Context.UnitPostings> e : ctx.byUnit.entrySet()) {
            String unit = ctx.unitNames.get(e.getKey());
            Context.UnitPostings u = e.getValue();
            if (u.t11 == null) {
                if (rule == null) rule = ctx.rule("11", () -> rule(ctx.sums));
                u.t11 = block(u, rule);
            }
            Block b = u.t11;
            if (!ClassTree.nonZero(b.sub)) continue;
            if (unitRows) body.add(new Row(null, RowKind.UNIT, "", "", unit, "", unit, ClassTree.values(b.sub)));
            if (ClassTree.nonZero(b.basic)) {
                body.add(new Row(null, RowKind.LINE, "basic", "", "基本支出", "", unit, ClassTree.values(b.basic)));
            }
            b.projects.forEach((code, v) -> {
                String name = ctx.projectName(code);
                body.add(new Row(null, RowKind.PROJECT, "", "", name, name, unit, ClassTree.values(v)));
            });
            for (int i = 0; i < COLUMNS; i++) total[i] = Math.addExact(total[i], b.sub[i]);
        }
        if (!ClassTree.nonZero(total)) return ctx.emptyTable(11);
        return ctx.table(11, ctx.withTotal(ctx.total(COLUMNS, total), body));
    }

    /**
     * 总计; 财政拨款 合计, 人员经费, 公用经费, 项目支出; 非财政拨款 the same four — of carry-over money
     * (current-year money feeds no column).
     */
    private static Sums.CellRule rule(Sums sums) {
        return new Sums.CellRule(sums.sources, COLUMNS, (s, k, c) -> {
            if (s.currentYear()) return false;
            if (c == 0) return true;
            int half = s.carryOverFiscal() ? 1 : 5;
            return c == half || c == half + 1 + k;
        });
    }

    /** The unit's carry-over summed once (a department reuses its units' blocks). */
    private static Block block(Context.UnitPostings unit, Sums.CellRule rule) {
        Block b = new Block();
        for (Posting p : unit.postings) {
            if (p.source().currentYear()) continue;
            long[] acc = p.basic() ? b.basic : b.projects.computeIfAbsent(p.line().projectCode(), k -> new long[COLUMNS]);
            for (int c : rule.targets(Sums.cell(p.src(), p.kind()))) {
                acc[c] = Math.addExact(acc[c], p.fen());
                b.sub[c] = Math.addExact(b.sub[c], p.fen());
            }
        }
        return b;
    }
}
