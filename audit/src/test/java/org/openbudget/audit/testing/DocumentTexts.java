package org.openbudget.audit.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.money.Amounts;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * Test support: the 第二部分 of a Disclosure written as a published document's extracted text, in
 * the layouts real files come in — tab-separated cells (blank cells kept), plain text (one row per
 * line, blank cells invisible), column headers broken one character per line, with or without
 * thousands separators, amounts in 万元 or 元. (The project's renderer writes the whole document;
 * this writes just enough of it for the reader's tests and mutants.)
 */
public final class DocumentTexts {
    public enum Layout { TAB, PLAIN }

    public record Options(Layout layout, boolean thousands, boolean yuan, boolean headerCharPerLine) {
        public static Options tab() {
            return new Options(Layout.TAB, true, false, false);
        }

        public static Options plain() {
            return new Options(Layout.PLAIN, true, false, false);
        }

        public Options withThousands(boolean t) {
            return new Options(layout, t, yuan, headerCharPerLine);
        }

        public Options withYuan(boolean y) {
            return new Options(layout, thousands, y, headerCharPerLine);
        }

        public Options withHeaderCharPerLine(boolean h) {
            return new Options(layout, thousands, yuan, h);
        }
    }

    /** A 经济分类款 of each 表7 column's 类, as a project's 资金分配情况 names it. */
    private static final java.util.Map<String, String> ECO_WORD = java.util.Map.of(
            "工资福利支出", "基本工资", "商品服务支出", "办公费", "对个人和家庭的补助", "生活补助",
            "资本性支出", "办公设备购置", "对企业补助", "费用补贴", "其他支出", "其他支出");

    private DocumentTexts() {}

    public static String write(Disclosure d, TemplateProfile profile, Options o) {
        List<String> out = new ArrayList<>();
        String kind = d.kind().label();
        out.add(d.year() + "年" + d.unitName() + kind + "预算公开");
        out.add("");
        out.add("第二部分 " + d.year() + "年" + kind + "预算公开表");
        for (DisclosureTable t : d.tables()) {
            TableTemplate tt = profile.table(t.no());
            out.add("");
            out.add("表 " + t.no());
            out.add(t.title());
            out.add("编制" + kind + "：" + d.unitName());
            out.add(o.yuan ? "单位：元" : "单位：万元");
            List<String[]> header = header(t, tt);
            if (o.headerCharPerLine) {
                for (String[] h : header) {
                    for (String cell : h) for (int k = 0; k < cell.length(); k++) if (!Character.isWhitespace(cell.charAt(k))) out.add(String.valueOf(cell.charAt(k)));
                }
            } else {
                for (String[] h : header) out.add(line(h, o));
            }
            if (t.empty()) {
                if (t.emptyNote() != null) out.add(t.emptyNote());
                continue;
            }
            for (String[] r : body(t, tt, o)) out.add(line(r, o));
        }
        out.add("");
        out.add("第三部分 " + d.year() + "年" + kind + "预算情况说明");
        // 七: what each project's money is for (the evidence a plain-layout 表7 needs for its columns)
        d.table(7).ifPresent(t7 -> {
            for (Row r : t7.rows()) {
                if (r.kind() != RowKind.PROJECT) continue;
                StringBuilder b = new StringBuilder(r.project() + " 资金分配情况：");
                for (int k = 1; k < t7.columns().size(); k++) {
                    if (r.value(k) == null || r.value(k).signum() == 0) continue;
                    b.append(ECO_WORD.getOrDefault(t7.columns().get(k), t7.columns().get(k))).append(Amounts.format(r.value(k), o.thousands)).append("万元；");
                }
                out.add(b.toString());
            }
        });
        return String.join("\n", out) + "\n";
    }

    private static String line(String[] cells, Options o) {
        if (o.layout == Layout.TAB) return String.join("\t", cells);
        StringBuilder b = new StringBuilder();
        for (String c : cells) {
            if (c.isEmpty()) continue;
            if (b.length() > 0) b.append(' ');
            b.append(c);
        }
        return b.toString();
    }

    private static int codeCells(int no) {
        return no == 6 ? 2 : 3;
    }

    private static List<String[]> header(DisclosureTable t, TableTemplate tt) {
        List<String[]> h = new ArrayList<>();
        List<String> cols = t.columns();
        switch (t.no()) {
            case 1 -> {
                h.add(new String[]{"收入", "", "支出", ""});
                h.add(new String[]{"项目", "预算数", "支出功能分类", "预算数"});
            }
            case 4 -> {
                h.add(new String[]{"财政拨款收入", "", "财政拨款支出", "", "", "", ""});
                List<String> l = new ArrayList<>(List.of("项目", "合计", "支出功能分类"));
                l.addAll(cols);
                h.add(l.toArray(new String[0]));
            }
            case 10 -> {
                List<String> l = new ArrayList<>(List.of("“三公”经费支出内容"));
                l.addAll(cols);
                h.add(l.toArray(new String[0]));
                String[] nums = new String[cols.size() + 1];
                nums[0] = "※";
                for (int i = 0; i < cols.size(); i++) nums[i + 1] = String.valueOf(i + 1);
                h.add(nums);
            }
            case 11 -> {
                List<String> l = new ArrayList<>(List.of("项目名称"));
                l.addAll(cols);
                h.add(l.toArray(new String[0]));
                String[] nums = new String[cols.size() + 1];
                nums[0] = "※";
                for (int i = 0; i < cols.size(); i++) nums[i + 1] = String.valueOf(i + 1);
                h.add(nums);
            }
            default -> {
                int cc = codeCells(t.no());
                boolean eco = t.no() == 6;
                List<String> l1 = new ArrayList<>();
                l1.add(eco ? "经济分类科目编码" : "功能分类科目编码");
                for (int i = 1; i < cc; i++) l1.add("");
                l1.add(eco ? "经济分类科目名称" : "功能分类科目名称");
                if (t.no() == 7) l1.add("项目名称");
                l1.addAll(cols);
                h.add(l1.toArray(new String[0]));
                List<String> l2 = new ArrayList<>(eco ? List.of("类", "款") : List.of("类", "款", "项"));
                while (l2.size() < l1.size()) l2.add("");
                h.add(l2.toArray(new String[0]));
                List<String> l3 = new ArrayList<>();
                int labels = cc + 1 + (t.no() == 7 ? 1 : 0);
                for (int i = 0; i < labels; i++) l3.add("※");
                for (int i = 0; i < cols.size(); i++) l3.add(String.valueOf(i + 1));
                h.add(l3.toArray(new String[0]));
            }
        }
        return h;
    }

    private static List<String[]> body(DisclosureTable t, TableTemplate tt, Options o) {
        List<String[]> out = new ArrayList<>();
        int n = t.columns().size();
        if (t.no() == 1 || t.no() == 4) {
            List<Row> inc = new ArrayList<>(), exp = new ArrayList<>();
            Row incTotal = null, expTotal = null;
            for (Row r : t.rows()) {
                if (r.side() == Side.INCOME) {
                    if (r.kind() == RowKind.TOTAL) incTotal = r;
                    else inc.add(r);
                } else {
                    if (r.kind() == RowKind.TOTAL) expTotal = r;
                    else exp.add(r);
                }
            }
            int rows = Math.max(inc.size(), exp.size());
            for (int i = 0; i < rows; i++) {
                String[] c = new String[3 + n];
                java.util.Arrays.fill(c, "");
                if (i < inc.size()) {
                    c[0] = inc.get(i).name();
                    c[1] = amount(inc.get(i).value(0), o);
                }
                if (i < exp.size()) {
                    Row r = exp.get(i);
                    c[2] = r.code() + " " + r.name();
                    for (int k = 0; k < n; k++) c[3 + k] = amount(r.value(k), o);
                }
                out.add(c);
            }
            String[] c = new String[3 + n];
            java.util.Arrays.fill(c, "");
            if (incTotal != null) {
                c[0] = incTotal.name();
                c[1] = amount(incTotal.value(0), o);
            }
            if (expTotal != null) {
                c[2] = expTotal.name();
                for (int k = 0; k < n; k++) c[3 + k] = amount(expTotal.value(k), o);
            }
            out.add(c);
            return out;
        }
        for (Row r : t.rows()) {
            List<String> c = new ArrayList<>();
            if (t.no() == 10 || t.no() == 11) {
                c.add(r.kind() == RowKind.PROJECT ? r.project() : r.name());
            } else {
                int cc = codeCells(t.no());
                String code = r.code();
                String[] parts = {code.length() >= 3 ? code.substring(0, 3) : "", code.length() >= 5 ? code.substring(3, 5) : "",
                        code.length() >= 7 ? code.substring(5, 7) : ""};
                for (int i = 0; i < cc; i++) c.add(parts[i]);
                c.add(r.name());
                if (t.no() == 7) c.add(r.project());
            }
            for (int k = 0; k < n; k++) c.add(amount(r.value(k), o));
            out.add(c.toArray(new String[0]));
        }
        return out;
    }

    static String amount(BigDecimal wan, Options o) {
        if (wan == null) return "";
        BigDecimal p = Amounts.printed(wan);
        if (Amounts.isZero(p) && wan.signum() == 0) return "";
        if (!o.yuan) return Amounts.format(p, o.thousands);
        return Amounts.format(wan.movePointRight(4), o.thousands); // the exact 元, rounded to 分
    }
}
