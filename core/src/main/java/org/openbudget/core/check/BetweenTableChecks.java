package org.openbudget.core.check;

import static org.openbudget.core.check.Rule.t;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;

/** Between tables: the same amount shown in two tables must agree. */
final class BetweenTableChecks {
    private BetweenTableChecks() {}

    static List<Check> all() {
        return List.of(
                new Rule("X.T1-T2.source", Severity.ERROR, "表1收入方各来源 = 表2总计行对应列（一般财力、转移支付、财政专户、单位资金、财政拨款结转、非财政拨款结转结余…）；收入总计 = 表2总计",
                        t(1, 2), BetweenTableChecks::t1t2Source),
                new Rule("X.T1-T2.class", Severity.ERROR, "表1支出方每个类 = 表2该类的总计", t(1, 2), ctx -> classAgainst(ctx, 1, 0, 2, 0)),
                new Rule("X.T1-T3.class", Severity.ERROR, "表1支出方每个类 = 表3该类的合计", t(1, 3), ctx -> classAgainst(ctx, 1, 0, 3, 0)),
                new Rule("X.T2-T3.row", Severity.ERROR, "表2每个功能分类行的总计 = 表3该行的合计", t(2, 3), ctx -> rowsAgainst(ctx, 2, List.of(0), 3, 0)),
                new Rule("X.T2-T5.row", Severity.ERROR, "表2每行第3、4列（一般公共预算及其上级转移支付）之和 = 表5该行合计", t(2, 5),
                        ctx -> rowsAgainst(ctx, 2, sourceColumns(ctx, 2, Set.of("GPB", "GPB_TR")), 5, 0)),
                new Rule("X.T2-T4.class", Severity.ERROR, "表4支出方每个类的合计 = 表2该类的财政拨款（补助）小计；表4收入方各预算 = 表2总计行对应列", t(2, 4),
                        BetweenTableChecks::t2t4),
                new Rule("X.T4-T5", Severity.ERROR, "表4支出方每个类的一般公共预算 = 表5该类合计；表4一般公共预算收入 = 表5总计", t(4, 5),
                        BetweenTableChecks::t4t5),
                new Rule("X.T5-T6", Severity.ERROR, "表5总计的基本支出 = 表6总计", t(5, 6), BetweenTableChecks::t5t6),
                new Rule("X.T5-T7", Severity.ERROR, "表5每行的项目支出 = 表7该行（部门为各单位该行之和）", t(5, 7), BetweenTableChecks::t5t7),
                new Rule("X.T8-T2", Severity.ERROR, "表8每行合计 = 表2该行第5、6列之和（政府性基金预算）", t(8, 2),
                        ctx -> fundAgainstT2(ctx, 8, Set.of("GFB", "GFB_TR"))),
                new Rule("X.T9-T2", Severity.ERROR, "表9每行合计 = 表2该行第7、8列之和（国有资本经营预算）", t(9, 2),
                        ctx -> fundAgainstT2(ctx, 9, Set.of("SOC", "SOC_TR"))),
                new Rule("X.T11-T1", Severity.ERROR, "表11总计的财政拨款合计 = 表1财政拨款结转；非财政拨款合计 = 表1非财政拨款结转结余", t(11, 1),
                        BetweenTableChecks::t11t1),
                new Rule("X.T10-T6", Severity.ERROR, "表10一般公共预算列的公务接待费、公务用车运行费、因公出国（境）费、公务用车购置费 ≥ 表6对应经济分类款（30217、30231、30212、31013）；表7无相应项目支出时相等",
                        t(10, 6), BetweenTableChecks::t10t6));
    }

    /**
     * Columns (0-based) of a table whose funding-source sets together make up {@code sources}
     * exactly, as the template defines them: one column with exactly that set if there is one,
     * else non-overlapping narrower columns; empty when the template cannot express the set.
     */
    static List<Integer> sourceColumns(CheckContext ctx, int table, Set<String> sources) {
        return ctx.templateFact(new SourceColumns(table, Set.copyOf(sources)), () -> sourceColumns(ctx.profile().findTable(table).orElse(null), sources));
    }

    private record SourceColumns(int table, Set<String> sources) {}

