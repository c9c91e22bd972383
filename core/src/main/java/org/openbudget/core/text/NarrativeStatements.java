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
import org.openbudget.core.profile.TextOutline.Block;
import org.openbudget.core.profile.TextTemplate;

/**
 * What the sentences of a narrative block (assets, performance, other matters) state under each placeholder:
 * the fact's key, subject and kind — declared once, the walker writing by it ({@link NarrativeBlocks}) and the
 * compiled outline reading by it ({@link #compile}). The words are the profile's patterns, never Java: each
 * statement is read by the clause of its pattern that holds its placeholder (between ，；。), its words matched as
 * printed, the other placeholders what they print; a clause whose words do not tell it from another statement's
 * of the block ("价值{value}万元" of 房屋 and of 车辆) takes in the clause before it until they do. A statement
 * without a placeholder ({@code purchase_no_vehicle}: "未安排购置车辆经费") states 0 where its words are printed.
 * A pattern the profile does not have is not read (national-2016 prints no other matters of its own).
 */
public final class NarrativeStatements {
    /** One statement: the pattern (after the block's prefix), its placeholder ("" none: 0), the fact's key, subject, kind. */
    public record Statement(String pattern, String var, String key, String subject, FactKind kind) {}

    private static Statement st(String pattern, String var, String key, String subject, FactKind kind) {
        return new Statement(pattern, var, key, subject, kind);
    }

    private static final FactKind A = FactKind.AMOUNT, C = FactKind.COUNT, Q = FactKind.QUANTITY;

    /** The statements of each narrative block kind, in the order a paragraph's facts are recorded. */
    public static final Map<String, List<Statement>> BY_BLOCK = Map.of(
            "assets", List.of(
                    st("building", "area", "assets.building", "房屋", Q),
                    st("building", "value", "assets.building", "房屋", A),
                    st("vehicles", "count", "assets.vehicle", "车辆", C),
                    st("vehicles", "value", "assets.vehicle", "车辆", A),
                    st("vehicles", "official_count", "assets.vehicle.official", "一般公务用车", C),
                    st("vehicles", "official_value", "assets.vehicle.official", "一般公务用车", A),
                    st("vehicles", "enforcement_count", "assets.vehicle.enforcement", "执法执勤用车", C),
                    st("vehicles", "enforcement_value", "assets.vehicle.enforcement", "执法执勤用车", A),
                    st("vehicles", "other_count", "assets.vehicle.other", "其他车辆", C),
                    st("vehicles", "other_value", "assets.vehicle.other", "其他车辆", A),
                    st("furniture", "value", "assets.furniture", "办公家具", A),
                    st("other_assets", "value", "assets.other", "其他资产", A),
                    st("equipment", "e50", "assets.equipment50", "单位价值50万元以上大型设备", C),
                    st("equipment", "e100", "assets.equipment100", "单位价值100万元以上大型设备", C),
                    st("purchase", "e50", "assets.purchase.equipment50", "购置50万元以上大型设备", C),
                    st("purchase", "e100", "assets.purchase.equipment100", "购置100万元以上大型设备", C),
                    st("purchase_no_vehicle", "", "assets.purchase.vehicle", "购置车辆", C),
                    st("purchase_vehicle", "count", "assets.purchase.vehicle", "购置车辆", C)),
            "performance", List.of(
                    st("performance", "overall_count", "perf.overall", "整体预算绩效目标", C),
                    st("performance", "overall_amount", "perf.overall", "整体预算绩效目标", A),
                    st("performance", "fiscal_count", "perf.fiscal", "当年财政拨款项目", C),
                    st("performance", "fiscal_amount", "perf.fiscal", "当年财政拨款项目", A),
                    st("performance_classified", "count", "perf.classified", "涉密项目", C),
                    st("performance_classified", "amount", "perf.classified", "涉密项目", A),
                    st("performance", "nonfiscal_count", "perf.nonfiscal", "当年非财政拨款项目", C),
                    st("performance", "nonfiscal_amount", "perf.nonfiscal", "当年非财政拨款项目", A)),
            // a dataset's other matters are its own words; the profile's patterns say how the derived numbers print
            "other_matters", List.of(
                    st("other_classified", "classified_count", "other.classified", "当年财政拨款涉密项目", C),
                    st("other_classified", "classified_amount", "other.classified", "当年财政拨款涉密项目", A),
                    st("other_carry", "carry_count", "other.carry", "上年结转结余项目", C),
                    st("other_carry", "carry_total", "other.carry", "上年结转结余项目", A)));

    /** The statement of a block kind's pattern and placeholder; the walker records its fact by it. */
    static Statement of(String blockKind, String pattern, String var) {
        for (Statement s : BY_BLOCK.getOrDefault(blockKind, List.of())) {
            if (s.pattern.equals(pattern) && s.var.equals(var)) return s;
        }
        throw new IllegalStateException("no statement " + blockKind + " " + pattern + " {" + var + "}");
    }

