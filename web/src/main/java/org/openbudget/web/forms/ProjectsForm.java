package org.openbudget.web.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.io.yaml.YamlNode;
import org.openbudget.web.forms.FormRows.IndicatorRow;

/**
 * 项目: the unit's projects ({@code projects}: code, name, 承担单位, 涉密) and their texts
 * ({@code project_texts}: 设立依据, 资金分配, 执行时间, 负责人, and the 项目支出绩效目标表). A department
 * has no projects of its own: its form holds the texts only, for its units' projects.
 */
public class ProjectsForm implements SectionForm {
    public List<ProjectRow> projects = new ArrayList<>();
    public List<ProjectTextRow> texts = new ArrayList<>();

    public static class ProjectRow {
        public String proCode = "";
        public String proName = "";
        /** 项目承担单位 (blank = this unit). */
        public String agencyCode = "";
        /** 涉密项目: 七 says 完全不予公开. */
        public boolean classified;
        public boolean deleted;

        boolean blank() { return Raw.blank(proCode) && Raw.blank(proName) && Raw.blank(agencyCode); }
    }

    /** A project's text (第三部分 七) and its 项目支出绩效目标表. */
    public static class ProjectTextRow {
        public String proCode = "";
        /** 设立的政策依据. */
        public String basis = "";
        public List<AllocationRow> allocation = new ArrayList<>();
        /** 资金执行时间, as printed. */
        public String period = "";
        /** 项目负责人. */
        public String manager = "";
        /** 项目总体目标 (a target is written when it or an indicator is given). */
        public String goal = "";
        public List<IndicatorRow> indicators = new ArrayList<>();
        public boolean deleted;
    }

    /** 资金分配情况: an item and its amount in 万元 as written. */
    public static class AllocationRow {
        public String item = "";
        public String amount = "";
        public boolean deleted;
    }

    public static ProjectsForm from(YamlNode root) {
        ProjectsForm f = new ProjectsForm();
        for (YamlNode p : Raw.items(root, "projects")) {
            ProjectRow r = new ProjectRow();
            r.proCode = Raw.text(p, "pro_code");
            r.proName = Raw.text(p, "pro_name");
            r.agencyCode = Raw.text(p, "agency_code");
            r.classified = Raw.bool(Raw.child(p, "classified"));
            f.projects.add(r);
        }
        for (YamlNode p : Raw.items(root, "project_texts")) {
            ProjectTextRow t = new ProjectTextRow();
            t.proCode = Raw.text(p, "pro_code");
            t.basis = Raw.text(p, "basis");
            t.period = Raw.text(p, "period");
            t.manager = Raw.text(p, "manager");
            for (YamlNode a : Raw.items(p, "allocation")) {
                AllocationRow r = new AllocationRow();
                r.item = Raw.text(a, "item");
                r.amount = Raw.text(a, "amount");
                t.allocation.add(r);
            }
            YamlNode target = Raw.child(p, "target");
            t.goal = Raw.text(target, "goal");
            t.indicators = FormRows.indicators(target);
            f.texts.add(t);
        }
        return f;
    }

