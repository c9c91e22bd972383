package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.profile.TableTemplate;

/**
 * The project shape (上年结转结余情况明细表, 项目支出表): per unit — a subtotal row when the template
 * prints unit rows, a 基本支出 row when it asks, then one row per project in project-code order — ×
 * measure columns, within the table's scope.
 */
final class ProjectTable {
    private ProjectTable() {}

    /** One unit's money of the table: its 基本支出, per project, and in all. */
    static final class Block {
        final long[] sub;
        final long[] basic;
        final Map<String, long[]> projects = new TreeMap<>();

        Block(int n) {
            sub = new long[n];
            basic = new long[n];
        }
    }

    static DisclosureTable derive(Context ctx, TableTemplate t) {
        ColumnTerms columns = ctx.columns(t);
        int n = columns.n;
        boolean unitRows = t.unitRowsFor(ctx.department());
        List<Row> body = new ArrayList<>();
        long[] total = new long[n];
        for (Map.Entry<String, Context.UnitPostings> e : ctx.byUnit.entrySet()) {
            String unit = ctx.unitNames.get(e.getKey());
            Block b = block(t, columns, e.getValue());
            if (!ClassTree.nonZero(b.sub)) continue;
            if (unitRows) body.add(new Row(null, RowKind.UNIT, "", "", unit, "", unit, ClassTree.values(b.sub)));
            if (t.shape().basicRow() && ClassTree.nonZero(b.basic)) {
                body.add(new Row(null, RowKind.LINE, "basic", "", "基本支出", "", unit, ClassTree.values(b.basic)));
            }
            b.projects.forEach((code, v) -> {
                String name = ctx.projectName(code);
                body.add(new Row(null, RowKind.PROJECT, "", "", name, name, unit, ClassTree.values(v)));
            });
            for (int i = 0; i < n; i++) total[i] = Math.addExact(total[i], b.sub[i]);
        }
        if (!ClassTree.nonZero(total)) return ctx.emptyTable(t);
        return ctx.table(t, ctx.withTotal(ctx.total(n, total), body));
    }

    private static Block block(TableTemplate t, ColumnTerms columns, Context.UnitPostings unit) {
        Object kept = unit.blocks.get(t.id());
        if (kept instanceof Block b) return b;
        Block b = new Block(columns.n);
        for (Posting p : unit.postings) {
            int[] cols = columns.perPosting ? columns.columns(p) : columns.cellRule().targets(Sums.cell(p.src(), p.kind()));
            if (cols.length == 0 || (p.basic() && !t.shape().basicRow())) continue;
            long[] acc = p.basic() ? b.basic : b.projects.computeIfAbsent(p.line().projectCode(), k -> new long[columns.n]);
            for (int c : cols) {
                acc[c] = Math.addExact(acc[c], p.fen());
                b.sub[c] = Math.addExact(b.sub[c], p.fen());
            }
        }
        unit.blocks.put(t.id(), b);
        return b;
    }
}
