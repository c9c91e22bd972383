package org.openbudget.web.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.io.yaml.YamlNode;

/**
 * 收支与结转 of a 决算 ({@code accounts:}, docs/dataset.md "A 决算 dataset"): one row per entry of a flow — 本年收入 and
 * 年初结转和结余 ({@code received}), 使用非财政拨款结余, 结余分配, 上缴上级/经营/对附属单位补助支出, the 年初预算数
 * ({@code budget.initial}) — in 元. The rows are written grouped by flow, in the order each flow first appears; the
 * dataset's AccountsReader judges them (年末结转和结余 is computed, never typed).
 */
public class AccountsForm implements SectionForm {
    public List<EntryRow> entries = new ArrayList<>();

    public static class EntryRow {
        /** The flow (received, surplus.used, surplus.distribution, spent.remit, spent.ops, spent.aff, budget.initial, budget.adjusted). */
        public String flow = "";
        public String funcCode = "";
        public String fundSource = "";
        /** 元, at most two decimals. */
        public String amount = "";
        /** Optional: the 款, the nature and the project (the 年初预算数 line by line). */
        public String ecoCode = "";
        public String nature = "";
        public String proCode = "";
        public boolean deleted;

        boolean blank() { return Raw.blank(funcCode) && Raw.blank(amount) && Raw.blank(ecoCode) && Raw.blank(proCode); }
    }

    public static AccountsForm from(YamlNode root) {
        AccountsForm f = new AccountsForm();
        YamlNode accounts = Raw.child(root, "accounts");
        if (accounts == null || !accounts.isMap()) return f;
        for (Map.Entry<String, YamlNode> e : accounts.entries().entrySet()) {
            for (YamlNode l : Raw.items(e.getValue())) {
                EntryRow r = new EntryRow();
                r.flow = e.getKey();
                r.funcCode = Raw.text(l, "exp_func_code");
                r.fundSource = Raw.text(l, "fund_source");
                r.amount = Raw.text(l, "amount");
                r.ecoCode = Raw.text(l, "dep_bgt_eco_code");
                r.nature = Raw.text(l, "nature");
                r.proCode = Raw.text(l, "pro_code");
                f.entries.add(r);
            }
        }
        return f;
    }

    @Override
    public Map<String, YamlOut.Node> toYaml(boolean department, List<FieldProblem> problems) {
        Map<String, YamlOut.Node> out = new LinkedHashMap<>();
        if (department) return out;
        Map<String, YamlOut.Seq> flows = new LinkedHashMap<>();
        List<EntryRow> rows = FormRows.nonNull(entries);
        for (int i = 0; i < rows.size(); i++) {
            EntryRow r = rows.get(i);
            if (r == null || r.deleted || r.blank()) continue;
            String at = "entries[" + i + "]";
            String flow = Raw.trim(r.flow).isEmpty() ? "received" : Raw.trim(r.flow);
            YamlOut.Mapping m = YamlOut.flowMap(at);
            m.put("exp_func_code", YamlOut.scalar(Raw.trim(r.funcCode), at + ".funcCode"));
            m.put("fund_source", YamlOut.scalar(Raw.trim(r.fundSource), at + ".fundSource"));
            m.put("amount", YamlOut.scalar(Raw.trim(r.amount), at + ".amount"));
            m.text("dep_bgt_eco_code", r.ecoCode, at + ".ecoCode");
            m.text("nature", r.nature, at + ".nature");
            m.text("pro_code", r.proCode, at + ".proCode");
            flows.computeIfAbsent(flow, k -> YamlOut.seq(at + ".flow")).add(m);
        }
        if (flows.isEmpty()) {
            out.put("accounts", null);
            return out;
        }
        YamlOut.Mapping accounts = YamlOut.map(null);
        flows.forEach(accounts::put);
        out.put("accounts", accounts);
        return out;
    }

    static final Map<String, String> LABELS = Map.of("flow", "收支类别", "funcCode", "功能分类项", "fundSource", "资金来源", "amount", "金额（元）",
            "ecoCode", "经济分类款", "nature", "基本/项目", "proCode", "项目");
    private static final Pattern ROW = Pattern.compile("entries\\[(\\d+)\\](?:\\.(\\w+))?");

    @Override
    public String describe(String field) {
        Matcher m = ROW.matcher(field);
        if (!m.matches()) return "收支与结转";
        return "收支与结转第 " + (Integer.parseInt(m.group(1)) + 1) + " 行" + (m.group(2) == null ? "" : " " + LABELS.getOrDefault(m.group(2), m.group(2)));
    }

    /** The flows offered, with what each is. */
    public static final List<String[]> FLOWS = List.of(
            new String[] {"received", "本年收入／年初结转和结余（CO_ 来源）"},
            new String[] {"surplus.used", "使用非财政拨款结余"},
            new String[] {"surplus.distribution", "结余分配"},
            new String[] {"spent.remit", "上缴上级支出"},
            new String[] {"spent.ops", "经营支出"},
            new String[] {"spent.aff", "对附属单位补助支出"},
            new String[] {"budget.initial", "年初预算数"},
            new String[] {"budget.adjusted", "调整预算数"});

    public List<String[]> flows() { return FLOWS; }
}
