package org.openbudget.io.refdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.profile.TextStatements;
import org.openbudget.core.profile.TextStatements.Against;
import org.openbudget.core.profile.TextStatements.Basis;
import org.openbudget.core.profile.TextStatements.Statement;
import org.openbudget.core.text.StatementPatterns;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/**
 * A profile's {@code text.statements} ({@link TextStatements}; docs/final-accounts-audit.md, "What a profile writes"):
 * what a 决算's text states anywhere in 第三部分 — {@code heading}, {@code as_of}, {@code totals} (by name), {@code against}
 * (its pattern, the {@code initial} and {@code adjusted} budgets, the {@code words} of the comparison), {@code change},
 * {@code class_share}, {@code share}, {@code reason}; each a {@code pattern} with its fact {@code key} (and a
 * {@code subject}, a {@code measure} where it has one). Maps by name, so that a profile that extends another rewords one
 * entry. Every pattern is compiled and every measure checked here; problems are collected with their line.
 */
final class StatementsReader {
    private StatementsReader() {}

    private static final Set<String> KEYS = Set.of("heading", "as_of", "totals", "against", "change", "class_share", "share", "reason");
    private static final Set<String> STATEMENT_KEYS = Set.of("pattern", "key", "subject", "measure");
    private static final Set<String> AGAINST_KEYS = Set.of("pattern", "initial", "adjusted", "words");
    private static final Set<String> BUDGET_KEYS = Set.of("word", "key", "name", "measure");
    private static final Set<String> WORD_KEYS = Set.of("more", "less", "equal", "level");

    static TextStatements read(YamlNode s, MeasureDictionary dict, List<InputProblem> problems) {
        unknown(s, KEYS, problems);
        List<Statement> totals = new ArrayList<>();
        if (s.get("totals").isPresent()) s.require("totals").entries().forEach((name, t) -> totals.add(statement(name, t, dict, problems)));
        Against against = s.get("against").map(a -> against(a, dict, problems)).orElse(null);
        TextStatements out = new TextStatements(opt(s, "heading", dict, problems), opt(s, "as_of", dict, problems), totals, against,
                opt(s, "change", dict, problems), opt(s, "class_share", dict, problems), opt(s, "share", dict, problems), opt(s, "reason", dict, problems));
        for (String p : StatementPatterns.problems(out)) problems.add(s.problem(p));
        return out;
    }

    private static Statement opt(YamlNode s, String name, MeasureDictionary dict, List<InputProblem> problems) {
        return s.get(name).map(n -> statement(name, n, dict, problems)).orElse(null);
    }

    private static Statement statement(String name, YamlNode n, MeasureDictionary dict, List<InputProblem> problems) {
        unknown(n, STATEMENT_KEYS, problems);
        String measure = n.optString("measure").orElse("");
        measure(n, measure, dict, problems);
        return new Statement(name, n.string("pattern"), n.optString("key").orElse(""), n.optString("subject").orElse(""), measure);
    }

    private static Against against(YamlNode a, MeasureDictionary dict, List<InputProblem> problems) {
        unknown(a, AGAINST_KEYS, problems);
        YamlNode w = a.require("words");
        unknown(w, WORD_KEYS, problems);
        return new Against(a.string("pattern"), budget(a.require("initial"), dict, problems), budget(a.require("adjusted"), dict, problems),
                w.string("more"), w.string("less"), w.string("equal"), w.string("level"));
    }

    private static Basis budget(YamlNode b, MeasureDictionary dict, List<InputProblem> problems) {
        unknown(b, BUDGET_KEYS, problems);
        String measure = b.optString("measure").orElse("");
        measure(b, measure, dict, problems);
        return new Basis(b.string("word"), b.string("key"), b.string("name"), measure);
    }

    private static void measure(YamlNode n, String expression, MeasureDictionary dict, List<InputProblem> problems) {
        if (expression.isEmpty() || dict.all().isEmpty()) return;
        for (String p : dict.problems(expression)) problems.add(n.require("measure").problem(p));
    }

    private static void unknown(YamlNode n, Set<String> known, List<InputProblem> problems) {
        for (String k : n.entries().keySet()) {
            if (!known.contains(k)) {
                problems.add(n.require(k).problem("text.statements 没有字段 " + k + "，可用：" + String.join("、", new java.util.TreeSet<>(known))
                        + " (a field that does not exist)"));
            }
        }
    }
}
