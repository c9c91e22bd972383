package org.openbudget.core.disclosure;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One of the eleven tables as a grid: value columns and rows. An empty table carries the
 * template's sentence ("…政府性基金预算支出情况表为空表。") and no rows. {@code no} is the table's place in
 * its profile (1-based), {@code id} its name there, {@code mark} what the document prints before its
 * title (表1, 公开表1, or "" for a table numbered only in the 目录).
 */
public record DisclosureTable(int no, String title, List<String> columns, List<Row> rows,
                              boolean empty, String emptyNote, String id, String mark) {
    public DisclosureTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        id = id == null || id.isBlank() ? String.valueOf(no) : id;
        mark = mark == null ? "表" + no : mark;
    }

    /** A table known by its number only (表N). */
    public DisclosureTable(int no, String title, List<String> columns, List<Row> rows, boolean empty, String emptyNote) {
        this(no, title, columns, rows, empty, emptyNote, null, null);
    }

    public int columnIndex(String label) {
        return columns.indexOf(label);
    }

    public Optional<Row> find(Predicate<Row> p) {
        return rows.stream().filter(p).findFirst();
    }

    public List<Row> rows(Predicate<Row> p) {
        return rows.stream().filter(p).toList();
    }

    /** The total row of a side (or of the table when side is null). */
    public Optional<Row> total(Side side) {
        return find(r -> r.kind() == RowKind.TOTAL && r.side() == side);
    }

    public Optional<Row> line(String key) {
        return find(r -> r.kind() == RowKind.LINE && r.key().equals(key));
    }

    /** Classification row by code, outside any unit (for a department: the first one). */
    public Optional<Row> classRow(Side side, String code) {
        return find(r -> r.kind() == RowKind.CLASS && r.side() == side && r.code().equals(code));
    }
}
