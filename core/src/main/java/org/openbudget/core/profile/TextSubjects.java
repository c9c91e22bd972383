package org.openbudget.core.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.measure.Measure;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.profile.TextOutline.Block;
import org.openbudget.core.profile.TextOutline.Item;
import org.openbudget.core.profile.TextOutline.Stated;

/**
 * The words a document may print for each fact key, as the reader of published text needs them: what the
 * outline itself says — each stated amount's subject and each item's label — and the name and synonyms of the
 * measure it states in the one dictionary (refdata/measures.yaml; the last key of its expression:
 * {@code fiscal & tpe.abroad} → 因公出国（境）费, 因公出国（境）费用 …; never those of {@code total}, which names every
 * table's first column). A template adds words by adding synonyms to the dictionary (its own {@code measures:}), not
 * in a list of its own (the profiles' {@code text_rules.subjects} is gone).
 */
public final class TextSubjects {
    private TextSubjects() {}

    public static Map<String, List<String>> of(TemplateProfile profile) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        MeasureDictionary dict = profile.measures();
        for (TextOutline.Section s : profile.text().outline().sections()) {
            for (Block b : s.blocks()) {
                for (Stated a : b.amounts()) add(out, a.key(), a.subject(), a.measure(), dict);
                List<Item> items = new ArrayList<>(b.items());
                if (b.clauses() != null) items.addAll(b.clauses().items());
                for (Item i : items) add(out, i.key(), i.label(), i.measure(), dict);
            }
        }
        return freeze(out);
    }

    /**
     * Besides, the subtotals a text may state among a block's items: each measure of the dictionary that is the sum of
     * some of these items' measures (公务用车购置及运行费 = 购置费 + 运行费 among 十's items), keyed by its own key, with its
     * name and synonyms — other than the measures in {@code except} (the block's own total).
     */
    public static Map<String, List<String>> subtotals(TemplateProfile profile, List<String> itemMeasures, java.util.Collection<String> except) {
        java.util.Set<String> parts = new java.util.HashSet<>();
        for (String m : itemMeasures) {
            List<String> keys = MeasureDictionary.keys(m);
            if (!keys.isEmpty()) parts.add(keys.get(keys.size() - 1));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Measure m : profile.measures().all()) {
            if (m.sumOf().isEmpty() || except.contains(m.key()) || !parts.containsAll(m.sumOf())) continue;
            List<String> words = new ArrayList<>();
            words.add(m.name());
            for (String syn : m.synonyms()) if (!words.contains(syn)) words.add(syn);
            out.put(m.key(), words);
        }
        return freeze(out);
    }

    /**
     * Besides, the rows of the profile's summary tables (收支总表, 财政拨款收支总表) as a text names them: each income row's
     * label and aliases as printed, as words of the fact key that states the row's money — found by the money both are
     * bound to (the measures' dictionary, the table's scope and the row's sources), never by how their keys are spelled:
     * the outline item whose measure is that money ({@code income.gpb.local} ← 表1's "其中：一般财力", {@code fiscal.gpb} ←
     * 表4's "一般公共预算"); else, for a row the outline lists no item of (表1's "其中：事业收入"), the key the block listing the
     * table's rows would give it — its items' keys are its prefix and their measure ({@code income.} + gpb.local …) — with the
     * dictionary's measure of that money ({@code income.unit.biz}). The table's whole (its total row) names none.
     */
    public static Map<String, List<String>> rowLabels(TemplateProfile profile, List<org.openbudget.core.classification.FundingSource> sources) {
        MeasureDictionary dict = profile.measures();
        if (dict.all().isEmpty()) return Map.of();
        Map<List<MoneyCells.Term>, String> measureOf = new java.util.HashMap<>();
        for (Measure m : dict.all()) {
            if (dict.problems(m.key()).isEmpty()) measureOf.putIfAbsent(MoneyCells.key(dict.terms(m.key()), sources), m.key());
        }
        Map<List<MoneyCells.Term>, List<String>> itemsByMoney = new LinkedHashMap<>();
        // each block listing items whose keys are one prefix and their measure: the prefix, and the money of its items
        List<Map.Entry<String, java.util.Set<List<MoneyCells.Term>>>> listings = new ArrayList<>();
        for (TextOutline.Section s : profile.text().outline().sections()) {
            for (Block b : s.blocks()) {
                List<Item> items = new ArrayList<>(b.items());
                if (b.clauses() != null) items.addAll(b.clauses().items());
                String prefix = null;
                java.util.Set<List<MoneyCells.Term>> money = new java.util.HashSet<>();
                for (Item i : items) {
                    if (i.key().isEmpty() || i.measure().isEmpty() || !dict.problems(i.measure()).isEmpty()) continue;
                    List<MoneyCells.Term> m = MoneyCells.key(dict.terms(i.measure()), sources);
                    money.add(m);
                    List<String> keys = itemsByMoney.computeIfAbsent(m, k -> new ArrayList<>());
                    if (!keys.contains(i.key())) keys.add(i.key());
                    String p = i.key().endsWith("." + i.measure()) ? i.key().substring(0, i.key().length() - i.measure().length()) : "";
                    prefix = prefix == null ? p : prefix.equals(p) ? prefix : "";
                }
                if (prefix != null && !prefix.isEmpty()) listings.add(Map.entry(prefix, money));
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (TableTemplate t : profile.tables().values()) {
            if (t.shape() == null || t.shape().kind() != TableShape.Kind.SUMMARY) continue;
            List<org.openbudget.core.measure.Where> scope = Bindings.scope(t, dict);
            List<MoneyCells.Term> whole = MoneyCells.key(scope, sources);
            Map<String, List<org.openbudget.core.measure.Where>> rows = Bindings.rows(t.incomeRows(), dict);
            Map<LineSpec, List<MoneyCells.Term>> rowMoney = new LinkedHashMap<>();
            for (LineSpec l : t.incomeRows()) {
                List<org.openbudget.core.measure.Where> money = rows.get(l.key());
                if (money == null || l.lastYear() || l.computed()) continue;
                List<MoneyCells.Term> m = MoneyCells.key(Bindings.and(scope, money), sources);
                if (!m.equals(whole)) rowMoney.put(l, m);
            }
            // the block that lists this table's rows: the one with most items among them (two at least)
            String prefix = null;
            long most = 1;
            for (var listing : listings) {
                long n = listing.getValue().stream().filter(rowMoney::containsValue).count();
                if (n > most) { most = n; prefix = listing.getKey(); }
            }
            for (var e : rowMoney.entrySet()) {
                List<String> keys = itemsByMoney.get(e.getValue());
                if (keys == null) {
                    String measure = prefix == null ? null : measureOf.get(e.getValue());
                    keys = measure == null ? List.of() : List.of(prefix + measure);
                }
                LineSpec l = e.getKey();
                for (String key : keys) {
                    List<String> words = out.computeIfAbsent(key, k -> new ArrayList<>());
                    for (String w : l.aliases()) if (!words.contains(w)) words.add(w);
                    if (!words.contains(l.label())) words.add(l.label());
                }
            }
        }
        return freeze(out);
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> out) {
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return frozen;
    }

    private static void add(Map<String, List<String>> out, String key, String words, String measure, MeasureDictionary dict) {
        if (key.isEmpty()) return;
        List<String> list = out.computeIfAbsent(key, k -> new ArrayList<>());
        if (!words.isBlank() && !words.contains("{") && !list.contains(words)) list.add(words);
        List<String> keys = MeasureDictionary.keys(measure);
        if (keys.isEmpty()) return;
        String last = keys.get(keys.size() - 1);
        if (last.equals("total")) return;
        dict.find(last).ifPresent((Measure m) -> {
            if (!list.contains(m.name())) list.add(m.name());
            for (String syn : m.synonyms()) if (!list.contains(syn)) list.add(syn);
        });
    }
}
