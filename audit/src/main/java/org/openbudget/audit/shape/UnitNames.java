package org.openbudget.audit.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;

/**
 * A table of units only (西安 表2 / 表3) as pdftotext -layout prints it: a unit's name wrapped in its cell around its
 * amounts, its code printed among the name's lines ("中共" / "西安市委   255,197,284.29 …" / "201001" / "宣传部"; "西安市委
 * 3,398,717.50 …" / "201002 理论讲师" / "团"). The code is no part of the name (a run of six digits or more between its
 * words is left out), and a line of the name that prints no amount, under a unit's row, is that unit's, not a unit of
 * its own.
 */
final class UnitNames {
    private UnitNames() {}

    /** A unit's code inside its name: six digits or more between (or after) its words. */
    private static final Pattern CODE_INSIDE = Pattern.compile("^(\\D+?)\\s*+\\d{6,}\\s*+(\\D*)$");

    static List<Row> join(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.kind() != RowKind.UNIT) {
                out.add(r);
                continue;
            }
            Row last = out.isEmpty() ? null : out.get(out.size() - 1);
            String name = withoutCode(r.name());
            if (last != null && last.kind() == RowKind.UNIT && r.values().stream().allMatch(Objects::isNull)
                    && last.values().stream().anyMatch(Objects::nonNull)) {
                String joined = last.name() + name;
                out.set(out.size() - 1, new Row(last.side(), last.kind(), last.key(), last.code(), joined, last.project(), joined, last.values(), last.origin()));
                continue;
            }
            out.add(name.equals(r.name()) ? r : new Row(r.side(), r.kind(), r.key(), r.code(), name, r.project(), name, r.values(), r.origin()));
        }
        return out;
    }

    private static String withoutCode(String name) {
        Matcher m = CODE_INSIDE.matcher(name);
        return m.matches() ? m.group(1).trim() + m.group(2).trim() : name;
    }
}
