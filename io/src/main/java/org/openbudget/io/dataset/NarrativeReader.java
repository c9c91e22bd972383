package org.openbudget.io.dataset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.ledger.Narrative.Allocation;
import org.openbudget.core.ledger.Narrative.Assets;
import org.openbudget.core.ledger.Narrative.CarryOverNote;
import org.openbudget.core.ledger.Narrative.Indicator;
import org.openbudget.core.ledger.Narrative.LastYear;
import org.openbudget.core.ledger.Narrative.OverallTarget;
import org.openbudget.core.ledger.Narrative.Personnel;
import org.openbudget.core.ledger.Narrative.Procurement;
import org.openbudget.core.ledger.Narrative.ProjectText;
import org.openbudget.core.ledger.Narrative.Target;
import org.openbudget.core.ledger.Project;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/**
 * Reads the text part of a dataset (docs/dataset.md, "The document's text") into a
 * {@link Narrative}, checked against the budget it belongs to: a reason or a comparative for a key
 * that does not exist, a note for a project or a 类 the budget does not have, a non-number amount,
 * an unknown field — each reported with file, line and field.
 */
final class NarrativeReader {
    /** The top-level keys of a dataset that make up its narrative. */
    static final Set<String> KEYS = Set.of("overview", "last_year", "reasons", "class_notes", "project_texts",
            "carry_over_notes", "procurement", "assets", "performance_overall", "performance_order", "other_matters", "closing_date", "three_public",
            "performance_evaluation");

    private final List<InputProblem> problems;
    private final ReferenceData ref;
    private final Budget budget;
    private final Function<YamlNode, Budget> lastYearLoader;
    /** Last year's budget as the caller knows it without the dataset naming it (a server's published version); null: none. */
    private Budget knownLastYear;

    /** What the template's text states (the keys of last year's amounts and of reasons): its outline. */
    private final org.openbudget.core.profile.TextOutline outline;

    NarrativeReader(List<InputProblem> problems, ReferenceData ref, Budget budget, org.openbudget.core.profile.TextOutline outline,
                    Function<YamlNode, Budget> lastYearLoader) {
        this.outline = outline == null ? org.openbudget.core.profile.TextOutline.NONE : outline;
        this.problems = problems;
        this.ref = ref;
        this.budget = budget;
        this.lastYearLoader = lastYearLoader;
    }

    /** Last year's budget the caller knows of (the 项 it had may be given reasons); null: none. */
    NarrativeReader knowingLastYear(Budget lastYear) {
        this.knownLastYear = lastYear;
        return this;
    }

