package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.Overview;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.money.AmountFormat;
import org.openbudget.core.profile.TemplateProfile;

/**
 * The document's text from its tables, the budget's narrative, last year's comparatives and the
 * template profile — pure: {@link Part1Overview} (第一部分), the profile's outline walked by
 * {@link OutlineWalker} (第三部分), {@link PerformanceTables};
 * the glossary (第四部分) is the profile's; the closing is the unit's name and the dataset's date.
 * Every number written is recorded as a TextFact (docs/text-facts.md).
 */
public final class TextGenerator {
    private TextGenerator() {}

    /**
     * @param tables   the Disclosure derived from the budget (its tables are read as printed)
     * @param lastYear last year's amounts by text-fact key, see {@link #comparatives}
     * @return the text, or {@link DocumentText#EMPTY} when the budget has no narrative or the profile no text
     */
    public static DocumentText generate(Budget budget, Disclosure tables, ReferenceData ref, TemplateProfile profile,
                                        Map<String, BigDecimal> lastYear) {
        return generate(budget, tables, ref, profile, lastYear, Map.of());
    }

    /** @param budgeted a 决算's 年初预算数 by text-fact key ({@link #comparatives} of the year's 预算 laid out under this template) */
    public static DocumentText generate(Budget budget, Disclosure tables, ReferenceData ref, TemplateProfile profile,
                                        Map<String, BigDecimal> lastYear, Map<String, BigDecimal> budgeted) {
        if (budget.narrative().isEmpty() || profile.text().isEmpty()) return DocumentText.EMPTY;
        Writer w = new Writer(budget, tables, ref, profile, lastYear, budgeted);
        Overview overview = Part1Overview.write(w);
        List<Section> sections = OutlineWalker.write(w);
        List<PerformanceTable> performance = PerformanceTables.write(w);
        return new DocumentText(overview, sections, w.facts, performance, profile.text().glossary(),
                budget.agency().name(), date(budget.narrative().closingDate(), profile.text().dateFormat()), profile.text().amountUnit());
    }

    /**
     * Last year's amounts by fact key: those the outline states, read by measure off last year's Disclosure
     * (null when the dataset names no last-year dataset; read under this year's profile), overridden by the
     * dataset's explicit amounts.
     */
    public static Map<String, BigDecimal> comparatives(Narrative.LastYear lastYear, Disclosure lastYearDisclosure,
                                                       ReferenceData ref, TemplateProfile profile) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        // in 万元 as the dataset's own amounts (the generator states them in the text's unit: Writer.last)
        if (lastYearDisclosure != null) out.putAll(new TableAmounts(lastYearDisclosure, profile, ref, AmountFormat.text("万元"))
                .byFactKey(profile.text().outline()));
        out.putAll(lastYear.amounts());
        return out;
    }

    /** "2024-02-22" → "2024年2月22日" (by the profile's format); any other text is printed as given. */
    static String date(String iso, String format) {
        if (iso == null || !iso.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) return iso == null ? "" : iso;
        String[] p = iso.split("-");
        return format.replace("{y}", p[0]).replace("{m}", String.valueOf(Integer.parseInt(p[1])))
                .replace("{d}", String.valueOf(Integer.parseInt(p[2])));
    }
}
