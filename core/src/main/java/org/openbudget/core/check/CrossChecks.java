package org.openbudget.core.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.CrossCheck;
import org.openbudget.core.profile.CrossCheck.Kind;
import org.openbudget.core.profile.CrossCheck.Part;
import org.openbudget.core.profile.CrossCheck.Ref;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * Between tables: the same money printed in two tables must agree. Which tables, rows and columns a
 * template prints the same money in is the profile's data ({@code checks: between:}, read into
 * {@link CrossCheck}s); the kinds of agreement are here, generic, and name no table: a table is named in
 * messages by its mark or title in the document at hand.
 */
final class CrossChecks {
    private CrossChecks() {}

    private static final Map<TemplateProfile, List<Check>> BY_PROFILE = new IdentityHashMap<>();

    /** The profile's cross checks as catalogue entries (made once per profile object). */
    static List<Check> of(TemplateProfile profile) {
        if (profile == null || profile.meta().crossChecks().isEmpty()) return List.of();
        synchronized (BY_PROFILE) {
            if (BY_PROFILE.size() > 32 && !BY_PROFILE.containsKey(profile)) BY_PROFILE.clear();
            return BY_PROFILE.computeIfAbsent(profile, CrossChecks::make);
        }
    }

    private static List<Check> make(TemplateProfile profile) {
        List<Check> out = new ArrayList<>();
        for (CrossCheck c : profile.meta().crossChecks()) {
            Set<Integer> tables = new java.util.LinkedHashSet<>();
            for (Part p : c.parts()) {
                List<Ref> refs = new ArrayList<>(p.of());
                refs.add(0, p.a());
                refs.add(1, p.b());
                for (Ref r : refs) {
                    if (r != null) profile.tableById(r.table()).ifPresent(t -> tables.add(t.no()));
                }
            }
            int[] nos = tables.stream().mapToInt(Integer::intValue).toArray();
            Severity severity = Severity.valueOf(c.severity().toUpperCase(Locale.ROOT));
            out.add(new Rule(c.id(), severity, c.rule(), nos, ctx -> {
                for (Part p : c.parts()) run(ctx, p);
            }));
        }
        return List.copyOf(out);
    }

    private static void run(CheckContext ctx, Part p) {
        if (p.kind() == Kind.SUM) {
            sum(ctx, p);
            return;
        }
        Cells a = side(ctx, p.a());
        Cells b = side(ctx, p.b());
        if (a == null || b == null) return;
        switch (p.kind()) {
            case CLASSES -> classes(ctx, a, b);
            case ROWS -> rows(ctx, a, b);
            case INCOME_ROWS -> incomeRows(ctx, a, b, p.exact(), p.incomeTotal());
            case CELLS -> cells(ctx, a, b);
            case ECONOMIC_CEILING -> economicCeiling(ctx, a, b, side(ctx, p.c()));
            case CEILING -> ceiling(ctx, a, b);
            case SUM -> { }
        }
    }

    /** A reference resolved in the document at hand: its table, template, row and 0-based columns. */
    private record Cells(int no, DisclosureTable table, TableTemplate template, String row, List<Integer> columns) {
        int column() { return columns.isEmpty() ? 0 : columns.get(0); }

        String columnLabel(int i) { return i < table.columns().size() ? table.columns().get(i) : ""; }
    }

    private static Cells side(CheckContext ctx, Ref ref) {
        if (ref == null) return null;
        TableTemplate tpl = ctx.profile().tableById(ref.table()).orElse(null);
        if (tpl == null) return null;
        DisclosureTable t = ctx.table(tpl.no()).orElse(null);
        if (t == null) return null;
        List<Integer> cols;
        if (!ref.sources().isEmpty()) {
            cols = sourceColumns(ctx, tpl, Set.copyOf(ref.sources()));
            if (cols.isEmpty()) return null;             // the template cannot show this money: nothing to compare
        } else if (!ref.columns().isEmpty()) {
            cols = ref.columns().stream().map(c -> c - 1).toList();
        } else {
            cols = List.of(0);
        }
        return new Cells(tpl.no(), t, tpl, ref.row(), cols);
    }