    Narrative read(YamlNode root) {
        Map<String, YamlNode> e = root.entries();
        if (KEYS.stream().noneMatch(e::containsKey)) return Narrative.EMPTY;
        List<String> functions = List.of();
        List<String> offices = List.of();
        Personnel personnel = null;
        if (e.containsKey("overview")) {
            YamlNode o = e.get("overview");
            allow(o, Set.of("functions", "offices", "personnel"));
            functions = texts(o, "functions");
            offices = texts(o, "offices");
            if (o.get("personnel").isPresent()) personnel = personnel(o.require("personnel"));
        }
        LastYear lastYear = e.containsKey("last_year") ? lastYear(e.get("last_year")) : LastYear.NONE;
        Map<String, String> reasons = e.containsKey("reasons") ? reasons(e.get("reasons"), lastYear) : Map.of();
        Map<String, String> classNotes = e.containsKey("class_notes") ? classNotes(e.get("class_notes")) : Map.of();
        List<ProjectText> projects = e.containsKey("project_texts") ? projects(e.get("project_texts")) : List.of();
        List<CarryOverNote> carry = e.containsKey("carry_over_notes") ? carryOver(e.get("carry_over_notes")) : List.of();
        Procurement procurement = e.containsKey("procurement") ? procurement(e.get("procurement")) : null;
        Assets assets = e.containsKey("assets") ? assets(e.get("assets")) : null;
        OverallTarget overall = e.containsKey("performance_overall") ? overall(e.get("performance_overall")) : null;
        List<String> order = e.containsKey("performance_order") ? texts(root, "performance_order") : List.of();
        if (e.containsKey("performance_order")) {
            List<YamlNode> nodes = e.get("performance_order").isPresentList() ? e.get("performance_order").items() : List.of();
            for (YamlNode o : nodes) {
                String code = o.text() == null ? "" : o.text().trim();
                if (projects.stream().noneMatch(pt -> pt.proCode().equals(code) && pt.target() != null)) {
                    problems.add(o.problem("项目 " + code + " 在 project_texts 中没有绩效目标 target (no performance target for this project)"));
                }
            }
        }
        List<String> other = e.containsKey("other_matters") ? texts(root, "other_matters") : List.of();
        if (e.containsKey("other_matters") && e.get("other_matters").isList()) {
            for (YamlNode o : e.get("other_matters").items()) {
                placeholders(o, "\\{(classified_count|classified_amount|carry_count|carry_total)(\\|(0|plain))?\\}",
                        "{classified_count} {classified_amount} {carry_count} {carry_total}");
            }
        }
        String closing = "";
        if (e.containsKey("closing_date")) {
            String d = guard(() -> root.string("closing_date"), "");
            if (!d.matches("\\d{4}-\\d{2}-\\d{2}")) problems.add(e.get("closing_date").problem("日期应为 YYYY-MM-DD，实际为 \"" + d + "\" (an ISO date is expected)"));
            closing = d;
        }
        Narrative.ThreePublic threePublic = e.containsKey("three_public") ? threePublic(e.get("three_public")) : null;
        if (threePublic != null && !budget.isFinal()) {
            problems.add(e.get("three_public").problem("three_public（“三公”团组、车辆、接待批次）只用于决算数据集（basis: 决算）(a 决算's details)"));
        }
        Narrative.Evaluation evaluation = e.containsKey("performance_evaluation") ? evaluation(e.get("performance_evaluation")) : null;
        if (evaluation != null && !budget.isFinal()) {
            problems.add(e.get("performance_evaluation").problem("performance_evaluation（绩效评价结果）只用于决算数据集（basis: 决算）(a 决算's results)"));
        }
        return new Narrative(functions, offices, personnel, lastYear, reasons, classNotes, projects, carry, procurement,
                assets, overall, order, other, closing, threePublic, evaluation);
    }

    // ------------------------------------------------------------------ parts

    private Personnel personnel(YamlNode p) {
        allow(p, Set.of("authorized", "active", "active_change", "retired", "retired_change", "honorary", "honorary_change"));
        return new Personnel(count(p, "authorized", false), count(p, "active", false), count(p, "active_change", true),
                count(p, "retired", false), count(p, "retired_change", true), count(p, "honorary", false), count(p, "honorary_change", true));
    }

    private LastYear lastYear(YamlNode l) {
        allow(l, Set.of("dataset", "amounts"));
        Budget previous = null;
        if (l.get("dataset").isPresent()) {
            previous = lastYearLoader.apply(l.require("dataset"));
            if (previous != null && previous.year() != budget.year() - 1) {
                problems.add(l.require("dataset").problem("上年数据集的预算年度为 " + previous.year() + "，应为 " + (budget.year() - 1)));
            }
        }
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        if (l.get("amounts").isPresent()) {
            l.require("amounts").entries().forEach((k, v) -> {
                if (!outline.states(k)) {
                    problems.add(v.problem("未知的比较数键 " + k + "：模板 " + budget.profileId() + " 的文字不说明这个数（可用的键如 "
                            + outline.exampleKeys(false) + "，见 docs/text-facts.md） (a key the template's text does not state)"));
                    return;
                }
                BigDecimal a = wan(v);
                if (a != null) amounts.put(k, a);
            });
        }
        return new LastYear(previous, amounts);
    }

