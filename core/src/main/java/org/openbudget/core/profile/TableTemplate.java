package org.openbudget.core.profile;

import java.util.List;

/**
 * The template of one table: title (with {kind} for 单位/部门), value columns, fixed rows, the
 * sentence printed when it is empty ({unit}, {year}), the arithmetic its rows obey
 * ({@code equations}: column numbers, 1-based, e.g. "1 = 2+9+10+11+12"), and whether unit
 * subtotal rows are printed ({@code unitRows}: never | department | always | only — only: a row per unit
 * and nothing under it), and for 表1/表4 which
 * income rows make up 收入总计 ({@code incomeTotalOf}). {@code id} names the table in its profile
 * (stable across years), {@code mark} is what the document prints before its title (表1, 公开表1, or
 * nothing), and {@code shape} how it is derived from the ledger (null for a table read from a document).
 */
public record TableTemplate(int no, String title, List<ColumnSpec> columns, List<LineSpec> incomeRows,
                            List<LineSpec> rows, String emptyNote, List<String> equations, String unitRows,
                            List<String> aliases, List<String> incomeTotalOf,
                            String id, String mark, TableShape shape) {
    /** A table without a shape (a profile of the first format, or a table read from a document). */
    public TableTemplate(int no, String title, List<ColumnSpec> columns, List<LineSpec> incomeRows,
                         List<LineSpec> rows, String emptyNote, List<String> equations, String unitRows,
                         List<String> aliases, List<String> incomeTotalOf) {
        this(no, title, columns, incomeRows, rows, emptyNote, equations, unitRows, aliases, incomeTotalOf,
                String.valueOf(no), "表" + no, null);
    }

    public TableTemplate {
        id = id == null || id.isBlank() ? String.valueOf(no) : id;
        mark = mark == null ? "" : mark;
        columns = columns == null ? List.of() : List.copyOf(columns);
        incomeRows = incomeRows == null ? List.of() : List.copyOf(incomeRows);
        rows = rows == null ? List.of() : List.copyOf(rows);
        equations = equations == null ? List.of() : List.copyOf(equations);
        unitRows = unitRows == null ? "never" : unitRows;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        incomeTotalOf = incomeTotalOf == null ? List.of() : List.copyOf(incomeTotalOf);
    }

    public List<String> columnLabels() {
        return columns.stream().map(ColumnSpec::label).toList();
    }

    /** Some column is last year's (上年预算数) or computed from two others (增减额, 增减%). */
    public boolean yearColumns() {
        for (ColumnSpec c : columns) if (c.lastYear() || c.computed()) return true;
        return false;
    }

    /** The place (0-based) of the column a computed column names in {@code of:}: by its label as written, else -1. */
    public int columnRef(String label) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).label().equals(label)) return i;
        return -1;
    }

    /** This table with other columns and id (a part of it derived on its own), no equations. */
    public TableTemplate withColumns(String newId, List<ColumnSpec> newColumns) {
        return new TableTemplate(no, title, newColumns, incomeRows, rows, emptyNote, List.of(), unitRows, aliases, incomeTotalOf,
                newId, mark, shape);
    }

    public String title(String kindLabel) {
        return title.replace("{kind}", kindLabel);
    }

    public String emptyNote(String unit, int year) {
        return emptyNote == null ? null : emptyNote.replace("{unit}", unit).replace("{year}", String.valueOf(year));
    }

    public boolean unitRowsFor(boolean department) {
        return unitRows.equals("always") || (department && (unitRows.equals("department") || unitRows.equals("only")));
    }

    /**
     * {@code unit_rows: only}: the rows are the units themselves (收入总表 by 预算单位), no classification rows;
     * a single unit's document prints the total row alone.
     */
    public boolean unitsOnly() {
        return unitRows.equals("only");
    }
}
