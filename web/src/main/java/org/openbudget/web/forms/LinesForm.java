package org.openbudget.web.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.io.yaml.YamlNode;

/** 预算明细: the ledger lines ({@code lines}). Amounts in 元, exact, as typed. */
public class LinesForm implements SectionForm {
    public List<LineRow> lines = new ArrayList<>();

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

    /** Totals of the amounts that are numbers (元), for the table's foot: all, 基本, 项目. */
    public Totals totals() {
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