    private Map<String, String> reasons(YamlNode r, LastYear lastYear) {
        Set<String> items = gpbItems(budget);
        items.addAll(lastYear.amounts().keySet().stream().filter(k -> k.startsWith("gpb.item:")).map(k -> k.substring(9)).toList());
        if (lastYear.dataset() != null) items.addAll(gpbItems(lastYear.dataset()));
        else if (knownLastYear != null) items.addAll(gpbItems(knownLastYear));
        Map<String, String> out = new LinkedHashMap<>();
        r.entries().forEach((k, v) -> {
            if (!outline.compares(k)) {
                problems.add(v.problem("未知的原因键 " + k + "：模板 " + budget.profileId() + " 的文字不说明它比上年的增减（可用的键如 "
                        + outline.exampleKeys(true) + "） (a reason explains the change of a key the template's text compares)"));
                return;
            }
            if (k.startsWith("gpb.item:") && !items.contains(k.substring(9))) {
                problems.add(v.problem("原因所说明的项 " + k.substring(9) + " 在本年和上年的一般公共预算中都没有 (a reason for an item that does not exist)"));
                return;
            }
            String t = v.text();
            if (t == null || t.isBlank()) { problems.add(v.problem("原因不能为空 (a reason must not be empty)")); return; }
            out.put(k, t.trim());
        });
        return out;
    }

