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
 * The words a document may print for each fact key, as the reader of published text and the text checks
 * need them: the profile's {@code text_rules.subjects} (words the template adds), then what the outline
 * itself says — each stated amount's subject and each item's label — and the name and synonyms of the
 * measure it states (the last key of its expression: {@code fiscal & tpe.abroad} → 因公出国（境）费,
 * 因公出国（境）费用 …; never those of {@code total}, which names every table's first column).
 */
public final class TextSubjects {
    private TextSubjects() {}

    public static Map<String, List<String>> of(TemplateProfile profile) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        profile.rules().subjects().forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        MeasureDictionary dict = profile.measures();
        for (TextOutline.Section s : profile.text().outline().sections()) {
            for (Block b : s.blocks()) {
                for (Stated a : b.amounts()) add(out, a.key(), a.subject(), a.measure(), dict);
                List<Item> items = new ArrayList<>(b.items());
                if (b.clauses() != null) items.addAll(b.clauses().items());
                for (Item i : items) add(out, i.key(), i.label(), i.measure(), dict);
            }
        }
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
