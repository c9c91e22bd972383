package org.openbudget.io.refdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.TextRules;
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
        return new TemplateProfile(root.string("id"), root.string("name"), root.integer("year"),
                root.bool("total_first", true), thousands,
                labels.string("total"), labels.string("income_total"), labels.string("expense_total"), tables,
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
