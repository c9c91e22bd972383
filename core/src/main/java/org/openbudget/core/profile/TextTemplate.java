package org.openbudget.core.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.text.DocumentText.GlossaryEntry;

/**
 * The text half of a template profile (refdata/profiles/*.yaml, key {@code text}): every sentence
 * pattern of 第一部分 and 第三部分 with {placeholders}, the section titles, the lists the sections
 * walk through (income lines of 二, income groups of 一, the three budgets of 四), number and
 * percent formats, numbering styles, wording that depends on the agency type, the 第四部分 glossary
 * of the year and the date format of the closing. (The words for 运行经费 by agency type are the
 * profile's text_rules.running_terms, {@link TextRules}.) Data, never code: the generator
 * (org.openbudget.core.text) only fills in the blanks.
 *
 * @param titles        section numeral (一 … 十二) → title pattern ({unit}, {year}, {kind})
 * @param sentences     sentence key → pattern; {@link #REQUIRED} lists the keys a profile must give
 * @param incomeLines   第三部分 二, in order: a 表1 income row key, its label, and what the text says
 *                      when it is zero this year and last year ({@link IncomeLine#whenZero})
 * @param incomeGroups  第三部分 一 收入预算包括: 表1 row keys and the names printed when non-zero
 * @param fiscalBudgets 第三部分 四: the three budgets of 表4
 * @param percent       how a percentage prints ("{value}%" → 100.00%, "{value} %" → 100.00 %)
 * @param listNumber    numbering of 五（二）（三）'s lists ("{n}、")
 * @param subHeading    sub-heading numbering of 五, 七 and 十二 ("（{cn}）", cn = 一, 二 …)
 * @param itemNumber    numbering of 十一 and 十二（三）'s lists ("{n}.")
 * @param zeroChange    the words printed with a change of exactly 0: [增加, 增长] or [减少, 下降]
 * @param dateFormat    the closing date ("{y}年{m}月{d}日")
 * @param overrides     sentence patterns that differ by document kind: 单位 or 部门 → key → pattern
 *                      (e.g. a 部门 prints "0.00万元" where a 单位 prints "0万元")
 *
 * <p>An amount placeholder may carry a modifier: {@code {x|0}} prints a zero amount as "0", and
 * {@code {x|plain}} prints the amount without trailing zeros or separators ("2", "8.9").
 */
public record TextTemplate(Map<String, String> titles, Map<String, String> sentences, List<IncomeLine> incomeLines,
                           List<Named> incomeGroups, List<FiscalBudget> fiscalBudgets, String percent, String listNumber, String subHeading,
                           String itemNumber, List<String> zeroChange, String dateFormat,
                           List<GlossaryEntry> glossary, Map<String, Map<String, String>> overrides) {

    public static final TextTemplate NONE = new TextTemplate(Map.of(), Map.of(), List.of(), List.of(), List.of(),
            "{value}%", "{n}、", "（{cn}）", "{n}.", List.of("增加", "增长"), "{y}年{m}月{d}日", List.of(), Map.of());

    /** The twelve numerals of 第三部分, in order. */
    public static final List<String> NUMERALS = List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二");

    /** Sentence keys every profile with text must define (the reader reports the missing ones). */
    public static final List<String> REQUIRED = List.of(
            "p1.functions_heading", "p1.structure_heading", "p1.unit_structure", "p1.no_offices",
            "p1.department_structure", "p1.department_offices", "p1.department_units", "p1.department_unit", "p1.benji", "p1.staffing",
            "s1.total", "s1.income", "s1.expense",
            "s2.total", "s2.line", "s2.not_arranged",
            "s3.total", "s3.line",
            "s4.total", "s4.sources_one", "s4.sources_some", "s4.sources_all", "s4.income", "s4.income_item",
            "s4.expense", "s4.expense_item", "s4.expense_item_noted",
            "s5.heading1", "s5.total", "s5.line", "s5.heading2", "s5.class", "s5.heading3", "s5.item",
            "s6.total", "s6.personnel", "s6.public",
            "s7.name", "s7.basis", "s7.amount", "s7.unit", "s7.alloc", "s7.alloc_item", "s7.alloc_separator",
            "s7.period", "s7.withheld", "s7.none",
            "s8.amount", "s9.amount",
            "s10.total", "s10.change", "s10.item", "s10.item_separator",
            "s11.total", "s11.project", "s11.withheld", "s11.basic",
            "s12.heading1", "s12.running", "s12.heading2", "s12.procurement", "s12.reserved",
            "s12.heading3", "s12.assets", "s12.building", "s12.vehicles", "s12.furniture", "s12.other_assets",
            "s12.equipment", "s12.purchase", "s12.purchase_no_vehicle", "s12.purchase_vehicle",
            "s12.heading4", "s12.performance", "s12.performance_classified", "s12.heading5", "s12.no_other_matters",
            "reason", "reason_sentence");

    public TextTemplate {
        titles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(titles));
        sentences = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sentences));
        incomeLines = List.copyOf(incomeLines);
        incomeGroups = List.copyOf(incomeGroups);
        fiscalBudgets = List.copyOf(fiscalBudgets);
        zeroChange = List.copyOf(zeroChange);
        glossary = List.copyOf(glossary);
        overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The pattern of a sentence for a document of this kind (单位 / 部门): the kind's override, else the common one. */
    public String sentence(String key, String kindLabel) {
        Map<String, String> o = overrides.get(kindLabel);
        if (o != null && o.containsKey(key)) return o.get(key);
        return sentence(key);
    }

    public boolean isEmpty() { return sentences.isEmpty(); }

    public String sentence(String key) {
        String s = sentences.get(key);
        if (s == null) throw new IllegalStateException("the template profile has no sentence " + key);
        return s;
    }

    public String title(String numeral) {
        String s = titles.get(numeral);
        if (s == null) throw new IllegalStateException("the template profile has no title for section " + numeral);
        return s;
    }

    /** The keys of {@link #REQUIRED} (and titles) this template lacks. */
    public List<String> missing() {
        List<String> out = new java.util.ArrayList<>();
        for (String k : REQUIRED) if (!sentences.containsKey(k)) out.add(k);
        for (String n : NUMERALS) if (!titles.containsKey(n)) out.add("titles." + n);
        return out;
    }

    /** What 第三部分 二 says of a line that is zero this year and last year. */
    public enum WhenZero {
        /** the full sentence: "…0.00万元，占0.00%，比上年预算增加0.00万元，增长0.00%…" */
        SENTENCE,
        /** "…未安排。" */
        NOT_ARRANGED,
        /** nothing */
        OMIT
    }

    /** An income line of 第三部分 二: a 表1 income row key and its label. */
    public record IncomeLine(String key, String label, WhenZero whenZero) {}

    /** A 表1 row key and the name the text prints for it. */
    public record Named(String key, String label) {}

    /**
     * One of the three budgets in 第三部分 四.
     *
     * @param key          the 表4 income row key (fiscal.gpb)
     * @param label        its name in 收入预算包括 (一般公共预算拨款)
     * @param absentLabel  its name in "无…" (国有资本经营预算)
     * @param expenseLabel the name heading its expense list (一般公共预算)
     * @param column       its column in 表4 (0-based; 1 = 一般公共预算)
     */
    public record FiscalBudget(String key, String label, String absentLabel, String expenseLabel, int column) {}
}
