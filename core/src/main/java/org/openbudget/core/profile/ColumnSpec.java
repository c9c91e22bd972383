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
 */
public record ColumnSpec(String label, List<String> sources, List<String> eco, String measure, String group, String header) {
    public ColumnSpec(String label, List<String> sources, List<String> eco, String measure, String group) {
        this(label, sources, eco, measure, group, "");
    }

    public ColumnSpec {
        header = header == null || header.isBlank() ? label : header.trim();
        sources = sources == null ? List.of() : List.copyOf(sources);
        eco = eco == null ? List.of() : List.copyOf(eco);
        measure = measure == null ? "" : measure.trim();
        group = group == null ? "" : group.trim();
    }

    public ColumnSpec(String label, List<String> sources, List<String> eco) {
        this(label, sources, eco, "", "");
    }

    /** Does money of this funding source go into this column? ("*" stands for every source.) */
    public boolean feeds(String sourceCode) {
        return sources.contains("*") || sources.contains(sourceCode);
    }
}