    private static String name(CheckContext ctx, Cells s) {
        return ctx.tableName(s.table());
    }

    /**
     * Columns (0-based) of a table whose funding-source sets together make up {@code sources}
     * exactly, as the template defines them: the last column with exactly that set if there is one,
     * else non-overlapping narrower columns; empty when the template cannot express the set.
     */
    static List<Integer> sourceColumns(CheckContext ctx, TableTemplate tpl, Set<String> sources) {
        return ctx.templateFact(new SourceColumns(tpl.no(), Set.copyOf(sources)), () -> sourceColumns(tpl, sources));
    }

    private record SourceColumns(int table, Set<String> sources) {}

    private static List<Integer> sourceColumns(TableTemplate tpl, Set<String> sources) {
        List<ColumnSpec> cols = tpl.columns();
        for (int i = cols.size() - 1; i >= 0; i--) {
            if (!cols.get(i).sources().contains("*") && Set.copyOf(cols.get(i).sources()).equals(sources)) return List.of(i);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt(i -> cols.get(i).sources().size()));
        List<Integer> out = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (int i : order) {
            List<String> s = cols.get(i).sources();
            if (s.isEmpty() || s.contains("*") || !sources.containsAll(s) || s.stream().anyMatch(covered::contains)) continue;
            out.add(i);
            covered.addAll(s);
        }
        out.sort(null);
        return covered.equals(sources) ? List.copyOf(out) : List.of();
    }

    /** Funding sources a fixed row sums (following sum_of). */
    static Set<String> sourcesOf(TableTemplate tpl, LineSpec s) {
        Set<String> out = new HashSet<>(s.sources());
        for (String k : s.sumOf()) {
            for (LineSpec c : tpl.incomeRows()) if (c.key().equals(k)) out.addAll(sourcesOf(tpl, c));
        }
        return out;
    }

    /** Each income row of a against b's total row, in the column(s) holding exactly its sources. */
    static void incomeRows(CheckContext ctx, Cells a, Cells b, boolean exact, boolean incomeTotal) {
        Optional<Row> totalB = ctx.total(b.table(), null);
        List<Object[]> pairs = ctx.templateFact(new IncomePairs(a.no(), b.no(), exact), () -> {
            List<Object[]> out = new ArrayList<>();
            List<ColumnSpec> colsB = b.template().columns();
            for (LineSpec s : a.template().incomeRows()) {
                Set<String> src = sourcesOf(a.template(), s);
                if (exact) {
                    for (int i = 0; i < colsB.size(); i++) {
                        List<String> cs = colsB.get(i).sources();
                        if (!cs.isEmpty() && !cs.contains("*") && Set.copyOf(cs).equals(src)) out.add(new Object[]{s, List.of(i)});
                    }
                } else {
                    List<Integer> cols = sourceColumns(b.template(), src);
                    if (!cols.isEmpty()) out.add(new Object[]{s, cols});
                }
            }
            return out;
        });
        int colA = a.column();
        for (Object[] pair : pairs) {
            LineSpec s = (LineSpec) pair[0];
            @SuppressWarnings("unchecked") List<Integer> cols = (List<Integer>) pair[1];
            Optional<Row> ra = ctx.line(a.table(), s.key());
            if (ra.isEmpty()) continue;
            BigDecimal vb = BigDecimal.ZERO.setScale(2);
            for (int c : cols) vb = vb.add(ctx.cell(totalB.orElse(null), c));
            String where = exact ? "「" + b.template().columns().get(cols.get(0)).label() + "」" : "第 " + plusOne(cols) + " 列";
            java.util.function.Supplier<String> what = () -> name(ctx, a) + "「" + s.label() + "」应等于" + name(ctx, b) + "总计行" + where;
            if (exact) {
                ctx.expectEqual(a.no(), ra.get(), a.columnLabel(colA), ctx.cell(ra.get(), colA), vb, what);
            } else {
                ctx.expectSum(a.no(), ra.get(), a.columnLabel(colA), ctx.cell(ra.get(), colA), vb,
                        CheckContext.countCells(totalB.orElse(null), cols), what);
            }
        }
        if (incomeTotal) {
            ctx.total(a.table(), Side.INCOME).ifPresent(in -> ctx.expectEqual(a.no(), in, a.columnLabel(colA), ctx.cell(in, colA),
                    ctx.cell(totalB.orElse(null), 0), () -> name(ctx, a) + "收入总计应等于" + name(ctx, b) + "总计"));
        }
    }

