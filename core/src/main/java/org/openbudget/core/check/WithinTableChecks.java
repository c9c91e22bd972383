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
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;

/** Within a table: each row's columns add up, 类 = Σ 款 = Σ 项, totals = Σ their rows, empty tables. */
final class WithinTableChecks {
    private WithinTableChecks() {}

    static List<Check> all() {
        List<Check> out = new ArrayList<>();
        out.add(rule("row-sum", Severity.ERROR, "每行：合计列 = 其组成列之和（模板的列等式，如收入总表的 总计 = 财政拨款小计 + 财政专户 + 单位资金 + 结转）",
                t -> !tpl(t).equations().isEmpty(), WithinTableChecks::rowSum));
        out.add(rule("class-sum", Severity.ERROR, "分类表（及列出款、项的收支总表支出方）：每个类 = Σ其款，款 = Σ其项（列出项目的表：项级为逐个项目行）",
                t -> kind(t) == TableShape.Kind.CLASSIFICATION || kind(t) == TableShape.Kind.SUMMARY, WithinTableChecks::classSum));
        out.add(rule("total-sum", Severity.ERROR, "分类表、项目表：总计 = Σ类（或 Σ项目行；印有单位行时 Σ各单位小计）",
                t -> kind(t) == TableShape.Kind.CLASSIFICATION || kind(t) == TableShape.Kind.PROJECTS, WithinTableChecks::totalSum));
        out.add(rule("unit-sum", Severity.ERROR, "印有单位行的表：每个单位小计 = Σ该单位的类（项目表：Σ该单位的基本支出行和项目行；只列单位的表：部门行 = Σ其下各单位）",
                t -> kind(t) == TableShape.Kind.CLASSIFICATION || kind(t) == TableShape.Kind.PROJECTS, WithinTableChecks::unitSum));
        out.add(rule("income-sum", Severity.ERROR, "收支总表：收入方各小计 = Σ其明细行（本年收入、各预算拨款、其中行、上年结转结余）",
                t -> kind(t) == TableShape.Kind.SUMMARY, WithinTableChecks::incomeSum));
        out.add(rule("income-total", Severity.ERROR, "收支总表：收入总计 = 模板所列各收入行之和（如 本年收入 + 上年结转结余）",
                t -> kind(t) == TableShape.Kind.SUMMARY, WithinTableChecks::incomeTotal));
        out.add(rule("expense-total", Severity.ERROR, "收支总表：支出总计 = Σ各功能分类类",
                t -> kind(t) == TableShape.Kind.SUMMARY, WithinTableChecks::expenseTotal));
        out.add(rule("balance", Severity.ERROR, "收支总表：收入总计 = 支出总计",
                t -> kind(t) == TableShape.Kind.SUMMARY, WithinTableChecks::balance));
        out.add(rule("item-sum", Severity.ERROR, "固定行表（“三公”经费）：合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费；小计 = 购置费 + 运行费",
                t -> kind(t) == TableShape.Kind.FIXED, WithinTableChecks::fixedRowSum));
        out.add(rule("column-change", Severity.ERROR, "增减列：增减额 = 本年数 − 上年数，增减率 = 增减额 ÷ 上年数 × 100%（按印出的数）",
                t -> tpl(t).columns().stream().anyMatch(c -> c.computed()) || tpl(t).rows().stream().anyMatch(LineSpec::computed),
                WithinTableChecks::columnChange));
        out.add(rule("empty-note", Severity.WARNING, "空表应印有说明（“……为空表。”）", t -> true, WithinTableChecks::emptyNote));
        out.add(rule("empty-with-rows", Severity.ERROR, "有数字的表不应印空表说明", t -> true, WithinTableChecks::emptyWithRows));
        out.add(new Rule("table-missing", Severity.NOTICE, "模板的每张表都应印出（公开表不全：表缺印或漏印；模板可把严重程度设为错误，如部门决算的九张表）",
                t(), WithinTableChecks::tableMissing));
        return out;
    }

