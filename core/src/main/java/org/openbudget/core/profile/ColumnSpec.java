package org.openbudget.core.profile;

import java.util.List;

/**
 * A value column of a table. {@code sources} (funding-source codes) for a column that is a sum of
 * sources (表2, 表4, 表10); {@code eco} (经济分类 类 codes) for a column that is a sum of economic
 * classes (表7); both empty for columns whose meaning the table itself fixes (合计, 基本支出 …).
 * {@code measure} binds the column to a measure expression of the dictionary (refdata/measures.yaml),
 * the way a shaped table names every column; {@code group} is the header the column is printed under
 * ("财政拨款（补助）", or "财政拨款/基本支出" for two levels); {@code header} what the header prints for the
 * column when it differs from the label that names it (a leaf under a group: label 财政拨款人员经费, header 人员经费).
 *
 * @param period {@link #CURRENT} (the document's year) or {@link #LAST_YEAR}: the measure over last year's
 *               ledger (上年预算数), when the dataset names last year's dataset; blank when it does not
 * @param calc   {@link #CHANGE} (增减额: the first column of {@code of} less the second) or {@link #RATE}
 *               (增减%: that change as a percentage of the second), computed from two other columns of
 *               the row; "" for a column of a measure
 * @param of     the two columns a computed column compares, by label as the profile writes them
 */
public record ColumnSpec(String label, List<String> sources, List<String> eco, String measure, String group, String header,
                         String period, String calc, List<String> of) {
    public static final String CURRENT = "";
    public static final String LAST_YEAR = "last_year";
    public static final String CHANGE = "change";
    public static final String RATE = "rate";

    public ColumnSpec(String label, List<String> sources, List<String> eco, String measure, String group, String header) {
        this(label, sources, eco, measure, group, header, CURRENT, "", List.of());
    }

    public ColumnSpec(String label, List<String> sources, List<String> eco, String measure, String group) {
        this(label, sources, eco, measure, group, "");
    }

    public ColumnSpec {
        header = header == null || header.isBlank() ? label : header.trim();
        sources = sources == null ? List.of() : List.copyOf(sources);
        eco = eco == null ? List.of() : List.copyOf(eco);
        measure = measure == null ? "" : measure.trim();
        group = group == null ? "" : group.trim();
        period = period == null || period.isBlank() || period.equals("current") ? CURRENT : period.trim();
        calc = calc == null ? "" : calc.trim();
        of = of == null ? List.of() : List.copyOf(of);
    }

    public ColumnSpec(String label, List<String> sources, List<String> eco) {
        this(label, sources, eco, "", "");
    }

    /** Does money of this funding source go into this column? ("*" stands for every source.) */
    public boolean feeds(String sourceCode) {
        return sources.contains("*") || sources.contains(sourceCode);
    }

    /** A column of last year's money (上年预算数). */
    public boolean lastYear() { return period.equals(LAST_YEAR); }

    /** A column computed from two others of its row (增减额, 增减%), not from the ledger. */
    public boolean computed() { return !calc.isEmpty(); }

    /** A percentage (增减%): printed as such, never summed. */
    public boolean rate() { return calc.equals(RATE); }

    /** The same column of this year's money (a sub-table of this year's columns is derived with it). */
    public ColumnSpec thisYear() {
        return new ColumnSpec(label, sources, eco, measure, group, header, CURRENT, calc, of);
    }
}
