package org.openbudget.web.service;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Severity;

/**
 * The administrator's check severities as stored, resolved through the catalogue's aliases. A current id
 * ({@code row-sum}) applies to every finding of its check. An earlier id stored before the checks were
 * renamed — one that named a rule on one table of the Xinjiang template ({@code T3.row-sum}), which the
 * catalogue keeps as an alias ({@link CheckCatalogue#resolve}) — still applies, to its check's findings on
 * that table only, as it did when it was set; on that table it comes before the current id's.
 */
public final class SeverityOverrides {
    /** An earlier id's table: {@code T3.row-sum} → 3 (the form of the catalogue's table aliases). */
    private static final Pattern TABLE_ALIAS = Pattern.compile("T(\\d{1,3})\\..+");

    private final Map<String, Severity> byCheck = new HashMap<>();
    private final Map<String, Map<Integer, Severity>> byCheckAndTable = new HashMap<>();

    private SeverityOverrides() {}

    public static SeverityOverrides of(Map<String, Severity> stored) {
        SeverityOverrides o = new SeverityOverrides();
        Map<String, Severity> viaAlias = new HashMap<>();
        stored.forEach((id, severity) -> {
            String now = CheckCatalogue.resolve(id);
            if (now.equals(id)) {
                o.byCheck.put(id, severity);
                return;
            }
            Matcher m = TABLE_ALIAS.matcher(id);
            if (m.matches()) o.byCheckAndTable.computeIfAbsent(now, k -> new HashMap<>()).put(Integer.valueOf(m.group(1)), severity);
            else viaAlias.put(now, severity);
        });
        // an alias of another form stands for the whole check, unless the current id has its own
        viaAlias.forEach(o.byCheck::putIfAbsent);
        return o;
    }

    public boolean isEmpty() { return byCheck.isEmpty() && byCheckAndTable.isEmpty(); }

    /** The severity set for a finding of this check on this table (null: none set). */
    public Severity of(String checkId, Integer table) {
        Map<Integer, Severity> t = byCheckAndTable.get(checkId);
        if (t != null && table != null && t.containsKey(table)) return t.get(table);
        return byCheck.get(checkId);
    }

}
