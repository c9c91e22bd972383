package org.openbudget.core.profile;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A template profile: what one finance bureau prescribes for one year — labels, row lists,
 * number format, sentences. Data (refdata/profiles/*.yaml), never code.
 *
 * @param totalFirst        总计 row above the classification rows (true) or below them
 * @param thousands         print 4,701.75 (true) or 4701.75
 * @param totalLabel        the label of a table's total row (总计)
 * @param incomeTotalLabel  表1/表4 收入总计
 * @param expenseTotalLabel 表1/表4 支出总计
 * @param text              what the template prescribes about 第三部分's text ({@link TextRules#DEFAULT} when nothing)
 * @param textTemplate      the sentence patterns, lists, formats and glossary the text is written with
 *                          ({@link TextTemplate#NONE} when none)
 */
public record TemplateProfile(String id, String name, int year, boolean totalFirst, boolean thousands,
                              String totalLabel, String incomeTotalLabel, String expenseTotalLabel,
                              Map<Integer, TableTemplate> tables, TextRules text, TextTemplate textTemplate) {
    public TemplateProfile {
        tables = new TreeMap<>(tables);
        text = text == null ? TextRules.DEFAULT : text;
        textTemplate = textTemplate == null ? TextTemplate.NONE : textTemplate;
    }

    /** A profile with text rules but no sentence patterns. */
    public TemplateProfile(String id, String name, int year, boolean totalFirst, boolean thousands,
                           String totalLabel, String incomeTotalLabel, String expenseTotalLabel,
                           Map<Integer, TableTemplate> tables, TextRules text) {
        this(id, name, year, totalFirst, thousands, totalLabel, incomeTotalLabel, expenseTotalLabel, tables, text, TextTemplate.NONE);
    }

    /** A profile without text rules. */
    public TemplateProfile(String id, String name, int year, boolean totalFirst, boolean thousands,
                           String totalLabel, String incomeTotalLabel, String expenseTotalLabel,
                           Map<Integer, TableTemplate> tables) {
        this(id, name, year, totalFirst, thousands, totalLabel, incomeTotalLabel, expenseTotalLabel, tables, TextRules.DEFAULT);
    }

    public TemplateProfile withText(TextRules newText) {
        return new TemplateProfile(id, name, year, totalFirst, thousands, totalLabel, incomeTotalLabel, expenseTotalLabel, tables, newText, textTemplate);
    }

    public TableTemplate table(int no) {
        TableTemplate t = tables.get(no);
        if (t == null) throw new IllegalStateException("profile " + id + " has no table " + no);
        return t;
    }

    public Optional<TableTemplate> findTable(int no) {
        return Optional.ofNullable(tables.get(no));
    }
}
