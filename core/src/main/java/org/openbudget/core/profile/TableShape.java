package org.openbudget.core.profile;

import java.util.List;

/**
 * How a table is built from the ledger: one of a handful of generic shapes, with the options a
 * template sets. A profile's table is a shape plus its title, mark, rows and measure-bound columns.
 *
 * @param kind           the shape
 * @param where          the money the whole table shows, as a measure expression ("" = all of it)
 * @param classification {@code functional} or {@code economic} rows (CLASSIFICATION, and a SUMMARY's expense side)
 * @param levels         code lengths printed: 3 类, 5 款, 7 项
 * @param allClasses     print every 类 of the year's classification, blank ones included
 * @param projectRows    a row per project under its 项 (CLASSIFICATION)
 * @param basicRow       a 基本支出 row per unit before its projects (PROJECTS)
 * @param incomeFirstColumn a SUMMARY prints its income rows in the first column only
 */
public record TableShape(Kind kind, String where, String classification, List<Integer> levels,
                         boolean allClasses, boolean projectRows, boolean basicRow, boolean incomeFirstColumn) {

    public enum Kind {
        /** Two sides: income rows (measures) and expense rows (classes or measures), 收入总计 = 支出总计. */
        SUMMARY,
        /** Rows of a classification (类/款/项) × measure columns. */
        CLASSIFICATION,
        /** Fixed rows (measures) × measure columns (the 三公 table). */
        FIXED,
        /** A row per project, grouped by unit, with a 基本支出 row (上年结转结余, 项目支出表). */
        PROJECTS
    }

    public TableShape {
        where = where == null ? "" : where.trim();
        classification = classification == null ? "functional" : classification;
        levels = levels == null || levels.isEmpty() ? List.of(3, 5, 7) : List.copyOf(levels);
    }

    public boolean economic() { return classification.equals("economic"); }

    public static Kind kind(String name) {
        return switch (name) {
            case "summary" -> Kind.SUMMARY;
            case "classification" -> Kind.CLASSIFICATION;
            case "fixed" -> Kind.FIXED;
            case "projects" -> Kind.PROJECTS;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
