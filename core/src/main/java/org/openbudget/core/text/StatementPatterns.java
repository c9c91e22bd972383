package org.openbudget.core.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.profile.PerTemplate;
import org.openbudget.core.profile.TextStatements;
import org.openbudget.core.profile.TextStatements.Statement;
import org.openbudget.core.profile.TextTemplate;

/**
 * A template's {@link TextStatements}, compiled: what the 决算 reader finds in a 决算's 情况说明 (text without whitespace).
 * Compiled once per template ({@link #of}), the audit reads many documents of one. The grammar of a statement's pattern:
 * words are matched as printed; {@code [words]} may be left out; {@code (one|other)} is either; a placeholder is what
 * it stands for —
 * <ul>
 * <li>{@code {amount}}, {@code {budget}}, {@code {adjusted}}, {@code {rate}}, {@code {share}}: a number as printed
 *     (2,995.39; a pattern that starts with one reads it from its first digit);</li>
 * <li>{@code {amount_unit}}: the text's amount unit (the profile's {@code amount_unit}: 万元);</li>
 * <li>{@code {basis}}, {@code {rate_basis}}, {@code {direction_basis}}: the word of one of the budgets (年初, 全年);
 *     {@code {direction}} the word of 大于, 小于 or 等于, {@code {level}} of 持平 (the profile's {@code against});</li>
 * <li>{@code {year}} (20xx), {@code {month}}, {@code {day}}, {@code {unit}} (the unit's name), {@code {kind}} (部门 or
 *     单位), {@code {part}} (第{cn}部分, any number: {@link Numbering#PART}), {@code {reason}} (words to the full stop).</li>
 * </ul>
 * A placeholder named twice (in two alternatives) is read from the one that matched.
 */
public final class StatementPatterns {
    private static final String NUMBER = "\\d[\\d,]*(?:\\.\\d+)?";
    private static final java.util.Set<String> NUMBERS = java.util.Set.of("amount", "budget", "adjusted", "rate", "share");
    private static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("amount", "budget", "adjusted", "rate", "share", "amount_unit",
            "basis", "rate_basis", "direction_basis", "direction", "level", "year", "month", "day", "unit", "kind", "part", "reason");

    /** A statement's pattern compiled, and the groups each placeholder was given (one per place it is written). */
    public record Compiled(Statement statement, Pattern pattern, Map<String, List<String>> groups) {
        /** What the placeholder read in this match; null when it is not in the pattern or its place did not match. */
        public String group(Matcher m, String placeholder) {
            for (String g : groups.getOrDefault(placeholder, List.of())) {
                String v = m.group(g);
                if (v != null) return v;
            }
            return null;
        }
    }

    private final TextStatements statements;
    private final Compiled heading, asOf, against, classShare, share, reason;
    private final List<Compiled> totals;
    private final Pattern change;
    private final Pattern amount;

    private StatementPatterns(TextTemplate t) {
        this.statements = t.outline().statements();
        String unit = t.amountUnit();
        Map<String, String> words = words(statements.against());
        heading = compile(statements.heading(), unit, words, true);
        asOf = compile(statements.asOf(), unit, words, false);
        List<Compiled> tl = new ArrayList<>();
        for (Statement s : statements.totals()) tl.add(compile(s, unit, words, false, guard(s, statements.totals())));
        totals = List.copyOf(tl);
        against = statements.against() == null ? null
                : compile(new Statement("against", statements.against().pattern(), statements.against().initial().key(), "", ""), unit, words, false);
        classShare = compile(statements.classShare(), unit, words, false);
        share = compile(statements.share(), unit, words, false);
        reason = compile(statements.reason(), unit, words, false);
        // the lead-in words, the subject (may be empty), then the change and its rate in the grammar of the outline's changes
        change = statements.change() == null ? null : Pattern.compile(Numbering.half(regex(statements.change().pattern(), unit, words, null, false))
                + "([^,。;:]{0,30}?)" + RestatedClauses.changeThenRate(t, "(" + NUMBER + ")", unit));
        amount = Pattern.compile("(?<![\\d,.])(" + NUMBER + ")" + Pattern.quote(unit));
    }

