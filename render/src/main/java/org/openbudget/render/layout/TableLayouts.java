package org.openbudget.render.layout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.money.AmountFormat;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * Lays out each of the eleven tables the way the official template prints it: the merged header
 * grid (科目 / 功能分类科目编码 类 款 项 / the value columns grouped under 财政拨款（补助）, 基本支出,
 * 资金来源 …), the ※ 1 2 3 column-number row, and the body (codes split into 类/款/项 columns,
 * 表1 and 表4 income and expense sides side by side). Every renderer prints these views.
 */
public final class TableLayouts {
    private static final double CODE = 1.4, NAME = 6.0, PROJECT = 7.0, VALUE = 2.4;
    /** A 表1/表4 income line that heads a group ("一、本年收入", "1.一般公共预算拨款", "2、非财政拨款结转结余"). */
    private static final Pattern HEAD_LINE = Pattern.compile("^([一二三四五六七八九十]+、|\\d+\\s*[.、．])");

    private final TemplateProfile profile;
    private final AmountFormat format;
    private final int year;

    public TableLayouts(TemplateProfile profile) {
        this(profile, 0);
    }

    /** @param year the document's year, filled into group headings that print it ({year}, {prev_year}) */
    public TableLayouts(TemplateProfile profile, int year) {
        this(profile, year, profile.amountFormat());
    }

    private TableLayouts(TemplateProfile profile, int year, AmountFormat format) {
        this.profile = profile;
        this.format = format;
        this.year = year;
    }

    /** The table laid out by its shape in the profile (a table the profile does not know: plainly). */
    public TableView layout(DisclosureTable t) {
        TableTemplate tt = template(t);
        AmountFormat own = profile.amountFormat(tt);
        if (!own.equals(format)) return new TableLayouts(profile, year, own).layout(t);   // a table in another unit (上海 "三公" in 万元)
        TableShape shape = tt == null ? null : tt.shape();
        if (shape == null) return generic(t);
        return switch (shape.kind()) {
            case SUMMARY -> twoSided(t, tt);
            case CLASSIFICATION -> shape.panels() ? panels(t, tt) : shape.projectRows() ? projects(t, tt) : tt.unitsOnly() ? units(t, tt)
                    : shape.economic() ? economic(t, tt) : functional(t, tt);
            case FIXED -> lines(t, tt);
            case PROJECTS -> carryOver(t, tt);
        };
    }

    private TableTemplate template(DisclosureTable t) {
        return profile.tableById(t.id()).or(() -> profile.findTable(t.no())).orElse(null);
    }

    // ---- header helpers

    private static List<HeaderCell> numberRow(int textCols, int valueCols) {
        List<HeaderCell> r = new ArrayList<>();
        for (int i = 0; i < textCols; i++) r.add(HeaderCell.of("※"));
        for (int i = 1; i <= valueCols; i++) r.add(HeaderCell.of(String.valueOf(i)));
        return r;
    }

    private static double[] widths(double[] text, int values, double value) {
        double[] w = new double[text.length + values];
        System.arraycopy(text, 0, w, 0, text.length);
        for (int i = 0; i < values; i++) w[text.length + i] = value;
        return w;
    }

