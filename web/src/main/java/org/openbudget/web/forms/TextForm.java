package org.openbudget.web.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.io.yaml.YamlNode;
import org.openbudget.web.forms.FormRows.IndicatorRow;
import org.openbudget.web.forms.FormRows.KeyedRow;

/**
 * 文字: the document's text that no table knows (docs/dataset.md, "The document's text"): 第一部分
 * ({@code overview}), the reasons for changes ({@code reasons}, keyed as in docs/text-facts.md),
 * 主要用于 per 类 ({@code class_notes}), carry-over notes, 政府采购, 国有资产, other matters, the
 * closing date and the 整体绩效目标 ({@code performance_overall}); a 决算's 绩效评价 results. A blank part is left out of
 * the dataset (a dataset with no text at all gives a document of tables only). A 决算's “三公” details have their own
 * form ({@link ThreePublicForm}, the 三公明细 tab).
 */
public class TextForm implements SectionForm {
    /** 主要职能, one per line. */
    public String functions = "";
    /** 内设处室, one per line (none = 本单位无下设处室). */
    public String offices = "";
    public Personnel personnel = new Personnel();
    public List<KeyedRow> reasons = new ArrayList<>();
    public List<KeyedRow> classNotes = new ArrayList<>();
    public List<KeyedRow> carryOverNotes = new ArrayList<>();
    public Procurement procurement = new Procurement();
    public Assets assets = new Assets();
    /** 决算 only: the year's 绩效评价 results. */
    public Evaluation evaluation = new Evaluation();
    public Overall overall = new Overall();
    /** 其他需说明的事项, one paragraph per line. */
    public String otherMatters = "";
    /** YYYY-MM-DD. */
    public String closingDate = "";

    /** 人员情况 (whole numbers; a change may be negative). */
    public static class Personnel {
        public String authorized = "", active = "", activeChange = "", retired = "", retiredChange = "", honorary = "", honoraryChange = "";
    }

    /** 政府采购 (万元). */
    public static class Procurement {
        public String goods = "", works = "", services = "", sme = "", micro = "";
    }

    /** 国有资产占用使用情况 at the end of last year (万元, m², counts) and the purchases budgeted this year. */
    public static class Assets {
        public String buildingArea = "", buildingValue = "";
        public String officialCount = "", officialValue = "", enforcementCount = "", enforcementValue = "", otherCarCount = "", otherCarValue = "";
        public String furniture = "", other = "", equipment50 = "", equipment100 = "";
        public String purchaseVehicles = "", purchaseEquipment50 = "", purchaseEquipment100 = "";
    }

    /** A 决算's 绩效评价 results: counts, amounts (万元), the average score (0–100), the grades. */
    public static class Evaluation {
        public String targetProjects = "", targetAmount = "", monitoredProjects = "", selfEvaluated = "", selfAmount = "", averageScore = "",
                excellent = "", good = "", pass = "", fail = "";

        /**
         * Dataset field and form field (under {@code evaluation.}), in the dataset's order; what each is called and whether
         * it is a count are the dictionary's (refdata/measures.yaml {@code statements: evaluation}, by field).
         */
        static final String[][] FIELDS = {
                {"target_projects", "targetProjects"}, {"target_amount", "targetAmount"}, {"monitored_projects", "monitoredProjects"},
                {"self_evaluated", "selfEvaluated"}, {"self_amount", "selfAmount"}, {"average_score", "averageScore"},
                {"excellent", "excellent"}, {"good", "good"}, {"pass", "pass"}, {"fail", "fail"}};

        /** Whether the dataset field is a count (the dictionary's kind of its statement). */
        static boolean count(String datasetField) {
            var s = statement("evaluation", datasetField);
            return s != null && s.kind() == org.openbudget.core.disclosure.text.FactKind.COUNT;
        }

        String get(String field) {
            return switch (field) {
                case "targetProjects" -> targetProjects;
                case "targetAmount" -> targetAmount;
                case "monitoredProjects" -> monitoredProjects;
                case "selfEvaluated" -> selfEvaluated;
                case "selfAmount" -> selfAmount;
                case "averageScore" -> averageScore;
                case "excellent" -> excellent;
                case "good" -> good;
                case "pass" -> pass;
                default -> fail;
            };
        }

