package org.openbudget.core.text;

import java.math.BigDecimal;
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
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.measure.Statement;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.TextOutline.Block;
import org.openbudget.core.profile.TextTemplate;

/**
 * What the sentences of a narrative block (procurement, assets, performance, other matters, a 决算's 三公 details and
 * 绩效评价) state under each placeholder: the fact's key, subject and kind — declared once, as data, in the dictionary
 * of measures (refdata/measures.yaml, {@code statements:}; {@link Statement}), the walker writing by it
 * ({@link NarrativeBlocks}) and the compiled outline reading by it ({@link #compile}). The words are the profile's patterns, never Java: each
 * statement is read by the clause of its pattern that holds its placeholder (between ，；。), its words matched as
 * printed, the other placeholders what they print; a clause whose words do not tell it from another statement's
 * of the block ("价值{value}万元" of 房屋 and of 车辆) takes in the clause before it until they do. A statement
 * without a placeholder ({@code purchase_no_vehicle}: "未安排购置车辆经费") states 0 where its words are printed.
 * A pattern the profile does not have is not read (national-2016 prints no other matters of its own).
 */
public final class NarrativeStatements {
    private static final String NUMBER = "(-?\\d[\\d,]*(?:\\.\\d+)?)";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_0-9.]+)(?:\\|([a-z0-9]+))?\\}");
    private static final String SEPARATORS = ",;。";

    /**
     * {@code unitFirst}: the clause starts with the unit's name ("{unit}政府采购预算{total}"), dropped from its words — the
     * name printed there is the document's unit, which ends in a Han character like any word.
     */
    private record Compiled(Statement statement, Pattern regex, boolean wordsFirst, boolean unitFirst) {}

    /** Whether the dictionary declares what this block kind's sentences state. */
    public static boolean declares(MeasureDictionary d, String blockKind) {
        return !d.statements(blockKind).isEmpty();
    }

    private final List<Compiled> compiled;

    private NarrativeStatements(List<Compiled> compiled) {
        this.compiled = List.copyOf(compiled);
    }

    /** The fact keys this block's compiled statements read. */
    public Set<String> keys() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Compiled c : compiled) out.add(c.statement.key());
        return out;
    }

    /** Whether this block states nothing the reader can find (no pattern of it in the profile). */
    public boolean isEmpty() {
        return compiled.isEmpty();
    }

    /** Compiled statements by template, kind and block: a profile's are compiled once, not for every document read. */
    private static final Map<List<Object>, NarrativeStatements> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The statements of a narrative block of a profile's outline (as its dictionary of measures declares them), compiled
     * for a document of this kind (单位 / 部门).
     */
    public static NarrativeStatements compile(TemplateProfile profile, String kind, Block b) {
        TextTemplate t = profile.text();
        List<Statement> declared = profile.measures().statements(b.kind());
        List<Object> key = List.of(t, declared, kind, b);
        NarrativeStatements done = COMPILED.get(key);
        if (done != null) return done;
        NarrativeStatements made = compiled(t, declared, kind, b);
        if (COMPILED.size() > 256) COMPILED.clear();   // profiles loaded at run time: bounded
        COMPILED.put(key, made);
        return made;
    }

    private static NarrativeStatements compiled(TextTemplate t, List<Statement> declared, String kind, Block b) {
        List<Clause> found = new ArrayList<>();
        for (Statement s : declared) {
            String key = b.sentence() + "." + s.pattern();
            if (!t.sentences().containsKey(key)) continue;
            Clause c = new Clause(s, normalise(t.sentence(key, kind)), t);
            if (c.at >= 0 || s.var().isEmpty()) found.add(c);
        }
        for (int round = 0; round < 4; round++) {
            Map<String, Set<String>> byWords = new HashMap<>();
            for (Clause c : found) byWords.computeIfAbsent(c.words(), w -> new HashSet<>()).add(c.statement.key() + "/" + c.statement.kind());
            boolean extended = false;
            for (Clause c : found) if (byWords.get(c.words()).size() > 1 && c.extend()) extended = true;
            if (!extended) break;
        }
        List<Compiled> out = new ArrayList<>();
        for (Clause c : found) out.add(new Compiled(c.statement, Pattern.compile(c.regex()), c.wordsFirst(), c.unitFirst()));
        return new NarrativeStatements(out);
    }

    /** {@link #read(String, String, String, String, String)} of a document whose unit is not known. */
    public List<TextFact> read(String section, String part, String paragraph, String sentence) {
        return read(section, part, paragraph, sentence, "");
    }

    /**
     * The facts a paragraph states, each at its first place (a clause starting with words not read inside longer
     * words: 车辆 in 其他车辆), its value as printed; {@code sentence} is what the facts cite. A clause the pattern starts
     * with the unit's name ("2024年，{unit}政府采购预算…") is read after the document's {@code unit} as printed in that
     * clause (a longer name holding it too: "…局（…发展局）"); any name when the unit is not known ("").
     */
    public List<TextFact> read(String section, String part, String paragraph, String sentence, String unit) {
        String s = normalise(paragraph);
        String name = unit == null ? "" : normalise(unit);
        List<TextFact> out = new ArrayList<>();
        for (Compiled c : compiled) {
            Matcher m = c.regex.matcher(s);
            while (m.find()) {
                if (c.wordsFirst && m.start() > 0 && isHan(s.charAt(m.start() - 1)) && !(c.unitFirst && named(s, m.start(), name))) continue;
                BigDecimal v = c.statement.var().isEmpty() ? BigDecimal.ZERO : new BigDecimal(m.group(1).replace(",", ""));
                out.add(new TextFact(section, part, c.statement.key(), c.statement.subject(), c.statement.kind(), v, "", "", List.of(), "", sentence.trim()));
                break;
            }
        }
        return out;
    }

    /**
     * Whether the clause before {@code at} (from the last separator, at most 200 characters: bounded work on any line) holds
     * the unit's name; any name when not known.
     */
    private static boolean named(String s, int at, String unit) {
        if (unit.isEmpty()) return true;
        int from = at;
        while (from > 0 && at - from < 200 && SEPARATORS.indexOf(s.charAt(from - 1)) < 0 && s.charAt(from - 1) != ':') from--;
        return s.substring(from, at).contains(unit);
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** No whitespace; full-width letters, digits and ASCII punctuation half-width (，→, ：→: （→( ). */
    static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0') continue;
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);
            b.append(c);
        }
        return b.toString();
    }

    /** A statement's clause of its pattern: from a separator (or the start) to the words after its placeholder. */
    private static final class Clause {
        final Statement statement;
        final String pattern;
        final TextTemplate template;
        final int at;       // where the placeholder starts (-1: none, the whole pattern is the clause)
        final int after;
        int start;

        Clause(Statement s, String pattern, TextTemplate template) {
            this.statement = s;
            this.template = template;
            this.pattern = pattern;
            int at = -1, after = -1;
            if (!s.var().isEmpty()) {
                Matcher m = PLACEHOLDER.matcher(pattern);
                while (m.find()) {
                    if (m.group(1).equals(s.var())) { at = m.start(); after = m.end(); break; }
                }
            }
            this.at = at;
            this.after = after;
            this.start = at < 0 ? 0 : clauseStart(pattern, at);
        }

        private static int clauseStart(String p, int from) {
            int i = from - 1;
            while (i >= 0 && SEPARATORS.indexOf(p.charAt(i)) < 0) i--;
            return i + 1;
        }

        boolean extend() {
            if (at < 0 || start == 0) return false;
            start = clauseStart(pattern, start - 1);
            return true;
        }

        /** The clause without the placeholders it starts with (a list number, the unit's name …). */
        private int from() {
            int f = start;
            Matcher m = PLACEHOLDER.matcher(pattern);
            while (m.find(f) && m.start() == f && m.start() != at) f = m.end();
            return f;
        }

        String words() {
            if (at < 0) return pattern;
            return PLACEHOLDER.matcher(pattern.substring(from(), at)).replaceAll("{}");
        }

        /** Whether the placeholders the clause drops before its words include the unit's name. */
        boolean unitFirst() {
            Matcher m = PLACEHOLDER.matcher(pattern);
            int f = start;
            while (m.find(f) && m.start() == f && m.start() != at) {
                if (m.group(1).equals("unit")) return true;
                f = m.end();
            }
            return false;
        }

        /** Whether the clause starts with words after a separator or a placeholder it drops (not a pattern's own start). */
        boolean wordsFirst() {
            int f = from();
            return at >= 0 && f > 0 && f < pattern.length() && f != at && isHan(pattern.charAt(f));
        }

        String regex() {
            if (at < 0) return literalised(pattern.replaceAll("[。]$", ""));
            int end = after;
            while (end < pattern.length() && SEPARATORS.indexOf(pattern.charAt(end)) < 0 && pattern.charAt(end) != '{') end++;
            String clause = pattern.substring(from(), end);
            StringBuilder r = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(clause);
            int last = 0;
            int target = at - from();
            while (m.find()) {
                OutlinePatterns.Candidate.literal(r, clause.substring(last, m.start()));
                r.append(m.start() == target ? NUMBER : OutlinePatterns.Candidate.placeholder(m.group(1), "", 0, template));
                last = m.end();
            }
            OutlinePatterns.Candidate.literal(r, clause.substring(last));
            return r.toString();
        }

        private String literalised(String p) {
            StringBuilder r = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(p);
            int last = 0;
            while (m.find()) {
                OutlinePatterns.Candidate.literal(r, p.substring(last, m.start()));
                r.append(OutlinePatterns.Candidate.placeholder(m.group(1), "", 0, template));
                last = m.end();
            }
            OutlinePatterns.Candidate.literal(r, p.substring(last));
            return r.toString();
        }
    }
}
