package org.openbudget.audit.shape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * A plain table's amounts put in their columns (cells run together with single spaces, a blank cell leaving no trace):
 * each row's visible amounts, in order, placed by {@link Placement} — the table's equations, the columns the document
 * can fill (the sources it has money of, the economic classes its projects name, 项目支出 money on project rows and
 * 人员/公用经费 on 基本支出 rows), and what the rows under each row add up to, the rows' tree given by their codes, levels
 * and the fixed rows' sums.
 */
final class PlainPlacement {
    private final TableTemplate t;
    private final TableShape shape;
    private final TemplateProfile profile;
    private final ReferenceData ref;
    private final DocumentContext doc;
    private final int n;
    private final List<String> notes;
    /** How notes name the table. */
    private final String named;

    PlainPlacement(TableTemplate t, TemplateProfile profile, ReferenceData ref, DocumentContext doc, List<String> notes, String named) {
        this.t = t;
        this.shape = t.shape();
        this.profile = profile;
        this.ref = ref;
        this.doc = doc;
        this.n = t.columns().size();
        this.notes = notes;
        this.named = named;
    }

    /**
     * The rows with their amounts put in their columns: {@code numbers} each row's visible amounts in order (null: the
     * row's values are known), by the table's equations, the columns its document can fill and what its rows below add up to.
     */
    List<Row> place(List<Row> base, List<List<BigDecimal>> numbers) {
        List<Placement.Equation> eqs = new ArrayList<>();
        for (String e : t.equations()) {
            try {
                eqs.add(Placement.Equation.parse(e));
            } catch (RuntimeException ex) {
                notes.add(named + "：模板等式「" + e + "」无法解析");
            }
        }
        Placement placement = new Placement(n, eqs, allowedColumns(), notes);
        boolean projectsTable = shape != null && shape.kind() == TableShape.Kind.PROJECTS;
        boolean basic = projectsTable && base.stream().anyMatch(r -> r.kind() == RowKind.LINE);
        boolean projects = projectsTable && base.stream().anyMatch(r -> r.kind() == RowKind.PROJECT);
        List<Placement.Node> nodes = new ArrayList<>(base.size());
        for (int i = 0; i < base.size(); i++) {
            Row r = base.get(i);
            List<BigDecimal> nums = numbers.get(i);
            String where = named + " 第" + (r.origin() == null ? 0 : r.origin().line()) + "行（" + r.label() + "）";
            Placement.Node node = nums == null ? new Placement.Node(List.of(), r.values().toArray(new BigDecimal[0]), where)
                    : new Placement.Node(nums, null, where);
            if (projectsTable) {
                // 人员/公用经费 from the 基本支出 rows only, 项目支出 from the project rows only
                if (r.kind() == RowKind.PROJECT || (!basic && projects)) node.allowed = kindColumns(true);
                else if (r.kind() == RowKind.LINE || (basic && !projects)) node.allowed = kindColumns(false);
            }
            nodes.add(node);
        }
        int[] parents = parents(base);
        List<Placement.Node> roots = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            if (parents[i] < 0) roots.add(nodes.get(i));
            else nodes.get(parents[i]).children.add(nodes.get(i));
        }
        placement.solve(roots);
        List<Row> placed = new ArrayList<>(base.size());
        for (int i = 0; i < base.size(); i++) {
            BigDecimal[] v = nodes.get(i).values;
            List<BigDecimal> values = new ArrayList<>(java.util.Collections.nCopies(n, (BigDecimal) null));
            if (v != null) for (int c = 0; c < n && c < v.length; c++) values.set(c, v[c] == null || v[c].signum() == 0 ? null : v[c]);
            placed.add(base.get(i).withValues(values));
        }
        return placed;
    }

    /** Each row's parent (index, −1 for a root): a fixed row's the row whose sum_of lists it; else the nearest row above at a higher level on its side, or its side's total. */
    private int[] parents(List<Row> in) {
        int[] out = new int[in.size()];
        java.util.Arrays.fill(out, -1);
        if (shape != null && shape.kind() == TableShape.Kind.FIXED) {
            Map<String, Integer> byKey = new HashMap<>();
            for (int i = 0; i < in.size(); i++) byKey.putIfAbsent(in.get(i).key(), i);
            Map<String, String> parentKey = new HashMap<>();
            for (LineSpec p : t.rows()) for (String part : p.sumOf()) parentKey.putIfAbsent(part, p.key());
            for (int i = 0; i < in.size(); i++) {
                Row r = in.get(i);
                if (r.kind() == RowKind.TOTAL) continue;
                Integer p = parentKey.containsKey(r.key()) ? byKey.get(parentKey.get(r.key())) : null;
                // a chain that leads back here (a damaged template) makes no tree
                int depth = 0;
                for (String k = parentKey.get(r.key()); k != null && depth < 64; k = parentKey.get(k)) depth++;
                out[i] = p == null || p == i || depth >= 64 ? -1 : p;
            }
            return out;
        }
        boolean summary = shape != null && shape.kind() == TableShape.Kind.SUMMARY;
        Map<Side, Integer> totals = new HashMap<>();
        for (int i = 0; i < in.size(); i++) if (in.get(i).kind() == RowKind.TOTAL) totals.putIfAbsent(sideOf(in.get(i)), i);
        Map<Side, int[]> lastAt = new HashMap<>();
        for (int i = 0; i < in.size(); i++) {
            org.openbudget.io.guard.ReadGuard.checkpoint();
            Row r = in.get(i);
            int level = level(r);
            int[] last = lastAt.computeIfAbsent(sideOf(r), x -> { int[] a = new int[6]; java.util.Arrays.fill(a, -1); return a; });
            if (r.kind() != RowKind.TOTAL && !(summary && r.side() == Side.INCOME)) {
                int best = -1;
                for (int l = 0; l < level && l < last.length; l++) if (last[l] > best) best = last[l];
                out[i] = best >= 0 ? best : totals.getOrDefault(sideOf(r), -1);
            }
            last[Math.min(level, last.length - 1)] = i;
        }
        return out;
    }

    private static Side sideOf(Row r) {
        return r.side() == null ? Side.EXPENSE : r.side();
    }

    private int level(Row r) {
        return switch (r.kind()) {
            case TOTAL -> 0;
            case UNIT -> 1;
            case CLASS -> r.code().length() == 3 ? 2 : r.code().length() == 5 ? 3 : 4;
            case PROJECT -> shape != null && shape.kind() == TableShape.Kind.PROJECTS ? 2 : 5;
            case LINE -> 2;
        };
    }

    /** Columns a plain row's amounts can be in: those of the sources the document has money of, and of the economic classes its projects name. */
    private boolean[] allowedColumns() {
        boolean[] a = FundedColumns.of(t, profile, ref, doc.sourcesInUse);
        java.util.Set<String> eco = doc.projectEco();
        for (int c = 0; c < n; c++) {
            var col = t.columns().get(c);
            if (!eco.isEmpty() && !col.eco().isEmpty()) a[c] = col.eco().stream().anyMatch(eco::contains);
        }
        return a;
    }

    /** Columns of 项目支出 money ({@code project}), or of 人员/公用经费 (a 基本支出 row's). */
    private final boolean[][] kindColumns = new boolean[2][];

    private boolean[] kindColumns(boolean project) {
        if (kindColumns[project ? 1 : 0] != null) return kindColumns[project ? 1 : 0];
        boolean[] a = new boolean[n];
        kindColumns[project ? 1 : 0] = a;
        for (int c = 0; c < n; c++) {
            int kinds = 0;
            for (var term : columnKey(t.columns().get(c))) kinds |= term.kinds();
            a[c] = project ? (kinds & 4) != 0 : (kinds & 3) != 0;
        }
        return a;
    }

    private List<org.openbudget.core.profile.MoneyCells.Term> columnKey(org.openbudget.core.profile.ColumnSpec col) {
        return org.openbudget.core.profile.MoneyCells.key(org.openbudget.core.profile.Bindings.column(col, profile.measures()), ref.sources());
    }
}
