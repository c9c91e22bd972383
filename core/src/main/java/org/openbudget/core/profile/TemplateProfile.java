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
 * @param text              the sentence patterns, lists, formats and glossary the generator writes with ({@link TextTemplate#NONE} when none)
 * @param rules             what the template prescribes that the text checks and the reader of published text use:
 *                          the words printed for each fact key, the 运行经费 terms, the performance weight total
 *                          ({@link TextRules#DEFAULT} when nothing)
 */
public record TemplateProfile(String id, String name, int year, boolean totalFirst, boolean thousands,
                              String totalLabel, String incomeTotalLabel, String expenseTotalLabel,
                              Map<Integer, TableTemplate> tables, TextTemplate text, TextRules rules) {
    public TemplateProfile {
        tables = new TreeMap<>(tables);
        text = text == null ? TextTemplate.NONE : text;
        rules = rules == null ? TextRules.DEFAULT : rules;
    }

    /** A profile of tables only. */
    public TemplateProfile(String id, String name, int year, boolean totalFirst, boolean thousands,
                           String totalLabel, String incomeTotalLabel, String expenseTotalLabel,
                           Map<Integer, TableTemplate> tables) {
        this(id, name, year, totalFirst, thousands, totalLabel, incomeTotalLabel, expenseTotalLabel, tables, TextTemplate.NONE, TextRules.DEFAULT);
    }

    public TemplateProfile withRules(TextRules newRules) {
        return new TemplateProfile(id, name, year, totalFirst, thousands, totalLabel, incomeTotalLabel, expenseTotalLabel, tables, text, newRules);
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