        void set(String field, String v) {
            switch (field) {
                case "targetProjects" -> targetProjects = v;
                case "targetAmount" -> targetAmount = v;
                case "monitoredProjects" -> monitoredProjects = v;
                case "selfEvaluated" -> selfEvaluated = v;
                case "selfAmount" -> selfAmount = v;
                case "averageScore" -> averageScore = v;
                case "excellent" -> excellent = v;
                case "good" -> good = v;
                case "pass" -> pass = v;
                default -> fail = v;
            }
        }
    }

    /** 部门（单位）整体绩效目标表. */
    public static class Overall {
        public String contact = "", phone = "", goal = "";
        public List<IndicatorRow> indicators = new ArrayList<>();
    }

    public static TextForm from(YamlNode root) {
        TextForm f = new TextForm();
        YamlNode o = Raw.child(root, "overview");
        f.functions = Raw.lines(Raw.child(o, "functions"));
        f.offices = Raw.lines(Raw.child(o, "offices"));
        YamlNode p = Raw.child(o, "personnel");
        f.personnel.authorized = Raw.text(p, "authorized");
        f.personnel.active = Raw.text(p, "active");
        f.personnel.activeChange = Raw.text(p, "active_change");
        f.personnel.retired = Raw.text(p, "retired");
        f.personnel.retiredChange = Raw.text(p, "retired_change");
        f.personnel.honorary = Raw.text(p, "honorary");
        f.personnel.honoraryChange = Raw.text(p, "honorary_change");
        Raw.entries(root, "reasons").forEach((k, v) -> f.reasons.add(new KeyedRow(k, "", Raw.text(v), true)));
        Raw.entries(root, "class_notes").forEach((k, v) -> f.classNotes.add(new KeyedRow(k, "", Raw.text(v), true)));
        for (YamlNode c : Raw.items(root, "carry_over_notes")) f.carryOverNotes.add(new KeyedRow(Raw.text(c, "pro_code"), "", Raw.text(c, "note"), true));
        YamlNode pr = Raw.child(root, "procurement");
        f.procurement.goods = Raw.text(pr, "goods");
        f.procurement.works = Raw.text(pr, "works");
        f.procurement.services = Raw.text(pr, "services");
        f.procurement.sme = Raw.text(pr, "sme");
        f.procurement.micro = Raw.text(pr, "micro");
        YamlNode a = Raw.child(root, "assets");
        YamlNode b = Raw.child(a, "building");
        f.assets.buildingArea = Raw.text(b, "area");
        f.assets.buildingValue = Raw.text(b, "value");
        YamlNode v = Raw.child(a, "vehicles");
        f.assets.officialCount = Raw.text(Raw.child(v, "official"), "count");
        f.assets.officialValue = Raw.text(Raw.child(v, "official"), "value");
        f.assets.enforcementCount = Raw.text(Raw.child(v, "enforcement"), "count");
        f.assets.enforcementValue = Raw.text(Raw.child(v, "enforcement"), "value");
        f.assets.otherCarCount = Raw.text(Raw.child(v, "other"), "count");
        f.assets.otherCarValue = Raw.text(Raw.child(v, "other"), "value");
        f.assets.furniture = Raw.text(a, "furniture");
        f.assets.other = Raw.text(a, "other");
        f.assets.equipment50 = Raw.text(a, "equipment_50");
        f.assets.equipment100 = Raw.text(a, "equipment_100");
        YamlNode pu = Raw.child(a, "purchase");
        f.assets.purchaseVehicles = Raw.text(pu, "vehicles");
        f.assets.purchaseEquipment50 = Raw.text(pu, "equipment_50");
        f.assets.purchaseEquipment100 = Raw.text(pu, "equipment_100");
        YamlNode ev = Raw.child(root, "performance_evaluation");
        for (String[] t : Evaluation.FIELDS) f.evaluation.set(t[1], Raw.text(ev, t[0]));
        YamlNode po = Raw.child(root, "performance_overall");
        f.overall.contact = Raw.text(po, "contact");
        f.overall.phone = Raw.text(po, "phone");
        f.overall.goal = Raw.text(po, "goal");
        f.overall.indicators = FormRows.indicators(po);
        f.otherMatters = Raw.lines(Raw.child(root, "other_matters"));
        f.closingDate = Raw.text(root, "closing_date");
        return f;
    }