    @Override
    public Map<String, YamlOut.Node> toYaml(boolean department, List<FieldProblem> problems) {
        Map<String, YamlOut.Node> out = new LinkedHashMap<>();
        if (!department) {
            YamlOut.Seq s = YamlOut.seq(null);
            List<ProjectRow> rows = FormRows.nonNull(projects);
            for (int i = 0; i < rows.size(); i++) {
                ProjectRow r = rows.get(i);
                if (r == null || r.deleted || r.blank()) continue;
                String at = "projects[" + i + "]";
                YamlOut.Mapping m = YamlOut.map(at);
                m.put("pro_code", YamlOut.scalar(Raw.trim(r.proCode), at + ".proCode"));
                m.put("pro_name", YamlOut.scalar(Raw.trim(r.proName), at + ".proName"));
                m.text("agency_code", r.agencyCode, at + ".agencyCode");
                m.put("classified", YamlOut.literal(r.classified ? "true" : "false", at + ".classified"));
                s.add(m);
            }
            out.put("projects", s.isEmpty() ? null : s);
        }
        YamlOut.Seq s = YamlOut.seq(null);
        List<ProjectTextRow> rows = FormRows.nonNull(texts);
        for (int i = 0; i < rows.size(); i++) {
            ProjectTextRow t = rows.get(i);
            if (t == null || t.deleted || Raw.blank(t.proCode)) continue;
            String at = "texts[" + i + "]";
            YamlOut.Mapping m = YamlOut.map(at);
            m.put("pro_code", YamlOut.scalar(Raw.trim(t.proCode), at + ".proCode"));
            m.text("basis", t.basis, at + ".basis");
            YamlOut.Seq alloc = YamlOut.seq(at + ".allocation");
            List<AllocationRow> as = FormRows.nonNull(t.allocation);
            for (int k = 0; k < as.size(); k++) {
                AllocationRow a = as.get(k);
                if (a == null || a.deleted || (Raw.blank(a.item) && Raw.blank(a.amount))) continue;
                String aat = at + ".allocation[" + k + "]";
                alloc.add(YamlOut.flowMap(aat).put("item", YamlOut.scalar(Raw.trim(a.item), aat + ".item"))
                        .put("amount", YamlOut.scalar(Raw.trim(a.amount), aat + ".amount")));
            }
            if (!alloc.isEmpty()) m.put("allocation", alloc);
            m.text("period", t.period, at + ".period");
            m.text("manager", t.manager, at + ".manager");
            YamlOut.Seq ind = FormRows.indicators(FormRows.nonNull(t.indicators), at + ".indicators");
            if (!Raw.blank(t.goal) || !ind.isEmpty()) {
                YamlOut.Mapping target = YamlOut.map(at + ".goal");
                target.text("goal", t.goal, at + ".goal");
                if (!ind.isEmpty()) target.put("indicators", ind);
                m.put("target", target);
            }
            s.add(m);
        }
        out.put("project_texts", s.isEmpty() ? null : s);
        return out;
    }

    private static final Pattern FIELD = Pattern.compile("(projects|texts)\\[(\\d+)\\](?:\\.(allocation|indicators)\\[(\\d+)\\])?(?:\\.(\\w+))?");
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("proCode", "项目代码"), Map.entry("proName", "项目名称"),
            Map.entry("agencyCode", "项目承担单位"), Map.entry("classified", "涉密"), Map.entry("basis", "设立依据"),
            Map.entry("period", "资金执行时间"), Map.entry("manager", "项目负责人"), Map.entry("goal", "项目总体目标"),
            Map.entry("item", "分配事项"), Map.entry("amount", "金额（万元）"), Map.entry("allocation", "资金分配"), Map.entry("indicators", "绩效指标"));

    @Override
    public String describe(String field) {
        Matcher m = FIELD.matcher(field);
        if (!m.matches()) return "项目";
        StringBuilder b = new StringBuilder(m.group(1).equals("projects") ? "项目列表第 " : "项目说明第 ").append(Integer.parseInt(m.group(2)) + 1).append(" 项");
        if (m.group(3) != null) b.append(' ').append(LABELS.get(m.group(3))).append("第 ").append(Integer.parseInt(m.group(4)) + 1).append(" 行");
        if (m.group(5) != null) b.append(' ').append(m.group(3) != null && m.group(3).equals("indicators") ? indicatorLabel(m.group(5)) : LABELS.getOrDefault(m.group(5), m.group(5)));
        return b.toString();
    }

    static String indicatorLabel(String field) {
        for (int i = 0; i < IndicatorRow.FIELDS.length; i++) if (IndicatorRow.FIELDS[i].equals(field)) return IndicatorRow.LABELS[i];
        return field;
    }
}
