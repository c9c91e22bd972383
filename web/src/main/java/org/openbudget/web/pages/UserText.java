package org.openbudget.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.io.InputProblem;
import org.openbudget.web.forms.FormOptions;
import org.springframework.stereotype.Component;

/**
 * What a user reads instead of the system's internal keys: a dataset problem located in words (第 n 行「单位信息 ›
 * 单位名称」) rather than by its YAML path ({@code agency.agency_name}, {@code last_year.amounts.income.gpb.local}), the
 * English gloss the readers add for developers taken away, a check named by its rule rather than its id. The pages
 * use it ({@code ${@userText.problem(p)}}); the REST API keeps the keys, which programs need.
 */
@Component("userText")
public class UserText {
    /** The dataset's keys (docs/dataset.md) in words. */
    static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        String[][] k = {
                {"format", "格式"}, {"budget_year", "预算年度"}, {"profile", "模板"}, {"agency", "单位信息"}, {"agency_code", "单位代码"},
                {"agency_name", "单位名称"}, {"agency_kind", "单位类别"}, {"agency_type", "单位性质"}, {"units", "所属单位"},
                {"projects", "项目"}, {"pro_code", "项目代码"}, {"pro_name", "项目名称"}, {"unit_name", "承担单位"}, {"classified", "涉密"},
                {"lines", "预算明细"}, {"func_code", "功能分类科目"}, {"func_name", "功能分类科目名称"}, {"eco_code", "经济分类科目"},
                {"eco_name", "经济分类科目名称"}, {"nature", "支出性质"}, {"fund_source", "资金来源"}, {"amount", "金额"}, {"note", "备注"},
                {"overview", "第一部分"}, {"functions", "主要职能"}, {"offices", "内设处室"}, {"personnel", "人员情况"},
                {"last_year", "上年数"}, {"dataset", "上年数据集"}, {"amounts", "上年金额"}, {"reasons", "变动原因"},
                {"class_notes", "主要用于"}, {"project_texts", "项目说明"}, {"basis", "立项依据"}, {"performance", "绩效目标"},
                {"performance_order", "绩效目标表顺序"}, {"contact", "联系人"}, {"phone", "联系电话"},
                {"goal", "年度绩效目标"}, {"indicators", "绩效指标"}, {"carry_over_notes", "结转项目说明"}, {"procurement", "政府采购"},
                {"goods", "货物"}, {"works", "工程"}, {"services", "服务"}, {"sme", "预留中小企业"}, {"micro", "其中小微企业"},
                {"assets", "国有资产"}, {"building", "房屋"}, {"area", "面积"}, {"value", "价值"}, {"vehicles", "车辆"}, {"furniture", "办公家具"},
                {"other", "其他资产"}, {"purchase", "拟购置"}, {"other_matters", "其他需说明事项"}, {"closing_date", "落款日期"},
                {"text", "文字"}, {"name", "名称"}, {"code", "代码"}, {"three_public", "“三公”明细"}, {"performance_evaluation", "绩效评价"}};
        for (String[] e : k) KEYS.put(e[0], e[1]);
        // the overall 绩效目标表 as the national template titles it (its performance_labels; {kind} left out)
        KEYS.put("performance_overall", org.openbudget.io.refdata.ReferenceLibrary.nationalPerformanceLabels().overallTitle(""));
    }

    /** A dataset block's key → the block kind of the dictionary's statements of its fields (refdata/measures.yaml). */
    private static final Map<String, String> STATEMENT_BLOCKS = Map.of("overview", org.openbudget.core.measure.Statement.OVERVIEW,
            "procurement", "procurement", "assets", "assets", "three_public", "three_public", "performance_evaluation", "evaluation");

    /** A gloss in parentheses that is all ASCII with a letter: the English the readers add for developers. */
    private static final Pattern ENGLISH = Pattern.compile("\\s*[(（][\\x20-\\x7E&&[^()（）]]*[A-Za-z][\\x20-\\x7E&&[^()（）]]*[)）]");
    private static final Pattern INDEX = Pattern.compile("([^\\[\\]]*)\\[(\\d+)\\]");

    /** The message without its English gloss. */
    public String message(String m) {
        if (m == null) return "";
        String out = ENGLISH.matcher(m).replaceAll("").strip();
        return out.isEmpty() ? m : out;
    }

    /** A dataset path in words ({@code projects[2].pro_code} → 项目 第 3 项 › 项目代码); the path itself when a part is unknown. */
    public String field(String path) {
        if (path == null || path.isBlank()) return "";
        StringBuilder out = new StringBuilder();
        String rest = path;
        // a field a statement of the dictionary declares (overview.personnel.active_change, assets.vehicles.official.count):
        // its block in words and the statement's label (how the forms ask for it)
        int first = path.indexOf('.');
        String block = first < 0 ? null : STATEMENT_BLOCKS.get(path.substring(0, first));
        if (block != null) {
            var st = library.measures().statementOf(block, path.substring(first + 1));
            if (st.isPresent()) return KEYS.get(path.substring(0, first)) + " › " + st.get().label();
        }
        while (!rest.isEmpty()) {
            // a text-fact key (income.gpb.local) after 上年金额 or 变动原因: the rest of the path, whole
            String at = out.toString();
            if (at.endsWith(KEYS.get("amounts")) || at.endsWith(KEYS.get("reasons"))) {
                String words = FormOptions.fixedKeyLabel(library, rest);
                out.append(" › ").append(words == null ? rest : words);
                break;
            }
            int dot = rest.indexOf('.');
            String part = dot < 0 ? rest : rest.substring(0, dot);
            rest = dot < 0 ? "" : rest.substring(dot + 1);
            Matcher m = INDEX.matcher(part);
            String key = part;
            String index = "";
            if (m.matches()) {
                key = m.group(1);
                index = " 第 " + (Integer.parseInt(m.group(2)) + 1) + (key.equals("lines") ? " 行" : " 项");
            }
            String words = key.isEmpty() ? "" : KEYS.get(key);
            if (words == null) return path;
            if (out.length() > 0 && !words.isEmpty()) out.append(" › ");
            out.append(words).append(index);
        }
        return out.toString().strip();
    }

    /** A problem as a line a user reads: file, row or cell, the field in words, the message. */
    public String problem(InputProblem p) {
        StringBuilder b = new StringBuilder(p.file() == null ? "" : p.file());
        if (p.cell() != null && !p.cell().isEmpty()) b.append(" ").append(p.cell());
        else if (p.line() > 0) b.append(" 第 ").append(p.line()).append(" 行");
        String f = field(p.field());
        // in words, or already words (a workbook's 单位信息 单位代码); an unknown key is left out rather than shown
        if (!f.isEmpty() && (!f.equals(p.field()) || !p.field().matches("[\\x20-\\x7E]*"))) b.append("「").append(f).append("」");
        return b.append("：").append(message(p.message())).toString();
    }

    private final org.openbudget.io.refdata.ReferenceLibrary library;

    /**
     * Checks and text-fact keys named from the shipped templates (and those of BUDGET_REFDATA): for code that
     * has no application library at hand. The application's own is the bean, over its library.
     */
    public UserText() { this(org.openbudget.io.refdata.ReferenceLibrary.standard()); }

    /** Checks named from the whole catalogue in effect: the generic checks and every profile's. */
    @org.springframework.beans.factory.annotation.Autowired
    public UserText(org.openbudget.io.refdata.ReferenceLibrary library) { this.library = library; }

    private volatile Map<String, String> rules = Map.of();
    private volatile long rulesAt;

    /** The rules by check id, gathered again at most every ten seconds (an administrator may change a profile). */
    private Map<String, String> rules() {
        long now = System.nanoTime();
        if (rulesAt == 0 || now - rulesAt > 10_000_000_000L) {
            Map<String, String> m = new java.util.HashMap<>();
            for (var c : library.checks()) m.put(c.id(), c.rule());
            rules = m;
            rulesAt = now;
        }
        return rules;
    }

    /** A check named by its rule (its id is kept for support, in a title). */
    public String check(String id) {
        if (org.openbudget.web.service.BudgetService.LAST_YEAR_PUBLISHED.equals(id)) return "上年数 = 上年已发布版本所印的数";
        String now = CheckCatalogue.resolve(id);
        if (library != null) {
            String rule = rules().get(now);
            if (rule != null) return rule;
        }
        try {
            return CheckCatalogue.check(id).rule();
        } catch (IllegalArgumentException unknown) {
            return id;
        }
    }
}
