package org.openbudget.io.refdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.TextRules;
import org.openbudget.core.profile.TextTemplate;
import org.openbudget.core.disclosure.text.DocumentText.GlossaryEntry;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/** Reads a template profile (refdata/profiles/*.yaml). */
public final class ProfileReader {
    private ProfileReader() {}

    public static TemplateProfile read(String file, String text) {
        YamlNode root = YamlNode.parse(file, text);
        Map<Integer, TableTemplate> tables = new TreeMap<>();
        root.require("tables").entries().forEach((k, v) -> {
            int no;
            try {
                no = Integer.parseInt(k);
            } catch (NumberFormatException e) {
                throw v.error("表号应为数字 (a table number is expected)");
            }
            tables.put(no, table(no, v));
        });
        YamlNode labels = root.require("labels");
        boolean thousands = root.get("number_format").map(n -> n.bool("thousands_separator", false)).orElse(false);
        TextTemplate textTemplate = root.get("text").map(ProfileReader::text).orElse(TextTemplate.NONE);
        return new TemplateProfile(root.string("id"), root.string("name"), root.integer("year"),
                root.bool("total_first", true), thousands,
                labels.string("total"), labels.string("income_total"), labels.string("expense_total"), tables, textTemplate,
                textRules(root));
    }

    private static TextRules textRules(YamlNode root) {
        if (root.get("text_rules").isEmpty()) return TextRules.DEFAULT;
        YamlNode t = root.require("text_rules");
        int weights = t.get("performance_weight_total").isPresent() ? t.integer("performance_weight_total") : 0;
        String admin = TextRules.DEFAULT.runningTermAdmin(), inst = TextRules.DEFAULT.runningTermInstitution();
        if (t.get("running_terms").isPresent()) {
            YamlNode r = t.require("running_terms");
            admin = r.optString("admin").orElse(admin);
            inst = r.optString("institution").orElse(inst);
        }
        Map<String, List<String>> subjects = new java.util.LinkedHashMap<>();
        if (t.get("subjects").isPresent()) {
            YamlNode s = t.require("subjects");
            for (String key : s.entries().keySet()) subjects.put(key, s.strings(key));
        }
        return new TextRules(weights, admin, inst, subjects);
    }

    /** The {@code text} block: sentence patterns, titles, lists, formats, glossary (see TextTemplate). */
    static TextTemplate text(YamlNode t) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        t.require("titles").entries().forEach((k, v) -> titles.put(k, v.text()));
        Map<String, String> sentences = new LinkedHashMap<>();
        t.require("sentences").entries().forEach((k, v) -> sentences.put(k, v.text() == null ? "" : v.text()));
        List<TextTemplate.IncomeLine> lines = new ArrayList<>();
        for (YamlNode l : t.require("income_lines").items()) {
            String w = l.string("when_zero");
            TextTemplate.WhenZero wz = switch (w) {
                case "sentence" -> TextTemplate.WhenZero.SENTENCE;
                case "未安排", "not_arranged" -> TextTemplate.WhenZero.NOT_ARRANGED;
                case "omit" -> TextTemplate.WhenZero.OMIT;
                default -> throw l.require("when_zero").error("应为 sentence、未安排 或 omit，实际为 \"" + w + "\"");
            };
            lines.add(new TextTemplate.IncomeLine(l.string("key"), l.string("label"), wz));
        }
        List<TextTemplate.Named> groups = new ArrayList<>();
        for (YamlNode g : t.require("income_groups").items()) groups.add(new TextTemplate.Named(g.string("key"), g.string("label")));
        List<TextTemplate.FiscalBudget> budgets = new ArrayList<>();
        for (YamlNode b : t.require("fiscal_budgets").items()) {
            budgets.add(new TextTemplate.FiscalBudget(b.string("key"), b.string("label"), b.string("absent_label"),
                    b.string("expense_label"), b.integer("column")));
        }
        List<GlossaryEntry> glossary = new ArrayList<>();
        if (t.get("glossary").isPresent()) {
            for (YamlNode g : t.require("glossary").items()) glossary.add(new GlossaryEntry(g.string("term"), g.string("definition")));
        }
        List<String> zero = t.get("zero_change").isPresent() ? t.strings("zero_change") : List.of("增加", "增长");
        if (zero.size() != 2) problems.add(t.require("zero_change").problem("应为两个词，如 [增加, 增长] (two words are expected)"));
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        if (t.get("overrides").isPresent()) {
            t.require("overrides").entries().forEach((kind, m) -> {
                if (!kind.equals("单位") && !kind.equals("部门")) { problems.add(m.problem("应为 单位 或 部门，实际为 \"" + kind + "\"")); return; }
                Map<String, String> o = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> {
                    if (!sentences.containsKey(k)) problems.add(v.problem("覆盖了不存在的句式 " + k + " (overrides a sentence the profile does not define)"));
                    o.put(k, v.text() == null ? "" : v.text());
                });
                overrides.put(kind, o);
            });
        }
        TextTemplate out = new TextTemplate(titles, sentences, lines, groups, budgets,
                raw(t, "percent", "{value}%"), raw(t, "list_number", "{n}、"),
                raw(t, "sub_heading", "（{cn}）"), raw(t, "item_number", "{n}."),
                zero, t.optString("date_format").orElse("{y}年{m}月{d}日"), glossary, overrides);
        for (String missing : out.missing()) {
            problems.add(t.problem("模板缺少文字句式 " + missing + " (the profile's text lacks this sentence pattern)"));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return out;
    }

    /** A format string as written (not trimmed: "{n}. " keeps its space). */
    private static String raw(YamlNode t, String key, String dflt) {
        return t.get(key).map(YamlNode::text).filter(v -> !v.isEmpty()).orElse(dflt);
    }

    private static TableTemplate table(int no, YamlNode t) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (YamlNode c : t.require("columns").items()) {
            columns.add(new ColumnSpec(c.string("label"), c.strings("sources"), c.strings("eco")));
        }
        return new TableTemplate(no, t.string("title"), columns, lines(t, "income_rows"), lines(t, "rows"),
                t.optString("empty_note").orElse(null), t.strings("equations"),
                t.optString("unit_rows").orElse("never"), t.strings("aliases"), t.strings("income_total_of"));
    }

    private static List<LineSpec> lines(YamlNode t, String key) {
        List<LineSpec> out = new ArrayList<>();
        if (t.get(key).isEmpty()) return out;
        for (YamlNode r : t.require(key).items()) {
            out.add(new LineSpec(r.string("key"), r.string("label"), r.strings("sources"), r.strings("eco"),
                    r.strings("sum_of"), r.strings("aliases")));
        }
        return out;
    }
}
