package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openbudget.core.classification.Classification;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.profile.TableTemplate;

/**
 * The classification shape: rows of the 功能分类 or 经济分类 (类/款/项 as the template's levels say,
 * only where some column is non-zero) × measure columns, within the table's scope; with a row per
 * project under its 项 when the template asks, and for a department a subtotal row per unit above
 * that unit's rows when the template prints unit rows.
 */
final class ClassificationTable {
    private ClassificationTable() {}

    /** One unit's money of the table summed per 项 and project (kept, so a department reuses its units'). */
    static final class Block {
        final Map<String, Map<String, long[]>> byCodeProject = new HashMap<>();
    }

    static DisclosureTable derive(Context ctx, TableTemplate t) {
        ColumnTerms columns = ctx.columns(t);
        int n = columns.n;
        int[] levels = levels(t);
        Classification names = t.shape().economic() ? ctx.ref.economic() : ctx.ref.functional();
        if (!t.shape().projectRows() && !t.unitRowsFor(ctx.department())) {
            ClassTree tree = tree(ctx, t, columns, levels);
            if (tree.isEmpty()) return ctx.emptyTable(t);
            if (t.unitsOnly()) return ctx.table(t, List.of(ctx.total(n, tree.total())));
            return ctx.table(t, ctx.withTotal(ctx.total(n, tree.total()), tree.rows(names, "")));
        }
        List<Row> body = new ArrayList<>();
        long[] total = new long[n];
        if (t.unitRowsFor(ctx.department())) {
            for (Map.Entry<String, Context.UnitPostings> e : ctx.byUnit.entrySet()) {
                String unit = ctx.unitNames.get(e.getKey());
                List<Row> rows = new ArrayList<>();
                long[] sub = rows(ctx, t, names, levels, List.of(block(ctx, t, columns, e.getValue())), n, unit, rows);
                if (!ClassTree.nonZero(sub)) continue;
                body.add(new Row(null, RowKind.UNIT, "", "", unit, "", unit, ClassTree.values(sub)));
                if (!t.unitsOnly()) body.addAll(rows);
                for (int i = 0; i < n; i++) total[i] = Math.addExact(total[i], sub[i]);
            }
        } else {
            List<Block> blocks = new ArrayList<>();
            for (Context.UnitPostings u : ctx.byUnit.values()) blocks.add(block(ctx, t, columns, u));
            total = rows(ctx, t, names, levels, blocks, n, "", body);
        }
        if (!ClassTree.nonZero(total)) return ctx.emptyTable(t);
        return ctx.table(t, ctx.withTotal(ctx.total(n, total), body));
    }

    static int[] levels(TableTemplate t) {
        return t.shape().levels().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The table's money rolled up the classification (no project or unit rows). */
    static ClassTree tree(Context ctx, TableTemplate t, ColumnTerms columns, int[] levels) {
        ClassTree tree = new ClassTree(columns.n, levels);
        boolean economic = t.shape().economic();
        if (!columns.perPosting && ctx.entries.isEmpty()) {
            columns.cellRule().addLeaves(economic ? ctx.sums.byEco : ctx.sums.byFunc, tree);
        } else {
            Map<String, long[]> leaves = new HashMap<>();
            for (Context.UnitPostings u : ctx.byUnit.values()) {
                for (Posting p : u.postings) addLeaf(columns, economic, leaves, p);
            }
            // a 决算's entries (income, balances, 经营支出 …): only the columns of their flow take them
            for (Posting p : ctx.entries) addLeaf(columns, economic, leaves, p);
            leaves.forEach(tree::addOwnLeaf);
        }
        return tree;
    }

    private static void addLeaf(ColumnTerms columns, boolean economic, Map<String, long[]> leaves, Posting p) {
        int[] cols = columns.columns(p);
        if (cols.length == 0) return;
        String code = economic ? p.eco() : p.func();
        if (code == null || code.isEmpty()) return;   // an entry without a 经济分类 code has no row of an economic table
        long[] acc = leaves.computeIfAbsent(code, k -> new long[columns.n]);
        for (int c : cols) acc[c] = Math.addExact(acc[c], p.fen());
    }

    private static Block block(Context ctx, TableTemplate t, ColumnTerms columns, Context.UnitPostings unit) {
        Object kept = unit.blocks.get(t.id());
        if (kept instanceof Block b) return b;
        Block b = new Block();
        boolean economic = t.shape().economic();
        boolean projects = t.shape().projectRows();
        for (Posting p : unit.postings) {
            int[] cols = columns.columns(p);
            if (cols.length == 0) continue;
            String code = economic ? p.eco() : p.func();
            Map<String, long[]> byProject = b.byCodeProject.computeIfAbsent(code, k -> new HashMap<>());
            String project = projects && p.project() ? p.line().projectCode() : "";
            long[] acc = byProject.computeIfAbsent(project, k -> new long[columns.n]);
            for (int c : cols) acc[c] = Math.addExact(acc[c], p.fen());
        }
        unit.blocks.put(t.id(), b);
        return b;
    }

    /** Class rows and project rows of these blocks, into {@code out}; returns their total. */
    private static long[] rows(Context ctx, TableTemplate t, Classification names, int[] levels, List<Block> blocks,
                               int n, String unit, List<Row> out) {
        ClassTree tree = new ClassTree(n, levels);
        Map<String, long[]> projectSums = new TreeMap<>();
        Map<String, String[]> projectKeys = new HashMap<>();
        for (Block b : blocks) {
            b.byCodeProject.forEach((code, byProject) -> byProject.forEach((project, v) -> {
                tree.addLeaf(code, v);
                if (project.isEmpty()) return;
                String key = code + "|" + project;
                long[] acc = projectSums.get(key);
                if (acc == null) {
                    projectSums.put(key, v.clone());
                    projectKeys.put(key, new String[]{code, project});
                } else {
                    for (int i = 0; i < n; i++) acc[i] = Math.addExact(acc[i], v[i]);
                }
            }));
        }
        TreeMap<String, Row> ordered = new TreeMap<>();
        for (Row r : tree.rows(names, unit)) ordered.put(r.code(), r);
        projectSums.forEach((key, v) -> {
            if (!ClassTree.nonZero(v)) return;
            String[] k = projectKeys.get(key);
            ordered.put(key, new Row(null, RowKind.PROJECT, "", k[0], names.nameOrCode(k[0]), ctx.projectName(k[1]), unit, ClassTree.values(v)));
        });
        out.addAll(ordered.values());
        return tree.total();
    }
}