    private static final PerTemplate<StatementPatterns> COMPILED = new PerTemplate<>(64);

    /** The template's statements, compiled (once per template: profiles loaded at run time keep the cache bounded). */
    public static StatementPatterns of(TextTemplate t) {
        return COMPILED.get(() -> new StatementPatterns(t), t);
    }

    /**
     * What is wrong with a template's statements (an unknown placeholder, a bracket not closed), each as a message; none
     * when they compile.
     */
    public static List<String> problems(TextStatements s) {
        List<String> out = new ArrayList<>();
        Map<String, String> words = words(s.against());
        List<Statement> all = new ArrayList<>(s.all());
        if (s.against() != null) all.add(new Statement("against", s.against().pattern(), "", "", ""));
        for (Statement st : all) {
            try {
                Pattern.compile(regex(st.pattern(), "万元", words, new LinkedHashMap<>(), true));
            } catch (IllegalArgumentException e) {
                out.add("statements." + st.name() + "：" + e.getMessage());
            }
        }
        return out;
    }

    public TextStatements statements() { return statements; }

    public Compiled heading() { return heading; }

    public Compiled asOf() { return asOf; }

    public List<Compiled> totals() { return totals; }

    public Compiled against() { return against; }

    public Compiled classShare() { return classShare; }

    public Compiled share() { return share; }

    public Compiled reason() { return reason; }

    /**
     * A change on the year before ("与2023年度相比，收入支出总计减少56.95万元，下降1.87%"), for text made half width (，→ ,;
     * one character for one): group 1 its subject (may be empty), 2 the change word, 3 the change, 4 the rate word, 5 the
     * rate; null when the template states none.
     */
    public Pattern change() { return change; }

    /** An amount in the text's unit, from its first digit: the number in group 1. */
    public Pattern amount() { return amount; }

    /** Every pattern compiled (a test holds each to linear time on hostile text). */
    public List<Pattern> patterns() {
        List<Pattern> out = new ArrayList<>();
        for (Compiled c : java.util.Arrays.asList(heading, asOf, against, classShare, share, reason)) if (c != null) out.add(c.pattern());
        for (Compiled c : totals) out.add(c.pattern());
        if (change != null) out.add(change);
        out.add(amount);
        return out;
    }

