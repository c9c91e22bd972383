package org.openbudget.io.refdata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openbudget.core.score.Rubric;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/** Reads the scoring rubric (refdata/scoring.yaml): dimensions, weights and items, every problem located. */
public final class RubricReader {
    private RubricReader() {}

    public static Rubric read(String file, String text) {
        YamlNode root = YamlNode.parse(file, text);
        List<Rubric.Dimension> dims = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlNode d : root.require("dimensions").items()) {
            try {
                String key = d.string("key");
                if (!keys.add(key)) throw d.require("key").error("维度重复：" + key + " (a dimension is declared once)");
                int weight = d.get("weight").isPresent() ? d.integer("weight") : 0;
                if (weight < 0) throw d.require("weight").error("权重不能为负 (a weight is 0 or more)");
                List<Rubric.Item> items = new ArrayList<>();
                for (YamlNode i : d.get("items").map(YamlNode::items).orElse(List.of())) {
                    try {
                        items.add(item(i));
                    } catch (InputException e) {
                        problems.addAll(e.problems());
                    }
                }
                dims.add(new Rubric.Dimension(key, d.string("name"), weight, d.optString("note").orElse(""), items));
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new Rubric(dims);
    }

    private static Rubric.Item item(YamlNode i) {
        String kind = i.string("kind");
        Rubric.Kind k = switch (kind) {
            case "tables" -> Rubric.Kind.TABLES;
            case "phrases" -> Rubric.Kind.PHRASES;
            case "depth" -> Rubric.Kind.DEPTH;
            case "findings" -> Rubric.Kind.FINDINGS;
            case "comparison" -> Rubric.Kind.COMPARISON;
            case "timeliness" -> Rubric.Kind.TIMELINESS;
            default -> throw i.require("kind").error("未知的评分项 " + kind + " (expected tables, phrases, depth, findings, comparison or timeliness)");
        };
        int points = i.integer("points");
        if (points <= 0) throw i.require("points").error("分值应大于 0 (points are more than 0)");
        String basis = i.optString("basis").orElse("");
        if (!basis.isEmpty() && !basis.equals("预算") && !basis.equals("决算")) throw i.require("basis").error("应为 预算 或 决算");
        boolean all = i.get("all").isPresent();
        List<String> phrases = all ? i.strings("all") : i.strings("any");
        if (k == Rubric.Kind.PHRASES && phrases.isEmpty()) throw i.error("phrases 需要 any: […] 或 all: […] (the words looked for)");
        String classification = i.optString("classification").orElse("");
        int level = i.get("level").isPresent() ? i.integer("level") : 0;
        if (k == Rubric.Kind.DEPTH) {
            if (!classification.equals("functional") && !classification.equals("economic"))
                throw i.error("depth 需要 classification: functional 或 economic");
            if (level < 1 || level > 3) throw i.error("depth 需要 level: 1（类）、2（款）或 3（项）");
        }
        String severity = i.optString("severity").orElse("");
        int per = i.get("per").isPresent() ? i.integer("per") : 0;
        if (k == Rubric.Kind.FINDINGS || k == Rubric.Kind.COMPARISON) {
            if (!Set.of("error", "warning", "notice").contains(severity)) throw i.error(kind + " 需要 severity: error、warning 或 notice");
            if (per <= 0) throw i.error(kind + " 需要 per: 每处扣分（大于 0）");
        }
        int days = i.get("days").isPresent() ? i.integer("days") : 0;
        if (k == Rubric.Kind.TIMELINESS) {
            if (days <= 0) throw i.error("timeliness 需要 days: 批复后公开的期限（日，大于 0）");
            if (per <= 0) throw i.error("timeliness 需要 per: 每逾期一日扣分（大于 0）");
        }
        return new Rubric.Item(k, i.string("name"), points, basis, phrases, all, classification, level,
                i.optString("title").orElse(""), severity, per, days);
    }
}
