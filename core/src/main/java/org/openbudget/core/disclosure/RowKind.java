package org.openbudget.core.disclosure;

/** What a row of a disclosure table is. */
public enum RowKind {
    /** 总计 / 合计 / 收入总计 / 支出总计. */
    TOTAL,
    /** A unit's subtotal row (表7 of a department, 表11). */
    UNIT,
    /** A classification row: 类, 款 or 项 by the length of its code (功能分类 or 经济分类). */
    CLASS,
    /** One project (表7 at 项 level, 表11). */
    PROJECT,
    /** A fixed row of the template (表1/表4 income rows, 表10 rows, 表11 基本支出 rows), keyed by {@link Row#key()}. */
    LINE
}
