package org.openbudget.core.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.profile.PerTemplate;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextTemplate;

/**
 * What the outline's blocks declare their amounts restate besides the amount — its share of a total
 * ({@code share_of}: placeholder share), its change against last year and that change's rate ({@code change}:
 * change_word, change, rate_word, rate) and the reason given for it ({@code reason}: the reason pattern's
 * {text}) — compiled from the same patterns the walker writes them with, into the expressions a reader of a
 * published text finds them by. Nothing of the words is Java: a share is the words its patterns print before
 * {share} ("占") and the profile's percent; a change is the profile's change words ([增加, 减少]) and the words
 * its patterns print after {change} ("万元"); a rate the rate words and the percent; a reason the words its
 * reason patterns print before {text} ("主要原因是").
 *
 * <p>The text is compared as a reader compares a paragraph: without whitespace inside the words, full-width
 * ASCII as half width. An expression is null when no block of the outline declares what it reads.
 *
 * @param share  group 1 the share (a number)
 * @param change group 1 the change word, group 2 the change (a number)
 * @param rate   group 1 the rate word, group 2 the rate (a number)
 * @param reason group 1 the reason's words (to the end of its clause: 。 ; or a line end)
 * @param reasonWords the words a reason starts with ("主要原因是"), longest first
 */
public record RestatedClauses(Pattern share, Pattern change, Pattern rate, Pattern reason, List<String> reasonWords) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_0-9.]+)(?:\\|[a-z0-9]+)?\\}");
    /** Where a clause's words stop, as a flattened pattern prints them. */
    private static final String STOPS = ",;:。";

    /** Compiled outlines by template: a profile's are compiled once, not for every document read. */
    private static final PerTemplate<RestatedClauses> COMPILED = new PerTemplate<>(64);

    /** The clauses of a template's outline, compiled; {@code number} is how a number is matched (its group the number). */
    public static RestatedClauses of(TextTemplate t, String number) {
        return COMPILED.get(() -> compile(t, number), t, number);
    }

    private static RestatedClauses compile(TextTemplate t, String number) {
        Set<String> shares = new LinkedHashSet<>(), changes = new LinkedHashSet<>(), reasons = new LinkedHashSet<>();
        for (TextOutline.Section s : t.outline().sections()) {
            for (TextOutline.Block b : s.blocks()) {
                Set<String> own = new LinkedHashSet<>();
                if (!b.sentence().isEmpty() && !TextOutline.NARRATIVE.containsKey(b.kind())) own.add(b.sentence());
                for (TextOutline.Item i : b.items()) if (!i.sentence().isEmpty()) own.add(i.sentence());
                if (!b.shareOf().isEmpty()) shares.addAll(own);
                if (b.change()) changes.addAll(own);
                if (!b.reason().isEmpty()) reasons.add(b.reason());
                for (TextOutline.Stated a : b.amounts()) {
                    if (a.change()) changes.addAll(own);
                    if (!a.reason().isEmpty()) reasons.add(a.reason());
                }
                if (b.clauses() != null) {
                    if (b.clauses().change()) changes.add(b.clauses().sentence());
                    if (!b.clauses().reason().isEmpty()) reasons.add(b.clauses().reason());
                }
            }
        }
        String percent = flat(after(t.percent(), "value"));
        Set<String> shareWords = new LinkedHashSet<>(), changeUnits = new LinkedHashSet<>(), between = new LinkedHashSet<>(),
                rateBetween = new LinkedHashSet<>(), reasonWords = new LinkedHashSet<>();
        for (String key : shares) {
            String w = before(pattern(t, key), "share");
            if (!w.isEmpty()) shareWords.add(w);
        }
        for (String key : changes) {
            String p = pattern(t, key);
            String unit = after(p, "change");
            if (p.contains("{change_word}") && !unit.isEmpty()) {
                changeUnits.add(unit);
                between.add(before(p, "change").equals(after(p, "change_word")) ? after(p, "change_word") : "");
            }
            if (p.contains("{rate_word}") && (p.contains("{rate}") || p.contains("{rate|"))) rateBetween.add(after(p, "rate_word"));
        }
        for (String key : reasons) {
            String w = before(pattern(t, key), "text");
            if (!w.isEmpty()) reasonWords.add(w);
        }
        String n = "\\s*+" + number + "\\s*+";
        Pattern share = shareWords.isEmpty() || percent.isEmpty() ? null
                : Pattern.compile(alternatives(shareWords) + n + Pattern.quote(percent));
        Pattern change = changeUnits.isEmpty() ? null : Pattern.compile(changeClause(t, optional(between), n, alternatives(changeUnits)));
        Pattern rate = rateBetween.isEmpty() || percent.isEmpty() ? null : Pattern.compile(rateClause(t, optional(rateBetween), n, percent));
        List<String> longestFirst = reasonWords.stream().sorted((a, b) -> b.length() - a.length()).toList();
        Pattern reason = longestFirst.isEmpty() ? null
                : Pattern.compile(alternatives(longestFirst) + "\\s*+([^。;\\n\\r\\u0085\\u2028\\u2029]*+)");
        return new RestatedClauses(share, change, rate, reason, longestFirst);
    }

    /** A change as the template words it: its direction word (group) — {@code between} — the number {@code n} — its unit. */
    private static String changeClause(TextTemplate t, String between, String n, String unit) {
        return "(" + alternatives(t.changeWords()) + ")\\s*+" + between + n + unit;
    }

    /** A rate as the template words it: its direction word (group) — {@code between} — the number {@code n} — the percent. */
    private static String rateClause(TextTemplate t, String between, String n, String percent) {
        return "(" + alternatives(t.rateWords()) + ")\\s*+" + between + n + Pattern.quote(percent);
    }

    /**
     * A change and its rate in one clause each, as a text whose outline declares no change clause of its own (a published
     * 决算's 说明: "减少56.95万元，下降1.87%") states them: the same grammar as {@link #change()} and {@link #rate()} —
     * the template's change_words and rate_words, its percent — with the money's {@code unit} the change is printed in.
     * Groups: 1 the change word, 2 the change, 3 the rate word, 4 the rate ({@code number} holds one group); text compared
     * as {@link #flat} gives it (half-width punctuation).
     */
    public static String changeThenRate(TextTemplate t, String number, String unit) {
        String percent = flat(after(t.percent(), "value"));
        String n = "\\s*+" + number + "\\s*+";
        return changeClause(t, "", n, Pattern.quote(unit)) + "[,;]\\s*+" + rateClause(t, "", n, percent.isEmpty() ? "%" : percent);
    }

    /** A template's pattern as a reader compares it ("" when the profile has none of this key). */
    private static String pattern(TextTemplate t, String key) {
        return t.sentences().containsKey(key) ? flat(t.sentence(key)) : "";
    }

    /** The words a pattern prints right before a placeholder, back to the previous placeholder or clause separator. */
    static String before(String p, String var) {
        int at = at(p, var);
        if (at < 0) return "";
        int i = at;
        while (i > 0 && STOPS.indexOf(p.charAt(i - 1)) < 0 && p.charAt(i - 1) != '}') i--;
        return p.substring(i, at);
    }

    /** The words a pattern prints right after a placeholder, up to the next placeholder or clause separator. */
    static String after(String p, String var) {
        int at = at(p, var);
        if (at < 0) return "";
        int i = p.indexOf('}', at) + 1;
        int end = i;
        while (end < p.length() && STOPS.indexOf(p.charAt(end)) < 0 && p.charAt(end) != '{') end++;
        return p.substring(i, end);
    }

    private static int at(String p, String var) {
        Matcher m = PLACEHOLDER.matcher(p);
        while (m.find()) if (m.group(1).equals(var)) return m.start();
        return -1;
    }

    private static String alternatives(java.util.Collection<String> words) {
        StringBuilder b = new StringBuilder("(?:");
        boolean first = true;
        for (String w : words) {
            if (!first) b.append('|');
            b.append(Pattern.quote(w));
            first = false;
        }
        return b.append(')').toString();
    }

    private static String optional(Set<String> words) {
        Set<String> some = new LinkedHashSet<>(words);
        some.remove("");
        if (some.isEmpty()) return "";
        return alternatives(some) + (words.contains("") ? "?" : "") + "\\s*+";
    }

    /** No whitespace; full-width letters, digits and ASCII punctuation half-width (，→, ：→: （→( ). */
    static String flat(String s) {
        return NarrativeStatements.normalise(s);
    }
}