    private static final String NUMBER = "(-?\\d[\\d,]*(?:\\.\\d+)?)";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_0-9.]+)(?:\\|([a-z0-9]+))?\\}");
    private static final String SEPARATORS = ",;。";

    private record Compiled(Statement statement, Pattern regex, boolean wordsFirst) {}

    private final List<Compiled> compiled;

    private NarrativeStatements(List<Compiled> compiled) {
        this.compiled = List.copyOf(compiled);
    }

    /** The fact keys this block's compiled statements read. */
    public Set<String> keys() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Compiled c : compiled) out.add(c.statement.key);
        return out;
    }

    /** Whether this block states nothing the reader can find (no pattern of it in the profile). */
    public boolean isEmpty() {
        return compiled.isEmpty();
    }

    /** Compiled statements by template, kind and block: a profile's are compiled once, not for every document read. */
    private static final Map<List<Object>, NarrativeStatements> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The statements of a narrative block of a template's outline, compiled for a document of this kind (单位 / 部门). */
    public static NarrativeStatements compile(TextTemplate t, String kind, Block b) {
        List<Object> key = List.of(t, kind, b);
        NarrativeStatements done = COMPILED.get(key);
        if (done != null) return done;
        NarrativeStatements made = compiled(t, kind, b);
        if (COMPILED.size() > 256) COMPILED.clear();   // profiles loaded at run time: bounded
        COMPILED.put(key, made);
        return made;
    }

    private static NarrativeStatements compiled(TextTemplate t, String kind, Block b) {
        List<Clause> found = new ArrayList<>();
        for (Statement s : BY_BLOCK.getOrDefault(b.kind(), List.of())) {
            String key = b.sentence() + "." + s.pattern;
            if (!t.sentences().containsKey(key)) continue;
            Clause c = new Clause(s, normalise(t.sentence(key, kind)));
            if (c.at >= 0 || s.var.isEmpty()) found.add(c);
        }
        for (int round = 0; round < 4; round++) {
            Map<String, Set<String>> byWords = new HashMap<>();
            for (Clause c : found) byWords.computeIfAbsent(c.words(), w -> new HashSet<>()).add(c.statement.key + "/" + c.statement.kind);
            boolean extended = false;
            for (Clause c : found) if (byWords.get(c.words()).size() > 1 && c.extend()) extended = true;
            if (!extended) break;
        }
        List<Compiled> out = new ArrayList<>();
        for (Clause c : found) out.add(new Compiled(c.statement, Pattern.compile(c.regex()), c.wordsFirst()));
        return new NarrativeStatements(out);
    }

    /**
     * The facts a paragraph states, each at its first place (a clause starting with words not read inside longer
     * words: 车辆 in 其他车辆), its value as printed; {@code sentence} is what the facts cite.
     */
    public List<TextFact> read(String section, String part, String paragraph, String sentence) {
        String s = normalise(paragraph);
        List<TextFact> out = new ArrayList<>();
        for (Compiled c : compiled) {
            Matcher m = c.regex.matcher(s);
            while (m.find()) {
                if (c.wordsFirst && m.start() > 0 && isHan(s.charAt(m.start() - 1))) continue;
                BigDecimal v = c.statement.var.isEmpty() ? BigDecimal.ZERO : new BigDecimal(m.group(1).replace(",", ""));
                out.add(new TextFact(section, part, c.statement.key, c.statement.subject, c.statement.kind, v, "", "", List.of(), "", sentence.trim()));
                break;
            }
        }
        return out;
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
        final int at;       // where the placeholder starts (-1: none, the whole pattern is the clause)
        final int after;
        int start;

        Clause(Statement s, String pattern) {
            this.statement = s;
            this.pattern = pattern;
            int at = -1, after = -1;
            if (!s.var.isEmpty()) {
                Matcher m = PLACEHOLDER.matcher(pattern);
                while (m.find()) {
                    if (m.group(1).equals(s.var)) { at = m.start(); after = m.end(); break; }
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
                r.append(m.start() == target ? NUMBER : OutlinePatterns.Candidate.placeholder(m.group(1), "", 0));
                last = m.end();
            }
            OutlinePatterns.Candidate.literal(r, clause.substring(last));
            return r.toString();
        }

        private static String literalised(String p) {
            StringBuilder r = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(p);
            int last = 0;
            while (m.find()) {
                OutlinePatterns.Candidate.literal(r, p.substring(last, m.start()));
                r.append(OutlinePatterns.Candidate.placeholder(m.group(1), "", 0));
                last = m.end();
            }
            OutlinePatterns.Candidate.literal(r, p.substring(last));
            return r.toString();
        }
    }
}