    @Override
    public Map<String, YamlOut.Node> toYaml(boolean department, List<FieldProblem> problems) {
        Map<String, YamlOut.Node> out = new LinkedHashMap<>();
        // 第一部分
        YamlOut.Mapping overview = YamlOut.map(null);
        List<String> fn = Raw.paragraphs(functions);
        List<String> off = Raw.paragraphs(offices);
        YamlOut.Mapping people = YamlOut.flowMap("personnel.authorized");
        Personnel p = personnel == null ? new Personnel() : personnel;
        people.count("authorized", p.authorized, "personnel.authorized").count("active", p.active, "personnel.active")
                .count("active_change", p.activeChange, "personnel.activeChange").count("retired", p.retired, "personnel.retired")
                .count("retired_change", p.retiredChange, "personnel.retiredChange").count("honorary", p.honorary, "personnel.honorary")
                .count("honorary_change", p.honoraryChange, "personnel.honoraryChange");
        if (!fn.isEmpty() || !off.isEmpty() || !people.isEmpty()) {
            if (!fn.isEmpty()) overview.put("functions", texts(fn, "functions"));
            overview.put("offices", off.isEmpty() ? YamlOut.flowSeq("offices") : texts(off, "offices"));
            if (!people.isEmpty()) overview.put("personnel", people);
        }
        out.put("overview", overview.isEmpty() ? null : overview);
        out.put("reasons", keyed(reasons, "reasons", problems, "原因"));
        out.put("class_notes", keyed(classNotes, "classNotes", problems, "主要用于说明"));
        // 十一: carry-over notes, in the order listed
        YamlOut.Seq carry = YamlOut.seq(null);
        List<KeyedRow> cs = FormRows.nonNull(carryOverNotes);
        for (int i = 0; i < cs.size(); i++) {
            KeyedRow r = cs.get(i);
            if (r == null || r.deleted || Raw.blank(r.key) || (Raw.blank(r.text) && !r.listed)) continue;
            String at = "carryOverNotes[" + i + "]";
            carry.add(YamlOut.flowMap(at + ".text").put("pro_code", YamlOut.scalar(Raw.trim(r.key), at + ".text")).text("note", r.text, at + ".text"));
        }
        out.put("carry_over_notes", carry.isEmpty() ? null : carry);
        Procurement pr = procurement == null ? new Procurement() : procurement;
        YamlOut.Mapping proc = YamlOut.flowMap("procurement.goods").text("goods", pr.goods, "procurement.goods").text("works", pr.works, "procurement.works")
                .text("services", pr.services, "procurement.services").text("sme", pr.sme, "procurement.sme").text("micro", pr.micro, "procurement.micro");
        out.put("procurement", proc.isEmpty() ? null : proc);
        out.put("assets", assets(assets == null ? new Assets() : assets));
        Evaluation e = evaluation == null ? new Evaluation() : evaluation;
        YamlOut.Mapping eval = YamlOut.flowMap("evaluation.targetProjects");
        for (String[] t : Evaluation.FIELDS) {
            if (Evaluation.count(t[0])) eval.count(t[0], e.get(t[1]), "evaluation." + t[1]);
            else eval.text(t[0], e.get(t[1]), "evaluation." + t[1]);
        }
        out.put("performance_evaluation", eval.isEmpty() ? null : eval);
        Overall o = overall == null ? new Overall() : overall;
        YamlOut.Mapping perf = YamlOut.map("overall.goal").text("contact", o.contact, "overall.contact").text("phone", o.phone, "overall.phone")
                .text("goal", o.goal, "overall.goal");
        YamlOut.Seq ind = FormRows.indicators(FormRows.nonNull(o.indicators), "overall.indicators");
        if (!ind.isEmpty()) perf.put("indicators", ind);
        out.put("performance_overall", perf.isEmpty() ? null : perf);
        List<String> other = Raw.paragraphs(otherMatters);
        out.put("other_matters", other.isEmpty() ? null : texts(other, "otherMatters"));
        out.put("closing_date", Raw.blank(closingDate) ? null : YamlOut.scalar(closingDate.trim(), "closingDate"));
        return out;
    }

