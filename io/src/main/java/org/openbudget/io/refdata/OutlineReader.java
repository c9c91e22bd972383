package org.openbudget.io.refdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextOutline.Block;
import org.openbudget.core.profile.TextOutline.Clauses;
import org.openbudget.core.profile.TextOutline.Item;
import org.openbudget.core.profile.TextOutline.Rows;
import org.openbudget.core.profile.TextOutline.Stated;
import org.openbudget.core.profile.TextOutline.TableRef;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/**
 * A profile's {@code text.outline} (see {@link TextOutline} and docs/text-facts.md): a list of sections
 * ({@code number}, {@code title}, {@code blocks}); a block names its kind by the key that holds its
 * sentence pattern ({@code sentence: s1.total}, {@code each: s2.line}, {@code projects: s7} …). Every
 * measure expression is checked against the dictionary; problems are collected with their line. A stated
 * amount or item without {@code key:} is keyed by its measure expression ({@code gpb & basic}).
 */
final class OutlineReader {
    private static final Set<String> WHEN_ZERO = Set.of("sentence", "未安排", "omit", "skip");
    private static final Set<String> ITEM_KEYS = Set.of("key", "measure", "label", "when_zero", "sentence", "names");
    /** The options a block may set besides its kind (docs/text-facts.md, "The outline"). */
    private static final Set<String> BLOCK_KEYS = Set.of("key", "subject", "amounts", "items", "rows", "table", "empty_key",
            "share_of", "change", "reason", "numbered", "last_year", "not_arranged", "clauses", "against");
    private static final Set<String> SECTION_KEYS = Set.of("number", "title", "blocks");

    private OutlineReader() {}

    static TextOutline outline(YamlNode o, MeasureDictionary dict, List<InputProblem> problems) {
        List<TextOutline.Section> sections = new ArrayList<>();
        for (YamlNode s : o.items()) {
            if (s.get("reads").isPresent()) {
                // earlier profiles said how a section is read back; its blocks say it now (docs/text-facts.md)
                problems.add(s.require("reads").problem("reads 已取消：各节按其块的种类读回——删去各节的 reads，并在 text 下写 read: full 以全文读回"
                        + " (reads: is gone: a section is read by its blocks' kinds; delete it, and say read: full under text to read the text in full)"));
            } else {
                unknown(s, SECTION_KEYS, "文字大纲的节", problems);
            }
            List<Block> blocks = new ArrayList<>();
            if (s.get("blocks").isPresent()) for (YamlNode b : s.require("blocks").items()) {
                Block block = block(b, dict, problems);
                if (block != null) blocks.add(block);
            }
            sections.add(new TextOutline.Section(s.string("number"), s.string("title"), blocks));
        }
        return new TextOutline(sections);
    }

    private static Block block(YamlNode b, MeasureDictionary dict, List<InputProblem> problems) {
        String kind = null;
        for (String k : TextOutline.KINDS) if (b.get(k).isPresent()) { kind = k; break; }
        if (kind == null) {
            problems.add(b.problem("文字大纲的块应为 " + String.join("、", TextOutline.KINDS) + " 之一 (an outline block of unknown kind)"));
            return null;
        }
        for (String k : b.entries().keySet()) {
            if (!k.equals(kind) && !BLOCK_KEYS.contains(k)) {
                problems.add(b.require(k).problem("文字大纲的块没有选项 " + k + "，可用：" + String.join("、", BLOCK_KEYS.stream().sorted().toList())
                        + " (an outline block option that does not exist)"));
            }
        }
        List<Stated> amounts = new ArrayList<>();
        if (b.get("amounts").isPresent()) for (YamlNode a : b.require("amounts").items()) {
            String m = a.string("measure");
            measure(a.require("measure"), m, dict, problems);
            // a fact is keyed by its measure expression unless the outline names its key (docs/text-facts.md's keys)
            String against = against(a, problems);
            TableRef rowTable = a.get("table").map(t -> table(t, dict, problems)).orElse(null);
            String row = a.optString("row").orElse("");
            if ((rowTable == null) != row.isEmpty()) problems.add(a.problem("table 与 row 须同时给出：按表中一行读数（如收支总表的 income.total） (table and row go together)"));
            amounts.add(new Stated(a.optString("var").orElse(""), a.optString("key").orElse(m), m, a.optString("subject").orElse(""),
                    a.bool("change", false), a.optString("reason").orElse(""), a.bool("check", true), against, rowTable, row));
        }
        String shareOf = b.optString("share_of").orElse("");
        if (!shareOf.isEmpty()) measure(b.require("share_of"), shareOf, dict, problems);
        Clauses clauses = null;
        if (b.get("clauses").isPresent()) {
            YamlNode c = b.require("clauses");
            clauses = new Clauses(c.string("var"), c.string("sentence"), c.string("separator"), c.bool("change", false),
                    c.optString("reason").orElse(""), items(c, dict, problems));
        }
        return new Block(kind, b.optString(kind).orElse(""), b.optString("key").orElse(""), b.optString("subject").orElse(""),
                amounts, items(b, dict, problems), b.get("rows").map(r -> rows(r, dict, problems)).orElse(null),
                b.get("table").map(t -> table(t, dict, problems)).orElse(null), b.optString("empty_key").orElse(""), shareOf,
                b.bool("change", false), b.optString("reason").orElse(""), b.bool("numbered", false), b.bool("last_year", false),
                b.optString("not_arranged").orElse(""), clauses, against(b, problems));
    }

