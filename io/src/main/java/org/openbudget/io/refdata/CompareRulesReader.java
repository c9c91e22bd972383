package org.openbudget.io.refdata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openbudget.core.compare.CompareRules;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/** Reads what the comparison of a 预算 with its 决算 flags (refdata/comparison.yaml), every problem located. */
public final class CompareRulesReader {
    private CompareRulesReader() {}

    public static CompareRules read(String file, String text, MeasureDictionary measures) {
        YamlNode root = YamlNode.parse(file, text);
        List<InputProblem> problems = new ArrayList<>();
        BigDecimal threshold = CompareRules.DEFAULT.thresholdPercent();
        YamlNode t = root.get("threshold_percent").orElse(null);
        if (t != null) {
            try {
                threshold = new BigDecimal(t.text().trim());
                if (threshold.signum() < 0 || threshold.compareTo(BigDecimal.valueOf(1000)) > 0) {
                    problems.add(t.problem("阈值应在 0 到 1000 之间（百分比） (a percentage from 0 to 1000)"));
                }
            } catch (NumberFormatException e) {
                problems.add(t.problem("阈值应为数字（百分比），如 10 (a number: a percentage, e.g. 10)"));
            }
        }
        List<Set<String>> explain = new ArrayList<>();
        for (YamlNode item : root.get("explain").map(YamlNode::items).orElse(List.of())) {
            Set<String> keys = new LinkedHashSet<>();
            for (YamlNode k : item.items()) {
                String key = k.text().trim();
                if (measures.find(key).isEmpty()) problems.add(k.problem("未知的度量 " + key + " (not in refdata/measures.yaml)"));
                else if (!key.equals("total")) keys.add(key);
            }
            if (keys.isEmpty()) problems.add(item.problem("应列出至少一个度量，如 [spent.gpb] (at least one measure key)"));
            explain.add(keys);
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new CompareRules(threshold, explain);
    }
}