    /** The earlier ids, one per rule and table of the Xinjiang template ("T3.row-sum"): kept so earlier reports resolve. */
    static java.util.Map<String, String> aliases() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String id : List.of("row-sum", "class-sum", "total-sum", "unit-sum", "income-sum", "income-total", "expense-total",
                "balance", "item-sum", "empty-note", "empty-with-rows")) {
            for (int n = 1; n <= 11; n++) out.put("T" + n + "." + id, id);
        }
        return out;
    }

    /** A rule run on every table of the document it applies to (by the table's shape in the profile). */
    private static Check rule(String id, Severity severity, String text, java.util.function.Predicate<Applied> applies,
                              java.util.function.BiConsumer<CheckContext, Applied> logic) {
        return new Rule(id, severity, text, t(), ctx -> {
            for (DisclosureTable table : ctx.tablesToCheck()) {
                TableTemplate tpl = ctx.template(table).orElse(null);
                if (tpl == null) continue;
                Applied a = new Applied(table, tpl, table.no(), ctx.tableName(table));
                // inside one table its cells are compared to its own printed precision (元 to the 分)
                if (applies.test(a)) ctx.withinTable(table, () -> logic.accept(ctx, a));
            }
        });
    }

    /** A table of the document with its template: number (place), and the name messages use (表3, or its title). */
    record Applied(DisclosureTable table, TableTemplate template, int n, String name) {}

    private static TableTemplate tpl(Applied a) { return a.template(); }

    private static TableShape.Kind kind(Applied a) {
        return a.template().shape() == null ? null : a.template().shape().kind();
    }

    /** Equations of the template, 1-based columns: "1 = 2+9+10+11+12". */
    static void rowSum(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        TableTemplate tpl = a.template();
        int n = a.n();
        List<Equation> equations = ctx.templateFact(new Equations(tpl.id()), () -> {
            List<Equation> out = new ArrayList<>();
            for (String eq : tpl.equations()) {
                String[] sides = eq.split("=");
                // "1 = 2+3", or sums on both sides ("1+2 = 3+6": 年初 + 本年收入 = 本年支出 + 年末)
                List<Integer> left = new ArrayList<>();
                for (String c : sides[0].split("\\+")) left.add(Integer.parseInt(c.trim()) - 1);
                List<Integer> cols = new ArrayList<>();
                for (String c : sides[1].split("\\+")) cols.add(Integer.parseInt(c.trim()) - 1);
                out.add(new Equation(left.get(0), List.copyOf(cols), cols.stream().mapToInt(Integer::intValue).toArray(), sides[1].trim(),
                        left.stream().mapToInt(Integer::intValue).toArray(), sides[0].trim()));
            }
            return List.copyOf(out);
        });
        for (Equation eq : equations) {
            int lhs = eq.lhs();
            List<Integer> cols = eq.columns();
            boolean both = eq.left().length > 1;
            String lhsLabel = both ? "第 " + eq.lhsText() + " 列" : label(table, lhs);
            String rhsText = eq.rhsText();
            for (Row r : table.rows()) {
                if (r.side() == Side.INCOME) continue;
                CheckContext.Printed p = ctx.printed(r);
                if (p.small) {
                    long cents = 0;
                    for (int c : eq.cols()) cents += p.cents(c);
                    long left = 0;
                    for (int c : eq.left()) left += p.cents(c);
                    if (cents == left) continue;
                }
                BigDecimal sum = BigDecimal.ZERO.setScale(2);
                for (int c : eq.cols()) sum = sum.add(p.value(c));
                BigDecimal found = BigDecimal.ZERO.setScale(2);
                for (int c : eq.left()) found = found.add(p.value(c));
                if (found.compareTo(sum) == 0) continue;
                java.util.function.IntSupplier parts = () -> CheckContext.cells(r, cols)
                        + (both ? CheckContext.cells(r, java.util.Arrays.stream(eq.left()).boxed().toList()) - 1 : 0);
                ctx.expectSum(n, r, both ? label(table, lhs) : lhsLabel, found, sum, parts, () ->
                        a.name() + "「" + r.label() + "」" + (both ? lhsLabel + "之和" : lhsLabel) + " 应等于第 " + rhsText + " 列之和");
            }
        }
    }

    /** A template equation, parsed once per template: column {@code lhs} = Σ {@code columns} (0-based). */
    private record Equation(int lhs, List<Integer> columns, int[] cols, String rhsText, int[] left, String lhsText) {}

    private record Equations(String table) {}

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

    static void classSum(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        int n = a.n();
        for (List<Row> block : blocks(table)) {
            // children by parent code, in one pass: 款 under their 类, 项 (or 表7 project rows) under their 款
            // (a summary table's 款 and 项 under its 类: on its expense side)
            Side side = kind(a) == TableShape.Kind.SUMMARY ? Side.EXPENSE : null;
            java.util.Map<String, List<Row>> children = new java.util.HashMap<>();
            for (Row r : block) {
                if ((r.kind() != RowKind.CLASS && r.kind() != RowKind.PROJECT) || r.side() != side) continue;
                int len = r.code().length();
                if (len == 5 || len == 7) children.computeIfAbsent(CheckContext.parentCode(r.code()), k -> new ArrayList<>()).add(r);
            }
            if (side != null && children.isEmpty()) continue;
            for (Row parent : block) {
                if (parent.kind() != RowKind.CLASS || parent.side() != side) continue;
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
                if (rate(a, c)) continue;
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
                            a.name() + "「" + parent.label() + "」应等于其下" + (len == 3 ? "各款" : (a.template().shape() != null && a.template().shape().projectRows() ? "各项目" : "各项")) + "之和");
                }
            }
        }
    }

    static void totalSum(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        int n = a.n();
        Optional<Row> total = ctx.total(table, null);
        if (total.isEmpty()) return;
        List<Row> parts = table.rows(r -> r.kind() == RowKind.UNIT);
        String what = "各单位小计";
        if (parts.isEmpty()) {
            boolean projects = kind(a) == TableShape.Kind.PROJECTS;
            parts = projects ? table.rows(r -> r.kind() == RowKind.PROJECT || r.kind() == RowKind.LINE)
                    : table.rows(r -> r.kind() == RowKind.CLASS && r.side() == null && r.code().length() == 3);
            what = projects ? "各项目" : "各类";
        }
        if (parts.isEmpty()) return;
        String whatParts = what;
        List<Row> summed = parts;
        for (int c = 0; c < table.columns().size(); c++) {
                if (rate(a, c)) continue;
            if (ctx.agrees(total.get(), c, summed)) continue;
            ctx.expectSum(n, total.get(), label(table, c), ctx.cell(total.get(), c), ctx.sumOf(parts, c), CheckContext.countCells(parts, c), () ->
                    a.name() + "总计应等于" + whatParts + "之和");
        }
    }

    static void unitSum(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        int n = a.n();
        if (a.template().unitsOnly()) departments(ctx, a);
        for (List<Row> block : blocks(table)) {
            Row unit = block.get(0);
            if (unit.kind() != RowKind.UNIT) continue;
            boolean classes = kind(a) == TableShape.Kind.CLASSIFICATION;
            List<Row> parts = classes
                    ? block.stream().filter(r -> r.kind() == RowKind.CLASS && r.code().length() == 3).toList()
                    : block.stream().filter(r -> r.kind() == RowKind.PROJECT || r.kind() == RowKind.LINE).toList();
            if (parts.isEmpty()) continue;
            for (int c = 0; c < table.columns().size(); c++) {
                if (rate(a, c)) continue;
                if (ctx.agrees(unit, c, parts)) continue;
                ctx.expectSum(n, unit, label(table, c), ctx.cell(unit, c), ctx.sumOf(parts, c), CheckContext.countCells(parts, c), () ->
                        a.name() + "单位「" + unit.name() + "」小计应等于其下" + (classes ? "各类" : "各行") + "之和");
            }
        }
    }

    /**
     * A table of units only that prints a department's row above its units' (西安 表2/表3: "234 西安市气象局" over
     * "234001 …", "234002 …"): the department's row is the sum of its units' rows. The reader gives the department's row
     * the kind of a class row holding its own name as its unit (it is no 功能分类 class), the units' rows are units.
     */
    private static void departments(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        List<Row> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            Row dept = rows.get(i);
            if (dept.kind() != RowKind.CLASS || dept.unit().isEmpty()) continue;
            List<Row> units = new ArrayList<>();
            for (int k = i + 1; k < rows.size() && rows.get(k).kind() == RowKind.UNIT; k++) units.add(rows.get(k));
            if (units.isEmpty()) continue;
            for (int c = 0; c < table.columns().size(); c++) {
                if (rate(a, c) || ctx.agrees(dept, c, units)) continue;
                ctx.expectSum(a.n(), dept, label(table, c), ctx.cell(dept, c), ctx.sumOf(units, c), CheckContext.countCells(units, c), () ->
                        a.name() + "部门「" + dept.name() + "」应等于其下各单位之和");
            }
        }
    }

    static void incomeSum(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        TableTemplate tpl = a.template();
        int n = a.n();
        for (LineSpec s : tpl.incomeRows()) {
            if (s.sumOf().isEmpty()) continue;
            Optional<Row> row = ctx.line(table, s.key());
            if (row.isEmpty()) continue;
            List<Row> parts = new ArrayList<>();
            for (String k : s.sumOf()) ctx.line(table, k).ifPresent(parts::add);
            // a subtotal whose detail lines the document does not print at all (上海's 单位预算: "四、其他收入" alone, no
            // 其中 lines under it) states no parts to add up: not a sum of nothing
            if (parts.isEmpty()) continue;
            ctx.expectSum(n, row.get(), label(table, 0), ctx.cell(row.get(), 0), ctx.sumOf(parts, 0), CheckContext.countCells(parts, 0), () ->
                    a.name() + "「" + s.label() + "」应等于其明细行之和");
        }
    }

    static void incomeTotal(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        TableTemplate tpl = a.template();
        int n = a.n();
        Optional<Row> total = ctx.total(table, Side.INCOME);
        if (total.isEmpty() || tpl.incomeTotalOf().isEmpty()) return;
        List<Row> parts = new ArrayList<>();
        for (String k : tpl.incomeTotalOf()) ctx.line(table, k).ifPresent(parts::add);
        ctx.expectSum(n, total.get(), label(table, 0), ctx.cell(total.get(), 0), ctx.sumOf(parts, 0), CheckContext.countCells(parts, 0), () ->
                a.name() + "收入总计应等于" + String.join(" + ", parts.stream().map(Row::name).toList()));
    }

    static void expenseTotal(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        int n = a.n();
        Optional<Row> total = ctx.total(table, Side.EXPENSE);
        if (total.isEmpty()) return;
        List<Row> classes = table.rows(r -> r.side() == Side.EXPENSE && r.kind() == RowKind.CLASS && r.code().length() == 3);   // 类 (not the 款/项 under them)
        int cols = table.columns().size();
        TableShape shape = a.template().shape();
        if (shape != null && !shape.expenseTotalOf().isEmpty()) {
            // a 决算: 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余 (the closing rows the template names), 本年支出合计 = Σ 类
            List<Row> closing = new ArrayList<>();
            for (String label : shape.expenseTotalOf()) ctx.line(table, shape.closingKey(label)).ifPresent(closing::add);
            Optional<Row> current = ctx.line(table, TableShape.closingKey(0));
            for (int c = 0; c < cols; c++) {
                if (rate(a, c)) continue;
                int col = c;
                ctx.expectSum(n, total.get(), label(table, c), ctx.cell(total.get(), c), ctx.sumOf(closing, c), CheckContext.countCells(closing, c), () ->
                        a.name() + "支出总计应等于" + String.join(" + ", closing.stream().map(Row::name).toList()));
                current.ifPresent(cur -> ctx.expectSum(n, cur, label(table, col), ctx.cell(cur, col), ctx.sumOf(classes, col),
                        CheckContext.countCells(classes, col), () -> a.name() + "「" + cur.name() + "」应等于各功能分类类之和"));
            }
            return;
        }
        for (int c = 0; c < cols; c++) {
            if (rate(a, c)) continue;
            ctx.expectSum(n, total.get(), label(table, c), ctx.cell(total.get(), c), ctx.sumOf(classes, c), CheckContext.countCells(classes, c), () ->
                    a.name() + "支出总计应等于各功能分类类之和");
        }
    }

    static void balance(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        int n = a.n();
        Optional<Row> in = ctx.total(table, Side.INCOME);
        Optional<Row> out = ctx.total(table, Side.EXPENSE);
        if (in.isEmpty() || out.isEmpty()) return;
        ctx.expectEqual(n, out.get(), label(table, 0), ctx.cell(out.get(), 0), ctx.cell(in.get(), 0), () -> a.name() + "支出总计应等于收入总计");
    }

    static void fixedRowSum(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        TableTemplate tpl = a.template();
        int n = a.n();
        for (LineSpec s : tpl.rows()) {
            if (s.sumOf().isEmpty()) continue;
            Optional<Row> row = ctx.rowByKey(table, s.key());
            if (row.isEmpty()) continue;
            List<Row> parts = new ArrayList<>();
            for (String k : s.sumOf()) ctx.rowByKey(table, k).ifPresent(parts::add);
            for (int c = 0; c < table.columns().size(); c++) {
                if (rate(a, c)) continue;
                ctx.expectSum(n, row.get(), label(table, c), ctx.cell(row.get(), c), ctx.sumOf(parts, c), CheckContext.countCells(parts, c), () ->
                        a.name() + "「" + s.label() + "」应等于其组成行之和");
            }
        }
    }

    /** A percentage column (增减%): never summed. */
    private static boolean rate(Applied a, int c) {
        List<ColumnSpec> cols = a.template().columns();
        return c < cols.size() && cols.get(c).rate();
    }

    /**
     * Each computed column against the two it compares, as printed: a change equals their difference
     * (each printed cell rounded on its own), a rate lies within what the printed amounts allow
     * (each half a cent either way), rounded to two decimals.
     */
    static void columnChange(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        TableTemplate tpl = a.template();
        for (LineSpec s : tpl.rows()) {
            if (!s.computed()) continue;
            Optional<Row> row = ctx.rowByKey(table, s.key());
            Optional<Row> x = ctx.rowByKey(table, s.change().get(0)), y = ctx.rowByKey(table, s.change().get(1));
            if (row.isEmpty() || x.isEmpty() || y.isEmpty()) continue;
            for (int c = 0; c < table.columns().size(); c++) {
                if (rate(a, c)) continue;
                ctx.expectSum(a.n(), row.get(), label(table, c), ctx.cell(row.get(), c), ctx.cell(x.get(), c).subtract(ctx.cell(y.get(), c)), 2, () ->
                        a.name() + "「" + row.get().name() + "」应等于「" + x.get().name() + "」−「" + y.get().name() + "」");
            }
        }
        List<ColumnSpec> cols = tpl.columns();
        for (int c = 0; c < cols.size() && c < table.columns().size(); c++) {
            ColumnSpec spec = cols.get(c);
            if (!spec.computed()) continue;
            int x = tpl.columnRef(spec.of().get(0)), y = tpl.columnRef(spec.of().get(1));
            if (x < 0 || y < 0) continue;
            int col = c;
            for (Row r : table.rows()) {
                BigDecimal vx = ctx.cell(r, x), vy = ctx.cell(r, y);
                if (!spec.rate()) {
                    ctx.expectSum(a.n(), r, label(table, c), ctx.cell(r, c), vx.subtract(vy), 2, () ->
                            a.name() + "「" + r.label() + "」" + label(table, col) + " 应等于 " + label(table, x) + " − " + label(table, y));
                    continue;
                }
                BigDecimal found = r.value(c) == null ? null : r.value(c).setScale(2, java.math.RoundingMode.HALF_UP);
                BigDecimal[] range = rateRange(vx, vy);
                if (range == null) continue;   // last year printed as nothing: no rate to compare
                boolean ok = found == null ? range[0].signum() <= 0 && range[1].signum() >= 0   // no change: blank
                        : found.compareTo(range[0]) >= 0 && found.compareTo(range[1]) <= 0;
                if (ok) continue;
                String expected = range[0].toPlainString() + " ～ " + range[1].toPlainString();
                ctx.report(a.n(), r, label(table, c), expected, found == null ? "空白" : found.toPlainString(),
                        a.name() + "「" + r.label() + "」" + label(table, col) + " 应等于 (" + label(table, x) + " − " + label(table, y) + ") ÷ "
                                + label(table, y) + " × 100");
            }
        }
    }

    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    /** The rates (per cent, two decimals) the printed amounts allow, or null when last year's is zero. */
    static BigDecimal[] rateRange(BigDecimal x, BigDecimal y) {
        if (y.signum() == 0) return null;
        java.math.MathContext mc = java.math.MathContext.DECIMAL64;
        BigDecimal lo = null, hi = null;
        for (BigDecimal dx : new BigDecimal[] {HALF_CENT.negate(), HALF_CENT}) {
            for (BigDecimal dy : new BigDecimal[] {HALF_CENT.negate(), HALF_CENT}) {
                BigDecimal yy = y.add(dy);
                if (yy.signum() != y.signum()) return new BigDecimal[] {BigDecimal.valueOf(-1_000_000_000L), BigDecimal.valueOf(1_000_000_000L)};
                BigDecimal r = x.add(dx).subtract(yy).multiply(BigDecimal.valueOf(100)).divide(yy, mc);
                lo = lo == null || r.compareTo(lo) < 0 ? r : lo;
                hi = hi == null || r.compareTo(hi) > 0 ? r : hi;
            }
        }
        return new BigDecimal[] {lo.setScale(2, java.math.RoundingMode.FLOOR), hi.setScale(2, java.math.RoundingMode.CEILING)};
    }

    /** Each table of the profile is in the document (read under that profile): one finding per table missing. */
    static void tableMissing(CheckContext ctx) {
        if (ctx.disclosure().tables().isEmpty()) return;
        for (TableTemplate tt : ctx.profile().tables().values()) {
            if (ctx.table(tt.no()).isPresent()) continue;
            String title = tt.title().replace("{kind}", ctx.disclosure().kind().label()).replace("{year}", String.valueOf(ctx.disclosure().year()))
                    .replace("{unit}", ctx.disclosure().unitName());
            String name = tt.mark() == null || tt.mark().isBlank() ? "《" + title + "》" : tt.mark() + "（" + title + "）";
            ctx.report(ctx.currentSeverity(), tt.no(), "", "", "", null, "印出此表", "缺表",
                    name + "：文档中没有这张表（模板要求公开的表缺印或漏印）");
        }
    }

    static void emptyNote(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        int n = a.n();
        boolean noNote = table.emptyNote() == null || table.emptyNote().isBlank();
        boolean templateHasNote = a.template().emptyNote() != null;
        if (table.rows().isEmpty() && noNote && templateHasNote) {
            ctx.report(n, null, "", "为空表说明", "", a.name() + "没有数字，也没有印“……为空表。”的说明");
        }
    }

    static void emptyWithRows(CheckContext ctx, Applied a) {
        DisclosureTable table = a.table();
        int n = a.n();
        if (table.emptyNote() == null || table.emptyNote().isBlank()) return;
        boolean numbers = table.rows().stream().anyMatch(r -> r.values().stream().anyMatch(v -> v != null && v.signum() != 0));
        if (numbers) {
            ctx.report(n, null, "", "", "有数字", a.name() + "有数字，却印有空表说明：“" + table.emptyNote() + "”");
        }
    }
}
