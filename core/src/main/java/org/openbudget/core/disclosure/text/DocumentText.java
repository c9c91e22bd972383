package org.openbudget.core.disclosure.text;

import java.util.List;
import java.util.Optional;

/**
 * Everything of the document that is not one of the eleven tables: 第一部分 概况, the twelve
 * sections of 第三部分 as printed, the text facts they state, the performance tables, the 第四部分
 * glossary and the closing (name and date). A Disclosure read from a file with no text, or derived
 * from a ledger with no text data, carries {@link #EMPTY}.
 *
 * @param closingDate the date printed under the closing name, as printed ("2024年 2月 22日"), "" when none
 * @param amountUnit  the unit the text states its amounts in — its AMOUNT and CHANGE facts' values (万元, or 元: the
 *                    profile's {@code text.amount_unit}, whatever unit the tables print); the checks hold them to the
 *                    cells in this unit
 */
public record DocumentText(Overview overview, List<Section> sections, List<TextFact> facts,
                           List<PerformanceTable> performance, List<GlossaryEntry> glossary,
                           String closingName, String closingDate, String amountUnit) {
    public static final DocumentText EMPTY =
            new DocumentText(Overview.EMPTY, List.of(), List.of(), List.of(), List.of(), "", "");

    /** A text whose amounts are in 万元. */
    public DocumentText(Overview overview, List<Section> sections, List<TextFact> facts, List<PerformanceTable> performance,
                        List<GlossaryEntry> glossary, String closingName, String closingDate) {
        this(overview, sections, facts, performance, glossary, closingName, closingDate, "万元");
    }

    public DocumentText {
        amountUnit = amountUnit == null || amountUnit.isBlank() ? "万元" : amountUnit;
        overview = overview == null ? Overview.EMPTY : overview;
        sections = List.copyOf(sections);
        facts = List.copyOf(facts);
        performance = List.copyOf(performance);
        glossary = List.copyOf(glossary);
        closingName = closingName == null ? "" : closingName;
        closingDate = closingDate == null ? "" : closingDate;
    }

    public boolean isEmpty() {
        return sections.isEmpty() && facts.isEmpty() && performance.isEmpty() && glossary.isEmpty()
                && overview.functions().isEmpty() && overview.staffing() == null;
    }

    public Optional<Section> section(String numeral) {
        return sections.stream().filter(s -> s.numeral().equals(numeral)).findFirst();
    }

    /** The facts of one key, in document order. */
    public List<TextFact> facts(String key) {
        return facts.stream().filter(f -> f.key().equals(key)).toList();
    }

    public Optional<TextFact> fact(String key, FactKind kind) {
        return facts.stream().filter(f -> f.key().equals(key) && f.kind() == kind).findFirst();
    }

    /** One entry of 第四部分 名词解释. */
    public record GlossaryEntry(String term, String definition) {
    }
}
