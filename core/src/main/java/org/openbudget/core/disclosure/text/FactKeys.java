package org.openbudget.core.disclosure.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Earlier names of text-fact keys, kept so that what was stored under them still resolves: a dataset's
 * last-year amounts and reasons, a profile's outline, a fact of a stored report. The keys say what money
 * or which table they are of by measure (docs/text-facts.md), never by a template's table number: the
 * empty-table sentences were keyed by the Xinjiang table's number (table8.empty) or the national table's
 * id (gfb_expense.empty), and are now by the measure of the table's money (gfb.empty).
 */
public final class FactKeys {
    private FactKeys() {}

    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        ALIASES.put("table8.empty", "gfb.empty");
        ALIASES.put("table9.empty", "soc.empty");
        ALIASES.put("table11.empty", "carry.empty");
        ALIASES.put("gfb_expense.empty", "gfb.empty");
        ALIASES.put("soc_expense.empty", "soc.empty");
        ALIASES.put("three_public.empty", "tpe.empty");
    }

    /** The key a (possibly earlier) key stands for now: itself when it has no other name. */
    public static String canonical(String key) {
        if (key == null) return null;
        String now = ALIASES.get(key);
        return now == null ? key : now;
    }

    /** Earlier name → the key it stands for now. */
    public static Map<String, String> aliases() {
        return java.util.Collections.unmodifiableMap(ALIASES);
    }

    /** A map whose keys are fact keys, with earlier names replaced by the current ones (a current name wins over an earlier one). */
    public static <V> Map<String, V> canonicalKeys(Map<String, V> in) {
        Map<String, V> out = new LinkedHashMap<>();
        for (Map.Entry<String, V> e : in.entrySet()) {
            String k = canonical(e.getKey());
            if (k.equals(e.getKey()) || !in.containsKey(k)) out.put(k, e.getValue());
        }
        return out;
    }
}