    private static List<Integer> sourceColumns(TableTemplate tpl, Set<String> sources) {
        if (tpl == null) return List.of();
        List<ColumnSpec> cols = tpl.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (!cols.get(i).sources().contains("*") && Set.copyOf(cols.get(i).sources()).equals(sources)) return List.of(i);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) order.add(i);
        order.sort(java.util.Comparator.comparingInt(i -> cols.get(i).sources().size()));
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

    static void t1t2Source(CheckContext ctx) {
        DisclosureTable t1 = ctx.table(1).orElseThrow();
        DisclosureTable t2 = ctx.table(2).orElseThrow();
        TableTemplate tpl1 = ctx.profile().findTable(1).orElse(null);
        TableTemplate tpl2 = ctx.profile().findTable(2).orElse(null);
        if (tpl1 == null || tpl2 == null) return;
        Optional<Row> total2 = ctx.total(t2, null);
        // (表1 income row, 表2 column holding exactly its sources), in template order: the template's alone
        List<Object[]> pairs = ctx.templateFact("X.T1-T2.source pairs", () -> {
            List<Object[]> out = new ArrayList<>();
            List<Set<String>> columnSources = new ArrayList<>();
            for (ColumnSpec c : tpl2.columns()) columnSources.add(c.sources().contains("*") ? Set.of() : Set.copyOf(c.sources()));
            for (LineSpec s : tpl1.incomeRows()) {
                Set<String> src = sourcesOf(tpl1, s);
                for (int i = 0; i < tpl2.columns().size(); i++) {
                    if (columnSources.get(i).isEmpty() || !columnSources.get(i).equals(src)) continue;
                    out.add(new Object[]{s, i});
                }
            }
            return out;
        });
        for (Object[] pair : pairs) {
            LineSpec s = (LineSpec) pair[0];
            int i = (Integer) pair[1];
            ColumnSpec c = tpl2.columns().get(i);
            Optional<Row> r1 = ctx.line(t1, s.key());
            if (r1.isEmpty()) continue;
            ctx.expectEqual(1, r1.get(), "预算数", ctx.cell(r1.get(), 0), ctx.cell(total2.orElse(null), i), () ->
                    "表1「" + s.label() + "」应等于表2总计行「" + c.label() + "」");
        }
        ctx.total(t1, Side.INCOME).ifPresent(in -> ctx.expectEqual(1, in, "预算数", ctx.cell(in, 0), ctx.cell(total2.orElse(null), 0), () ->
                "表1收入总计应等于表2总计"));
    }

    /** Each 类 on table a's expense side against table b's 类 row. */
    static void classAgainst(CheckContext ctx, int a, int colA, int b, int colB) {
        DisclosureTable ta = ctx.table(a).orElseThrow();
        DisclosureTable tb = ctx.table(b).orElseThrow();
        Set<String> codes = new TreeSet<>();
        for (Row r : ta.rows()) if (r.side() == Side.EXPENSE && r.kind() == RowKind.CLASS) codes.add(r.code());
        for (Row r : tb.rows()) if (r.kind() == RowKind.CLASS && r.side() == null && r.code().length() == 3) codes.add(r.code());
        for (String code : codes) {
            Row ra = ctx.classRow(ta, Side.EXPENSE, code).orElse(null);
            Row rb = sumOfCode(ctx, tb, code);
            BigDecimal va = ctx.cell(ra, colA);
            BigDecimal vb = ctx.cell(rb, colB);
            Row at = ra != null ? ra : new Row(Side.EXPENSE, RowKind.CLASS, "", code, "", "", "", List.of());
            ctx.expectEqual(a, at, ta.columns().isEmpty() ? "" : ta.columns().get(colA), va, vb, () ->
                    "表" + a + "「" + code + "」应等于表" + b + "同一类「" + tb.columns().get(colB) + "」");
        }
    }

    /** A classification row of a table; for a department's 表7 the rows of every unit, summed into one row. */
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

