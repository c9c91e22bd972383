package org.openbudget.core.profile;

import java.util.List;

/**
 * A check between two of a template's tables, as the profile declares it ({@code checks: between:}):
 * the same money printed in two tables must agree. The kinds of agreement are generic
 * ({@code core/check/CrossChecks}); which tables, rows and columns they compare is the profile's data.
 *
 * @param id       the check's id in reports (stable; e.g. {@code X.T2-T5.row})
 * @param severity error, warning or notice
 * @param rule     the rule's wording in the catalogue
 * @param parts    what is compared, each part one kind of agreement
 */
public record CrossCheck(String id, String severity, String rule, List<Part> parts) {
    public CrossCheck {
        severity = severity == null || severity.isBlank() ? "error" : severity;
        rule = rule == null ? "" : rule;
        parts = List.copyOf(parts);
    }

    /** The kinds of agreement between two tables. */
    public enum Kind {
        /** Each 类 of a's (expense side's) class rows = b's 类 row (several rows of a code summed); found on a. */
        CLASSES("classes"),
        /** Every classification row (类/款/项) of a, its columns summed = b's column of the same code; found on b. */
        ROWS("rows"),
        /** Each income row of a = b's total row in the column(s) holding exactly that row's funding sources; found on a. */
        INCOME_ROWS("income-rows"),
        /** One cell of a (total or the line of a key) = one cell of b; found on a. */
        CELLS("cells"),
        /** Each fixed row of a with 经济分类 codes ≥ b's class rows of those codes (= when c has no project money there); found on a. */
        ECONOMIC_CEILING("economic-ceiling"),
        /** One cell of a = the sum of the cells listed under {@code of} (any tables, rows, columns); found on a. */
        SUM("sum"),
        /** One cell of a ≤ one cell of b (a part never exceeds its whole); found on a. */
        CEILING("ceiling");

        private final String key;

        Kind(String key) { this.key = key; }

        public String key() { return key; }

        public static Kind of(String key) {
            for (Kind k : values()) if (k.key.equals(key)) return k;
            return null;
        }

        public static List<String> keys() {
            return java.util.Arrays.stream(values()).map(Kind::key).toList();
        }
    }

    /**
     * One agreement.
     *
     * @param exact        {@link Kind#INCOME_ROWS}: only rows with one column of exactly their sources, compared
     *                     one to one (otherwise the columns that together make up the sources, summed)
     * @param incomeTotal  {@link Kind#INCOME_ROWS}: a's income total = b's total in its first column, too
     * @param of           {@link Kind#SUM}: the cells whose sum a is
     */
    public record Part(Kind kind, Ref a, Ref b, Ref c, boolean exact, boolean incomeTotal, List<Ref> of) {
        public Part {
            of = of == null ? List.of() : List.copyOf(of);
        }

        public Part(Kind kind, Ref a, Ref b, Ref c, boolean exact, boolean incomeTotal) {
            this(kind, a, b, c, exact, incomeTotal, List.of());
        }
    }

    /**
     * Cells of a table: the table's id in the profile, the row ({@code total}, {@code income.total} or
     * {@code expense.total} of a two-sided table, an income or fixed row's key, or an expense closing row's label; blank
     * where the kind goes over rows), and the columns — 1-based numbers, or the funding sources they must
     * hold together ({@code sources:}), as the template's columns define them.
     */
    public record Ref(String table, String row, List<Integer> columns, List<String> sources) {
        public Ref {
            row = row == null ? "" : row;
            columns = columns == null ? List.of() : List.copyOf(columns);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }
}
