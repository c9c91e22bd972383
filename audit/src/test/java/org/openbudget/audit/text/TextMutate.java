package org.openbudget.audit.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.TextFact;

/** Breaks the text of a good Disclosure in exactly one place (a predicate must match exactly one fact or table). */
final class TextMutate {
    private TextMutate() {}

    static Predicate<TextFact> fact(String key, FactKind kind) {
        return f -> f.key().equals(key) && f.kind() == kind;
    }

    static Predicate<TextFact> fact(String key, FactKind kind, String subject) {
        return fact(key, kind).and(f -> f.subject().equals(subject));
    }

    static Disclosure facts(Disclosure d, UnaryOperator<List<TextFact>> change) {
        DocumentText t = d.text();
        return d.withText(new DocumentText(t.overview(), t.sections(), change.apply(new ArrayList<>(t.facts())), t.performance(),
                t.glossary(), t.closingName(), t.closingDate()));
    }

    static Disclosure change(Disclosure d, Predicate<TextFact> which, UnaryOperator<TextFact> f) {
        return facts(d, list -> {
            long n = list.stream().filter(which).count();
            if (n != 1) throw new IllegalArgumentException(n + " facts match, expected exactly one");
            List<TextFact> out = new ArrayList<>();
            for (TextFact x : list) out.add(which.test(x) ? f.apply(x) : x);
            return out;
        });
    }

    static Disclosure value(Disclosure d, Predicate<TextFact> which, String v) {
        return change(d, which, f -> new TextFact(f.section(), f.part(), f.key(), f.subject(), f.kind(), new BigDecimal(v), f.word(),
                f.reason(), f.items(), f.source(), f.sentence()));
    }

    static Disclosure word(Disclosure d, Predicate<TextFact> which, String w) {
        return change(d, which, f -> new TextFact(f.section(), f.part(), f.key(), f.subject(), f.kind(), f.value(), w,
                f.reason(), f.items(), f.source(), f.sentence()));
    }

    static Disclosure reason(Disclosure d, Predicate<TextFact> which, String r) {
        return change(d, which, f -> new TextFact(f.section(), f.part(), f.key(), f.subject(), f.kind(), f.value(), f.word(),
                r, f.items(), f.source(), f.sentence()));
    }

    static Disclosure subject(Disclosure d, Predicate<TextFact> which, String s) {
        return change(d, which, f -> new TextFact(f.section(), f.part(), f.key(), s, f.kind(), f.value(), f.word(),
                f.reason(), f.items(), f.source(), f.sentence()));
    }

    static Disclosure items(Disclosure d, Predicate<TextFact> which, UnaryOperator<List<String>> items) {
        return change(d, which, f -> new TextFact(f.section(), f.part(), f.key(), f.subject(), f.kind(), f.value(), f.word(),
                f.reason(), items.apply(new ArrayList<>(f.items())), f.source(), f.sentence()));
    }

    static Disclosure remove(Disclosure d, Predicate<TextFact> which) {
        return facts(d, list -> {
            if (list.stream().noneMatch(which)) throw new IllegalArgumentException("no fact matches");
            return list.stream().filter(which.negate()).toList();
        });
    }

    static Disclosure add(Disclosure d, TextFact f) {
        return facts(d, list -> {
            list.add(f);
            return list;
        });
    }

    static Disclosure performance(Disclosure d, UnaryOperator<List<PerformanceTable>> change) {
        DocumentText t = d.text();
        return d.withText(new DocumentText(t.overview(), t.sections(), t.facts(), change.apply(new ArrayList<>(t.performance())),
                t.glossary(), t.closingName(), t.closingDate()));
    }

    /** The one project table named so, changed. */
    static Disclosure table(Disclosure d, String project, UnaryOperator<PerformanceTable> f) {
        return performance(d, list -> {
            long n = list.stream().filter(t -> t.projectName().equals(project)).count();
            if (n != 1) throw new IllegalArgumentException(n + " performance tables named " + project);
            return list.stream().map(t -> t.projectName().equals(project) ? f.apply(t) : t).toList();
        });
    }

    static PerformanceTable amounts(PerformanceTable t, String total, String fiscal, String other) {
        return new PerformanceTable(t.kind(), t.unitName(), t.projectCode(), t.projectName(), t.manager(),
                new BigDecimal(total), new BigDecimal(fiscal), new BigDecimal(other), t.goal(), t.indicators());
    }

    static PerformanceTable unit(PerformanceTable t, String unit) {
        return new PerformanceTable(t.kind(), unit, t.projectCode(), t.projectName(), t.manager(), t.total(), t.fiscal(), t.other(),
                t.goal(), t.indicators());
    }

    /** The first indicator of this weight given another weight. */
    static PerformanceTable weight(PerformanceTable t, String from, String to) {
        List<PerformanceTable.Indicator> out = new ArrayList<>();
        boolean done = false;
        for (PerformanceTable.Indicator i : t.indicators()) {
            if (!done && i.weight() != null && i.weight().compareTo(new BigDecimal(from)) == 0) {
                out.add(new PerformanceTable.Indicator(i.level1(), i.level2(), i.level3(), i.target(), i.basis(), i.lastYear(),
                        new BigDecimal(to), i.scoringRule(), i.evidence()));
                done = true;
            } else {
                out.add(i);
            }
        }
        if (!done) throw new IllegalArgumentException("no indicator weighs " + from);
        return new PerformanceTable(t.kind(), t.unitName(), t.projectCode(), t.projectName(), t.manager(), t.total(), t.fiscal(), t.other(),
                t.goal(), out);
    }
}