    private record IncomePairs(int a, int b, boolean exact) {}

    /** Each 类 on a's class rows (its expense side, if it has sides) against b's 类 row. */
    static void classes(CheckContext ctx, Cells a, Cells b) {
        DisclosureTable ta = a.table();
        DisclosureTable tb = b.table();
        Set<String> codes = new TreeSet<>();
        for (Row r : ta.rows()) if (r.side() == Side.EXPENSE && r.kind() == RowKind.CLASS) codes.add(r.code());
        for (Row r : tb.rows()) if (r.kind() == RowKind.CLASS && r.side() == null && r.code().length() == 3) codes.add(r.code());
        int colA = a.column();
        int colB = b.column();
        for (String code : codes) {
            Row ra = ctx.classRow(ta, Side.EXPENSE, code).orElse(null);
            Row rb = sumOfCode(ctx, tb, code);
            Row at = ra != null ? ra : new Row(Side.EXPENSE, RowKind.CLASS, "", code, "", "", "", List.of());
            ctx.expectEqual(a.no(), at, ta.columns().isEmpty() ? "" : a.columnLabel(colA), ctx.cell(ra, colA), ctx.cell(rb, colB), () ->
                    name(ctx, a) + "「" + code + "」应等于" + name(ctx, b) + "同一类「" + b.columnLabel(colB) + "」");
        }
    }

