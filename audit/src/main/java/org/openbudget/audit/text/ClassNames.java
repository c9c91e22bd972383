package org.openbudget.audit.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.MoneyCells;
import org.openbudget.core.profile.TemplateProfile;

/**
 * 类/款/项 a published text names by name (an each_row block's rows, a budgets block's 类 and the 项 its notes name) →
 * their codes: the document's own functional classification tables' rows first (so a document that prints
 * 其他技术与开发支出 still maps to 2060499), then the year's classification (a 项 that fell to zero is not in the tables).
 */
final class ClassNames {
    private final TemplateProfile profile;
    private final ReferenceData ref;
    private final List<DisclosureTable> tables;
    /** The year's functional classification: normalized name → codes (built on first use). */
    private Map<String, List<String>> functionalByName;

    ClassNames(TemplateProfile profile, ReferenceData ref, List<DisclosureTable> tables) {
        this.profile = profile;
        this.ref = ref;
        this.tables = tables;
    }

    /** A 类 (level 1) or a 项 (level 3, within {@code within} 类) by its printed name: the document's tables first, then the year's list. */
    String classCode(String name, int level, String within) {
        String n = TextFactReader.norm(name);
        int len = level == 1 ? 3 : level == 2 ? 5 : 7;
        for (DisclosureTable t : tables) {
            for (Row r : t.rows()) {
                if (r.kind() != RowKind.CLASS || r.code().length() != len || r.side() == Side.INCOME) continue;
                if (within != null && !r.code().startsWith(within)) continue;
                if (TextFactReader.norm(r.name()).equals(n)) return r.code();
            }
        }
        for (String code : functionalByName().getOrDefault(n, List.of())) {
            if (code.length() != len || within != null && !code.startsWith(within)) continue;
            return code;
        }
        return null;
    }

    /** A 项 named by its 类, 款 and 项 names: the document's functional classification tables first, then the year's list. */
    String itemCode(String cls, String kuan, String xiang) {
        String c = classCode(cls, 1, null);
        if (c == null) return null;
        String nx = TextFactReader.norm(xiang), nk = TextFactReader.norm(kuan);
        // the document's own rows, then the year's list: a 项 of that name (under a 款 of that name, preferably)
        Map<String, String> names = new LinkedHashMap<>();
        for (DisclosureTable t : tables) {
            if (!functional(profile, t)) continue;
            for (Row r : t.rows()) if (r.kind() == RowKind.CLASS && r.code().startsWith(c)) names.putIfAbsent(r.code(), r.name());
        }
        for (String code : functionalByName().getOrDefault(nx, List.of())) {
            if (code.length() == 7 && code.startsWith(c)) names.putIfAbsent(code, ref.functional().nameOrCode(code));
        }
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getKey().length() == 7 && TextFactReader.norm(e.getValue()).equals(nx)) candidates.add(e.getKey());
        }
        for (String code : candidates) {
            String k = code.substring(0, 5);
            String kn = names.containsKey(k) ? names.get(k) : ref.functional().nameOrCode(k);
            if (TextFactReader.norm(kn).equals(nk)) return code;
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** Whether a table is a classification table of the functional classification under this profile (by its template's shape). */
    static boolean functional(TemplateProfile profile, DisclosureTable t) {
        return MoneyCells.template(profile, t).map(tpl -> tpl.shape() != null
                && tpl.shape().kind() == org.openbudget.core.profile.TableShape.Kind.CLASSIFICATION
                && !tpl.shape().economic()).orElse(false);
    }

    private Map<String, List<String>> functionalByName() {
        if (functionalByName == null) {
            // the year's list, normalised once per list (the library keeps one list per year): the last one is kept
            NamesOf last = lastNames;
            if (last != null && last.list() == ref.functional()) {
                functionalByName = last.byName();
            } else {
                Map<String, List<String>> m = new java.util.HashMap<>();
                for (ClassItem c : ref.functional().items()) m.computeIfAbsent(TextFactReader.norm(c.name()), k -> new ArrayList<>()).add(c.code());
                functionalByName = java.util.Collections.unmodifiableMap(m);
                lastNames = new NamesOf(ref.functional(), functionalByName);
            }
        }
        return functionalByName;
    }

    private record NamesOf(Object list, Map<String, List<String>> byName) {}

    private static volatile NamesOf lastNames;
}