    /** Every function row (类/款/项) of table a (sum of columns colsA) against table b's column colB. */
    static void rowsAgainst(CheckContext ctx, int a, List<Integer> colsA, int b, int colB) {
        if (colsA.isEmpty()) return;
        DisclosureTable ta = ctx.table(a).orElseThrow();
        DisclosureTable tb = ctx.table(b).orElseThrow();
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
            // each side may be a sum of printed rows (a 项 of 表7 over its projects, a department's units):
            // every printed cell on either side carries its own rounding
            java.util.function.IntSupplier parts = () -> printedCells(ctx, ta, code, colsA) + printedCells(ctx, tb, code, List.of(colB)) - 1;
            ctx.expectSum(b, at, tb.columns().get(colB), vb, va, parts, () ->
                    "表" + b + "「" + at.label() + "」" + tb.columns().get(colB) + " 应等于表" + a + "同一行第 " + plusOne(colsA) + " 列");
        }
        ctx.table(a).flatMap(t -> ctx.total(t, null)).ifPresent(ta0 -> ctx.table(b).flatMap(t -> ctx.total(t, null)).ifPresent(tb0 -> {
            BigDecimal va = BigDecimal.ZERO.setScale(2);
            for (int c : colsA) va = va.add(ctx.cell(ta0, c));
            ctx.expectSum(b, tb0, tb.columns().get(colB), ctx.cell(tb0, colB), va, CheckContext.countCells(ta0, colsA), () -> "表" + b + "总计应等于表" + a + "总计第 " + plusOne(colsA) + " 列");
        }));
    }

    private static String plusOne(List<Integer> cols) {
        return String.join("+", cols.stream().map(c -> String.valueOf(c + 1)).toList());
    }

    static void t2t4(CheckContext ctx) {
        DisclosureTable t2 = ctx.table(2).orElseThrow();
        DisclosureTable t4 = ctx.table(4).orElseThrow();
        List<Integer> fiscalCols = sourceColumns(ctx, 2, Set.of("GPB", "GPB_TR", "GFB", "GFB_TR", "SOC", "SOC_TR"));
        int subtotal = lastColumnOf(ctx, 2, Set.of("GPB", "GPB_TR", "GFB", "GFB_TR", "SOC", "SOC_TR"));
        if (subtotal >= 0) classAgainst(ctx, 4, 0, 2, subtotal);
        TableTemplate tpl4 = ctx.profile().findTable(4).orElse(null);
        Optional<Row> total2 = ctx.total(t2, null);
        if (tpl4 == null || fiscalCols.isEmpty()) return;
        for (LineSpec s : tpl4.incomeRows()) {
            List<Integer> cols = ctx.templateFact(new IncomeRowColumns(4, s.key(), 2),
                    () -> sourceColumns(ctx.profile().findTable(2).orElse(null), sourcesOf(tpl4, s)));
            Optional<Row> r4 = ctx.line(t4, s.key());
            if (cols.isEmpty() || r4.isEmpty()) continue;
            BigDecimal v2 = BigDecimal.ZERO.setScale(2);
            for (int c : cols) v2 = v2.add(ctx.cell(total2.orElse(null), c));
            ctx.expectSum(4, r4.get(), t4.columns().get(0), ctx.cell(r4.get(), 0), v2, CheckContext.countCells(total2.orElse(null), cols), () ->
                    "表4「" + s.label() + "」应等于表2总计行第 " + plusOne(cols) + " 列");
        }
    }

    private record IncomeRowColumns(int table, String key, int of) {}

    /** The last column of a table holding exactly these sources, -1 when none; worked out once per template. */
    static int lastColumnOf(CheckContext ctx, int table, Set<String> sources) {
        return ctx.templateFact(new LastColumn(table, sources), () -> {
            TableTemplate tpl = ctx.profile().findTable(table).orElse(null);
            int col = -1;
            if (tpl != null) {
                for (int i = 0; i < tpl.columns().size(); i++) {
                    if (Set.copyOf(tpl.columns().get(i).sources()).equals(sources)) col = i;
                }
            }
            return col;
        });
    }

    private record LastColumn(int table, Set<String> sources) {}

    static void t4t5(CheckContext ctx) {
        DisclosureTable t4 = ctx.table(4).orElseThrow();
        DisclosureTable t5 = ctx.table(5).orElseThrow();
        int gpbCol = gpbColumn(ctx);
        if (gpbCol < 0) return;
        classAgainst(ctx, 4, gpbCol, 5, 0);
        ctx.line(t4, "fiscal.gpb").ifPresent(r -> ctx.expectEqual(4, r, t4.columns().get(0), ctx.cell(r, 0), ctx.cell(ctx.total(t5, null).orElse(null), 0), () ->
                "表4一般公共预算收入应等于表5总计"));
    }

    static int gpbColumn(CheckContext ctx) {
        return ctx.templateFact("gpbColumn 4", () -> {
            TableTemplate tpl4 = ctx.profile().findTable(4).orElse(null);
            if (tpl4 == null) return -1;
            for (int i = 0; i < tpl4.columns().size(); i++) {
                if (Set.copyOf(tpl4.columns().get(i).sources()).equals(Set.of("GPB", "GPB_TR"))) return i;
            }
            return -1;
        });
    }

    static void t5t6(CheckContext ctx) {
        DisclosureTable t5 = ctx.table(5).orElseThrow();
        DisclosureTable t6 = ctx.table(6).orElseThrow();
        Row total5 = ctx.total(t5, null).orElse(null);
        Row total6 = ctx.total(t6, null).orElse(null);
        if (total5 == null && total6 == null) return;
        ctx.expectEqual(6, total6, t6.columns().get(0), ctx.cell(total6, 0), ctx.cell(total5, 1), () -> "表6总计应等于表5总计的基本支出");
    }

    static void t5t7(CheckContext ctx) {
        rowsAgainst(ctx, 5, List.of(2), 7, 0);
    }

    static void fundAgainstT2(CheckContext ctx, int fundTable, Set<String> sources) {
        List<Integer> cols = sourceColumns(ctx, 2, sources);
        rowsAgainst(ctx, 2, cols, fundTable, 0);
    }

    static void t11t1(CheckContext ctx) {
        DisclosureTable t11 = ctx.table(11).orElseThrow();
        DisclosureTable t1 = ctx.table(1).orElseThrow();
        Row total = ctx.total(t11, null).orElse(null);
        ctx.line(t1, "carry.fiscal").ifPresent(r -> ctx.expectEqual(11, total, t11.columns().get(1), ctx.cell(total, 1), ctx.cell(r, 0), () ->
                "表11财政拨款结转合计应等于表1「" + r.name() + "」"));
        ctx.line(t1, "carry.nonfiscal").ifPresent(r -> ctx.expectEqual(11, total, t11.columns().get(5), ctx.cell(total, 5), ctx.cell(r, 0), () ->
                "表11非财政拨款合计应等于表1「" + r.name() + "」"));
    }

    static void t10t6(CheckContext ctx) {
        DisclosureTable t10 = ctx.table(10).orElseThrow();
        DisclosureTable t6 = ctx.table(6).orElseThrow();
        TableTemplate tpl10 = ctx.profile().findTable(10).orElse(null);
        if (tpl10 == null) return;
        int gpbCol = lastColumnOf(ctx, 10, Set.of("GPB", "GPB_TR"));
        if (gpbCol < 0) return;
        DisclosureTable t7 = ctx.table(7).orElse(null);
        for (LineSpec s : tpl10.rows()) {
            if (s.eco().isEmpty()) continue;
            List<Row> basic = t6.rows(r -> r.kind() == RowKind.CLASS && s.eco().contains(r.code()));
            BigDecimal b6 = ctx.sumOf(basic, 0);
            Row r10 = ctx.rowByKey(t10, s.key()).orElse(null);
            BigDecimal v10 = ctx.cell(r10, gpbCol);
            boolean projectMoneyPossible = projectMoneyIn(ctx, t7, s.eco());
            if (b6.compareTo(v10) > 0 || (!projectMoneyPossible && b6.compareTo(v10) != 0)) {
                ctx.report(10, r10, t10.columns().get(gpbCol), b6.toPlainString(), v10.toPlainString(),
                        "表10「" + s.label() + "」一般公共预算 " + v10.toPlainString() + (projectMoneyPossible ? " 小于" : " 不等于")
                                + "表6经济分类 " + String.join("、", s.eco()) + " 的 " + b6.toPlainString());
            }
        }
    }

    /** Could 表7 hold project money of these 款? Its columns are 经济分类类 (the template says which). */
    static boolean projectMoneyIn(CheckContext ctx, DisclosureTable t7, List<String> eco) {
        if (t7 == null) return true;
        Optional<Row> total = ctx.total(t7, null);
        if (total.isEmpty()) return false;
        TableTemplate tpl7 = ctx.profile().findTable(7).orElse(null);
        if (tpl7 == null) return true;
        for (String e : eco) {
            for (int i = 0; i < tpl7.columns().size(); i++) {
                if (tpl7.columns().get(i).eco().stream().anyMatch(e::startsWith) && ctx.cell(total.get(), i).signum() != 0) return true;
            }
        }
        return false;
    }
}
