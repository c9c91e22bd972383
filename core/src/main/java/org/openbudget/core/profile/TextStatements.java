package org.openbudget.core.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * What a 决算's text (情况说明) states anywhere in 第三部分, besides what its outline's sentences state — the sentences
 * the 决算 reader reads and the 决算 text checks hold (refdata/profiles, {@code text.statements}; docs/final-accounts-audit.md):
 * the part headings that name the unit and the year, the as-of date, the totals and the summary each is held to (by the
 * money its {@code measure} names), each statement against a budget, a change on the year before, the share of a 类 and
 * of any line, the reason given. Each is a pattern in the words of the template — literal words matched as printed,
 * {@code [optional words]}, {@code (one|other)}, the placeholders of {@code core/text/StatementPatterns} and
 * {@code {amount_unit}} (the text's amount unit) — compiled once per template; the fact keys are the template's too.
 * A profile that extends another inherits them and may reword one (a map by name: one entry's pattern replaced).
 *
 * @param heading    a part heading naming the unit and the year, the whole line ({unit}, {year}; facts key.year.N, key.unit.N)
 * @param asOf       the as-of date ({year}; facts key.N)
 * @param totals     each total the text states ({amount}; facts key.N) and the measure of the summary it is held to
 * @param against    a 决算数 stated against its budgets
 * @param change     a change on the year before: its lead-in words ({@code pattern}), then the change and its rate in the
 *                   grammar of the outline's changes (change_words, rate_words, amount_unit)
 * @param classShare a 类's amount and share after its "（类）" ({amount}, {share}) and the money of the classification
 *                   table it is held to ({@code measure}: the table's scope)
 * @param share      any share ({amount}, {share}), its subject the words before it
 * @param reason     the reason given after a statement ({reason})
 */
public record TextStatements(Statement heading, Statement asOf, List<Statement> totals, Against against, Statement change,
                             Statement classShare, Statement share, Statement reason) {

    /** No statements: a budget's text, or a 决算 profile that declares none (its text is read by its outline only). */
    public static final TextStatements NONE = new TextStatements(null, null, List.of(), null, null, null, null, null);

    public TextStatements {
        totals = totals == null ? List.of() : List.copyOf(totals);
    }

    public boolean isEmpty() {
        return heading == null && asOf == null && totals.isEmpty() && against == null && change == null && classShare == null
                && share == null && reason == null;
    }

    /**
     * One statement: its name in the profile, its pattern, the fact key its readings are recorded under (numbered:
     * key.1, key.2 …), the subject they are recorded with ("" the words the reader finds), the measure it is held to
     * ("" none).
     */
    public record Statement(String name, String pattern, String key, String subject, String measure) {
        public Statement {
            name = name == null ? "" : name;
            pattern = pattern == null ? "" : pattern;
            key = key == null ? "" : key;
            subject = subject == null ? "" : subject;
            measure = measure == null ? "" : measure;
        }

        /** The prefix of its facts' keys ("final.total." of final.total.3). */
        public String prefix() {
            return key + ".";
        }
    }

    /**
     * A budget a 决算数 is stated against: the word that names it in the text ({basis}: 年初, 全年), its facts' key, its
     * name in a finding (年初预算), the measure of its amounts in the tables ({@code budget.initial}: the 预算数 columns).
     */
    public record Basis(String word, String key, String name, String measure) {
        public String prefix() {
            return key + ".";
        }
    }

    /**
     * A 决算数 against its budgets: the pattern ({basis}, {budget}, {adjusted}, {amount}, {rate}, {rate_basis}, {direction},
     * {direction_basis}, {level}), the budget at the start of the year and the adjusted one, and the words that say how the
     * 决算数 compares (大于, 小于, 等于; 持平 for about equal).
     */
    public record Against(String pattern, Basis initial, Basis adjusted, String more, String less, String equal, String level) {
        /** The two budgets. */
        public List<Basis> budgets() {
            return List.of(initial, adjusted);
        }

        /** The word of a 决算数 that compares so (sign of 决算 − 预算). */
        public String word(int signum) {
            return signum > 0 ? more : signum < 0 ? less : equal;
        }
    }

    /** The key of the part headings' facts (its .year.N and .unit.N): the heading statement's, "heading" without one (text.parts still name them). */
    public String headingKey() {
        return heading == null ? "heading" : heading.key();
    }

    /** The statements that have a pattern, in the order the reader reads them. */
    public List<Statement> all() {
        List<Statement> out = new ArrayList<>();
        for (Statement s : java.util.Arrays.asList(heading, asOf)) if (s != null) out.add(s);
        out.addAll(totals);
        for (Statement s : java.util.Arrays.asList(change, classShare, share, reason)) if (s != null) out.add(s);
        return out;
    }
}