    /** A classification row of a table; for a department's project table the rows of every unit, summed into one row. */
    static Row sumOfCode(CheckContext ctx, DisclosureTable t, String code) {
        List<Row> rows = ctx.rowsByCode(t).get(code);
        if (rows == null || rows.isEmpty()) return null;
        if (rows.size() == 1) return rows.get(0);
        List<BigDecimal> sums = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) sums.add(ctx.sumOf(rows, c));
        return rows.get(0).withValues(sums).withProject("");
    }

    /** The non-blank cells among these columns of every row of a code (several for a 项 over projects or units). */
    private static int printedCells(CheckContext ctx, DisclosureTable t, String code, List<Integer> columns) {
        List<Row> rows = ctx.rowsByCode(t).get(code);
        int n = 0;
        if (rows != null) for (Row r : rows) n += CheckContext.cells(r, columns);
        return n;
    }

    /** Every classification row (类/款/项) of a (its columns summed) against b's column. */
    static void rows(CheckContext ctx, Cells a, Cells b) {
        List<Integer> colsA = a.columns();
        if (colsA.isEmpty()) return;
        DisclosureTable ta = a.table();
        DisclosureTable tb = b.table();
        int colB = b.column();
        Set<String> codes = new TreeSet<>();
        for (Row r : ta.rows()) if (r.kind() == RowKind.CLASS && r.side() == null) codes.add(r.code());
        for (Row r : tb.rows()) if (r.kind() == RowKind.CLASS && r.side() == null) codes.add(r.code());
        for (String code : codes) {
            Row ra = sumOfCode(ctx, ta, code);
            Row rb = sumOfCode(ctx, tb, code);
            if (ra != null && rb != null) {
                // agreeing rows (the usual case) seen in whole cents
                CheckContext.Printed pa = ctx.printed(ra);
                CheckContext.Printed pb = ctx.printed(rb);
                if (pa.small && pb.small) {
                    long cents = 0;
                    for (int c : colsA) cents += pa.cents(c);
                    if (cents == pb.cents(colB)) continue;
                }
            }
            BigDecimal va = BigDecimal.ZERO.setScale(2);
            for (int c : colsA) va = va.add(ctx.cell(ra, c));
            BigDecimal vb = ctx.cell(rb, colB);
            if (ra == null && vb.signum() == 0) continue;
            if (rb == null && va.signum() == 0) continue;
            Row at = rb != null ? rb : ra;
            // each side may be a sum of printed rows (a 项 of a project table over its projects, a department's
            // units): every printed cell on either side carries its own rounding
            java.util.function.IntSupplier parts = () -> printedCells(ctx, ta, code, colsA) + printedCells(ctx, tb, code, List.of(colB)) - 1;
            ctx.expectSum(b.no(), at, b.columnLabel(colB), vb, va, parts, () ->
                    name(ctx, b) + "「" + at.label() + "」" + b.columnLabel(colB) + " 应等于" + name(ctx, a) + "同一行第 " + plusOne(colsA) + " 列");
        }
        ctx.total(ta, null).ifPresent(ta0 -> ctx.total(tb, null).ifPresent(tb0 -> {
            BigDecimal va = BigDecimal.ZERO.setScale(2);
            for (int c : colsA) va = va.add(ctx.cell(ta0, c));
            ctx.expectSum(b.no(), tb0, b.columnLabel(colB), ctx.cell(tb0, colB), va, CheckContext.countCells(ta0, colsA), () ->
                    name(ctx, b) + "总计应等于" + name(ctx, a) + "总计第 " + plusOne(colsA) + " 列");
        }));
    }

    private static String plusOne(List<Integer> cols) {
        return String.join("+", cols.stream().map(c -> String.valueOf(c + 1)).toList());
    }

    /** One cell of a (its total row, or the line of a key) against one cell of b. */
    static void cells(CheckContext ctx, Cells a, Cells b) {
        Row ra = row(ctx, a);
        Row rb = row(ctx, b);
        if (!a.row().equals("total") && ra == null) return;
        if (!b.row().equals("total") && rb == null) return;
        if (ra == null && rb == null) return;
        int colA = a.column();
        int colB = b.column();
        ctx.expectEqual(a.no(), ra, a.columnLabel(colA), ctx.cell(ra, colA), ctx.cell(rb, colB), () ->
                name(ctx, a) + describe(a, ra) + "应等于" + name(ctx, b) + describe(b, rb));
    }

    private static Row row(CheckContext ctx, Cells s) {
        return switch (s.row()) {
            case "total" -> ctx.total(s.table(), null).orElse(null);
            case "income.total" -> ctx.total(s.table(), Side.INCOME).orElse(null);
            case "expense.total" -> ctx.total(s.table(), Side.EXPENSE).orElse(null);
            default -> {
                String closing = s.template().shape() == null ? null : s.template().shape().closingKey(s.row());
                yield ctx.line(s.table(), closing != null ? closing : s.row()).orElse(null);
            }
        };
    }

    private static boolean totalRow(String row) {
        return row.equals("total") || row.equals("income.total") || row.equals("expense.total");
    }

    /**
     * One cell of a against the sum of the cells under {@code of} (a 决算's 财政拨款 summary, per budget: 年初结转和结余 +
     * 本年收入 = that budget's column of 支出总计). A table the document lacks makes the part not evaluable (nothing said).
     */
    static void sum(CheckContext ctx, Part p) {
        Cells a = side(ctx, p.a());
        if (a == null) return;
        Row ra = row(ctx, a);
        if (ra == null && !totalRow(a.row())) return;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        List<String> names = new ArrayList<>();
        int printed = 0;
        for (Ref r : p.of()) {
            Cells part = side(ctx, r);
            if (part == null) return;
            Row rp = row(ctx, part);
            total = total.add(ctx.cell(rp, part.column()));
            if (rp != null && CheckContext.cells(rp, List.of(part.column())) > 0) printed++;
            names.add(name(ctx, part) + describe(part, rp));
        }
        int colA = a.column();
        ctx.expectSum(a.no(), ra, a.columnLabel(colA), ctx.cell(ra, colA), total, printed, () ->
                name(ctx, a) + describe(a, ra) + "应等于" + String.join(" + ", names));
    }

    /** One cell of a no more than one cell of b. */
    static void ceiling(CheckContext ctx, Cells a, Cells b) {
        Row ra = row(ctx, a);
        Row rb = row(ctx, b);
        if (ra == null || rb == null && !totalRow(b.row())) return;
        BigDecimal va = ctx.cell(ra, a.column());
        BigDecimal vb = ctx.cell(rb, b.column());
        if (va.compareTo(vb) <= 0) return;
        ctx.report(a.no(), ra, a.columnLabel(a.column()), "≤ " + vb.toPlainString(), va.toPlainString(),
                name(ctx, a) + describe(a, ra) + " " + va.toPlainString() + " 大于" + name(ctx, b) + describe(b, rb) + " " + vb.toPlainString());
    }

    private static String describe(Cells s, Row r) {
        String column = s.columnLabel(s.column());
        if (totalRow(s.row())) return "总计" + (s.column() == 0 && !s.table().columns().isEmpty() ? "" : "的" + column);
        return "「" + (r == null ? s.row() : r.name()) + "」";
    }

    /**
     * a's fixed rows with 经济分类 codes (the “三公” items) in its column(s) against b's class rows of those
     * codes (basic expenditure): at least as much, and the same when c (the project table, whose columns
     * are 经济分类) shows no project money of those codes.
     */
    static void economicCeiling(CheckContext ctx, Cells a, Cells b, Cells c) {
        int colA = a.columns().isEmpty() ? -1 : a.columns().get(a.columns().size() - 1);
        if (colA < 0) return;
        for (LineSpec s : a.template().rows()) {
            if (s.eco().isEmpty()) continue;
            List<Row> basic = b.table().rows(r -> r.kind() == RowKind.CLASS && s.eco().contains(r.code()));
            BigDecimal vb = ctx.sumOf(basic, b.column());
            Row ra = ctx.rowByKey(a.table(), s.key()).orElse(null);
            BigDecimal va = ctx.cell(ra, colA);
            boolean projectMoneyPossible = projectMoneyIn(ctx, c, s.eco());
            if (vb.compareTo(va) > 0 || (!projectMoneyPossible && vb.compareTo(va) != 0)) {
                ctx.report(a.no(), ra, a.columnLabel(colA), vb.toPlainString(), va.toPlainString(),
                        name(ctx, a) + "「" + s.label() + "」" + a.columnLabel(colA) + " " + va.toPlainString() + (projectMoneyPossible ? " 小于" : " 不等于")
                                + name(ctx, b) + "经济分类 " + String.join("、", s.eco()) + " 的 " + vb.toPlainString());
            }
        }
    }

    /** Could the project table hold project money of these 款? Its columns are 经济分类类 (the template says which). */
    static boolean projectMoneyIn(CheckContext ctx, Cells projects, List<String> eco) {
        if (projects == null) return true;
        Optional<Row> total = ctx.total(projects.table(), null);
        if (total.isEmpty()) return false;
        List<ColumnSpec> cols = projects.template().columns();
        for (String e : eco) {
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).eco().stream().anyMatch(e::startsWith) && ctx.cell(total.get(), i).signum() != 0) return true;
            }
        }
        return false;
    }
}
