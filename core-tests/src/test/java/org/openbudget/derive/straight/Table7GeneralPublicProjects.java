package org.openbudget.derive.straight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.TableTemplate;

/**
 * 表7 一般公共预算项目支出情况表: current-year 一般公共预算 项目支出 — 类 and 款 rows, then one row per
 * project at 项 level (in 项 code, then project code order) × 项目支出合计 and the 经济分类类 columns.
 * A department adds a subtotal row per unit above that unit's rows.
 */
final class Table7GeneralPublicProjects {
    private Table7GeneralPublicProjects() {}

    static DisclosureTable derive(Context ctx) {
        TableTemplate t = ctx.template(7);
        ColumnRule rule = columns(t.columns());
        int n = t.columns().size();
        Predicate<Posting> gpbProject = p -> p.source().generalPublicCurrent() && p.project();
        List<Row> body = new ArrayList<>();
        long[] total = new long[n];
        if (t.unitRowsFor(ctx.department())) {
            for (Map.Entry<String, List<Posting>> e : ctx.byUnit.entrySet()) {
                String unit = ctx.unitNames.get(e.getKey());
                List<Row> rows = new ArrayList<>();
                long[] sub = block(ctx, e.getValue().stream().filter(gpbProject).toList(), rule, n, unit, rows);
                if (!ClassTree.nonZero(sub)) continue;
                body.add(new Row(null, RowKind.UNIT, "", "", unit, "", unit, ClassTree.values(sub)));
                body.addAll(rows);
                for (int i = 0; i < n; i++) total[i] += sub[i];
            }
        } else {
            total = block(ctx, ctx.where(gpbProject), rule, n, "", body);
        }
        if (!ClassTree.nonZero(total)) return ctx.emptyTable(7);
        return ctx.table(7, ctx.withTotal(ctx.total(n, total), body));
    }

    private static long[] block(Context ctx, List<Posting> postings, ColumnRule rule, int n, String unit, List<Row> out) {
        ClassTree tree = new ClassTree(n, 3, 5);
        tree.addAll(postings, Posting::func, rule);
        Map<String, long[]> projectSums = new TreeMap<>();
        Map<String, String[]> projectKeys = new java.util.HashMap<>();
        for (Posting p : postings) {
            String key = p.func() + "|" + p.line().projectCode();
            long[] acc = projectSums.computeIfAbsent(key, k -> new long[n]);
            rule.add(p, acc);
            projectKeys.putIfAbsent(key, new String[]{p.func(), p.line().projectCode()});
        }
        TreeMap<String, Row> ordered = new TreeMap<>();
        for (Row r : tree.rows(ctx.ref.functional(), unit)) ordered.put(r.code(), r);
        projectSums.forEach((key, v) -> {
            if (!ClassTree.nonZero(v)) return;
            String[] k = projectKeys.get(key);
            ordered.put(key, new Row(null, RowKind.PROJECT, "", k[0], ctx.ref.functional().nameOrCode(k[0]),
                    ctx.projectName(k[1]), unit, ClassTree.values(v)));
        });
        out.addAll(ordered.values());
        return tree.total();
    }

    /** 项目支出合计 (no eco filter) and one column per list of 经济分类类. */
    static ColumnRule columns(List<ColumnSpec> columns) {
        List<Predicate<Posting>> preds = new ArrayList<>();
        for (ColumnSpec c : columns) {
            if (c.eco().isEmpty()) preds.add(p -> true);
            else preds.add(p -> c.eco().stream().anyMatch(p.eco()::startsWith));
        }
        @SuppressWarnings("unchecked")
        Predicate<Posting>[] arr = preds.toArray(new Predicate[0]);
        return ColumnRule.of(arr);
    }
}