    /**
     * The words a total's pattern starts with may end another total's ("收入支出总计" of "财政拨款收入支出总计"): its
     * reading is not one inside the other's, so it is not preceded by the other's words before them.
     */
    private static String guard(Statement s, List<Statement> all) {
        String own = leadingWords(s.pattern());
        if (own.isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        for (Statement o : all) {
            String other = leadingWords(o.pattern());
            if (o != s && other.length() > own.length() && other.endsWith(own)) {
                b.append("(?<!").append(Pattern.quote(other.substring(0, other.length() - own.length()))).append(')');
            }
        }
        return b.toString();
    }

    /** The literal words a pattern starts with (to its first placeholder, bracket or alternative). */
    private static String leadingWords(String pattern) {
        int i = 0;
        while (i < pattern.length() && "{[(".indexOf(pattern.charAt(i)) < 0) i++;
        return pattern.substring(0, i);
    }

    private static Compiled compile(Statement s, String unit, Map<String, String> words, boolean whole) {
        return compile(s, unit, words, whole, "");
    }

    private static Compiled compile(Statement s, String unit, Map<String, String> words, boolean whole, String guard) {
        if (s == null || s.pattern().isBlank()) return null;
        Map<String, List<String>> groups = new LinkedHashMap<>();
        String r = guard + regex(s.pattern(), unit, words, groups, true);
        return new Compiled(s, Pattern.compile(whole ? "^" + r + "$" : r), groups);
    }

    /** The words of the word placeholders, each as an alternative of the words it may be. */
    private static Map<String, String> words(TextStatements.Against a) {
        Map<String, String> out = new LinkedHashMap<>();
        if (a == null) return out;
        String budgets = either(List.of(a.initial().word(), a.adjusted().word()));
        out.put("basis", budgets);
        out.put("rate_basis", budgets);
        out.put("direction_basis", budgets);
        out.put("direction", either(List.of(a.more(), a.less(), a.equal())));
        out.put("level", either(List.of(a.level())));
        return out;
    }

    private static String either(List<String> words) {
        StringBuilder b = new StringBuilder("(?:");
        for (int i = 0; i < words.size(); i++) b.append(i == 0 ? "" : "|").append(Pattern.quote(words.get(i)));
        return b.append(')').toString();
    }

    /**
     * A pattern as a regular expression: words quoted, [ ] optional, ( | ) alternatives, placeholders by what they stand
     * for — in named groups (recorded in {@code groups}) when {@code capture}, else not captured.
     */
    static String regex(String pattern, String unit, Map<String, String> words, Map<String, List<String>> groups, boolean capture) {
        StringBuilder r = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if ("[]()|{".indexOf(c) < 0) {
                if (!Character.isWhitespace(c)) lit.append(c);
                continue;
            }
            if (lit.length() > 0) {
                r.append(Pattern.quote(lit.toString()));
                lit.setLength(0);
            }
            switch (c) {
                case '[', '(' -> {
                    r.append("(?:");
                    depth++;
                }
                case ']' -> {
                    r.append(")?");
                    depth--;
                }
                case ')' -> {
                    r.append(')');
                    depth--;
                }
                case '|' -> r.append('|');
                default -> {
                    int end = pattern.indexOf('}', i);
                    if (end < 0) throw new IllegalArgumentException("“{” 没有对应的 “}” (a placeholder not closed): " + pattern);
                    String name = pattern.substring(i + 1, end);
                    r.append(placeholder(name, unit, words, groups, capture, r.length() == 0));
                    i = end;
                }
            }
            if (depth < 0) throw new IllegalArgumentException("括号不配对 (a bracket closed that was not opened): " + pattern);
        }
        if (depth != 0) throw new IllegalArgumentException("括号不配对 (a bracket not closed): " + pattern);
        if (lit.length() > 0) r.append(Pattern.quote(lit.toString()));
        return r.toString();
    }

    private static String placeholder(String name, String unit, Map<String, String> words, Map<String, List<String>> groups, boolean capture,
                                      boolean first) {
        if (!PLACEHOLDERS.contains(name)) {
            throw new IllegalArgumentException("未知的占位符 {" + name + "}，可用：" + String.join("、", new java.util.TreeSet<>(PLACEHOLDERS))
                    + " (an unknown placeholder)");
        }
        String body = switch (name) {
            case "amount_unit" -> Pattern.quote(unit);
            case "year" -> "20\\d\\d";
            case "month", "day" -> "\\d{1,2}";
            case "unit" -> ".{2,60}?";
            case "kind" -> "(?:部门|单位)";
            case "part" -> Numbering.inline(Numbering.PART).replace("(", "(?:");
            case "reason" -> "[^。]{1,300}";
            default -> NUMBERS.contains(name) ? NUMBER : words.get(name);
        };
        if (body == null) throw new IllegalArgumentException("占位符 {" + name + "} 须有 against 的用词 (a placeholder without the words of against)");
        String lead = NUMBERS.contains(name) && first ? "(?<![\\d,.])" : "";
        if (!capture || name.equals("amount_unit") || name.equals("kind") || name.equals("part")) return lead + body;
        List<String> names = groups.computeIfAbsent(name, k -> new ArrayList<>());
        String group = name.replace("_", "") + (names.isEmpty() ? "" : String.valueOf(names.size() + 1));
        names.add(group);
        return lead + "(?<" + group + ">" + body + ")";
    }
}
