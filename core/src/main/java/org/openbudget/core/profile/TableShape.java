package org.openbudget.core.profile;

import java.util.List;

/**
 * How a table is built from the ledger: one of a handful of generic shapes, with the options a
 * template sets. A profile's table is a shape plus its title, mark, rows and measure-bound columns.
 *
 * @param kind           the shape
 * @param where          the money the whole table shows, as a measure expression ("" = all of it)
 * @param classification {@code functional} or {@code economic} rows (CLASSIFICATION, and a SUMMARY's expense side)
 * @param levels         code lengths printed: 3 类, 5 款, 7 项 (a SUMMARY's expense side: 类 unless the profile says more)
 * @param allClasses     print every 类 of the year's classification, blank ones included
 * @param projectRows    a row per project under its 项 (CLASSIFICATION)
 * @param basicRow       a 基本支出 row per unit before its projects (PROJECTS)
 * @param incomeFirstColumn a SUMMARY prints its income rows in the first column only
 * @param print          how the table is printed (headings, codes, class numbering): {@link Print}
 * @param incomeClosing  a SUMMARY's income rows (keys) printed at the bottom, each on the line of the
 *                       expense closing row of the same position (本年收入合计 beside 本年支出合计)
 * @param expenseClosing a SUMMARY's closing expense rows, labels: the first is Σ 类 (本年支出合计), the
 *                       others nothing (结转下年: a budget carries nothing forward) — blank, or 0.00 where zeros print
 * @param expenseTotalOf a SUMMARY's closing expense rows (labels, as in {@code expenseClosing}) whose sum is its
 *                       支出总计 (a 决算: 本年支出合计 + 结余分配 + 年末结转和结余); empty: 支出总计 = Σ 类 (a budget)
 */
public record TableShape(Kind kind, String where, String classification, List<Integer> levels,
                         boolean allClasses, boolean projectRows, boolean basicRow, boolean incomeFirstColumn,
                         Print print, List<String> incomeClosing, List<String> expenseClosing, List<String> expenseTotalOf,
                         boolean panels) {

    /**
     * Printing options of a shape, all data (a profile's table sets them; none names a region).
     *
     * @param heading     a heading printed over all the value columns ("支出预算"); "" for none
     * @param stubHeading the header of the row-label column of a FIXED or PROJECTS table ("项目名称"); "" for the shape's default
     * @param sideHeadings the two headings of a SUMMARY's sides ("收入", "支出"; "财政拨款收入", "财政拨款支出")
     * @param classCodes  a SUMMARY's expense side prints each 类's code before its name (206 科学技术支出)
     * @param classNumbers a SUMMARY's expense side numbers the 类 in Chinese ("一、一般公共服务支出")
     * @param codes       how a classification row prints its code: {@link #FULL} (类 款 项 columns, every part
     *                    printed: 204 | 08 | 01, the default), {@link #SPLIT} (类 款 项 columns, each row its own
     *                    part only: a 项 row prints 01 in the 项 column), {@link #JOINED} (one 科目编码 column:
     *                    2040801) or {@link #BRACKETED} (no code column, the code before the name: [2040801]行政运行)
     * @param codeHeading the header over the code column(s) ("" for the shape's: 功能分类科目编码 …)
     * @param nameHeading the header of the name column ("" for the shape's: 功能分类科目名称 …)
     * @param format      the amount unit and decimals of this table when they differ from the document's
     *                    (上海 "三公" table in 万元 among tables in 元); null: the profile's
     */
    public record Print(String heading, String stubHeading, List<String> sideHeadings, boolean classCodes, boolean classNumbers,
                        String codes, String codeHeading, String nameHeading, org.openbudget.core.money.AmountFormat format) {
        public static final String SPLIT = "split";
        public static final String FULL = "full";
        public static final String JOINED = "joined";
        public static final String BRACKETED = "bracketed";
        public static final List<String> CODES = List.of(SPLIT, FULL, JOINED, BRACKETED);
        public static final Print DEFAULT = new Print("", "", List.of(), true, false);

        public Print(String heading, String stubHeading, List<String> sideHeadings, boolean classCodes, boolean classNumbers) {
            this(heading, stubHeading, sideHeadings, classCodes, classNumbers, FULL, "", "", null);
        }

        public Print {
            heading = heading == null ? "" : heading.trim();
            stubHeading = stubHeading == null ? "" : stubHeading.trim();
            sideHeadings = sideHeadings == null ? List.of() : List.copyOf(sideHeadings);
            codes = codes == null || codes.isBlank() ? FULL : codes.trim();
            codeHeading = codeHeading == null ? "" : codeHeading.trim();
            nameHeading = nameHeading == null ? "" : nameHeading.trim();
        }
    }

    public TableShape(Kind kind, String where, String classification, List<Integer> levels,
                      boolean allClasses, boolean projectRows, boolean basicRow, boolean incomeFirstColumn) {
        this(kind, where, classification, levels, allClasses, projectRows, basicRow, incomeFirstColumn, Print.DEFAULT, List.of(), List.of(), List.of(), false);
    }

    public TableShape(Kind kind, String where, String classification, List<Integer> levels,
                      boolean allClasses, boolean projectRows, boolean basicRow, boolean incomeFirstColumn,
                      Print print, List<String> incomeClosing, List<String> expenseClosing) {
        this(kind, where, classification, levels, allClasses, projectRows, basicRow, incomeFirstColumn, print, incomeClosing, expenseClosing, List.of(), false);
    }

    /**
     * The row key of a closing expense row by its label ("expense.current" for the first, "expense.closing.N"
     * for the others, as the derivation and the reader key them), or null when the shape has no such row.
     */
    public String closingKey(String label) {
        for (int i = 0; i < expenseClosing.size(); i++) {
            if (expenseClosing.get(i).equals(label)) return closingKey(i);
        }
        return null;
    }

    public static String closingKey(int index) {
        return index == 0 ? "expense.current" : "expense.closing." + index;
    }

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
        print = print == null ? Print.DEFAULT : print;
        incomeClosing = incomeClosing == null ? List.of() : List.copyOf(incomeClosing);
        expenseClosing = expenseClosing == null ? List.of() : List.copyOf(expenseClosing);
        expenseTotalOf = expenseTotalOf == null ? List.of() : List.copyOf(expenseTotalOf);
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
