package org.openbudget.core.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.text.DocumentText.GlossaryEntry;

/**
 * The text half of a template profile (refdata/profiles/*.yaml, key {@code text}): the outline of
 * 第三部分 ({@link TextOutline}: sections, titles and the blocks that state measures), every sentence
 * pattern of 第一部分 and 第三部分 with {placeholders}, number and percent formats, numbering styles,
 * wording that depends on the agency type, the 第四部分 glossary of the year and the date format of the
 * closing. (The words for 运行经费 by agency type are the profile's text_rules.running_terms,
 * {@link TextRules}.) Data, never code: one walker (org.openbudget.core.text) writes the text from it.
 *
 * @param titles        section numeral (一 … 十二) → title pattern ({unit}, {year}, {kind}), the outline's
 * @param sentences     sentence key → pattern; {@link #missing()} lists the keys the outline uses and the profile lacks
 * @param outline       第三部分's sections and blocks
 * @param percent       how a percentage prints ("{value}%" → 100.00%, "{value} %" → 100.00 %)
 * @param listNumber    numbering of lists ("{n}、")
 * @param subHeading    sub-heading numbering ("（{cn}）", cn = 一, 二 …)
 * @param itemNumber    numbering of item lists ("{n}.")
 * @param zeroChange    the words printed with a change of exactly 0: [增加, 增长] or [减少, 下降]
 * @param dateFormat    the closing date ("{y}年{m}月{d}日")
 * @param overrides     sentence patterns that differ by document kind: 单位 or 部门 → key → pattern
 *                      (e.g. a 部门 prints "0.00万元" where a 单位 prints "0万元")
 * @param changeWords   the words of a change's direction, up and down ({change_word}: [增加, 减少])
 * @param rateWords     the words of a rate's direction, up and down ({rate_word}: [增长, 下降])
 * @param performanceLabels the labels of the 绩效目标表 ({@code performance_labels})
 *
 * <p>An amount placeholder may carry a modifier: {@code {x|0}} prints a zero amount as "0", and
 * {@code {x|plain}} prints the amount without trailing zeros or separators ("2", "8.9").
 */
public record TextTemplate(Map<String, String> titles, Map<String, String> sentences, TextOutline outline,
                           String percent, String listNumber, String subHeading,
                           String itemNumber, List<String> zeroChange, String dateFormat,
                           List<GlossaryEntry> glossary, Map<String, Map<String, String>> overrides,
                           List<String> changeWords, List<String> rateWords, PerformanceLabels performanceLabels) {

    /** The direction words when a profile names none: a change 增加/减少, a rate 增长/下降. */
    public static final List<String> CHANGE_WORDS = List.of("增加", "减少");
    public static final List<String> RATE_WORDS = List.of("增长", "下降");

    public static final TextTemplate NONE = new TextTemplate(Map.of(), Map.of(), TextOutline.NONE,
            "{value}%", "{n}、", "（{cn}）", "{n}.", List.of("增加", "增长"), "{y}年{m}月{d}日", List.of(), Map.of(),
            CHANGE_WORDS, RATE_WORDS, PerformanceLabels.DEFAULT);

    /** Sentence keys of 第一部分 and the reason clauses, which every profile with text must define. */
    public static final List<String> REQUIRED = List.of(
            "p1.functions_heading", "p1.structure_heading", "p1.unit_structure", "p1.no_offices",
            "p1.department_structure", "p1.department_offices", "p1.department_units", "p1.department_unit", "p1.benji", "p1.staffing",
            "reason", "reason_sentence");

    public TextTemplate {
        outline = outline == null ? TextOutline.NONE : outline;
        titles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(titles == null || titles.isEmpty() ? outline.titles() : titles));
        sentences = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sentences));
        zeroChange = List.copyOf(zeroChange);
        glossary = List.copyOf(glossary);
        overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        changeWords = changeWords == null || changeWords.size() != 2 ? CHANGE_WORDS : List.copyOf(changeWords);
        rateWords = rateWords == null || rateWords.size() != 2 ? RATE_WORDS : List.copyOf(rateWords);
        performanceLabels = performanceLabels == null ? PerformanceLabels.DEFAULT : performanceLabels;
    }

    /** The word of a change in this direction (sign of the change; 0 prints the profile's {@code zero_change}). */
    public String changeWord(int signum) {
        return signum > 0 ? changeWords.get(0) : signum < 0 ? changeWords.get(1) : zeroChange.get(0);
    }

    /** The word of a rate in this direction (sign of the change; 0 prints the profile's {@code zero_change}). */
    public String rateWord(int signum) {
        return signum > 0 ? rateWords.get(0) : signum < 0 ? rateWords.get(1) : zeroChange.get(1);
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
        for (String k : outline.sentenceKeys()) if (!sentences.containsKey(k) && !out.contains(k)) out.add(k);
        return out;
    }

}
