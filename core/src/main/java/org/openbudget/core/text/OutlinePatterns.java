package org.openbudget.core.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextOutline.Block;
import org.openbudget.core.profile.TextOutline.Item;
import org.openbudget.core.profile.TextOutline.Stated;
import org.openbudget.core.profile.TextTemplate;

/**
 * The outline's sentence patterns, compiled, read a text back: the reader of what the walker writes,
 * from the same data. Each amount an outline's sentence or each block states (under its fact key and
 * measure) becomes one expression: the clause of its pattern that holds it (between ，；。), its literal
 * words matched as printed, its amount a number, the other placeholders what they print ({year} four
 * digits, {unit} the document's unit, {change_word} the profile's change_words (增加/减少), {reason} any words …). A clause whose words
 * do not tell it from another key's (二's "{year}年预算数{amount}万元" for each “三公” item) takes in the
 * clauses before it until they do; a section's amounts are read under its title. An amount printed as {x|int} is read to whole 万元, any other to the
 * cent (4.8 is 4.80). The text is read without its whitespace and page numbers, so that a sentence wrapped
 * over lines and pages, or justified with spaces between its characters, is read whole.
 */
public final class OutlinePatterns {
    private static final String NUMBER = "(-?\\d[\\d,]*(?:\\.\\d+)?)";
    private static final String ANY_NUMBER = "-?\\d[\\d,]*(?:\\.\\d+)?";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_0-9.]+)(?:\\|([a-z0-9]+))?\\}");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[\\s\\-—–－]*(?:第\\s*)?\\d{1,3}(?:\\s*页)?[\\s\\-—–－]*$");
    private static final String SEPARATORS = "，；。";

    /** One amount's reading: its fact, the expression and whether it is printed to whole 万元. */
    private record Clause(String section, String key, String subject, Pattern regex, boolean whole, boolean wordsFirst) {}

    private final List<Clause> clauses;
    /** Each section's numeral and its title as an expression, in the outline's order. */
    private final List<Map.Entry<String, Pattern>> titles;

    private OutlinePatterns(List<Clause> clauses, List<Map.Entry<String, Pattern>> titles) {
        this.clauses = List.copyOf(clauses);
        this.titles = List.copyOf(titles);
    }

    /** The fact keys this reader reads. */
    public Set<String> keys() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Clause c : clauses) out.add(c.key);
        return out;
    }

    /**
     * Compiles the outline of a template's text for a document of this unit (null or "" when not known),
     * kind (单位 / 部门) and year.
     */
    public static OutlinePatterns compile(TextTemplate t, String unit, String kind, int year) {
        List<Candidate> found = new ArrayList<>();
        for (TextOutline.Section s : t.outline().sections()) {
            for (Block b : s.blocks()) {
                switch (b.kind()) {
                    case "sentence" -> {
                        for (String key : variants(t, b.sentence())) {
                            String p = t.sentence(key, kind);
                            for (Stated a : b.amounts()) {
                                if (a.var().isEmpty() || a.key().isEmpty()) continue;
                                found.add(new Candidate(s.number(), a.key(), a.subject(), p, a.var()));
                            }
                        }
                    }
                    case "each" -> {
                        for (Item i : b.items()) {
                            if (i.key().isEmpty() || i.measure().isEmpty()) continue;
                            String own = i.sentence().isEmpty() ? b.sentence() : i.sentence();
                            for (String key : variants(t, own)) {
                                String p = t.sentence(key, kind).replace("{label}", i.label());
                                found.add(new Candidate(s.number(), i.key(), i.label(), p, "amount"));
                            }
                        }
                    }
                    default -> { }
                }
            }
        }
        // each clause starts at the separator before its amount; one whose words do not tell it from
        // another key's takes in the clause before it, until they do
        for (int round = 0; round < 4; round++) {
            Map<String, Set<String>> keysByWords = new HashMap<>();
            for (Candidate c : found) keysByWords.computeIfAbsent(c.words(), w -> new HashSet<>()).add(c.key);
            boolean extended = false;
            for (Candidate c : found) {
                if (keysByWords.get(c.words()).size() > 1 && c.extend()) extended = true;
            }
            if (!extended) break;
        }
        List<Clause> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate c : found) {
            String regex = c.regex(unit, year, t);
            if (regex == null || !seen.add(c.key + "\u0000" + regex)) continue;
            out.add(new Clause(c.section, c.key, c.subject, Pattern.compile(regex), c.whole(), c.wordsFirst()));
        }
        List<Map.Entry<String, Pattern>> titles = new ArrayList<>();
        for (TextOutline.Section s : t.outline().sections()) {
            String title = punctuation(s.title());
            StringBuilder r = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(title);
            int last = 0;
            while (m.find()) {
                Candidate.literal(r, title.substring(last, m.start()));
                r.append(Candidate.placeholder(m.group(1), unit, year, t));
                last = m.end();
            }
            Candidate.literal(r, title.substring(last));
            if (r.length() > 0) titles.add(Map.entry(s.number(), Pattern.compile(r.toString())));
        }
        return new OutlinePatterns(out, titles);
    }

    /** A sentence key and its {@code .unchanged} variant, when the profile has one. */
    private static List<String> variants(TextTemplate t, String key) {
        if (key.isEmpty() || !t.sentences().containsKey(key)) return List.of();
        return t.sentences().containsKey(key + ".unchanged") ? List.of(key, key + ".unchanged") : List.of(key);
    }

    /**
     * The amounts a text states that this outline's patterns find in it, as facts of their keys (source empty).
     * A section's amounts are looked for between its title and the next section's (the last place each title
     * is printed before the next one's: the body, not the 目录), or anywhere when its title is not printed; a
     * number two clauses read is the one of the clause that reads more of its words (财政拨款支出预算 rather
     * than 支出预算).
     */
    public List<TextFact> read(String text) {
        List<TextFact> out = new ArrayList<>();
        for (Located l : readLocated(text)) out.add(l.fact);
        return out;
    }

    /** A fact read and the 0-based line of the text its amount is printed on. */
    public record Located(TextFact fact, int line) {}

    /** As {@link #read}, each fact with the line of the text its amount is printed on. */
    public List<Located> readLocated(String text) {
        java.util.BitSet lineStarts = new java.util.BitSet();
        java.util.TreeMap<Integer, Integer> lineAt = new java.util.TreeMap<>();
        String flat = normalise(text, lineStarts, lineAt);
        Map<String, int[]> spans = spans(flat);
        Map<Integer, Reading> byNumber = new java.util.TreeMap<>();
        for (Clause c : clauses) {
            int[] span = spans.getOrDefault(c.section, new int[] {0, flat.length()});
            Matcher m = c.regex.matcher(flat);
            while (m.find()) {
                // the amount in the section (its sentence may begin before its title is printed again within it)
                if (m.start(1) < span[0] || m.start(1) >= span[1]) continue;
                // a clause that starts with words is not read inside longer words (支出预算 in 政府性基金拨款支出预算),
                // unless they start a line (a paragraph after its heading, a sentence wrapped there)
                if (c.wordsFirst && m.start() > 0 && isHan(flat.charAt(m.start() - 1)) && !lineStarts.get(m.start())) continue;
                Reading was = byNumber.get(m.start(1));
                int length = m.end() - m.start();
                if (was != null && was.length >= length) continue;
                BigDecimal v;
                try {
                    v = new BigDecimal(m.group(1).replace(",", ""));
                } catch (NumberFormatException e) {
                    continue;
                }
                v = c.whole ? v.setScale(0, RoundingMode.HALF_UP) : v.setScale(Math.max(2, v.scale()), RoundingMode.HALF_UP);
                var line = lineAt.floorEntry(m.start(1));
                byNumber.put(m.start(1), new Reading(length,
                        new TextFact(c.section, "", c.key, c.subject, FactKind.AMOUNT, v, "", "", List.of(), "", m.group()),
                        line == null ? 0 : line.getValue()));
            }
        }
        List<Located> out = new ArrayList<>();
        for (Reading r : byNumber.values()) out.add(new Located(r.fact, r.line));
        return out;
    }

    private record Reading(int length, TextFact fact, int line) {}

    /** Each section's span of the text: from its title to the next found section's title. */
    private Map<String, int[]> spans(String flat) {
        int n = titles.size();
        int[] at = new int[n];
        int bound = flat.length();
        for (int i = n - 1; i >= 0; i--) {
            at[i] = -1;
            Matcher m = titles.get(i).getValue().matcher(flat);
            m.region(0, bound);
            while (m.find()) at[i] = m.start();
            if (at[i] >= 0) bound = at[i];
        }
        Map<String, int[]> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int start = -1;
            for (int k = i; k >= 0 && start < 0; k--) start = at[k];
            int end = flat.length();
            for (int k = i + 1; k < n; k++) {
                if (at[k] >= 0) { end = at[k]; break; }
            }
            out.put(titles.get(i).getKey(), new int[] {Math.max(0, start), Math.max(Math.max(0, start), end)});
        }
        return out;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /**
     * The text as the patterns read it: no whitespace, no page-number lines, half-width brackets and colons as
     * full-width; where each line starts in it goes in {@code lineStarts}.
     */
    static String normalise(String text, java.util.BitSet lineStarts) {
        return normalise(text, lineStarts, new java.util.TreeMap<>());
    }

    /** As above; where each line's text starts in it → the line's 0-based index in {@code text} goes in {@code lineAt}. */
    static String normalise(String text, java.util.BitSet lineStarts, java.util.TreeMap<Integer, Integer> lineAt) {
        StringBuilder b = new StringBuilder(text.length());
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (PAGE_NUMBER.matcher(line).matches()) continue;
            lineStarts.set(b.length());
            String p = punctuation(line);
            if (!p.isEmpty()) lineAt.put(b.length(), i);
            b.append(p);
        }
        return b.toString();
    }

    private static String punctuation(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0') continue;
            b.append(switch (c) {
                case '(' -> '（';
                case ')' -> '）';
                case ':' -> '：';
                case ';' -> '；';
                case '％' -> '%';
                default -> c;
            });
        }
        return b.toString();
    }

    /** An amount a pattern states, and the clause of the pattern that holds it. */
    static final class Candidate {
        final String section;
        final String key;
        final String subject;
        final String pattern;
        final int at;       // where the amount's placeholder starts
        final int after;    // where it ends
        final String modifier;
        int start;          // where the clause starts

        Candidate(String section, String key, String subject, String pattern, String var) {
            this.section = section;
            this.key = key;
            this.subject = subject;
            String p = punctuation(pattern);
            this.pattern = p;
            Matcher m = PLACEHOLDER.matcher(p);
            int at = -1;
            int after = -1;
            String mod = "";
            while (m.find()) {
                if (m.group(1).equals(var)) {
                    at = m.start();
                    after = m.end();
                    mod = m.group(2) == null ? "" : m.group(2);
                    break;
                }
            }
            this.at = at;
            this.after = after;
            this.modifier = mod;
            this.start = at < 0 ? 0 : clauseStart(p, at);
        }

        boolean whole() {
            return modifier.equals("int");
        }

        /** Whether the clause starts with words (not a placeholder). */
        boolean wordsFirst() {
            return at >= 0 && start < pattern.length() && pattern.charAt(start) != '{' && isHan(pattern.charAt(start));
        }

        private static int clauseStart(String p, int from) {
            int i = from - 1;
            while (i >= 0 && SEPARATORS.indexOf(p.charAt(i)) < 0) i--;
            return i + 1;
        }

        /** Takes in the clause before; false when there is none. */
        boolean extend() {
            if (start == 0 || at < 0) return false;
            start = clauseStart(pattern, start - 1);
            return true;
        }

        /** The clause's words before the amount, placeholders as {}: what tells it from others. */
        String words() {
            if (at < 0) return "";
            return PLACEHOLDER.matcher(pattern.substring(start, at)).replaceAll("{}");
        }

        /** The clause up to the amount and the words after it (to the next placeholder or separator), as an expression. */
        String regex(String unit, int year, TextTemplate t) {
            if (at < 0) return null;
            int end = after;
            while (end < pattern.length() && SEPARATORS.indexOf(pattern.charAt(end)) < 0 && pattern.charAt(end) != '{') end++;
            String clause = pattern.substring(start, end);
            StringBuilder r = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(clause);
            int last = 0;
            int target = at - start;
            while (m.find()) {
                literal(r, clause.substring(last, m.start()));
                String name = m.group(1);
                if (m.start() == target) r.append(NUMBER);
                else r.append(placeholder(name, unit, year, t));
                last = m.end();
            }
            literal(r, clause.substring(last));
            String regex = r.toString();
            return regex.isEmpty() ? null : regex;
        }

        /** The word a change (0) or a rate (1) of exactly 0 prints with; null when the template names none. */
        private static String zero(TextTemplate t, int i) {
            return t == null || t.zeroChange().size() <= i ? null : t.zeroChange().get(i);
        }

        /** One of the direction words (and the word of a change of 0 when it is another), as an expression. */
        private static String words(List<String> directions, String zero) {
            StringBuilder r = new StringBuilder("(?:");
            List<String> all = new ArrayList<>(directions);
            if (zero != null && !zero.isEmpty() && !all.contains(zero)) all.add(zero);
            for (int i = 0; i < all.size(); i++) r.append(i == 0 ? "" : "|").append(Pattern.quote(all.get(i)));
            return r.append(')').toString();
        }

        static void literal(StringBuilder r, String s) {
            if (!s.isEmpty()) r.append(Pattern.quote(s));
        }

        /**
         * What a placeholder other than the amount read prints, as an expression; the direction words are the
         * template's ({@code change_words}, {@code rate_words} and {@code zero_change}: the walker's), the defaults
         * without one.
         */
        static String placeholder(String name, String unit, int year, TextTemplate t) {
            return switch (name) {
                case "year" -> year > 0 ? String.valueOf(year) : "\\d{4}";
                case "prev_year" -> year > 0 ? String.valueOf(year - 1) : "\\d{4}";
                case "unit" -> unit == null || unit.isBlank() ? "[^，；。]{1,40}?" : Pattern.quote(punctuation(unit));
                case "kind" -> "(?:单位|部门)";
                case "change_word" -> words(t == null ? TextTemplate.CHANGE_WORDS : t.changeWords(), zero(t, 0));
                case "rate_word" -> words(t == null ? TextTemplate.RATE_WORDS : t.rateWords(), zero(t, 1));
                case "rate", "share" -> ANY_NUMBER + "%";
                case "n" -> "[^，；。]{0,8}?";
                case "reason", "running_label", "class", "section", "item", "code", "list", "label" -> "[^。；]*?";
                default -> ANY_NUMBER;
            };
        }
    }
}
