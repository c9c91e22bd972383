package org.openbudget.core.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.money.Amounts;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.TextTemplate;

/**
 * What every block of the outline shares: this year's amounts by measure (read off the tables), last year's by fact key, the profile's
 * patterns and formats, and the facts recorded so far. Arithmetic of the text works on PRINTED
 * amounts (in the text's unit, {@code text.amount_unit}: 万元 or 元, two decimals): change = this year as printed − last year as printed; rate =
 * change ÷ last year × 100; share = part ÷ whole × 100 (both as printed), rounded HALF_UP to two
 * decimals — so that a reader can redo every figure from the numbers on the page.
 */
final class Writer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_0-9.]+(?:\\|[a-z0-9]+)?)\\}");
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    static final BigDecimal HUNDRED = new BigDecimal("100");

    final Budget budget;
    final Narrative narrative;
    final Disclosure d;
    final ReferenceData ref;
    final TemplateProfile profile;
    final TextTemplate t;
    final TableAmounts tables;
    final Map<String, BigDecimal> last;
    /** A 决算's 年初预算数 by fact key (read off the year's 预算 laid out under the same template); empty for a budget. */
    final Map<String, BigDecimal> budgeted;
    final List<TextFact> facts = new ArrayList<>();
    final String unit;
    final String kind;
    final int year;

    Writer(Budget budget, Disclosure d, ReferenceData ref, TemplateProfile profile, Map<String, BigDecimal> last) {
        this(budget, d, ref, profile, last, Map.of());
    }

    Writer(Budget budget, Disclosure d, ReferenceData ref, TemplateProfile profile, Map<String, BigDecimal> last,
           Map<String, BigDecimal> budgeted) {
        this.budgeted = budgeted;
        this.budget = budget;
        this.narrative = budget.narrative();
        this.d = d;
        this.ref = ref;
        this.profile = profile;
        this.t = profile.text();
        this.tables = new TableAmounts(d, profile, ref);
        this.last = last;
        this.unit = budget.agency().name();
        this.kind = budget.agency().kind().label();
        this.year = budget.year();
    }

    /** This year's amount of a measure expression, as the tables print it. */
    BigDecimal amount(String measure) {
        return tables.amount(measure);
    }

    /** Last year's amount of a fact key (kept in 万元) as the text states it, in its unit (0 when none). */
    BigDecimal last(String key) {
        return printed(last.get(key));
    }

    /** The 年初预算数 of a fact key, as printed (0 when the year's budget had none). */
    BigDecimal budgeted(String key) {
        return printed(budgeted.get(key));
    }

    /** An exact amount (万元: a table cell, the ledger's, the dataset's) as the text states it: its unit, two decimals. */
    BigDecimal printed(BigDecimal wan) {
        return tables.printed(wan);
    }

    /**
     * An amount the dataset gives as the text prints it unrounded (资金分配情况 "12.5万元"): in the text's unit, as given
     * when that is 万元, × 10000 when 元.
     */
    BigDecimal given(BigDecimal wan) {
        return wan == null || t.amountUnit().equals("万元") ? wan : wan.movePointRight(4);
    }

    String money(BigDecimal printed) {
        return Amounts.format(printed, profile.thousands());
    }

    String percent(BigDecimal v) {
        return t.percent().replace("{value}", v.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) return ZERO;
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** A change against last year: magnitude and words, rate and its word (a new item grows 100.00%). */
    record Change(BigDecimal amount, String word, BigDecimal rate, String rateWord) {}

    Change change(BigDecimal current, BigDecimal lastYear) {
        BigDecimal diff = current.subtract(lastYear);
        BigDecimal rate;
        if (lastYear.signum() == 0) rate = current.signum() == 0 ? ZERO : HUNDRED.setScale(2);
        else rate = diff.abs().multiply(HUNDRED).divide(lastYear.abs(), 2, RoundingMode.HALF_UP);
        String word = t.changeWord(diff.signum());
        String rateWord = t.rateWord(diff.signum());
        return new Change(diff.abs().setScale(2), word, rate, rateWord);
    }

    /** The reason the dataset gives for a key's change, without a final 。 ("" when none). */
    String reasonText(String key) {
        String r = narrative.reasons().get(key);
        if (r == null) return "";
        r = r.trim();
        while (r.endsWith("。") || r.endsWith("；") || r.endsWith(";")) r = r.substring(0, r.length() - 1);
        return r;
    }

    /** The reason clause in the profile's style: {@code reason} (",主要原因是…") or {@code reason_sentence} ("主要原因是…。"). */
    String reasonClause(String key, String style) {
        String r = reasonText(key);
        return r.isEmpty() ? "" : fill(t.sentence(style), Map.of("text", r));
    }

    /** What a narrative block's pattern states under a placeholder, as the dictionary of measures declares it. */
    org.openbudget.core.measure.Statement statement(String block, String pattern, String var) {
        return profile.measures().statement(block, pattern, var);
    }

    Sentence sentence(String section, String part, String patternKey) {
        return new Sentence(section, part, pattern(patternKey), patternKey);
    }

    /** Whether the profile has this sentence pattern (an optional variant such as {@code s1.line.unchanged}). */
    boolean hasPattern(String key) {
        return t.sentences().containsKey(key);
    }

    /**
     * An amount in every form a pattern may print it: {x} (the profile's: 1,234.50), {x|0} (a zero as "0"),
     * {x|plain} (no separators nor trailing zeros: 1234.5), {x|short} (separators, no trailing zeros: 1,234.5,
     * 0) and {x|int} (whole 万元, HALF_UP, with separators: 1,235 — a fact so printed is recorded to that precision).
     */
    void money(Map<String, String> vars, String var, BigDecimal printed) {
        vars.put(var, money(printed));
        vars.put(var + "|0", printed.signum() == 0 ? "0" : money(printed));
        vars.put(var + "|plain", printed.signum() == 0 ? "0" : printed.stripTrailingZeros().toPlainString());
        vars.put(var + "|short", Amounts.grouped(printed.signum() == 0 ? "0" : printed.stripTrailingZeros().toPlainString(), profile.thousands()));
        vars.put(var + "|int", Amounts.grouped(printed.setScale(0, RoundingMode.HALF_UP).toPlainString(), profile.thousands()));
    }

    /** A sentence pattern for this document's kind (单位/部门). */
    String pattern(String key) {
        return t.sentence(key, kind);
    }

    Sentence literal(String section, String part, String pattern) {
        return new Sentence(section, part, pattern);
    }

    String fill(String pattern, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = vars.get(name);
            if (v == null) v = base(name);
            if (v == null) throw new IllegalStateException("template profile " + profile.id() + ": unknown placeholder {" + name + "} in 「" + pattern + "」");
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    private String base(String name) {
        return switch (name) {
            case "unit" -> unit;
            case "kind" -> kind;
            case "year" -> String.valueOf(year);
            case "prev_year" -> String.valueOf(year - 1);
            case "running_label" -> budget.agency().type() == org.openbudget.core.ledger.AgencyType.PUBLIC_INSTITUTION
                    ? profile.rules().runningTermInstitution() : profile.rules().runningTermAdmin();
            default -> null;
        };
    }

    String listNumber(int n) {
        return t.listNumber().replace("{n}", String.valueOf(n));
    }

    String itemNumber(int n) {
        return t.itemNumber().replace("{n}", String.valueOf(n));
    }

    String subHeading(int n) {
        return t.subHeading().replace("{cn}", chinese(n)).replace("{n}", String.valueOf(n));
    }

    /** A name followed by a number gets a space when it ends in a Latin letter or digit ("特定目标 0710193B 1,355.00"). */
    static String spaced(String name) {
        return !name.isEmpty() && name.substring(name.length() - 1).matches("[A-Za-z0-9]") ? name + " " : name;
    }

    static String chinese(int n) {
        return ChineseNumerals.of(n);
    }

    /** A sentence being filled: placeholders get values, and each number gets its fact once the sentence is known. */
    final class Sentence {
        private final String section;
        private final String part;
        private String pattern;
        private final String patternKey;
        private final Map<String, String> vars = new HashMap<>();
        private final List<Function<String, TextFact>> pending = new ArrayList<>();

        Sentence(String section, String part, String pattern) {
            this(section, part, pattern, "");
        }

        Sentence(String section, String part, String pattern, String patternKey) {
            this.section = section;
            this.part = part;
            this.pattern = pattern;
            this.patternKey = patternKey;
        }

        /** A value as printed: to whole 万元 when the pattern prints this placeholder as {var|int}, else as given. */
        private BigDecimal asPrinted(String var, BigDecimal v) {
            if (var.isEmpty() || v == null || !pattern.contains("{" + var + "|int}") || pattern.contains("{" + var + "}")) return v;
            return v.setScale(0, RoundingMode.HALF_UP);
        }

        Sentence var(String name, String value) {
            vars.put(name, value);
            return this;
        }

        Sentence amount(String var, String key, String subject, BigDecimal printed, String source) {
            money(vars, var, printed);
            pending.add(s -> new TextFact(section, part, key, subject, FactKind.AMOUNT, asPrinted(var, printed), "", "", List.of(), source, s));
            return this;
        }

        Sentence share(String var, String key, String subject, BigDecimal part, BigDecimal whole, String source) {
            BigDecimal v = Writer.share(part, whole);
            vars.put(var, percent(v));
            pending.add(s -> new TextFact(section, this.part, key, subject, FactKind.SHARE, v, "", "", List.of(), source, s));
            return this;
        }

        /** Sets change_word, change, rate_word, rate (or with a prefix: {prefix}change_word …) and records CHANGE and RATE. */
        Sentence change(String prefix, String key, String subject, BigDecimal current, BigDecimal lastYear, String reasonStyle) {
            Change c = Writer.this.change(current, lastYear);
            // a pattern may say an unchanged amount in words of its own ("与上年预算持平"): its variant .unchanged
            if (c.amount().signum() == 0 && !patternKey.isEmpty() && hasPattern(patternKey + ".unchanged")) {
                pattern = pattern(patternKey + ".unchanged");
            }
            vars.put(prefix + "change_word", c.word());
            money(vars, prefix + "change", c.amount());
            vars.put(prefix + "rate_word", c.rateWord());
            vars.put(prefix + "rate", percent(c.rate()));
            String reason = reasonText(key);
            if (reasonStyle != null) vars.put(prefix + "reason", reasonClause(key, reasonStyle));
            String src = "本年 " + current.toPlainString() + " − 上年 " + lastYear.toPlainString();
            pending.add(s -> new TextFact(section, part, key, subject, FactKind.CHANGE, asPrinted(prefix + "change", c.amount()), c.word(), reason, List.of(), src, s));
            pending.add(s -> new TextFact(section, part, key, subject, FactKind.RATE, c.rate(), c.rateWord(), reason, List.of(),
                    "(" + src + ") ÷ 上年 × 100", s));
            return this;
        }

        /**
         * A 决算 against its 年初预算数: sets {budget}, {completion} (决算 ÷ 年初预算 × 100, as a percentage), {direction}
         * (the profile's {@code vs_budget.more} / {@code vs_budget.less} / {@code vs_budget.equal}, with the reason where they
         * differ) — and takes the pattern's {@code .unbudgeted} variant when nothing was budgeted (no 完成率 of a zero
         * budget) or its {@code .equal} variant when they are the same, where the profile has them.
         */
        Sentence completion(String key, String subject, BigDecimal actual, BigDecimal budgeted, String reasonStyle) {
            int cmp = actual.compareTo(budgeted);
            if (budgeted.signum() == 0 && !patternKey.isEmpty() && hasPattern(patternKey + ".unbudgeted")) pattern = pattern(patternKey + ".unbudgeted");
            else if (cmp == 0 && !patternKey.isEmpty() && hasPattern(patternKey + ".equal")) pattern = pattern(patternKey + ".equal");
            money(vars, "budget", budgeted);
            BigDecimal rate = budgeted.signum() == 0 ? ZERO : actual.multiply(HUNDRED).divide(budgeted, 2, RoundingMode.HALF_UP);
            vars.put("completion", percent(rate));
            String reason = reasonText(key);
            String which = cmp > 0 ? "vs_budget.more" : cmp < 0 ? "vs_budget.less" : "vs_budget.equal";
            if (budgeted.signum() == 0 && cmp > 0 && hasPattern("vs_budget.unbudgeted")) which = "vs_budget.unbudgeted";
            String clause = cmp != 0 && reasonStyle != null ? reasonClause(key, reasonStyle) : "";
            vars.put("direction", hasPattern(which) ? fill(pattern(which), Map.of("reason", clause)) : "");
            vars.put("reason", clause);
            String src = "决算 " + actual.toPlainString() + " ÷ 年初预算 " + budgeted.toPlainString() + " × 100";
            pending.add(s -> new TextFact(section, part, key, subject, FactKind.RATE, rate, cmp > 0 ? "大于" : cmp < 0 ? "小于" : "持平", reason,
                    List.of(budgeted.toPlainString()), src, s));
            return this;
        }

        /** A narrative block's statement (its key, subject and kind declared once: refdata/measures.yaml, statements:), a count. */
        Sentence stated(org.openbudget.core.measure.Statement st, int n, String source) {
            if (st.kind() != FactKind.COUNT) throw new IllegalStateException(st + " is not a count");
            return count(st.var(), st.key(), st.subject(), n, source);
        }

        /** A narrative block's statement of an amount or a quantity (as its declaration says). */
        Sentence stated(org.openbudget.core.measure.Statement st, BigDecimal v, String source) {
            return switch (st.kind()) {
                case AMOUNT -> amount(st.var(), st.key(), st.subject(), v, source);
                case QUANTITY -> quantity(st.var(), st.key(), st.subject(), v, source);
                default -> throw new IllegalStateException(st + " is not an amount or a quantity");
            };
        }

        /** A statement of a count with its direction ({@code wordVar}: 增加/减少), recorded as a CHANGE of the statement's key. */
        Sentence signed(org.openbudget.core.measure.Statement st, String wordVar, int n, String source) {
            if (st.kind() != FactKind.COUNT) throw new IllegalStateException(st + " is not a count");
            return signedCount(st.var(), wordVar, st.key(), st.subject(), n, source);
        }

        Sentence count(String var, String key, String subject, int n, String source) {
            vars.put(var, String.valueOf(n));
            pending.add(s -> new TextFact(section, part, key, subject, FactKind.COUNT, BigDecimal.valueOf(n), "", "", List.of(), source, s));
            return this;
        }

        Sentence signedCount(String var, String wordVar, String key, String subject, int n, String source) {
            String word = t.changeWord(Integer.signum(n));
            vars.put(var, String.valueOf(Math.abs(n)));
            vars.put(wordVar, word);
            pending.add(s -> new TextFact(section, part, key, subject, FactKind.CHANGE, BigDecimal.valueOf(Math.abs(n)), word, "", List.of(), source, s));
            return this;
        }

        Sentence quantity(String var, String key, String subject, BigDecimal v, String source) {
            vars.put(var, money(v.setScale(2, RoundingMode.HALF_UP)));
            pending.add(s -> new TextFact(section, part, key, subject, FactKind.QUANTITY, v, "", "", List.of(), source, s));
            return this;
        }

        Sentence list(String var, String key, String subject, List<String> items, String separator, String source) {
            vars.put(var, String.join(separator, items));
            pending.add(s -> new TextFact(section, part, key, subject, FactKind.LIST, null, "", "", items, source, s));
            return this;
        }

        Sentence name(String var, String key, String subject, String value, String source) {
            if (var != null) vars.put(var, value);
            pending.add(s -> new TextFact(section, part, key, subject, FactKind.NAME, null, "", "", List.of(value), source, s));
            return this;
        }

        /** Records a fact on this sentence directly (e.g. a CHANGE whose reason is a note). */
        Sentence fact(Function<String, TextFact> f) {
            pending.add(f);
            return this;
        }

        Sentence amountFact(String key, String subject, BigDecimal printed, String source) {
            pending.add(s -> new TextFact(section, part, key, subject, FactKind.AMOUNT, printed, "", "", List.of(), source, s));
            return this;
        }

        /** Fills this clause and hands its facts to the sentence it is part of (they then cite the whole sentence). */
        String into(Sentence parent) {
            parent.pending.addAll(pending);
            pending.clear();
            return fill(pattern, vars);
        }

        String done() {
            String s = fill(pattern, vars);
            for (Function<String, TextFact> f : pending) facts.add(f.apply(s));
            return s;
        }
    }
}
