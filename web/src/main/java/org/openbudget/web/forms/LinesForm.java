package org.openbudget.web.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.io.yaml.YamlNode;

/**
 * 预算明细: the ledger lines ({@code lines}). Amounts in 元, exact, as typed.
 *
 * <p>A long ledger is edited a page at a time: a page ({@link #page}) carries the rows it shows, the index of its
 * first row in the stored list ({@code offset}) and how many stored rows it showed ({@code count}); sent back, its
 * rows take the place of those stored rows ({@link #within}) and the rest of the list stays as stored. Rows added on
 * a page follow its last row. A form without {@code offset} is the whole list (the REST API's).
 */
public class LinesForm implements SectionForm {
    /** Rows a page of the form shows. */
    public static final int PAGE = 100;

    public List<LineRow> lines = new ArrayList<>();
    /** The index in the stored list of this page's first row; null: the form is the whole list. */
    public Integer offset;
    /** How many stored rows the page showed. */
    public Integer count;
    /** The totals of the stored rows outside this page (null for the whole list): the foot adds them. */
    private Totals rest;
    /** Which page this is, of how many, and how many rows are stored in all (1, 1, n for the whole list). */
    private int page = 1, pages = 1, stored;

    public static class LineRow {
        /** 支出功能分类 项 (7 digits). */
        public String funcCode = "";
        /** 部门预算支出经济分类 款 (5 digits). */
        public String ecoCode = "";
        /** 基本 or 项目. */
        public String nature = "";
        /** The project of a 项目 line. */
        public String proCode = "";
        /** Funding source code (GPB …). */
        public String fundSource = "";
        /** 元, at most two decimals. */
        public String amount = "";
        public String note = "";
        /** Deleted in the browser (the row stays so that the other rows keep their numbers). */
        public boolean deleted;

        boolean blank() {
            return Raw.blank(funcCode) && Raw.blank(ecoCode) && Raw.blank(proCode) && Raw.blank(amount) && Raw.blank(note);
        }
    }

    public static LinesForm from(YamlNode root) {
        LinesForm f = new LinesForm();
        for (YamlNode l : Raw.items(root, "lines")) {
            LineRow r = new LineRow();
            r.funcCode = Raw.text(l, "exp_func_code");
            r.ecoCode = Raw.text(l, "dep_bgt_eco_code");
            r.nature = Raw.text(l, "nature");
            r.proCode = Raw.text(l, "pro_code");
            r.fundSource = Raw.text(l, "fund_source");
            r.amount = Raw.text(l, "amount");
            r.note = Raw.text(l, "note");
            f.lines.add(r);
        }
        return f;
    }

    @Override
    public Map<String, YamlOut.Node> toYaml(boolean department, List<FieldProblem> problems) {
        Map<String, YamlOut.Node> out = new LinkedHashMap<>();
        if (department) return out;
        YamlOut.Seq s = YamlOut.seq(null);
        List<LineRow> rows = FormRows.nonNull(lines);
        for (int i = 0; i < rows.size(); i++) {
            LineRow r = rows.get(i);
            if (r == null || r.deleted || r.blank()) continue;
            String at = "lines[" + i + "]";
            YamlOut.Mapping m = YamlOut.flowMap(at);
            m.put("exp_func_code", YamlOut.scalar(Raw.trim(r.funcCode), at + ".funcCode"));
            m.put("dep_bgt_eco_code", YamlOut.scalar(Raw.trim(r.ecoCode), at + ".ecoCode"));
            m.put("nature", YamlOut.scalar(Raw.trim(r.nature), at + ".nature"));
            m.text("pro_code", r.proCode, at + ".proCode");
            m.put("fund_source", YamlOut.scalar(Raw.trim(r.fundSource), at + ".fundSource"));
            m.put("amount", YamlOut.scalar(Raw.trim(r.amount), at + ".amount"));
            m.text("note", r.note, at + ".note");
            s.add(m);
        }
        out.put("lines", s.isEmpty() ? null : s);
        return out;
    }

    static final Map<String, String> LABELS = Map.of("funcCode", "功能分类项", "ecoCode", "经济分类款", "nature", "基本/项目",
            "proCode", "项目", "fundSource", "资金来源", "amount", "金额（元）", "note", "备注");
    private static final Pattern ROW = Pattern.compile("lines\\[(\\d+)\\](?:\\.(\\w+))?");

    @Override
    public String describe(String field) {
        Matcher m = ROW.matcher(field);
        if (!m.matches()) return "预算明细";
        return "预算明细第 " + (Integer.parseInt(m.group(1)) + 1) + " 行" + (m.group(2) == null ? "" : " " + LABELS.getOrDefault(m.group(2), m.group(2)));
    }

