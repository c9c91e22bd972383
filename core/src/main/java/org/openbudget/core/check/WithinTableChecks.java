package org.openbudget.core.check;

import static org.openbudget.core.check.Rule.t;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;

/** Within a table: each row's columns add up, 类 = Σ 款 = Σ 项, totals = Σ their rows, empty tables. */
final class WithinTableChecks {
    private WithinTableChecks() {}

    static List<Check> all() {
        List<Check> out = new ArrayList<>();
        for (int n : new int[]{2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) {
            out.add(new Rule("T" + n + ".row-sum", Severity.ERROR, rowSumRule(n), t(n), ctx -> rowSum(ctx, n)));
        }
        for (int n : new int[]{2, 3, 5, 6, 7, 8, 9}) {
            out.add(new Rule("T" + n + ".class-sum", Severity.ERROR,
                    "表" + n + "：每个" + (n == 6 ? "经济分类类 = Σ其款" : "功能分类类 = Σ其款，款 = Σ其项") + (n == 7 ? "（项级为逐个项目行）" : ""),
                    t(n), ctx -> classSum(ctx, n)));
            out.add(new Rule("T" + n + ".total-sum", Severity.ERROR,
                    "表" + n + "：总计 = Σ" + (n == 7 ? "类（部门为 Σ各单位小计）" : "类"), t(n), ctx -> totalSum(ctx, n)));
        }
        out.add(new Rule("T7.unit-sum", Severity.ERROR, "表7：每个单位小计 = Σ该单位的类", t(7), ctx -> unitSum(ctx, 7)));
        out.add(new Rule("T11.unit-sum", Severity.ERROR, "表11：每个单位行 = Σ该单位的基本支出行和项目行", t(11), ctx -> unitSum(ctx, 11)));
        out.add(new Rule("T11.total-sum", Severity.ERROR, "表11：总计 = Σ单位行（无单位行时 Σ项目行）", t(11), ctx -> totalSum(ctx, 11)));
        for (int n : new int[]{1, 4}) {
            out.add(new Rule("T" + n + ".income-sum", Severity.ERROR,
                    "表" + n + "：收入方各小计 = Σ其明细行（" + (n == 1 ? "本年收入、各预算拨款、其中行、上年结转结余" : "财政拨款（补助） = 三本预算") + "）",
                    t(n), ctx -> incomeSum(ctx, n)));
            out.add(new Rule("T" + n + ".income-total", Severity.ERROR,
                    "表" + n + "：收入总计 = " + (n == 1 ? "本年收入 + 上年结转结余" : "财政拨款（补助）"), t(n), ctx -> incomeTotal(ctx, n)));
            out.add(new Rule("T" + n + ".expense-total", Severity.ERROR, "表" + n + "：支出总计 = Σ各功能分类类", t(n), ctx -> expenseTotal(ctx, n)));
            out.add(new Rule("T" + n + ".balance", Severity.ERROR, "表" + n + "：收入总计 = 支出总计", t(n), ctx -> balance(ctx, n)));
        }
        out.add(new Rule("T10.item-sum", Severity.ERROR, "表10：合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费；小计 = 购置费 + 运行费",
                t(10), ctx -> fixedRowSum(ctx, 10)));
        for (int n = 1; n <= 11; n++) {
            final int no = n;
            out.add(new Rule("T" + n + ".empty-note", Severity.WARNING, "表" + n + "：空表应印有说明（“……为空表。”）", t(n), ctx -> emptyNote(ctx, no)));
            out.add(new Rule("T" + n + ".empty-with-rows", Severity.ERROR, "表" + n + "：有数字的表不应印空表说明", t(n), ctx -> emptyWithRows(ctx, no)));
        }
        return out;
    }

    private static String rowSumRule(int n) {
        return switch (n) {
            case 2 -> "表2：每行 总计 = 财政拨款小计 + 财政专户 + 单位资金 + 财政拨款结转 + 非财政拨款结转结余；财政拨款小计 = 第3至8列之和";
            case 3, 5 -> "表" + n + "：每行 合计 = 基本支出 + 项目支出";
            case 4 -> "表4：支出方每行 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算";
            case 6 -> "表6：每行 合计 = 人员经费 + 公用经费";
            case 7 -> "表7：每行 项目支出合计 = 十个经济分类类之和";
            case 8, 9 -> "表" + n + "：每行 合计 = 人员经费 + 公用经费 + 项目支出";
            case 10 -> "表10：每行 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算";
            case 11 -> "表11：每行 总计 = 财政拨款合计 + 非财政拨款合计；各合计 = 人员经费 + 公用经费 + 项目支出";
            default -> "表" + n + "：每行各列相加";
        };
    }

    /** Equations of the template, 1-based columns: "1 = 2+9+10+11+12". */
    static void rowSum(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        TableTemplate tpl = ctx.profile().findTable(n).orElse(null);
        if (tpl == null) return;
        List<Equation> equations = ctx.templateFact(new Equations(n), () -> {
            List<Equation> out = new ArrayList<>();
            for (String eq : tpl.equations()) {
                String[] sides = eq.split("=");
                int lhs = Integer.parseInt(sides[0].trim()) - 1;
                List<Integer> cols = new ArrayList<>();
                for (String c : sides[1].split("\\+")) cols.add(Integer.parseInt(c.trim()) - 1);
                out.add(new Equation(lhs, List.copyOf(cols), cols.stream().mapToInt(Integer::intValue).toArray(), sides[1].trim()));
            }
            return List.copyOf(out);
        });
        for (Equation eq : equations) {
            int lhs = eq.lhs();
            List<Integer> cols = eq.columns();
            String lhsLabel = label(table, lhs);
            String rhsText = eq.rhsText();
            for (Row r : table.rows()) {
                if (r.side() == Side.INCOME) continue;
                CheckContext.Printed p = ctx.printed(r);
                if (p.small) {
                    long cents = 0;
                    for (int c : eq.cols()) cents += p.cents(c);
                    if (cents == p.cents(lhs)) continue;
                }
                BigDecimal sum = BigDecimal.ZERO.setScale(2);
                for (int c : eq.cols()) sum = sum.add(p.value(c));
                BigDecimal found = p.value(lhs);
                if (found.compareTo(sum) == 0) continue;
                ctx.expectSum(n, r, lhsLabel, found, sum, CheckContext.countCells(r, cols), () ->
                        "表" + n + "「" + r.label() + "」" + lhsLabel + " 应等于第 " + rhsText + " 列之和");
            }
        }
    }

    /** A template equation, parsed once per template: column {@code lhs} = Σ {@code columns} (0-based). */
    private record Equation(int lhs, List<Integer> columns, int[] cols, String rhsText) {}

    private record Equations(int table) {}

    static String label(DisclosureTable t, int col) {
        return col < t.columns().size() ? t.columns().get(col) : String.valueOf(col + 1);
    }

    /** Rows of one unit block (a department's 表7): rows are grouped under the UNIT row above them. */
    static List<List<Row>> blocks(DisclosureTable table) {
        List<List<Row>> out = new ArrayList<>();
        List<Row> cur = new ArrayList<>();
        for (Row r : table.rows()) {
            if (r.kind() == RowKind.TOTAL) continue;
            if (r.kind() == RowKind.UNIT) {
                if (!cur.isEmpty()) out.add(cur);
                cur = new ArrayList<>();
                cur.add(r);
                continue;
            }
            cur.add(r);
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    static void classSum(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        for (List<Row> block : blocks(table)) {
            // children by parent code, in one pass: 款 under their 类, 项 (or 表7 project rows) under their 款
            java.util.Map<String, List<Row>> children = new java.util.HashMap<>();
            for (Row r : block) {
                if ((r.kind() != RowKind.CLASS && r.kind() != RowKind.PROJECT) || r.side() != null) continue;
                int len = r.code().length();
                if (len == 5 || len == 7) children.computeIfAbsent(CheckContext.parentCode(r.code()), k -> new ArrayList<>()).add(r);
            }
            for (Row parent : block) {
                if (parent.kind() != RowKind.CLASS || parent.side() != null) continue;
                int len = parent.code().length();
                if (len != 3 && len != 5) continue;
                List<Row> kids = children.get(parent.code());
                if (kids == null || kids.isEmpty()) continue;
                CheckContext.Printed p = ctx.printed(parent);
                boolean small = p.small;
                CheckContext.Printed[] k = new CheckContext.Printed[kids.size()];
                for (int i = 0; i < k.length; i++) {
                    k[i] = ctx.printed(kids.get(i));
                    small &= k[i].small;
                }
                for (int c = 0; c < table.columns().size(); c++) {
                    if (small) {
                        long cents = 0;
                        for (CheckContext.Printed kp : k) cents += kp.cents(c);
                        if (cents == p.cents(c)) continue;
                    }
                    BigDecimal sum = BigDecimal.ZERO.setScale(2);
                    for (CheckContext.Printed kp : k) sum = sum.add(kp.value(c));
                    BigDecimal found = p.value(c);
                    if (found.compareTo(sum) == 0) continue;
                    ctx.expectSum(n, parent, label(table, c), found, sum, CheckContext.countCells(kids, c), () ->
                            "表" + n + "「" + parent.label() + "」应等于其下" + (len == 3 ? "各款" : (n == 7 ? "各项目" : "各项")) + "之和");
                }
            }
        }
    }

    static void totalSum(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        Optional<Row> total = ctx.total(table, null);
        if (total.isEmpty()) return;
        List<Row> parts = table.rows(r -> r.kind() == RowKind.UNIT);
        String what = "各单位小计";
        if (parts.isEmpty()) {
            parts = n == 11 ? table.rows(r -> r.kind() == RowKind.PROJECT || r.kind() == RowKind.LINE)
                    : table.rows(r -> r.kind() == RowKind.CLASS && r.side() == null && r.code().length() == 3);
            what = n == 11 ? "各项目" : "各类";
        }
        if (parts.isEmpty()) return;
        String whatParts = what;
        List<Row> summed = parts;
        for (int c = 0; c < table.columns().size(); c++) {
            if (ctx.agrees(total.get(), c, summed)) continue;
            ctx.expectSum(n, total.get(), label(table, c), ctx.cell(total.get(), c), ctx.sumOf(parts, c), CheckContext.countCells(parts, c), () ->
                    "表" + n + "总计应等于" + whatParts + "之和");
        }
    }

    static void unitSum(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        for (List<Row> block : blocks(table)) {
            Row unit = block.get(0);
            if (unit.kind() != RowKind.UNIT) continue;
            List<Row> parts = n == 7
                    ? block.stream().filter(r -> r.kind() == RowKind.CLASS && r.code().length() == 3).toList()
                    : block.stream().filter(r -> r.kind() == RowKind.PROJECT || r.kind() == RowKind.LINE).toList();
            if (parts.isEmpty()) continue;
            for (int c = 0; c < table.columns().size(); c++) {
                if (ctx.agrees(unit, c, parts)) continue;
                ctx.expectSum(n, unit, label(table, c), ctx.cell(unit, c), ctx.sumOf(parts, c), CheckContext.countCells(parts, c), () ->
                        "表" + n + "单位「" + unit.name() + "」小计应等于其下" + (n == 7 ? "各类" : "各行") + "之和");
            }
        }
    }

    static void incomeSum(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        TableTemplate tpl = ctx.profile().findTable(n).orElse(null);
        if (tpl == null) return;
        for (LineSpec s : tpl.incomeRows()) {
            if (s.sumOf().isEmpty()) continue;
            Optional<Row> row = ctx.line(table, s.key());
            if (row.isEmpty()) continue;
            List<Row> parts = new ArrayList<>();
            for (String k : s.sumOf()) ctx.line(table, k).ifPresent(parts::add);
            ctx.expectSum(n, row.get(), label(table, 0), ctx.cell(row.get(), 0), ctx.sumOf(parts, 0), CheckContext.countCells(parts, 0), () ->
                    "表" + n + "「" + s.label() + "」应等于其明细行之和");
        }
    }

    static void incomeTotal(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        TableTemplate tpl = ctx.profile().findTable(n).orElse(null);
        Optional<Row> total = ctx.total(table, Side.INCOME);
        if (tpl == null || total.isEmpty() || tpl.incomeTotalOf().isEmpty()) return;
        List<Row> parts = new ArrayList<>();
        for (String k : tpl.incomeTotalOf()) ctx.line(table, k).ifPresent(parts::add);
        ctx.expectSum(n, total.get(), label(table, 0), ctx.cell(total.get(), 0), ctx.sumOf(parts, 0), CheckContext.countCells(parts, 0), () ->
                "表" + n + "收入总计应等于" + String.join(" + ", parts.stream().map(Row::name).toList()));
    }

    static void expenseTotal(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        Optional<Row> total = ctx.total(table, Side.EXPENSE);
        if (total.isEmpty()) return;
        List<Row> classes = table.rows(r -> r.side() == Side.EXPENSE && r.kind() == RowKind.CLASS);
        int cols = n == 1 ? 1 : table.columns().size();
        for (int c = 0; c < cols; c++) {
            ctx.expectSum(n, total.get(), label(table, c), ctx.cell(total.get(), c), ctx.sumOf(classes, c), CheckContext.countCells(classes, c), () ->
                    "表" + n + "支出总计应等于各功能分类类之和");
        }
    }

    static void balance(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        Optional<Row> in = ctx.total(table, Side.INCOME);
        Optional<Row> out = ctx.total(table, Side.EXPENSE);
        if (in.isEmpty() || out.isEmpty()) return;
        ctx.expectEqual(n, out.get(), label(table, 0), ctx.cell(out.get(), 0), ctx.cell(in.get(), 0), () -> "表" + n + "支出总计应等于收入总计");
    }

    static void fixedRowSum(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        TableTemplate tpl = ctx.profile().findTable(n).orElse(null);
        if (tpl == null) return;
        for (LineSpec s : tpl.rows()) {
            if (s.sumOf().isEmpty()) continue;
            Optional<Row> row = ctx.rowByKey(table, s.key());
            if (row.isEmpty()) continue;
            List<Row> parts = new ArrayList<>();
            for (String k : s.sumOf()) ctx.rowByKey(table, k).ifPresent(parts::add);
            for (int c = 0; c < table.columns().size(); c++) {
                ctx.expectSum(n, row.get(), label(table, c), ctx.cell(row.get(), c), ctx.sumOf(parts, c), CheckContext.countCells(parts, c), () ->
                        "表" + n + "「" + s.label() + "」应等于其组成行之和");
            }
        }
    }

    static void emptyNote(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        boolean noNote = table.emptyNote() == null || table.emptyNote().isBlank();
        boolean templateHasNote = ctx.profile().findTable(n).map(TableTemplate::emptyNote).orElse(null) != null;
        if (table.rows().isEmpty() && noNote && templateHasNote) {
            ctx.report(n, null, "", "为空表说明", "", "表" + n + "没有数字，也没有印“……为空表。”的说明");
        }
    }

    static void emptyWithRows(CheckContext ctx, int n) {
        DisclosureTable table = ctx.table(n).orElseThrow();
        if (table.emptyNote() == null || table.emptyNote().isBlank()) return;
        boolean numbers = table.rows().stream().anyMatch(r -> r.values().stream().anyMatch(v -> v != null && v.signum() != 0));
        if (numbers) {
            ctx.report(n, null, "", "", "有数字", "表" + n + "有数字，却印有空表说明：“" + table.emptyNote() + "”");
        }
    }
}