    /** {@code against: budget} (a 决算's 年初预算数) or nothing (last year). */
    private static String against(YamlNode n, List<InputProblem> problems) {
        String v = n.optString("against").orElse("").trim();
        if (!v.isEmpty() && !v.equals(TextOutline.BUDGET)) problems.add(n.require("against").problem("应为 budget（与年初预算数比较），实际为 \"" + v + "\""));
        return v;
    }

    private static List<Item> items(YamlNode b, MeasureDictionary dict, List<InputProblem> problems) {
        List<Item> out = new ArrayList<>();
        if (b.get("items").isEmpty()) return out;
        for (YamlNode i : b.require("items").items()) {
            String m = i.optString("measure").orElse("");
            if (!m.isEmpty()) measure(i.require("measure"), m, dict, problems);
            String wz = i.optString("when_zero").orElse("sentence");
            if (!WHEN_ZERO.contains(wz)) problems.add(i.require("when_zero").problem("应为 sentence、未安排、omit 或 skip，实际为 \"" + wz + "\""));
            Map<String, String> words = new LinkedHashMap<>();
            i.entries().forEach((k, v) -> {
                if (!ITEM_KEYS.contains(k) && v.isScalar()) words.put(k, v.text() == null ? "" : v.text());
            });
            out.add(new Item(i.optString("key").orElse(m), m, i.optString("label").orElse(""), wz, i.optString("sentence").orElse(""),
                    i.get("names").map(r -> rows(r, dict, problems)).orElse(null), words));
        }
        return out;
    }

    private static Rows rows(YamlNode r, MeasureDictionary dict, List<InputProblem> problems) {
        String column = r.optString("column").orElse("");
        if (!column.isEmpty()) measure(r.require("column"), column, dict, problems);
        int level = r.get("level").isPresent() ? r.integer("level") : 1;
        if (level < 1 || level > 3) problems.add(r.require("level").problem("应为 1（类）、2（款）或 3（项）"));
        return new Rows(r.get("table").map(t -> table(t, dict, problems)).orElse(new TableRef("", "total", "")),
                r.optString("side").orElse(""), level, column);
    }

    private static TableRef table(YamlNode t, MeasureDictionary dict, List<InputProblem> problems) {
        String where = t.optString("where").orElse("total");
        measure(t.get("where").orElse(t), where, dict, problems);
        String shape = t.optString("shape").orElse("");
        if (!shape.isEmpty() && !List.of("summary", "classification", "fixed", "projects").contains(shape)) {
            problems.add(t.require("shape").problem("应为 summary、classification、fixed 或 projects"));
        }
        return new TableRef(shape, where, t.optString("classification").orElse(""));
    }

    private static void unknown(YamlNode n, Set<String> known, String what, List<InputProblem> problems) {
        for (String k : n.entries().keySet()) {
            if (!known.contains(k)) problems.add(n.require(k).problem(what + "没有字段 " + k + " (a field that does not exist)"));
        }
    }

    private static void measure(YamlNode at, String expression, MeasureDictionary dict, List<InputProblem> problems) {
        if (dict.all().isEmpty()) return;
        for (String p : dict.problems(expression)) problems.add(at.problem(p));
    }
}
