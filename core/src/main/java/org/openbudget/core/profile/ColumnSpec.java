package org.openbudget.core.profile;

import java.util.List;

/**
 * A value column of a table. {@code sources} (funding-source codes) for a column that is a sum of
 * sources (表2, 表4, 表10); {@code eco} (经济分类 类 codes) for a column that is a sum of economic
 * classes (表7); both empty for columns whose meaning the table itself fixes (合计, 基本支出 …).
 */
public record ColumnSpec(String label, List<String> sources, List<String> eco) {
    public ColumnSpec {
        sources = sources == null ? List.of() : List.copyOf(sources);
        eco = eco == null ? List.of() : List.copyOf(eco);
    }

    /** Does money of this funding source go into this column? ("*" stands for every source.) */
    public boolean feeds(String sourceCode) {
        return sources.contains("*") || sources.contains(sourceCode);
    }
}