    public boolean paged() { return offset != null; }
    public int page() { return page; }
    public int pages() { return pages; }
    /** The number shown before the page's first row (0 for the whole list). */
    public int first() { return offset == null ? 0 : offset; }
    /** Rows stored in all (the page's rows, as sent, for a form that came back). */
    public int stored() { return paged() ? stored : FormRows.nonNull(lines).size(); }
    /** The rest of the list's totals in 分, for the script that adds the page's rows to them: all, 基本, 项目. */
    public long[] restFen() {
        Totals t = rest == null ? new Totals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO) : rest;
        return new long[] {fen(t.all()), fen(t.basic()), fen(t.project())};
    }

    private static long fen(BigDecimal yuan) { return yuan.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(); }

    /**
     * Page {@code page} (from 1; beyond the last is the last, anything else the first) of the whole list {@code whole}:
     * the whole list itself when it fits on one page.
     */
    public static LinesForm page(LinesForm whole, String page) {
        List<LineRow> all = FormRows.nonNull(whole.lines);
        if (all.size() <= PAGE) return whole;
        int pages = (all.size() + PAGE - 1) / PAGE;
        int p = 1;
        if (page != null && page.strip().matches("\\d{1,9}")) p = Math.max(1, Math.min(pages, Integer.parseInt(page.strip())));
        LinesForm f = new LinesForm();
        f.offset = (p - 1) * PAGE;
        f.lines = new ArrayList<>(all.subList(f.offset, Math.min(f.offset + PAGE, all.size())));
        f.count = f.lines.size();
        f.page = p;
        f.pages = pages;
        f.withRestOf(whole);
        return f;
    }

    /** Takes the totals of the rows of {@code whole} (the stored list) outside this page, and its place among the pages. */
    public LinesForm withRestOf(LinesForm whole) {
        if (!paged()) return this;
        List<LineRow> all = FormRows.nonNull(whole.lines);
        int from = Math.max(0, Math.min(offset, all.size()));
        int to = Math.max(from, Math.min(from + (count == null ? 0 : count), all.size()));
        LinesForm outside = new LinesForm();
        outside.lines = new ArrayList<>(all.subList(0, from));
        outside.lines.addAll(all.subList(to, all.size()));
        rest = outside.totals();
        stored = all.size();
        pages = Math.max(1, (all.size() + PAGE - 1) / PAGE);
        page = Math.min(pages, from / PAGE + 1);
        return this;
    }

    /** Thrown when a page does not fit the stored list it is put into (the list changed since the page was read). */
    public static final class PageMismatch extends RuntimeException {
        PageMismatch(String message) { super(message); }
    }

    /**
     * The whole list with this page's rows in place of the stored rows it was read from ({@code stored}: the list as
     * stored now); this form itself when it is the whole list.
     */
    public LinesForm within(LinesForm stored) {
        if (!paged()) return this;
        List<LineRow> all = FormRows.nonNull(stored.lines);
        int c = count == null ? 0 : count;
        if (offset < 0 || c < 0 || offset + c > all.size()) {
            throw new PageMismatch("预算明细已被修改，这一页（第 " + (offset + 1) + "–" + (offset + c) + " 行）与保存的明细（共 " + all.size()
                    + " 行）对不上；请重新打开这一页再修改");
        }
        LinesForm whole = new LinesForm();
        whole.lines = new ArrayList<>(all.subList(0, offset));
        whole.lines.addAll(lines == null ? List.of() : lines);
        whole.lines.addAll(all.subList(offset + c, all.size()));
        return whole;
    }

    /**
     * A field of the whole list ({@code lines[k].amount}) as the field of this page that shows it, or null when the row
     * is on another page (the problem is then told in words, with its row number).
     */
    public String onPage(String field) {
        if (!paged() || field == null) return field;
        Matcher m = ROW.matcher(field);
        if (!m.matches()) return field;
        int k = Integer.parseInt(m.group(1)) - offset;
        int shown = lines == null ? 0 : lines.size();
        if (k < 0 || k >= shown) return null;
        return "lines[" + k + "]" + (m.group(2) == null ? "" : "." + m.group(2));
    }

    /** Totals of the amounts that are numbers (元), for the table's foot: all, 基本, 项目 (a page's with the rest of the list's). */
    public Totals totals() {
        Totals own = own();
        if (rest == null) return own;
        return new Totals(own.all().add(rest.all()), own.basic().add(rest.basic()), own.project().add(rest.project()));
    }

    private Totals own() {
        BigDecimal all = BigDecimal.ZERO, basic = BigDecimal.ZERO, project = BigDecimal.ZERO;
        for (LineRow r : FormRows.nonNull(lines)) {
            if (r == null || r.deleted) continue;
            BigDecimal a;
            try {
                a = new BigDecimal(Raw.trim(r.amount).replace(",", ""));
            } catch (NumberFormatException e) {
                continue;
            }
            all = all.add(a);
            if (Raw.trim(r.nature).startsWith("基本")) basic = basic.add(a);
            if (Raw.trim(r.nature).startsWith("项目")) project = project.add(a);
        }
        return new Totals(all, basic, project);
    }

    public record Totals(BigDecimal all, BigDecimal basic, BigDecimal project) {
        public String yuan(BigDecimal v) { return String.format("%,.2f", v); }
        public String wan(BigDecimal v) { return String.format("%,.2f", v.movePointLeft(4)); }
    }
}
