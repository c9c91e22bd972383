package org.openbudget.render.layout;

import java.util.List;

import org.openbudget.core.disclosure.text.PerformanceTable;

/** One block of the document in reading order; HTML, PDF and DOCX print the same blocks. */
public sealed interface Block {
    /** The cover: the unit's name and "2024年单位预算公开". */
    record Cover(String unit, String title) implements Block {}

    /** 目 录: entries pointing at heading ids. */
    record Toc(String heading, List<TocEntry> entries) implements Block {}

    record TocEntry(int level, String text, String target) {}

    /**
     * A heading: level 1 a 部分 (starts a page), 2 a numbered section (一、主要职能), 3 a sub-heading
     * (（一）一般公共预算当年拨款规模变化情况).
     */
    record Heading(int level, String text, String id) implements Block {}

    /** A paragraph; {@code lead} is printed bold before the text (a glossary term). */
    record Para(String lead, String text, boolean right) implements Block {
        public static Para of(String text) { return new Para("", text, false); }
    }

    /**
     * One of the tables with its caption lines: mark (表N), title, the unit line ({@code preparedBy}:
     * 编制单位：…, 部门名称：…) and the amount unit ({@code unitLine}: 单位：万元, 单位：元) as the profile says.
     */
    record Table(TableView table, String preparedBy, String id, String unitLine) implements Block {
        public Table(TableView table, String preparedBy, String id) {
            this(table, preparedBy, id, "单位：万元");
        }
    }

    /** A 绩效目标表 with its title and year line. */
    record Performance(PerformanceTable table, String title, String yearLine) implements Block {}
}
