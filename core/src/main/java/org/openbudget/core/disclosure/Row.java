package org.openbudget.core.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of a disclosure table. Values are 万元, exact when derived from a ledger (245.5345) and as
 * printed when read from a published document (245.53); null is a blank cell.
 *
 * @param key     the template's key of a LINE row (e.g. {@code income.gpb.local}); for other rows "".
 * @param code    digits only ("2060499", "30101"); "" for totals, unit rows and LINE rows.
 * @param project the project name of a PROJECT row, else "".
 * @param unit    the unit a row belongs to in a department's 表7/表11 (its name), else "".
 * @param origin  where the row was read from in a published document (page, line, boxes); null for a
 *                row derived from a ledger. Not part of the row's value: two rows that say the same are
 *                equal wherever they were printed.
 */
public record Row(Side side, RowKind kind, String key, String code, String name, String project, String unit,
                  List<BigDecimal> values, Origin origin) {

    /** A row with no origin (derived, or built in a test). */
    public Row(Side side, RowKind kind, String key, String code, String name, String project, String unit, List<BigDecimal> values) {
        this(side, kind, key, code, name, project, unit, values, null);
    }

    public Row {
        key = key == null ? "" : key;
        code = code == null ? "" : code;
        name = name == null ? "" : name;
        project = project == null ? "" : project;
        unit = unit == null ? "" : unit;
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public BigDecimal value(int column) {
        return column < values.size() ? values.get(column) : null;
    }

    /** Classification level: 1 类, 2 款, 3 项 (0 when not a classification row). */
    public int level() {
        if (kind != RowKind.CLASS && kind != RowKind.PROJECT) return 0;
        return switch (code.length()) {
            case 3 -> 1;
            case 5 -> 2;
            case 7 -> 3;
            default -> 0;
        };
    }

    public Row withValues(List<BigDecimal> newValues) {
        return new Row(side, kind, key, code, name, project, unit, newValues, origin);
    }

    public Row withName(String newName) {
        return new Row(side, kind, key, code, newName, project, unit, values, origin);
    }

    public Row withProject(String newProject) {
        return new Row(side, kind, key, code, name, newProject, unit, values, origin);
    }

    public Row withCode(String newCode) {
        return new Row(side, kind, key, newCode, name, project, unit, values, origin);
    }

    /** The same row, read from {@code where}. */
    public Row withOrigin(Origin where) {
        return new Row(side, kind, key, code, name, project, unit, values, where);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        return o instanceof Row r && side == r.side && kind == r.kind && key.equals(r.key) && code.equals(r.code)
                && name.equals(r.name) && project.equals(r.project) && unit.equals(r.unit) && values.equals(r.values);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(side, kind, key, code, name, project, unit, values);
    }

    /** A short human location: "206 04 99 其他技术研究与开发支出 · 信息化运维项目". */
    public String label() {
        StringBuilder b = new StringBuilder();
        if (!code.isEmpty()) b.append(code).append(' ');
        b.append(name);
        if (!project.isEmpty() && !project.equals(name)) b.append(" · ").append(project);
        return b.toString().trim();
    }
}