    /** The group path of each value column ("财政拨款/基本支出" → [财政拨款, 基本支出]); none for a column the profile does not know. */
    private List<List<String>> groups(DisclosureTable t, TableTemplate tt) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            String g = tt != null && tt.columns().size() == t.columns().size() ? tt.columns().get(i).group() : "";
            List<String> path = new ArrayList<>();
            for (String p : g.split("/")) if (!p.isBlank()) path.add(years(p.trim()));
            out.add(path);
        }
        return out;
    }

    /** A group heading with the document's year ("{year}年预算" → "2026年预算"). */
    private String years(String s) {
        return year == 0 ? s : s.replace("{year}", String.valueOf(year)).replace("{prev_year}", String.valueOf(year - 1));
    }

    /** What the header prints per value column: the profile's {@code header:} where set, else the label. */
    private List<String> headers(DisclosureTable t, TableTemplate tt) {
        List<String> out = new ArrayList<>(t.columns());
        if (tt == null || tt.columns().size() != out.size()) return out;
        for (int i = 0; i < out.size(); i++) {
            ColumnSpec c = tt.columns().get(i);
            if (!c.header().equals(c.label())) out.set(i, years(c.header()));
        }
        return out;
    }

    /** How many header rows the value columns need: one per group level, and one for the leaves. */
    static int depth(List<List<String>> groups) {
        int d = 0;
        for (List<String> g : groups) d = Math.max(d, g.size());
        return d + 1;
    }

    /**
     * The value columns' header, {@code rows} rows high, laid out from the columns' groups: consecutive
     * columns under the same group share one merged cell; a leaf spans the rows below its last group. A
     * leaf printed under a group drops the group's words it starts with (财政拨款人员经费 under 财政拨款 → 人员经费).
     */
    static List<List<HeaderCell>> valueHeader(List<String> labels, List<List<String>> groups, int rows) {
        List<List<HeaderCell>> out = new ArrayList<>();
        int n = labels.size();
        for (int level = 0; level < rows; level++) {
            List<HeaderCell> r = new ArrayList<>();
            int i = 0;
            while (i < n) {
                List<String> g = groups.get(i);
                if (g.size() > level) {
                    int j = i + 1;
                    while (j < n && groups.get(j).size() > level && groups.get(j).subList(0, level + 1).equals(g.subList(0, level + 1))) j++;
                    r.add(HeaderCell.cols(g.get(level), j - i));
                    i = j;
                } else {
                    if (g.size() == level) {
                        r.add(new HeaderCell(labels.get(i), 1, rows - level));
                    }
                    i++;
                }
            }
            out.add(r);
        }
        return out;
    }

    /**
     * A table's header: the optional heading row (科目 over the text columns, the table's heading over the
     * values), then the text columns' cells beside the value columns' grouped header.
     *
     * @param stub     the text columns' header rows, built for a given height
     */
    private List<List<HeaderCell>> header(DisclosureTable t, TableTemplate tt, int textCols, int minRows,
                                          java.util.function.IntFunction<List<List<HeaderCell>>> stub) {
        List<List<String>> groups = groups(t, tt);
        int rows = Math.max(minRows, depth(groups));
        List<List<HeaderCell>> h = new ArrayList<>();
        String heading = tt == null ? "" : years(tt.shape().print().heading());
        if (!heading.isEmpty()) h.add(List.of(HeaderCell.cols("科目", textCols), HeaderCell.cols(heading, t.columns().size())));
        List<List<HeaderCell>> left = stub.apply(rows);
        List<List<HeaderCell>> right = valueHeader(headers(t, tt), groups, rows);
        for (int i = 0; i < rows; i++) {
            List<HeaderCell> r = new ArrayList<>(i < left.size() ? left.get(i) : List.of());
            r.addAll(right.get(i));
            h.add(r);
        }
        return h;
    }

    /** 编码 over 类 款 (项), the name beside them spanning every header row; then any further text columns. */
    private static List<List<HeaderCell>> codeStub(String codeLabel, String nameLabel, int parts, int rows, String... more) {
        List<List<HeaderCell>> out = new ArrayList<>();
        List<HeaderCell> top = new ArrayList<>(List.of(new HeaderCell(codeLabel, parts, rows - 1), HeaderCell.rows(nameLabel, rows)));
        for (String m : more) top.add(HeaderCell.rows(m, rows));
        out.add(top);
        for (int i = 1; i < rows - 1; i++) out.add(List.of());
        List<HeaderCell> last = new ArrayList<>();
        String[] names = {"类", "款", "项"};
        for (int i = 0; i < parts; i++) last.add(HeaderCell.of(names[i]));
        out.add(last);
        return out;
    }

    private static List<List<HeaderCell>> plainStub(String label, int rows) {
        return List.of(List.of(HeaderCell.rows(label, rows)));
    }

    // ---- body helpers

    /** An amount as the profile prints it (unit, decimals, separators, zeros). */
    private Cell amount(BigDecimal v) {
        return Cell.amount(format.format(v), format.printed(v));
    }

    /** A cell left blank whatever the zeros rule (the empty side of a summary). */
    private static Cell none() {
        return Cell.amount("", null);
    }

    private void values(List<Cell> cells, Row r, int n, TableTemplate tt) {
        for (int i = 0; i < n; i++) {
            boolean rate = tt != null && i < tt.columns().size() && tt.columns().get(i).rate();
            cells.add(rate ? rate(r.value(i)) : amount(r.value(i)));
        }
    }

    /** A percentage (增减%, 12.50): two decimals whatever the amount unit, blank when there is nothing to compare. */
    private Cell rate(BigDecimal v) {
        BigDecimal p = v == null ? (format.zeros() ? BigDecimal.ZERO.setScale(2) : null) : v.setScale(2, java.math.RoundingMode.HALF_UP);
        return Cell.amount(p == null ? "" : p.signum() == 0 ? p.abs().toPlainString() : p.toPlainString(), p);
    }

    /** 类 款 项 columns of a code ("2060499" → 206, 04, 99). */
    private static void codeParts(List<Cell> cells, String code, int parts) {
        String[] p = new String[parts];
        for (int i = 0; i < parts; i++) {
            int from = i == 0 ? 0 : 3 + 2 * (i - 1);
            int to = i == 0 ? 3 : from + 2;
            p[i] = code.length() >= to ? code.substring(from, to) : "";
        }
        for (String s : p) cells.add(Cell.code(s));
    }

    private static boolean strongClass(Row r) {
        return r.kind() == RowKind.CLASS && r.level() > 0 && r.level() < 3;
    }

    // ---- the tables

    /** A functional classification: 类 款 项 | 功能分类科目名称 | values (grouped as the columns say), codes as the table prints them. */
    private TableView functional(DisclosureTable t, TableTemplate tt) {
        int n = t.columns().size();
        int codeCols = codeColumns(tt, 3);
        List<List<HeaderCell>> h = header(t, tt, codeCols + 1, 2, rows -> classStub(tt, "功能分类科目编码", "功能分类科目名称", 3, rows));
        h.add(numberRow(codeCols + 1, n));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            if (r.kind() == RowKind.CLASS || r.kind() == RowKind.PROJECT) {
                classCells(c, tt, r, 3);
            } else {
                for (int i = 0; i < codeCols; i++) c.add(Cell.BLANK);
                c.add(Cell.text(r.label()));
            }
            values(c, r, n, tt);
            rows.add(new BodyRow(c, r.kind() != RowKind.CLASS || strongClass(r)));
        }
        boolean wide = n >= 9;
        return view(t, h, rows, widths(codeWidths(codeCols, NAME), n, VALUE), codeCols + 1, wide);
    }

    /** An economic classification: 类 款 | 经济分类科目名称 | values. */
    private TableView economic(DisclosureTable t, TableTemplate tt) {
        int n = t.columns().size();
        int codeCols = codeColumns(tt, 2);
        List<List<HeaderCell>> h = header(t, tt, codeCols + 1, 2, rows -> classStub(tt, "经济分类科目编码", "经济分类科目名称", 2, rows));
        h.add(numberRow(codeCols + 1, n));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            if (r.kind() == RowKind.CLASS) {
                classCells(c, tt, r, 2);
            } else {
                for (int i = 0; i < codeCols; i++) c.add(Cell.BLANK);
                c.add(Cell.text(r.label()));
            }
            values(c, r, n, tt);
            rows.add(new BodyRow(c, r.kind() != RowKind.CLASS || r.level() == 1));
        }
        return view(t, h, rows, widths(codeWidths(codeCols, NAME), n, VALUE), codeCols + 1, false);
    }

    /**
     * A classification printed as panels side by side, one per value column (a 决算's 基本支出表: 人员经费 | 公用经费):
     * each panel its own codes, names and amount, the rows of a panel those with an amount in its column; the last line
     * each panel's total under "{column}合计" (人员经费合计 | 公用经费合计), as the audit's reader reads it back.
     */
    private TableView panels(DisclosureTable t, TableTemplate tt) {
        int n = t.columns().size();
        int parts = tt.shape().economic() ? 2 : 3;
        int codeCols = codeColumns(tt, parts);
        int w = codeCols + 2;
        List<HeaderCell> r1 = new ArrayList<>();
        List<HeaderCell> r2 = new ArrayList<>();
        for (String label : headers(t, tt)) {
            r1.add(HeaderCell.cols(label, w));
            if (codeCols > 0) r2.add(HeaderCell.cols("科目编码", codeCols));
            r2.add(HeaderCell.of("科目名称"));
            r2.add(HeaderCell.of("决算数"));
        }
        List<List<Row>> panel = new ArrayList<>();
        Row total = null;
        for (int k = 0; k < n; k++) panel.add(new ArrayList<>());
        for (Row r : t.rows()) {
            if (r.kind() == RowKind.TOTAL) { total = r; continue; }
            for (int k = 0; k < n; k++) if (r.value(k) != null) panel.get(k).add(r);
        }
        int lines = panel.stream().mapToInt(List::size).max().orElse(0);
        List<BodyRow> rows = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            List<Cell> c = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Row r = i < panel.get(k).size() ? panel.get(k).get(i) : null;
                if (r == null) {
                    for (int j = 0; j < w - 1; j++) c.add(Cell.BLANK);
                    c.add(amount(null));
                    continue;
                }
                List<Cell> own = new ArrayList<>();
                classCells(own, tt, r, parts);
                while (own.size() < w - 1) own.add(Cell.BLANK);
                c.addAll(own.subList(0, w - 1));
                c.add(amount(r.value(k)));
            }
            rows.add(new BodyRow(c, false));
        }
        if (total != null) {
            List<Cell> c = new ArrayList<>();
            List<String> labels = t.columns();
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < codeCols; j++) c.add(Cell.BLANK);
                c.add(Cell.text(labels.get(k) + "合计"));
                c.add(amount(total.value(k)));
            }
            rows.add(new BodyRow(c, true));
        }
        double[] widths = new double[n * w];
        for (int k = 0; k < n; k++) {
            double[] cw = codeWidths(codeCols, NAME);
            System.arraycopy(cw, 0, widths, k * w, cw.length);
            widths[k * w + w - 1] = VALUE;
        }
        return view(t, List.of(r1, r2), rows, widths, codeCols + 1, n * w > 8);
    }

    /** Projects under their 项: 类 款 项 | 功能分类科目名称 | 项目名称 | values; unit subtotal rows. */
    private TableView projects(DisclosureTable t, TableTemplate tt) {
        int n = t.columns().size();
        int codeCols = codeColumns(tt, 3);
        List<List<HeaderCell>> h = header(t, tt, codeCols + 2, 2, rows -> classStub(tt, "科目编码", "功能分类科目名称", 3, rows, "项目名称"));
        h.add(numberRow(codeCols + 2, n));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            boolean strong;
            switch (r.kind()) {
                case CLASS -> {
                    classCells(c, tt, r, 3);
                    c.add(Cell.BLANK);
                    strong = strongClass(r);
                }
                case PROJECT -> {
                    classCells(c, tt, r, 3);
                    c.add(Cell.text(r.project()));
                    strong = false;
                }
                default -> {
                    for (int i = 0; i < codeCols; i++) c.add(Cell.BLANK);
                    c.add(Cell.text(r.kind() == RowKind.UNIT && !r.unit().isEmpty() ? r.unit() : r.name()));
                    c.add(Cell.BLANK);
                    strong = true;
                }
            }
            values(c, r, n, tt);
            rows.add(new BodyRow(c, strong));
        }
        double[] text = codeWidths(codeCols, NAME);
        double[] withProject = java.util.Arrays.copyOf(text, text.length + 1);
        withProject[text.length] = PROJECT;
        return view(t, h, rows, widths(withProject, n, VALUE), codeCols + 2, true);
    }

    // ---- how a classification table prints its codes (codes: full | split | joined | bracketed)

    private static String codes(TableTemplate tt) {
        return tt == null ? TableShape.Print.FULL : tt.shape().print().codes();
    }

    /** How many columns the codes take: one per level (full, split), one (joined) or none (bracketed). */
    private static int codeColumns(TableTemplate tt, int parts) {
        return switch (codes(tt)) {
            case TableShape.Print.JOINED -> 1;
            case TableShape.Print.BRACKETED -> 0;
            default -> parts;
        };
    }

    private static double[] codeWidths(int codeCols, double name) {
        double[] w = new double[codeCols + 1];
        for (int i = 0; i < codeCols; i++) w[i] = codeCols == 1 ? CODE * 2.2 : CODE;
        w[codeCols] = name;
        return w;
    }

    /** The header over the code and name columns, in the table's own words where it gives them. */
    private static List<List<HeaderCell>> classStub(TableTemplate tt, String codeLabel, String nameLabel, int parts, int rows, String... more) {
        TableShape.Print p = tt == null ? TableShape.Print.DEFAULT : tt.shape().print();
        String code = p.codeHeading().isEmpty() ? codeLabel : p.codeHeading();
        String name = p.nameHeading().isEmpty() ? nameLabel : p.nameHeading();
        String codes = codes(tt);
        if (codes.equals(TableShape.Print.FULL) || codes.equals(TableShape.Print.SPLIT)) return codeStub(code, name, parts, rows, more);
        List<HeaderCell> top = new ArrayList<>();
        if (codes.equals(TableShape.Print.JOINED)) top.add(HeaderCell.rows(code, rows));
        top.add(HeaderCell.rows(name, rows));
        for (String m : more) top.add(HeaderCell.rows(m, rows));
        return List.of(top);
    }

    /** A classification row's code cells and name cell, as the table prints codes. */
    private static void classCells(List<Cell> c, TableTemplate tt, Row r, int parts) {
        int indent = Math.max(0, r.level() - 1);
        switch (codes(tt)) {
            case TableShape.Print.JOINED -> {
                c.add(Cell.code(r.code()));
                c.add(Cell.text(r.name(), indent));
            }
            case TableShape.Print.BRACKETED -> c.add(Cell.text(r.code().isEmpty() ? r.name() : "[" + r.code() + "]" + r.name(), indent));
            case TableShape.Print.SPLIT -> {
                codeParts(c, r.code(), parts);
                // each level prints its own part only: a 款 row its 款 digits, a 项 row its 项 digits
                int own = Math.max(0, r.level() - 1);
                for (int i = 0; i < parts; i++) {
                    int at = c.size() - parts + i;
                    if (i != own) c.set(at, Cell.code(""));
                }
                c.add(Cell.text(r.name(), indent));
            }
            default -> {
                codeParts(c, r.code(), parts);
                c.add(Cell.text(r.name(), indent));
            }
        }
    }

    /** Fixed rows (the 三公 table): the stub heading | values (grouped as the columns say). */
    private TableView lines(DisclosureTable t, TableTemplate tt) {
        int n = t.columns().size();
        String stub = tt.shape().print().stubHeading().isEmpty() ? "项目" : tt.shape().print().stubHeading();
        List<List<HeaderCell>> h = header(t, tt, 1, 1, rows -> plainStub(stub, rows));
        h.add(numberRow(1, n));
        Set<String> sums = sumKeys(tt.rows());
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            boolean strong = r.kind() == RowKind.TOTAL || sums.contains(r.key());
            c.add(Cell.text(r.name(), strong || r.name().startsWith("其中") ? 0 : 1));
            values(c, r, n, tt);
            rows.add(new BodyRow(c, strong));
        }
        return view(t, h, rows, widths(new double[] {NAME + 2}, n, VALUE + 0.6), 1, n >= 9);   // 上年 | 本年 | 增减 blocks: landscape
    }

    /** A row per project grouped by unit: the stub heading (项目名称) | values (grouped as the columns say). */
    private TableView carryOver(DisclosureTable t, TableTemplate tt) {
        int n = t.columns().size();
        String stub = tt.shape().print().stubHeading().isEmpty() ? "项目名称" : tt.shape().print().stubHeading();
        List<List<HeaderCell>> h = header(t, tt, 1, 1, rows -> plainStub(stub, rows));
        h.add(numberRow(1, n));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            boolean strong = r.kind() == RowKind.TOTAL || r.kind() == RowKind.UNIT;
            String name = r.kind() == RowKind.PROJECT && !r.project().isEmpty() ? r.project() : r.name();
            c.add(Cell.text(name, strong ? 0 : 1));
            values(c, r, n, tt);
            rows.add(new BodyRow(c, strong));
        }
        return view(t, h, rows, widths(new double[] {NAME + 5}, n, VALUE), 1, true);
    }

    /** A row per unit (unit_rows: only): the stub heading (单位名称) | values; the total first or last as the rows come. */
    private TableView units(DisclosureTable t, TableTemplate tt) {
        int n = t.columns().size();
        String stub = tt.shape().print().stubHeading().isEmpty() ? "单位名称" : tt.shape().print().stubHeading();
        List<List<HeaderCell>> h = header(t, tt, 1, 1, rows -> plainStub(stub, rows));
        h.add(numberRow(1, n));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            boolean strong = r.kind() == RowKind.TOTAL;
            c.add(Cell.text(r.kind() == RowKind.UNIT && !r.unit().isEmpty() ? r.unit() : r.label(), strong ? 0 : 1));
            values(c, r, n, tt);
            rows.add(new BodyRow(c, strong));
        }
        return view(t, h, rows, widths(new double[] {NAME + 3}, n, VALUE), 1, n >= 9);
    }


    /**
     * The two-sided summary: income lines beside expense 类, totals on the last row. With one value column
     * both sides print it; with several (income_first_column) the income side prints the first, the
     * expense side all of them.
     */
    private TableView twoSided(DisclosureTable t, TableTemplate tt) {
        int n = t.columns().size();
        TableShape.Print print = tt.shape().print();
        boolean multi = n > 1;
        int expenseValues = multi ? n : 1;
        // the income side prints every column too unless the template says it prints the first only
        // (上年预算数 | 本年预算数 | 增减 on both sides)
        int incomeValues = multi && !tt.shape().incomeFirstColumn() ? n : 1;
        List<String> sides = print.sideHeadings().size() == 2 ? print.sideHeadings() : List.of("收入", "支出");
        String expenseStub = print.stubHeading().isEmpty() ? "支出功能分类" : print.stubHeading();
        List<List<HeaderCell>> h = new ArrayList<>();
        h.add(List.of(HeaderCell.cols(sides.get(0), 1 + incomeValues), HeaderCell.cols(sides.get(1), 1 + expenseValues)));
        List<HeaderCell> r2 = new ArrayList<>(List.of(HeaderCell.of("项目")));
        for (int k = 0; k < incomeValues; k++) r2.add(HeaderCell.of(t.columns().get(k)));
        r2.add(HeaderCell.of(expenseStub));
        t.columns().forEach(c -> r2.add(HeaderCell.of(c)));
        h.add(r2);

        Set<String> sums = sumKeys(tt.incomeRows());
        // closing rows (本年收入合计 | 本年支出合计, 上年结转 | 结转下年) go to the bottom, side by side
        Set<String> incomeClosing = new java.util.LinkedHashSet<>(tt.shape().incomeClosing());
        List<Row> income = t.rows(r -> r.side() == Side.INCOME && r.kind() != RowKind.TOTAL && !incomeClosing.contains(r.key()));
        List<Row> expense = t.rows(r -> r.side() == Side.EXPENSE && r.kind() != RowKind.TOTAL && r.kind() != RowKind.LINE);
        List<Row> closingIn = new ArrayList<>();
        for (String k : incomeClosing) t.rows(r -> r.side() == Side.INCOME && k.equals(r.key())).forEach(closingIn::add);
        List<Row> closingOut = t.rows(r -> r.side() == Side.EXPENSE && r.kind() == RowKind.LINE);
        Row incomeTotal = t.total(Side.INCOME).orElse(null);
        Row expenseTotal = t.total(Side.EXPENSE).orElse(null);
        List<BodyRow> rows = new ArrayList<>();
        int count = Math.max(income.size(), expense.size());
        int classNo = 0;
        for (int i = 0; i < count; i++) {
            List<Cell> c = new ArrayList<>();
            boolean strong = false;  // per cell: the income headings
            if (i < income.size()) {
                Row r = income.get(i);
                boolean head = sums.contains(r.key()) || HEAD_LINE.matcher(r.name()).find();
                Cell name = Cell.text(r.name(), head || r.name().startsWith("其中") ? 0 : 2);
                c.add(head ? name.bold() : name);
                for (Cell v : incomeCells(r, incomeValues, tt)) c.add(head ? v.bold() : v);
            } else {
                c.add(Cell.BLANK);
                for (int k = 0; k < incomeValues; k++) c.add(none());
            }
            if (i < expense.size()) {
                Row r = expense.get(i);
                String name = r.name();
                boolean category = r.kind() == RowKind.CLASS && r.code().length() == 3;
                if (print.classNumbers() && category) name = DocumentView.numeral(++classNo) + "、" + name;
                int indent = r.kind() == RowKind.CLASS ? Math.max(0, r.level() - 1) : 0;   // 款 and 项 indented under their 类
                c.add(Cell.text(r.code().isEmpty() || !print.classCodes() ? name : r.code() + " " + name, indent));
                values(c, r, expenseValues, tt);
            } else {
                c.add(Cell.BLANK);
                for (int k = 0; k < expenseValues; k++) c.add(none());
            }
            rows.add(new BodyRow(c, strong));
        }
        for (int i = 0; i < Math.max(closingIn.size(), closingOut.size()); i++) {
            List<Cell> c = new ArrayList<>();
            if (i < closingIn.size()) {
                c.add(Cell.text(closingIn.get(i).name()).bold());
                for (Cell v : incomeCells(closingIn.get(i), incomeValues, tt)) c.add(v.bold());
            } else {
                c.add(Cell.BLANK);
                for (int k = 0; k < incomeValues; k++) c.add(none());
            }
            if (i < closingOut.size()) {
                c.add(Cell.text(closingOut.get(i).name()).bold());
                values(c, closingOut.get(i), expenseValues, tt);
            } else {
                c.add(Cell.BLANK);
                for (int k = 0; k < expenseValues; k++) c.add(none());
            }
            rows.add(new BodyRow(c, false));
        }
        List<Cell> last = new ArrayList<>();
        last.add(Cell.text(incomeTotal != null ? incomeTotal.name() : profile.incomeTotalLabel()));
        if (incomeTotal != null) last.addAll(incomeCells(incomeTotal, incomeValues, tt));
        else for (int k = 0; k < incomeValues; k++) last.add(amount(null));
        last.add(Cell.text(expenseTotal != null ? expenseTotal.name() : profile.expenseTotalLabel()));
        for (int k = 0; k < expenseValues; k++) last.add(amount(expenseTotal != null ? expenseTotal.value(k) : null));
        rows.add(new BodyRow(last, true));
        double[] w;
        if (incomeValues > 1) {
            w = new double[2 + 2 * n];
            w[0] = NAME;
            w[1 + n] = NAME - 1;
            for (int k = 0; k < n; k++) {
                w[1 + k] = VALUE;
                w[2 + n + k] = VALUE;
            }
        } else {
            w = multi ? widths(new double[] {NAME, VALUE, NAME - 1}, n, VALUE) : new double[] {NAME + 3, VALUE + 1, NAME + 1, VALUE + 1};
        }
        return new TableView(t.no(), t.mark(), t.title(), h, rows, w, -1, incomeValues > 2, t.empty() ? t.emptyNote() : null);
    }

    /** An income row's value cells: the first column, or every column when the income side prints them all. */
    private List<Cell> incomeCells(Row r, int count, TableTemplate tt) {
        List<Cell> out = new ArrayList<>();
        values(out, r, count, tt);
        return out;
    }

    /** Headings of income rows that are sums (bold in the official layout). */
    private static Set<String> sumKeys(List<LineSpec> specs) {
        java.util.HashSet<String> s = new java.util.HashSet<>();
        for (LineSpec l : specs) if (!l.sumOf().isEmpty()) s.add(l.key());
        return s;
    }

    private TableView generic(DisclosureTable t) {
        int n = t.columns().size();
        TableTemplate tt = null;
        List<HeaderCell> r1 = new ArrayList<>(List.of(HeaderCell.of("项目")));
        t.columns().forEach(c -> r1.add(HeaderCell.of(c)));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            c.add(Cell.text(r.label()));
            values(c, r, n, tt);
            rows.add(new BodyRow(c, r.kind() == RowKind.TOTAL));
        }
        return view(t, List.of(r1), rows, widths(new double[] {NAME}, n, VALUE), 1, n >= 9);
    }

    private TableView view(DisclosureTable t, List<List<HeaderCell>> h, List<BodyRow> rows, double[] w, int textCols, boolean wide) {
        return new TableView(t.no(), t.mark(), t.title(), h, rows, w, textCols, wide, t.empty() ? t.emptyNote() : null);
    }
}