    private static YamlOut.Seq texts(List<String> items, String origin) {
        YamlOut.Seq s = YamlOut.seq(origin);
        for (String t : items) s.add(YamlOut.scalar(t, origin));
        return s;
    }

    /** A mapping key → text from rows; a blank text leaves the key out; a key twice is a problem at the second row. */
    static YamlOut.Mapping keyed(List<KeyedRow> rows, String field, List<FieldProblem> problems, String what) {
        YamlOut.Mapping m = YamlOut.map(null);
        Set<String> seen = new HashSet<>();
        List<KeyedRow> rs = FormRows.nonNull(rows);
        for (int i = 0; i < rs.size(); i++) {
            KeyedRow r = rs.get(i);
            if (r == null || r.deleted || Raw.blank(r.text)) continue;
            String at = field + "[" + i + "]";
            if (Raw.blank(r.key)) {
                problems.add(new FieldProblem(at + ".key", "", what + "第 " + (i + 1) + " 行", "请填写键 (a key is required)"));
                continue;
            }
            if (!seen.add(r.key.trim())) {
                problems.add(new FieldProblem(at + ".key", "", what + " " + r.key.trim(), "重复：同一个键只能填写一次 (the same key twice)"));
                continue;
            }
            m.put(r.key.trim(), YamlOut.scalar(r.text.trim(), at + ".text"));
        }
        return m.isEmpty() ? null : m;
    }

    private static YamlOut.Mapping assets(Assets a) {
        YamlOut.Mapping m = YamlOut.map(null);
        YamlOut.Mapping b = YamlOut.flowMap("assets.buildingArea").text("area", a.buildingArea, "assets.buildingArea").text("value", a.buildingValue, "assets.buildingValue");
        if (!b.isEmpty()) m.put("building", b);
        YamlOut.Mapping v = YamlOut.map(null);
        String[][] cars = {{"official", a.officialCount, a.officialValue, "official"}, {"enforcement", a.enforcementCount, a.enforcementValue, "enforcement"},
                {"other", a.otherCarCount, a.otherCarValue, "otherCar"}};
        for (String[] c : cars) {
            YamlOut.Mapping t = YamlOut.flowMap("assets." + c[3] + "Count").count("count", c[1], "assets." + c[3] + "Count").text("value", c[2], "assets." + c[3] + "Value");
            if (!t.isEmpty()) v.put(c[0], t);
        }
        if (!v.isEmpty()) m.put("vehicles", v);
        m.text("furniture", a.furniture, "assets.furniture").text("other", a.other, "assets.other")
                .count("equipment_50", a.equipment50, "assets.equipment50").count("equipment_100", a.equipment100, "assets.equipment100");
        YamlOut.Mapping pu = YamlOut.flowMap("assets.purchaseVehicles").count("vehicles", a.purchaseVehicles, "assets.purchaseVehicles")
                .count("equipment_50", a.purchaseEquipment50, "assets.purchaseEquipment50").count("equipment_100", a.purchaseEquipment100, "assets.purchaseEquipment100");
        if (!pu.isEmpty()) m.put("purchase", pu);
        return m.isEmpty() ? null : m;
    }

    /** The form's fields of 国有资产 (under {@code assets.}) and the dataset's (under {@code assets:}). */
    private static final String[][] ASSET_FIELDS = {
            {"buildingArea", "building.area"}, {"buildingValue", "building.value"}, {"officialCount", "vehicles.official.count"},
            {"officialValue", "vehicles.official.value"}, {"enforcementCount", "vehicles.enforcement.count"},
            {"enforcementValue", "vehicles.enforcement.value"}, {"otherCarCount", "vehicles.other.count"}, {"otherCarValue", "vehicles.other.value"},
            {"furniture", "furniture"}, {"other", "other"}, {"equipment50", "equipment_50"}, {"equipment100", "equipment_100"},
            {"purchaseVehicles", "purchase.vehicles"}, {"purchaseEquipment50", "purchase.equipment_50"}, {"purchaseEquipment100", "purchase.equipment_100"}};

