package org.openbudget.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;

/** Breaks a good Disclosure in exactly one place. Every row predicate must match exactly one row. */
final class Mutate {
    private Mutate() {}

    // ---- row predicates ----

    static Predicate<Row> code(String code) {
        return r -> (r.kind() == RowKind.CLASS || r.kind() == RowKind.PROJECT) && r.code().equals(code) && r.side() != Side.INCOME;
    }

    static Predicate<Row> code(String code, String project) {
        return code(code).and(r -> r.project().equals(project));
    }

    static Predicate<Row> total() {
        return r -> r.kind() == RowKind.TOTAL && r.side() == null;
    }

    static Predicate<Row> total(Side side) {
        return r -> r.kind() == RowKind.TOTAL && r.side() == side;
    }

    static Predicate<Row> line(String key) {
        return r -> r.kind() == RowKind.LINE && r.key().equals(key);
    }

    static Predicate<Row> unit(String name) {
        return r -> r.kind() == RowKind.UNIT && r.name().equals(name);
    }

    static Predicate<Row> project(String name) {
        return r -> r.kind() == RowKind.PROJECT && r.project().equals(name);
    }

    // ---- mutations ----

    /** One cell of the one row matching {@code which}, column by label; value null blanks it. */
    static Disclosure cell(Disclosure d, int table, Predicate<Row> which, String column, String value) {
        return table(d, table, t -> {
            int c = t.columnIndex(column);
            if (c < 0) throw new IllegalArgumentException("表" + table + " has no column " + column + ": " + t.columns());
            return row(t, which, r -> {
                List<BigDecimal> v = new ArrayList<>(r.values());
                while (v.size() <= c) v.add(null);
                v.set(c, value == null ? null : new BigDecimal(value));
                return r.withValues(v);
            });
        });
    }

    static Disclosure rename(Disclosure d, int table, Predicate<Row> which, String name) {
        return table(d, table, t -> row(t, which, r -> r.withName(name)));
    }

    static Disclosure recode(Disclosure d, int table, Predicate<Row> which, String code) {
        return table(d, table, t -> row(t, which, r -> r.withCode(code)));
    }

    static Disclosure removeRow(Disclosure d, int table, Predicate<Row> which) {
        return table(d, table, t -> {
            one(t, which);
            return withRows(t, t.rows().stream().filter(which.negate()).toList());
        });
    }

    static Disclosure removeTable(Disclosure d, int table) {
        if (d.table(table).isEmpty()) throw new IllegalArgumentException("no 表" + table);
        return d.withTables(d.tables().stream().filter(t -> t.no() != table).toList());
    }

    /** The table's rows removed and it marked empty; note as given (null: without its sentence). */
    static Disclosure emptyTable(Disclosure d, int table, String note) {
        return table(d, table, t -> new DisclosureTable(t.no(), t.title(), t.columns(), List.of(), true, note, t.id(), t.mark()));
    }

    static Disclosure emptyNote(Disclosure d, int table, String note) {
        return table(d, table, t -> new DisclosureTable(t.no(), t.title(), t.columns(), t.rows(), t.empty(), note, t.id(), t.mark()));
    }

    /** An empty table given the rows (and the emptiness flag) of the same table of another Disclosure. */
    static Disclosure rowsFrom(Disclosure d, int table, Disclosure donor) {
        DisclosureTable rows = donor.table(table).orElseThrow();
        return table(d, table, t -> new DisclosureTable(t.no(), t.title(), t.columns(), rows.rows(), false, t.emptyNote(), t.id(), t.mark()));
    }

    static Disclosure table(Disclosure d, int table, UnaryOperator<DisclosureTable> f) {
        List<DisclosureTable> out = new ArrayList<>();
        boolean found = false;
        for (DisclosureTable t : d.tables()) {
            if (t.no() == table) {
                out.add(f.apply(t));
                found = true;
            } else {
                out.add(t);
            }
        }
        if (!found) throw new IllegalArgumentException("no 表" + table);
        return d.withTables(out);
    }

    private static DisclosureTable row(DisclosureTable t, Predicate<Row> which, UnaryOperator<Row> f) {
        Row target = one(t, which);
        List<Row> rows = new ArrayList<>();
        for (Row r : t.rows()) rows.add(r == target ? f.apply(r) : r);
        return withRows(t, rows);
    }

    private static Row one(DisclosureTable t, Predicate<Row> which) {
        List<Row> matches = t.rows(which);
        if (matches.size() != 1) throw new IllegalArgumentException("表" + t.no() + ": " + matches.size() + " rows match, expected exactly one");
        return matches.get(0);
    }

    private static DisclosureTable withRows(DisclosureTable t, List<Row> rows) {
        return new DisclosureTable(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote(), t.id(), t.mark());
    }
}
