package org.openbudget.audit.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.money.Amounts;

/** Test support: every difference between a Disclosure read from a document and the one derived. */
public final class Tables {
    private Tables() {}

    /** Differences, cell by cell, of {@code parsed} against {@code derived} as printed; names in {@code slips} are accepted. */
    public static List<String> differences(Disclosure parsed, Disclosure derived, Set<String> slips) {
        return differences(parsed, derived, slips, false);
    }

    /** A space between Chinese and Latin text ("特定目标 0310016Y") that a name wrapped in a PDF cell cannot keep. */
    public static String mixed(String s) {
        return s.replaceAll("(?<=[\\p{IsHan}）])\\s+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])\\s+(?=[\\p{IsHan}（])", "");
    }

    /** As above; {@code pdf}: names compared without spaces between Chinese and Latin text. */
    public static List<String> differences(Disclosure parsed, Disclosure derived, Set<String> slips, boolean pdf) {
        java.util.function.UnaryOperator<String> n = pdf ? Tables::mixed : x -> x;
        List<String> differences = new ArrayList<>();
        if (!parsed.unitName().equals(derived.unitName())) differences.add("unit " + parsed.unitName() + " ≠ " + derived.unitName());
        if (parsed.kind() != derived.kind()) differences.add("kind " + parsed.kind());
        if (parsed.year() != derived.year()) differences.add("year " + parsed.year());
        for (DisclosureTable d : derived.tables()) {
            DisclosureTable p = parsed.table(d.no()).orElse(null);
            if (p == null) {
                differences.add("表" + d.no() + " missing");
                continue;
            }
            if (p.empty() != d.empty()) differences.add("表" + d.no() + " empty " + p.empty());
            if (!java.util.Objects.equals(p.emptyNote(), d.emptyNote())) differences.add("表" + d.no() + " note " + p.emptyNote());
            if (!p.columns().equals(d.columns())) differences.add("表" + d.no() + " columns " + p.columns());
            if (p.rows().size() != d.rows().size()) {
                differences.add("表" + d.no() + " rows " + p.rows().size() + " ≠ " + d.rows().size());
                continue;
            }
            for (int i = 0; i < d.rows().size(); i++) {
                Row a = p.rows().get(i), b = d.rows().get(i);
                String at = "表" + d.no() + " row " + (i + 1) + " " + b.code() + " " + b.name() + " " + b.project();
                if (a.side() != b.side() || a.kind() != b.kind() || !a.key().equals(b.key()) || !a.code().equals(b.code())
                        || !a.unit().equals(b.unit())) {
                    differences.add(at + ": " + a + " vs " + b);
                }
                if (!n.apply(a.name()).equals(n.apply(b.name())) && !slips.contains(a.name())) differences.add(at + " name " + a.name() + " ≠ " + b.name());
                if (!n.apply(a.project()).equals(n.apply(b.project())) && !slips.contains(a.project())) differences.add(at + " project " + a.project() + " ≠ " + b.project());
                for (int c = 0; c < d.columns().size(); c++) {
                    BigDecimal x = Amounts.printed(a.value(c)), y = Amounts.printed(b.value(c));
                    boolean same = x == null ? y == null : y != null && x.compareTo(y) == 0;
                    if (!same) differences.add(at + " [" + d.columns().get(c) + "] " + x + " ≠ " + y);
                }
            }
        }
        return differences;
    }

    /** One line per printed row, the form of examples/NAME/expected-tables.tsv. */
    public static List<String> tsv(Disclosure d) {
        List<String> out = new ArrayList<>();
        for (DisclosureTable t : d.tables()) {
            if (t.empty()) {
                out.add(t.no() + "\tempty\t\t" + t.emptyNote() + "\t");
                continue;
            }
            for (Row r : t.rows()) {
                StringBuilder b = new StringBuilder();
                b.append(t.no()).append('\t').append(r.side() == null ? "" : r.side().json()).append('\t').append(r.code()).append('\t')
                        .append(t.no() == 11 && r.kind() == org.openbudget.core.disclosure.RowKind.PROJECT ? "" : r.name()).append('\t').append(r.project());
                for (int c = 0; c < t.columns().size(); c++) {
                    b.append('\t');
                    if (r.value(c) != null) b.append(Amounts.plain(r.value(c)));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
