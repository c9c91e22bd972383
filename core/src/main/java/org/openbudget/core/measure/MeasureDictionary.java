package org.openbudget.core.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every measure a document may print, by key: the one place a quantity is declared. Table columns,
 * fixed rows and a table's scope bind to measure expressions — a key, or keys joined by {@code &}
 * ("carry.fiscal & personnel": both at once). {@link #terms} turns an expression into a sum of
 * filters, the form the derivation evaluates and the checks compare.
 */
public final class MeasureDictionary {
    public static final MeasureDictionary EMPTY = new MeasureDictionary(List.of());

    private final Map<String, Measure> byKey = new LinkedHashMap<>();
    private final Map<String, List<Where>> termCache = new java.util.concurrent.ConcurrentHashMap<>();
    /** What each narrative block's sentences state, by block kind, in the order a paragraph's facts are recorded. */
    private final Map<String, List<Statement>> statements;

    public MeasureDictionary(Collection<Measure> measures) {
        this(measures, List.of());
    }

    public MeasureDictionary(Collection<Measure> measures, Collection<Statement> statements) {
        for (Measure m : measures) byKey.put(m.key(), m);
        Map<String, List<Statement>> by = new LinkedHashMap<>();
        for (Statement s : statements) by.computeIfAbsent(s.block(), k -> new ArrayList<>()).add(s);
        by.replaceAll((k, v) -> List.copyOf(v));
        this.statements = java.util.Collections.unmodifiableMap(by);
    }

    /** This dictionary with {@code more} added (a measure of the same key replaces the earlier one). */
    public MeasureDictionary with(Collection<Measure> more) {
        if (more.isEmpty()) return this;
        List<Measure> all = new ArrayList<>(byKey.values());
        all.removeIf(m -> more.stream().anyMatch(x -> x.key().equals(m.key())));
        all.addAll(more);
        return new MeasureDictionary(all, allStatements());
    }

    /** The statements of a narrative block kind ({@code statements:} of refdata/measures.yaml), in their order; empty when none. */
    public List<Statement> statements(String block) {
        return statements.getOrDefault(block, List.of());
    }

    /** Every block kind's statements. */
    public List<Statement> allStatements() {
        List<Statement> out = new ArrayList<>();
        statements.values().forEach(out::addAll);
        return out;
    }

    /** The statement of a block kind that a dataset field holds (its label: how a form asks for it), if any. */
    public java.util.Optional<Statement> statementOf(String block, String field) {
        for (Statement s : statements(block)) if (s.field().equals(field)) return java.util.Optional.of(s);
        return java.util.Optional.empty();
    }

    /** The statement of a block kind's pattern and placeholder; the walker records its fact by it. */
    public Statement statement(String block, String pattern, String var) {
        for (Statement s : statements(block)) {
            if (s.pattern().equals(pattern) && s.var().equals(var)) return s;
        }
        throw new IllegalStateException("the dictionary of measures declares no statement " + block + " " + pattern + " {" + var + "}"
                + " (refdata/measures.yaml, statements:)");
    }

    public Collection<Measure> all() { return byKey.values(); }

    public Optional<Measure> find(String key) { return Optional.ofNullable(byKey.get(key)); }

    public Measure get(String key) {
        Measure m = byKey.get(key);
        if (m == null) throw new IllegalArgumentException("unknown measure " + key);
        return m;
    }

    /**
     * The 决算 flows of money spent besides the ledger's lines (measures with {@code spending: true}: 上缴上级支出, 经营支出,
     * 对附属单位补助支出) — counted in every expense total, so 人员/公用/项目 do not split a 决算's whole spending.
     */
    public java.util.Set<String> spendingFlows() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Measure m : byKey.values()) if (m.spending()) out.add(m.flow());
        return out;
    }

    /** The first measure an expression names that is declared {@code part} (see {@link Measure#part}), else null. */
    public String part(String expression) {
        if (expression == null || expression.isEmpty()) return null;
        for (String k : keys(expression)) {
            Measure m = byKey.get(k);
            if (m != null && m.part()) return k;
        }
        return null;
    }

    /** The keys an expression names ("a & b" → [a, b]). */
    public static List<String> keys(String expression) {
        List<String> out = new ArrayList<>();
        for (String k : expression.split("&")) {
            String t = k.trim();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** Problems of an expression (unknown keys), as messages; empty when it is valid. */
    public List<String> problems(String expression) {
        List<String> out = new ArrayList<>();
        List<String> keys = keys(expression);
        if (keys.isEmpty()) out.add("度量表达式为空 (an empty measure expression)");
        for (String k : keys) if (!byKey.containsKey(k)) out.add("未知的度量 " + k + " (not in the dictionary of measures)");
        return out;
    }

    /**
     * The expression as a sum of filters: a filter measure is one term, a sum measure the terms of
     * its parts, and a conjunction the pairwise intersections (contradictions dropped).
     */
    public List<Where> terms(String expression) {
        return termCache.computeIfAbsent(expression, e -> {
            List<Where> acc = List.of(Where.ANY);
            for (String k : keys(e)) {
                List<Where> next = new ArrayList<>();
                for (Where a : acc) for (Where b : termsOf(get(k), new HashSet<>())) {
                    Where w = a.and(b);
                    if (!w.none()) next.add(w);
                }
                acc = next;
            }
            return List.copyOf(acc);
        });
    }

    private List<Where> termsOf(Measure m, Set<String> visiting) {
        if (!m.isSum()) return List.of(m.where());
        if (!visiting.add(m.key())) throw new IllegalStateException("measure " + m.key() + " sums itself");
        List<Where> out = new ArrayList<>();
        for (String part : m.sumOf()) {
            for (Where w : termsOf(get(part), visiting)) {
                Where x = w.and(m.where());
                if (!x.none()) out.add(x);
            }
        }
        visiting.remove(m.key());
        return out;
    }

    /**
     * The measure a printed label names: its name or one of its synonyms, compared without spaces,
     * brackets' width or a leading "其中：".
     */
    public Optional<Measure> byLabel(String printed) {
        String p = normalise(printed);
        for (Measure m : byKey.values()) {
            if (normalise(m.name()).equals(p)) return Optional.of(m);
        }
        for (Measure m : byKey.values()) {
            for (String s : m.synonyms()) if (normalise(s).equals(p)) return Optional.of(m);
        }
        return Optional.empty();
    }

    public static String normalise(String s) {
        String t = s.replaceAll("\\s+", "").replace('(', '（').replace(')', '）').replace('"', '“');
        if (t.startsWith("其中：") || t.startsWith("其中:")) t = t.substring(3);
        return t;
    }
}
