package org.openbudget.web.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.io.yaml.YamlNode;
import org.openbudget.web.forms.FormRows.KeyedRow;

/**
 * 上年数: last year's figures the text compares with ({@code last_year.amounts}, 万元 as last year's
 * document printed them, keyed as in docs/text-facts.md). A key left blank had no budget last year.
 * A {@code last_year.dataset} reference is kept as it is.
 */
public class LastYearForm implements SectionForm {
    /** last_year.dataset, kept (not edited here). */
    public String dataset = "";
    public List<KeyedRow> amounts = new ArrayList<>();
    /** Shown, never read back: that last year's version is published here and gives these figures ("" when not). */
    public String published = "";

    public static LastYearForm from(YamlNode root) {
        LastYearForm f = new LastYearForm();
        YamlNode l = Raw.child(root, "last_year");
        f.dataset = Raw.text(l, "dataset");
        Raw.entries(l, "amounts").forEach((k, v) -> f.amounts.add(new KeyedRow(k, "", Raw.text(v), true)));
        return f;
    }

    @Override
    public Map<String, YamlOut.Node> toYaml(boolean department, List<FieldProblem> problems) {
        YamlOut.Mapping m = YamlOut.map(null);
        m.text("dataset", dataset, null);
        YamlOut.Mapping a = TextForm.keyed(amounts, "amounts", problems, "上年数");
        if (a != null) m.put("amounts", a);
        Map<String, YamlOut.Node> out = new LinkedHashMap<>();
        out.put("last_year", m.isEmpty() ? null : m);
        return out;
    }

    private static final Pattern ROW = Pattern.compile("amounts\\[(\\d+)\\](?:\\.(\\w+))?");

    @Override
    public String describe(String field) {
        Matcher m = ROW.matcher(field);
        if (!m.matches()) return "上年数";
        int i = Integer.parseInt(m.group(1));
        KeyedRow r = amounts != null && i < amounts.size() ? amounts.get(i) : null;
        return "上年数 " + (r == null || Raw.blank(r.key) ? "第 " + (i + 1) + " 行" : Raw.blank(r.label) ? r.key : r.label);
    }
}