    private Map<String, String> classNotes(YamlNode n) {
        Set<String> classes = new HashSet<>();
        for (LedgerLine l : budget.allLines()) {
            if (l.amountFen() != 0 && source(l).map(FundingSource::fiscalCurrent).orElse(false)) classes.add(l.funcCode().substring(0, 3));
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.entries().forEach((k, v) -> {
            if (!k.matches("\\d{3}")) { problems.add(v.problem("应为功能分类类级编码（3 位数字），实际为 \"" + k + "\"")); return; }
            if (!classes.contains(k)) { problems.add(v.problem("类 " + k + " 没有当年财政拨款支出 (a note for a 类 the budget does not spend on)")); return; }
            String t = v.text();
            if (t == null || t.isBlank()) { problems.add(v.problem("说明不能为空")); return; }
            placeholders(v, "\\{\\d{7}\\}", "{7 位项级编码}");
            out.put(k, t.trim());
        });
        return out;
    }

    private List<ProjectText> projects(YamlNode list) {
        List<ProjectText> out = new ArrayList<>();
        if (!list.isPresentList()) return out;
        Set<String> seen = new HashSet<>();
        for (YamlNode p : list.items()) {
            allow(p, Set.of("pro_code", "basis", "allocation", "period", "manager", "target"));
            String code = guard(() -> p.string("pro_code"), null);
            if (code == null) continue;
            if (!knownProject(p.require("pro_code"), code)) continue;
            if (!seen.add(code)) { problems.add(p.require("pro_code").problem("项目说明重复 " + code)); continue; }
            List<Allocation> alloc = new ArrayList<>();
            if (p.get("allocation").isPresent() && p.require("allocation").isPresentList()) {
                for (YamlNode a : p.require("allocation").items()) {
                    allow(a, Set.of("item", "amount"));
                    String item = guard(() -> a.string("item"), "");
                    BigDecimal amount = a.get("amount").isPresent() ? wan(a.require("amount")) : null;
                    if (amount == null && a.get("amount").isEmpty()) problems.add(a.problem("缺少必填字段 amount"));
                    if (amount != null) alloc.add(new Allocation(item, amount));
                }
            }
            Target target = null;
            if (p.get("target").isPresent()) {
                YamlNode t = p.require("target");
                allow(t, Set.of("goal", "indicators"));
                target = new Target(t.optString("goal").orElse(""), indicators(t));
            }
            out.add(new ProjectText(code, p.optString("basis").orElse(""), alloc, p.optString("period").orElse(""),
                    p.optString("manager").orElse(""), target));
        }
        return out;
    }

    private List<CarryOverNote> carryOver(YamlNode list) {
        List<CarryOverNote> out = new ArrayList<>();
        if (!list.isPresentList()) return out;
        for (YamlNode c : list.items()) {
            allow(c, Set.of("pro_code", "note"));
            String code = guard(() -> c.string("pro_code"), null);
            if (code == null || !knownProject(c.require("pro_code"), code)) continue;
            out.add(new CarryOverNote(code, c.optString("note").orElse("")));
        }
        return out;
    }

    private Procurement procurement(YamlNode p) {
        allow(p, Set.of("goods", "works", "services", "sme", "micro"));
        return new Procurement(wanOr0(p, "goods"), wanOr0(p, "works"), wanOr0(p, "services"), wanOr0(p, "sme"), wanOr0(p, "micro"));
    }

    /** A 决算's “三公” details: whole numbers ≥ 0, each optional (0). */
    private Narrative.ThreePublic threePublic(YamlNode t) {
        if (!t.isMap()) {
            problems.add(t.problem("three_public 应为映射：" + String.join("、", Narrative.ThreePublic.FIELDS) + " (a mapping is expected)"));
            return null;
        }
        allow(t, new java.util.HashSet<>(Narrative.ThreePublic.FIELDS));
        int[] v = new int[Narrative.ThreePublic.FIELDS.size()];
        for (int i = 0; i < v.length; i++) v[i] = count(t, Narrative.ThreePublic.FIELDS.get(i), false);
        if (v[6] > v[4]) problems.add(t.require("foreign_batches").problem("外宾接待批次 " + v[6] + " 多于公务接待批次 " + v[4] + " (foreign receptions are part of all)"));
        if (v[7] > v[5]) problems.add(t.require("foreign_persons").problem("外宾接待人次 " + v[7] + " 多于公务接待人次 " + v[5] + " (foreign guests are part of all)"));
        return new Narrative.ThreePublic(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** 绩效评价 results: counts ≥ 0, amounts in 万元, the average score 0–100, the graded projects no more than the evaluated. */
    private Narrative.Evaluation evaluation(YamlNode t) {
        if (!t.isMap()) {
            problems.add(t.problem("performance_evaluation 应为映射：" + String.join("、", Narrative.Evaluation.FIELDS) + " (a mapping is expected)"));
            return null;
        }
        allow(t, new java.util.HashSet<>(Narrative.Evaluation.FIELDS));
        int targets = count(t, "target_projects", false), monitored = count(t, "monitored_projects", false), self = count(t, "self_evaluated", false);
        BigDecimal targetAmount = wanOr0(t, "target_amount"), selfAmount = wanOr0(t, "self_amount"), score = wanOr0(t, "average_score");
        if (score.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(t.require("average_score").problem("平均分应在 0 到 100 之间，实际为 " + score.toPlainString() + " (a score of 0–100)"));
        }
        int[] g = {count(t, "excellent", false), count(t, "good", false), count(t, "pass", false), count(t, "fail", false)};
        Narrative.Evaluation out = new Narrative.Evaluation(targets, targetAmount, monitored, self, selfAmount, score, g[0], g[1], g[2], g[3]);
        if (out.graded() > self) {
            String at = t.get("excellent").isPresent() ? "excellent" : t.get("good").isPresent() ? "good" : t.get("pass").isPresent() ? "pass" : "fail";
            problems.add(t.require(at).problem("评为优、良、合格、不合格的项目共 " + out.graded() + " 个，多于绩效自评项目数 " + self
                    + " 个（self_evaluated）(the graded projects are among the self-evaluated)"));
        }
        if (self > 0 && score.signum() == 0 && t.get("average_score").isEmpty()) {
            problems.add(t.problem("有绩效自评项目（" + self + " 个）时应填写平均分 average_score (the average score of the self-evaluation)"));
        }
        return out;
    }

    private Assets assets(YamlNode a) {
        allow(a, Set.of("building", "vehicles", "furniture", "other", "equipment_50", "equipment_100", "purchase"));
        BigDecimal area = BigDecimal.ZERO, bvalue = BigDecimal.ZERO;
        if (a.get("building").isPresent()) {
            YamlNode b = a.require("building");
            allow(b, Set.of("area", "value"));
            area = wanOr0(b, "area");
            bvalue = wanOr0(b, "value");
        }
        int[] counts = new int[3];
        BigDecimal[] values = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        if (a.get("vehicles").isPresent()) {
            YamlNode v = a.require("vehicles");
            allow(v, Set.of("official", "enforcement", "other"));
            String[] types = {"official", "enforcement", "other"};
            for (int i = 0; i < 3; i++) {
                Optional<YamlNode> t = v.get(types[i]);
                if (t.isEmpty()) continue;
                allow(t.get(), Set.of("count", "value"));
                counts[i] = count(t.get(), "count", false);
                values[i] = wanOr0(t.get(), "value");
            }
        }
        int pv = 0, p50 = 0, p100 = 0;
        if (a.get("purchase").isPresent()) {
            YamlNode p = a.require("purchase");
            allow(p, Set.of("vehicles", "equipment_50", "equipment_100"));
            pv = count(p, "vehicles", false);
            p50 = count(p, "equipment_50", false);
            p100 = count(p, "equipment_100", false);
        }
        return new Assets(area, bvalue, counts[0], values[0], counts[1], values[1], counts[2], values[2],
                wanOr0(a, "furniture"), wanOr0(a, "other"), count(a, "equipment_50", false), count(a, "equipment_100", false), pv, p50, p100);
    }

    private OverallTarget overall(YamlNode o) {
        allow(o, Set.of("contact", "phone", "goal", "indicators"));
        return new OverallTarget(o.optString("contact").orElse(""), o.optString("phone").orElse(""), o.optString("goal").orElse(""), indicators(o));
    }

    /** Indicators: each a list [一级, 二级, 三级, 指标值, 设置依据, 上年完成值, 分值权重, 赋分规则, 佐证资料] (trailing ones may be left off). */
    private List<Indicator> indicators(YamlNode parent) {
        List<Indicator> out = new ArrayList<>();
        if (parent.get("indicators").isEmpty() || !parent.require("indicators").isPresentList()) return out;
        for (YamlNode i : parent.require("indicators").items()) {
            if (!i.isList()) { problems.add(i.problem("指标应为列表 [一级指标, 二级指标, 三级指标, 指标值, 设置依据, 上年完成值, 分值权重, 赋分规则, 佐证资料]")); continue; }
            List<YamlNode> cells = i.items();
            if (cells.size() > 9) { problems.add(i.problem("指标最多 9 列，实际为 " + cells.size())); continue; }
            String[] f = new String[9];
            for (int k = 0; k < 9; k++) f[k] = k < cells.size() && cells.get(k).isScalar() && cells.get(k).text() != null ? cells.get(k).text().trim() : "";
            BigDecimal weight = null;
            if (!f[6].isEmpty()) {
                try {
                    if (!DatasetRules.plainDecimal(f[6])) throw new NumberFormatException();
                    weight = new BigDecimal(f[6]);
                } catch (NumberFormatException ex) {
                    problems.add(cells.get(6).problem("分值权重应为数字，实际为 \"" + f[6] + "\" (a number is expected)"));
                }
            }
            out.add(new Indicator(f[0], f[1], f[2], f[3], f[4], f[5], weight, f[7], f[8]));
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** Every {placeholder} of a text must match the allowed pattern. */
    private void placeholders(YamlNode v, String allowed, String expected) {
        String t = v.isScalar() && v.text() != null ? v.text() : "";
        // what the pattern \{[^}]*\} finds, scanned in one pass (the pattern is quadratic on a run of "{")
        for (int from = 0; ; ) {
            int open = t.indexOf('{', from);
            int close = open < 0 ? -1 : t.indexOf('}', open + 1);
            if (close < 0) break;
            String group = t.substring(open, close + 1);
            if (group.length() > 64 || !group.matches(allowed)) {
                problems.add(v.problem("未知的占位符 " + (group.length() > 64 ? group.substring(0, 64) + "…" : group) + "（可用：" + expected + "）(unknown placeholder)"));
            }
            from = close + 1;
        }
    }

    private boolean knownProject(YamlNode at, String code) {
        if (budget.allProjects().containsKey(code)) return true;
        problems.add(at.problem("项目代码 " + code + " 不在本数据集（或其单位）的 projects 中 (unknown project)"));
        return false;
    }

    private Set<String> gpbItems(Budget b) {
        Set<String> out = new HashSet<>();
        for (LedgerLine l : b.allLines()) {
            if (l.amountFen() != 0 && source(l).map(FundingSource::generalPublicCurrent).orElse(false)) out.add(l.funcCode());
        }
        return out;
    }

    private Optional<FundingSource> source(LedgerLine l) {
        return ref.source(l.fundSource());
    }

    private void allow(YamlNode n, Set<String> keys) {
        if (!n.isMap()) { problems.add(n.problem("应为映射 (a mapping of key: value is expected)")); return; }
        n.entries().forEach((k, v) -> {
            if (!keys.contains(k)) problems.add(v.problem("未知字段 " + k + " (allowed: " + new java.util.TreeSet<>(keys) + ")"));
        });
    }

    private List<String> texts(YamlNode parent, String key) {
        List<String> out = new ArrayList<>();
        Optional<YamlNode> n = parent.get(key);
        if (n.isEmpty() || !n.get().isPresentList()) return out;
        for (YamlNode i : n.get().items()) {
            if (!i.isScalar() || i.text() == null || i.text().isBlank()) { problems.add(i.problem("应为一段文字 (a text is expected)")); continue; }
            out.add(i.text().trim());
        }
        return out;
    }

    private int count(YamlNode parent, String key, boolean signed) {
        Optional<YamlNode> n = parent.get(key);
        if (n.isEmpty() || n.get().text() == null) return 0;
        String t = n.get().text().trim();
        try {
            int v = Integer.parseInt(t);
            if (!signed && v < 0) problems.add(n.get().problem("不能为负数，实际为 " + t));
            return v;
        } catch (NumberFormatException e) {
            problems.add(n.get().problem("应为整数，实际为 \"" + t + "\" (a whole number is expected)"));
            return 0;
        }
    }

    private BigDecimal wanOr0(YamlNode parent, String key) {
        Optional<YamlNode> n = parent.get(key);
        if (n.isEmpty()) return BigDecimal.ZERO;
        BigDecimal v = wan(n.get());
        return v == null ? BigDecimal.ZERO : v;
    }

    /** An amount in 万元 (or m²): a number ≥ 0, thousands separators allowed; null (and a problem) otherwise. */
    private BigDecimal wan(YamlNode v) {
        String t = v.isScalar() && v.text() != null ? v.text().trim().replace(",", "") : "";
        try {
            // a plain decimal of bounded digits ("1e999999999" is short, and its arithmetic is not)
            if (!DatasetRules.plainDecimal(t)) throw new NumberFormatException();
            BigDecimal a = new BigDecimal(t);
            if (a.signum() < 0) { problems.add(v.problem("金额不能为负数，实际为 " + t)); return null; }
            return a;
        } catch (NumberFormatException e) {
            problems.add(v.problem("金额应为数字（万元），实际为 \"" + t + "\" (a number of 万元 is expected)"));
            return null;
        }
    }

    private <T> T guard(java.util.function.Supplier<T> s, T dflt) {
        try {
            return s.get();
        } catch (InputException e) {
            problems.addAll(e.problems());
            return dflt;
        }
    }
}