    /** The form's fields of 人员情况 (under {@code personnel.}) and the dataset's (under {@code overview:}). */
    static final String[][] PERSONNEL_FIELDS = {
            {"authorized", "personnel.authorized"}, {"active", "personnel.active"}, {"activeChange", "personnel.active_change"},
            {"retired", "personnel.retired"}, {"retiredChange", "personnel.retired_change"}, {"honorary", "personnel.honorary"},
            {"honoraryChange", "personnel.honorary_change"}};

    static final Map<String, String> LABELS = withStatements(Map.ofEntries(
            Map.entry("functions", "主要职能"), Map.entry("offices", "内设处室"), Map.entry("otherMatters", "其他需说明的事项"), Map.entry("closingDate", "落款日期")));

    /**
     * The labels with those of the narrative blocks' fields — 政府采购, 国有资产, 绩效评价 — in the dictionary's words
     * (refdata/measures.yaml {@code statements:}: each dataset field's label), after the block's name.
     */
    private static Map<String, String> withStatements(Map<String, String> labels) {
        Map<String, String> out = new java.util.HashMap<>(labels);
        // 人员情况: the dictionary's overview statements; 整体绩效目标表: the national template's performance_labels
        for (String[] f : PERSONNEL_FIELDS) out.put("personnel." + f[0], statementLabel(org.openbudget.core.measure.Statement.OVERVIEW, f[1]));
        org.openbudget.core.profile.PerformanceLabels pl = org.openbudget.io.refdata.ReferenceLibrary.nationalPerformanceLabels();
        String overall = pl.overallTitle("");
        out.put("overall.contact", overall + " " + pl.contact(""));
        out.put("overall.phone", overall + " 联系电话");
        out.put("overall.goal", overall + " " + pl.overallGoal());
        for (String f : List.of("goods", "works", "services", "sme", "micro")) out.put("procurement." + f, "政府采购 " + statementLabel("procurement", f));
        for (String[] f : ASSET_FIELDS) out.put("assets." + f[0], "国有资产 " + statementLabel("assets", f[1]));
        for (String[] t : Evaluation.FIELDS) out.put("evaluation." + t[1], "绩效评价 " + statementLabel("evaluation", t[0]));
        return Map.copyOf(out);
    }

    /** The statement of a narrative block's dataset field (its label and kind); null when the dictionary has none. */
    static org.openbudget.core.measure.Statement statement(String block, String datasetField) {
        return org.openbudget.io.refdata.ReferenceLibrary.builtInMeasures().statementOf(block, datasetField).orElse(null);
    }

    private static String statementLabel(String block, String datasetField) {
        var s = statement(block, datasetField);
        return s == null ? datasetField : s.label();
    }

    private static final Pattern ROW = Pattern.compile("(reasons|classNotes|carryOverNotes|overall\\.indicators)\\[(\\d+)\\](?:\\.(\\w+))?");

    @Override
    public String describe(String field) {
        if (LABELS.containsKey(field)) return LABELS.get(field);
        Matcher m = ROW.matcher(field);
        if (!m.matches()) return "文字";
        String what = switch (m.group(1)) {
            case "reasons" -> "变动原因";
            case "classNotes" -> "主要用于说明";
            case "carryOverNotes" -> "结转项目说明";
            default -> "整体绩效指标";
        };
        String row = what + "第 " + (Integer.parseInt(m.group(2)) + 1) + " 行";
        KeyedRow r = keyedRow(m.group(1), Integer.parseInt(m.group(2)));
        if (r != null && !Raw.blank(r.key)) row = what + " " + (Raw.blank(r.label) ? r.key : r.label);
        if (m.group(1).equals("overall.indicators") && m.group(3) != null) row += " " + ProjectsForm.indicatorLabel(m.group(3));
        return row;
    }

    private KeyedRow keyedRow(String list, int i) {
        List<KeyedRow> l = switch (list) {
            case "reasons" -> reasons;
            case "classNotes" -> classNotes;
            case "carryOverNotes" -> carryOverNotes;
            default -> null;
        };
        return l != null && i < l.size() ? l.get(i) : null;
    }
}
