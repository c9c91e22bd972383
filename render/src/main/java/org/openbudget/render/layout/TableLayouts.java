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
import org.openbudget.core.money.Amounts;
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
    private final boolean thousands;

    public TableLayouts(TemplateProfile profile) {
        this.profile = profile;
        this.thousands = profile.thousands();
    }

    /** The table laid out by its shape in the profile (a table the profile does not know: plainly). */
    public TableView layout(DisclosureTable t) {
        TableShape shape = profile.tableById(t.id()).map(TableTemplate::shape)
                .or(() -> profile.findTable(t.no()).map(TableTemplate::shape)).orElse(null);
        if (shape == null) return generic(t);
        return switch (shape.kind()) {
            case SUMMARY -> twoSided(t);
            case CLASSIFICATION -> shape.projectRows() ? projects(t) : shape.economic() ? economic(t) : functional(t);
            case FIXED -> lines(t);
            case PROJECTS -> carryOver(t);
        };
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

    private String groupLabel(DisclosureTable t) {
        if (t.no() == 3) return "支出预算";
        String g = t.title().replace("情况表", "");
        return g.isEmpty() ? t.title() : g;
    }

    // ---- body helpers

    private Cell amount(BigDecimal v) {
        if (v == null) return Cell.amount("", null);
        return Cell.amount(Amounts.format(v, thousands), Amounts.printed(v));
    }

    private void values(List<Cell> cells, Row r, int n) {
        for (int i = 0; i < n; i++) cells.add(amount(r.value(i)));
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

    /** 表2, 3, 5, 8, 9: 类 款 项 | 功能分类科目名称 | values. */
    private TableView functional(DisclosureTable t) {
        int n = t.columns().size();
        List<List<HeaderCell>> h = new ArrayList<>();
        if (t.no() == 2 && n == 12) {
            List<HeaderCell> r1 = new ArrayList<>(List.of(HeaderCell.cols("功能分类科目编码", 3),
                    HeaderCell.rows("功能分类科目名称", 2), HeaderCell.rows(t.columns().get(0), 2),
                    HeaderCell.cols("财政拨款（补助）", 7)));
            for (int i = 8; i < 12; i++) r1.add(HeaderCell.rows(t.columns().get(i), 2));
            List<HeaderCell> r2 = new ArrayList<>(List.of(HeaderCell.of("类"), HeaderCell.of("款"), HeaderCell.of("项")));
            for (int i = 1; i < 8; i++) r2.add(HeaderCell.of(t.columns().get(i)));
            h.add(r1);
            h.add(r2);
        } else {
            h.add(List.of(HeaderCell.cols("科目", 4), HeaderCell.cols(groupLabel(t), n)));
            List<HeaderCell> r2 = new ArrayList<>(List.of(HeaderCell.cols("功能分类科目编码", 3), HeaderCell.rows("功能分类科目名称", 2)));
            List<HeaderCell> r3 = new ArrayList<>(List.of(HeaderCell.of("类"), HeaderCell.of("款"), HeaderCell.of("项")));
            if ((t.no() == 8 || t.no() == 9) && n == 4) {
                r2.add(HeaderCell.rows(t.columns().get(0), 2));
                r2.add(HeaderCell.cols("基本支出", 2));
                r2.add(HeaderCell.rows(t.columns().get(3), 2));
                r3.add(HeaderCell.of(t.columns().get(1)));
                r3.add(HeaderCell.of(t.columns().get(2)));
            } else {
                for (String c : t.columns()) r2.add(HeaderCell.rows(c, 2));
            }
            h.add(r2);
            h.add(r3);
        }
        h.add(numberRow(4, n));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            if (r.kind() == RowKind.CLASS || r.kind() == RowKind.PROJECT) {
                codeParts(c, r.code(), 3);
                c.add(Cell.text(r.name(), Math.max(0, r.level() - 1)));
            } else {
                c.add(Cell.BLANK);
                c.add(Cell.BLANK);
                c.add(Cell.BLANK);
                c.add(Cell.text(r.label()));
            }
            values(c, r, n);
            rows.add(new BodyRow(c, r.kind() != RowKind.CLASS || strongClass(r)));
        }
        boolean wide = n >= 9;
        return view(t, h, rows, widths(new double[] {CODE, CODE, CODE, NAME}, n, VALUE), 4, wide);
    }

    /** 表6: 经济分类 类 款 | 经济分类科目名称 | 合计 人员经费 公用经费. */
    private TableView economic(DisclosureTable t) {
        int n = t.columns().size();
        List<List<HeaderCell>> h = new ArrayList<>();
        h.add(List.of(HeaderCell.cols("科目", 3), HeaderCell.cols(groupLabel(t), n)));
        List<HeaderCell> r2 = new ArrayList<>(List.of(HeaderCell.cols("经济分类科目编码", 2), HeaderCell.rows("经济分类科目名称", 2)));
        for (String c : t.columns()) r2.add(HeaderCell.rows(c, 2));
        h.add(r2);
        h.add(List.of(HeaderCell.of("类"), HeaderCell.of("款")));
        h.add(numberRow(3, n));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            if (r.kind() == RowKind.CLASS) {
                codeParts(c, r.code(), 2);
                c.add(Cell.text(r.name(), Math.max(0, r.level() - 1)));
            } else {
                c.add(Cell.BLANK);
                c.add(Cell.BLANK);
                c.add(Cell.text(r.label()));
            }
            values(c, r, n);
            rows.add(new BodyRow(c, r.kind() != RowKind.CLASS || r.level() == 1));
        }
        return view(t, h, rows, widths(new double[] {CODE, CODE, NAME}, n, VALUE), 3, false);
    }

    /** 表7: 类 款 项 | 功能分类科目名称 | 项目名称 | 项目支出合计 and the ten 经济分类 columns; unit subtotal rows. */
    private TableView projects(DisclosureTable t) {
        int n = t.columns().size();
        List<List<HeaderCell>> h = new ArrayList<>();
        List<HeaderCell> r1 = new ArrayList<>(List.of(HeaderCell.cols("科目编码", 3), HeaderCell.rows("功能分类科目名称", 2),
                HeaderCell.rows("项目名称", 2)));
        for (String c : t.columns()) r1.add(HeaderCell.rows(c, 2));
        h.add(r1);
        h.add(List.of(HeaderCell.of("类"), HeaderCell.of("款"), HeaderCell.of("项")));
        h.add(numberRow(5, n));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            boolean strong;
            switch (r.kind()) {
                case CLASS -> {
                    codeParts(c, r.code(), 3);
                    c.add(Cell.text(r.name(), Math.max(0, r.level() - 1)));
                    c.add(Cell.BLANK);
                    strong = strongClass(r);
                }
                case PROJECT -> {
                    codeParts(c, r.code(), 3);
                    c.add(Cell.text(r.name(), Math.max(0, r.level() - 1)));
                    c.add(Cell.text(r.project()));
                    strong = false;
                }
                default -> {
                    c.add(Cell.BLANK);
                    c.add(Cell.BLANK);
                    c.add(Cell.BLANK);
                    c.add(Cell.text(r.kind() == RowKind.UNIT && !r.unit().isEmpty() ? r.unit() : r.name()));
                    c.add(Cell.BLANK);
                    strong = true;
                }
            }
            values(c, r, n);
            rows.add(new BodyRow(c, strong));
        }
        return view(t, h, rows, widths(new double[] {CODE, CODE, CODE, NAME, PROJECT}, n, VALUE), 5, true);
    }

    /** 表10: “三公”经费支出内容 | 合计 | 资金来源 (一般公共预算, 政府性基金, 国有资本经营预算). */
    private TableView lines(DisclosureTable t) {
        int n = t.columns().size();
        List<List<HeaderCell>> h = new ArrayList<>();
        if (n >= 2) {
            List<HeaderCell> r1 = new ArrayList<>(List.of(HeaderCell.rows("“三公”经费支出内容", 2),
                    HeaderCell.rows(t.columns().get(0), 2), HeaderCell.cols("资金来源", n - 1)));
            List<HeaderCell> r2 = new ArrayList<>();
            for (int i = 1; i < n; i++) r2.add(HeaderCell.of(t.columns().get(i)));
            h.add(r1);
            h.add(r2);
        } else {
            h.add(List.of(HeaderCell.of("“三公”经费支出内容"), HeaderCell.of(t.columns().get(0))));
        }
        h.add(numberRow(1, n));
        Set<String> sums = sumKeys(profile.findTable(t.no()).map(tt -> tt.rows()).orElse(List.of()));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            boolean strong = r.kind() == RowKind.TOTAL || sums.contains(r.key());
            c.add(Cell.text(r.name(), strong || r.name().startsWith("其中") ? 0 : 1));
            values(c, r, n);
            rows.add(new BodyRow(c, strong));
        }
        return view(t, h, rows, widths(new double[] {NAME + 2}, n, VALUE + 0.6), 1, false);
    }

    /** 表11: 项目名称 | 总计 | 财政拨款 (合计, 基本支出 人员经费 公用经费, 项目支出) | 非财政拨款 (the same). */
    private TableView carryOver(DisclosureTable t) {
        int n = t.columns().size();
        List<List<HeaderCell>> h = new ArrayList<>();
        if (n == 9) {
            h.add(List.of(HeaderCell.rows("项目名称", 3), HeaderCell.rows(t.columns().get(0), 3),
                    HeaderCell.cols("财政拨款", 4), HeaderCell.cols("非财政拨款", 4)));
            List<HeaderCell> r2 = new ArrayList<>();
            List<HeaderCell> r3 = new ArrayList<>();
            for (int g = 0; g < 2; g++) {
                int base = 1 + 4 * g;
                String prefix = g == 0 ? "财政拨款" : "非财政拨款";
                r2.add(HeaderCell.rows(strip(t.columns().get(base), prefix), 2));
                r2.add(HeaderCell.cols("基本支出", 2));
                r2.add(HeaderCell.rows(strip(t.columns().get(base + 3), prefix), 2));
                r3.add(HeaderCell.of(strip(t.columns().get(base + 1), prefix)));
                r3.add(HeaderCell.of(strip(t.columns().get(base + 2), prefix)));
            }
            h.add(r2);
            h.add(r3);
        } else {
            List<HeaderCell> r = new ArrayList<>(List.of(HeaderCell.of("项目名称")));
            t.columns().forEach(c -> r.add(HeaderCell.of(c)));
            h.add(r);
        }
        h.add(numberRow(1, n));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            boolean strong = r.kind() == RowKind.TOTAL || r.kind() == RowKind.UNIT;
            String name = r.kind() == RowKind.PROJECT && !r.project().isEmpty() ? r.project() : r.name();
            c.add(Cell.text(name, strong ? 0 : 1));
            values(c, r, n);
            rows.add(new BodyRow(c, strong));
        }
        return view(t, h, rows, widths(new double[] {NAME + 5}, n, VALUE), 1, true);
    }

    private static String strip(String label, String prefix) {
        return label.startsWith(prefix) && label.length() > prefix.length() ? label.substring(prefix.length()) : label;
    }

    /** 表1 and 表4: income lines beside expense 类, totals on the last row. */
    private TableView twoSided(DisclosureTable t) {
        int n = t.columns().size();
        boolean t4 = t.no() == 4;
        int expenseValues = t4 ? n : 1;
        List<List<HeaderCell>> h = new ArrayList<>();
        h.add(List.of(HeaderCell.cols(t4 ? "财政拨款收入" : "收入", 2), HeaderCell.cols(t4 ? "财政拨款支出" : "支出", 1 + expenseValues)));
        List<HeaderCell> r2 = new ArrayList<>(List.of(HeaderCell.of("项目"), HeaderCell.of(t4 ? t.columns().get(0) : "预算数"),
                HeaderCell.of("支出功能分类")));
        if (t4) t.columns().forEach(c -> r2.add(HeaderCell.of(c)));
        else r2.add(HeaderCell.of("预算数"));
        h.add(r2);

        Set<String> sums = sumKeys(profile.findTable(t.no()).map(tt -> tt.incomeRows()).orElse(List.of()));
        List<Row> income = t.rows(r -> r.side() == Side.INCOME && r.kind() != RowKind.TOTAL);
        List<Row> expense = t.rows(r -> r.side() == Side.EXPENSE && r.kind() != RowKind.TOTAL);
        Row incomeTotal = t.total(Side.INCOME).orElse(null);
        Row expenseTotal = t.total(Side.EXPENSE).orElse(null);
        List<BodyRow> rows = new ArrayList<>();
        int count = Math.max(income.size(), expense.size());
        for (int i = 0; i < count; i++) {
            List<Cell> c = new ArrayList<>();
            boolean strong = false;  // per cell: the income headings
            if (i < income.size()) {
                Row r = income.get(i);
                boolean head = sums.contains(r.key()) || HEAD_LINE.matcher(r.name()).find();
                Cell name = Cell.text(r.name(), head || r.name().startsWith("其中") ? 0 : 2);
                c.add(head ? name.bold() : name);
                c.add(head ? amount(r.value(0)).bold() : amount(r.value(0)));
            } else {
                c.add(Cell.BLANK);
                c.add(Cell.amount("", null));
            }
            if (i < expense.size()) {
                Row r = expense.get(i);
                c.add(Cell.text(r.code().isEmpty() ? r.name() : r.code() + " " + r.name()));
                values(c, r, expenseValues);
            } else {
                c.add(Cell.BLANK);
                for (int k = 0; k < expenseValues; k++) c.add(Cell.amount("", null));
            }
            rows.add(new BodyRow(c, strong));
        }
        List<Cell> last = new ArrayList<>();
        last.add(Cell.text(incomeTotal != null ? incomeTotal.name() : profile.incomeTotalLabel()));
        last.add(amount(incomeTotal != null ? incomeTotal.value(0) : null));
        last.add(Cell.text(expenseTotal != null ? expenseTotal.name() : profile.expenseTotalLabel()));
        for (int k = 0; k < expenseValues; k++) last.add(amount(expenseTotal != null ? expenseTotal.value(k) : null));
        rows.add(new BodyRow(last, true));
        double[] w = t4 ? new double[] {NAME, VALUE, NAME - 1, VALUE, VALUE, VALUE, VALUE}
                : new double[] {NAME + 3, VALUE + 1, NAME + 1, VALUE + 1};
        return new TableView(t.no(), t.mark(), t.title(), h, rows, w, -1, false, t.empty() ? t.emptyNote() : null);
    }

    /** Headings of income rows that are sums (bold in the official layout). */
    private static Set<String> sumKeys(List<LineSpec> specs) {
        java.util.HashSet<String> s = new java.util.HashSet<>();
        for (LineSpec l : specs) if (!l.sumOf().isEmpty()) s.add(l.key());
        return s;
    }

    private TableView generic(DisclosureTable t) {
        int n = t.columns().size();
        List<HeaderCell> r1 = new ArrayList<>(List.of(HeaderCell.of("项目")));
        t.columns().forEach(c -> r1.add(HeaderCell.of(c)));
        List<BodyRow> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            List<Cell> c = new ArrayList<>();
            c.add(Cell.text(r.label()));
            values(c, r, n);
            rows.add(new BodyRow(c, r.kind() == RowKind.TOTAL));
        }
        return view(t, List.of(r1), rows, widths(new double[] {NAME}, n, VALUE), 1, n >= 9);
    }

    private TableView view(DisclosureTable t, List<List<HeaderCell>> h, List<BodyRow> rows, double[] w, int textCols, boolean wide) {
        return new TableView(t.no(), t.mark(), t.title(), h, rows, w, textCols, wide, t.empty() ? t.emptyNote() : null);
    }
}
