package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** One unit's 一般公共预算 项目支出 summed per 项 and project, in the template's columns. */
    static final class Block {
        final TableTemplate template;
        final Map<String, Map<String, long[]>> byFuncProject = new HashMap<>();

        Block(TableTemplate template) { this.template = template; }
    }

    static DisclosureTable derive(Context ctx) {
        TableTemplate t = ctx.template(7);
        int n = t.columns().size();
        List<Row> body = new ArrayList<>();
        long[] total = new long[n];
        if (t.unitRowsFor(ctx.department())) {
            for (Map.Entry<String, Context.UnitPostings> e : ctx.byUnit.entrySet()) {
                String unit = ctx.unitNames.get(e.getKey());
                List<Row> rows = new ArrayList<>();
                long[] sub = rows(ctx, List.of(block(e.getValue(), t)), n, unit, rows);
                if (!ClassTree.nonZero(sub)) continue;
                body.add(new Row(null, RowKind.UNIT, "", "", unit, "", unit, ClassTree.values(sub)));
                body.addAll(rows);
                for (int i = 0; i < n; i++) total[i] = Math.addExact(total[i], sub[i]);
            }
        } else {
            List<Block> blocks = new ArrayList<>();
            for (Context.UnitPostings u : ctx.byUnit.values()) blocks.add(block(u, t));
            total = rows(ctx, blocks, n, "", body);
        }
        if (!ClassTree.nonZero(total)) return ctx.emptyTable(7);
        return ctx.table(7, ctx.withTotal(ctx.total(n, total), body));
    }

    /** The unit's block, summed once per template (a department reuses its units' blocks). */
    private static Block block(Context.UnitPostings unit, TableTemplate t) {
        if (unit.t7 != null && unit.t7.template == t) return unit.t7;
        Block b = new Block(t);
        int n = t.columns().size();
        Map<String, int[]> columnsByEco = new HashMap<>();
        for (Posting p : unit.postings) {
            if (!p.source().generalPublicCurrent() || !p.project()) continue;
            int[] cols = columnsByEco.get(p.eco());
            if (cols == null) {
                cols = columns(t.columns(), p.eco());
                columnsByEco.put(p.eco(), cols);
            }
            Map<String, long[]> byProject = b.byFuncProject.get(p.func());
            if (byProject == null) {
                byProject = new HashMap<>();
                b.byFuncProject.put(p.func(), byProject);
            }
            long[] acc = byProject.get(p.line().projectCode());
            if (acc == null) {
                acc = new long[n];
                byProject.put(p.line().projectCode(), acc);
            }
            for (int c : cols) acc[c] = Math.addExact(acc[c], p.fen());
        }
        unit.t7 = b;
        return b;
    }

    /** 类 and 款 rows and the project rows of these blocks, into {@code out}; returns their total. */
    private static long[] rows(Context ctx, List<Block> blocks, int n, String unit, List<Row> out) {
        ClassTree tree = new ClassTree(n, 3, 5);
        Map<String, long[]> projectSums = new TreeMap<>();
        Map<String, String[]> projectKeys = new HashMap<>();
        for (Block b : blocks) {
            b.byFuncProject.forEach((func, byProject) -> byProject.forEach((project, v) -> {
                tree.addLeaf(func, v);
                String key = func + "|" + project;
                long[] acc = projectSums.get(key);
                if (acc == null) {
                    projectSums.put(key, v.clone());
                    projectKeys.put(key, new String[]{func, project});
                } else {
                    for (int i = 0; i < n; i++) acc[i] = Math.addExact(acc[i], v[i]);
                }
            }));
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

    /** The columns a 经济分类款 adds to: 项目支出合计 (no eco filter) and the column of its 经济分类类. */
    static int[] columns(List<ColumnSpec> columns, String eco) {
        int[] out = new int[columns.size()];
        int n = 0;
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec c = columns.get(i);
            if (c.eco().isEmpty() || FixedRows.startsWithAny(eco, c.eco())) out[n++] = i;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
