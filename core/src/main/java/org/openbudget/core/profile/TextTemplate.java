package org.openbudget.core.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
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
 * @param performanceLabels the labels of the 绩效目标表 ({@code performance_labels}; null for a profile without text, which
 *                          prints and reads none)
 * @param sectionNumber the numbering of 第三部分's sections ("{cn}、" → 三、): printed before each title, read back
 * @param glossaryNumber the numbering of 第四部分's entries ("{cn}、")
 * @param amountUnit    the unit the text's amounts are written in (万元), whatever the tables print
 *                      (Shanghai's tables are in 元, its text in 万元); the reader takes a number followed by it
 *                      as an amount
 * @param parts         the headings of the document's parts ({@link Parts})
 *
 * <p>An amount placeholder may carry a modifier: {@code {x|0}} prints a zero amount as "0", and
 * {@code {x|plain}} prints the amount without trailing zeros or separators ("2", "8.9").
 */
public record TextTemplate(Map<String, String> titles, Map<String, String> sentences, TextOutline outline,
                           String percent, String listNumber, String subHeading,
                           String itemNumber, List<String> zeroChange, String dateFormat,
                           List<GlossaryEntry> glossary, Map<String, Map<String, String>> overrides,
                           List<String> changeWords, List<String> rateWords, PerformanceLabels performanceLabels,
                           String sectionNumber, String glossaryNumber, String amountUnit, Parts parts) {

    /**
     * The headings of the document's parts as patterns ({year}, {unit}, {kind}): printed by the renderer, and what
     * comes before their first placeholder ("第三部分") is how the reader finds where each part starts.
     *
     * @param overview    第一部分 (概况)
     * @param tables      第二部分 (the tables)
     * @param explanation 第三部分 (情况说明: the outline's sections)
     * @param glossary    第四部分 (名词解释)
     */
    public record Parts(String overview, String tables, String explanation, String glossary) {
        /** The parts of a 预算 as the national template heads them. */
        public static final Parts BUDGET = new Parts("第一部分 {year}年{unit}{kind}概况", "第二部分 {year}年{kind}预算公开表",
                "第三部分 {year}年{kind}预算情况说明", "第四部分 名词解释");

        /** The words a part's heading starts with, before its first placeholder, without spaces ("第三部分"). */
        public static String mark(String heading) {
            int brace = heading.indexOf('{');
            String w = brace < 0 ? heading : heading.substring(0, brace);
            return w.replaceAll("[\\s\u3000]+", "");
        }

        public String overviewMark() { return mark(overview); }
        public String tablesMark() { return mark(tables); }
        public String explanationMark() { return mark(explanation); }
        public String glossaryMark() { return mark(glossary); }

        /** A part's heading as printed for a document: {year}, {unit} and {kind} (单位 / 部门) filled in. */
        public static String printed(String heading, int year, String unit, String kind) {
            return heading.replace("{year}", String.valueOf(year)).replace("{unit}", unit).replace("{kind}", kind);
        }

        /** The four headings, in the document's order. */
        public List<String> headings() {
            return List.of(overview, tables, explanation, glossary);
        }

        /** The four headings' marks ({@link #mark}), those that are not empty. */
        public List<String> marks() {
            return headings().stream().map(Parts::mark).filter(m -> !m.isEmpty()).toList();
        }

        /**
         * Whether a line without whitespace starts a part: with a number in the style 第{cn}部分 (any number:
         * {@link org.openbudget.core.text.Numbering#PART}), or with one of the marks given (these headings' own:
         * {@link #marks}, computed once by a reader of many lines).
         */
        public static boolean starts(String squeezed, List<String> marks) {
            if (org.openbudget.core.text.Numbering.PART_STARTING.at(squeezed)) return true;
            for (String m : marks) if (squeezed.startsWith(m)) return true;
            return false;
        }

        /**
         * The headings that name the unit and the year, compiled for a line without whitespace: group {@code unit} the
         * unit's name ({unit}), group {@code year} the year ({year}), {kind} 部门 or 单位; a mark in the style 第{cn}部分
         * stands for any part's number (the 目录 lists every part), and the 年 or 年度 after {year} reads either.
         * "第二部分 {unit}{year}年度{kind}决算表" finds "第二部分上海市普陀区财政局2024年部门决算表" and "第五部分…".
         */
        public List<Pattern> naming() {
            List<Pattern> out = new java.util.ArrayList<>();
            for (String h : headings()) {
                if (!h.contains("{unit}") || !h.contains("{year}")) continue;
                String squeezed = h.replaceAll("[\\s\u3000]+", "");
                String m = mark(h);
                StringBuilder b = new StringBuilder("^");
                int i = 0;
                if (!m.isEmpty() && org.openbudget.core.text.Numbering.PART_START.matcher(m).matches()) {
                    b.append(org.openbudget.core.text.Numbering.inline(org.openbudget.core.text.Numbering.PART));
                    i = m.length();
                }
                boolean unit = false, year = false;
                while (i < squeezed.length()) {
                    if (squeezed.startsWith("{unit}", i) && !unit) {
                        b.append("(?<unit>.{2,60}?)");
                        unit = true;
                        i += 6;
                    } else if (squeezed.startsWith("{year}", i) && !year) {
                        b.append("(?<year>20\\d\\d)");
                        year = true;
                        i += 6;
                        if (squeezed.startsWith("年", i)) {
                            b.append("年度?");
                            i += squeezed.startsWith("年度", i) ? 2 : 1;
                        }
                    } else if (squeezed.startsWith("{kind}", i)) {
                        b.append("(?:部门|单位)");
                        i += 6;
                    } else {
                        b.append(Pattern.quote(String.valueOf(squeezed.charAt(i++))));
                    }
                }
                out.add(Pattern.compile(b.append('$').toString()));
            }
            return out;
        }
    }

    /** As the canonical constructor, with the default numbering of sections and glossary, 万元 and a 预算's parts. */
    public TextTemplate(Map<String, String> titles, Map<String, String> sentences, TextOutline outline,
                        String percent, String listNumber, String subHeading,
                        String itemNumber, List<String> zeroChange, String dateFormat,
                        List<GlossaryEntry> glossary, Map<String, Map<String, String>> overrides,
                        List<String> changeWords, List<String> rateWords, PerformanceLabels performanceLabels) {
        this(titles, sentences, outline, percent, listNumber, subHeading, itemNumber, zeroChange, dateFormat, glossary, overrides,
                changeWords, rateWords, performanceLabels, null, null, null, null);
    }

    /** The direction words when a profile names none: a change 增加/减少, a rate 增长/下降. */
    public static final List<String> CHANGE_WORDS = List.of("增加", "减少");
    public static final List<String> RATE_WORDS = List.of("增长", "下降");

    public static final TextTemplate NONE = new TextTemplate(Map.of(), Map.of(), TextOutline.NONE,
            "{value}%", "{n}、", "（{cn}）", "{n}.", List.of("增加", "增长"), "{y}年{m}月{d}日", List.of(), Map.of(),
            CHANGE_WORDS, RATE_WORDS, null);

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
        sectionNumber = sectionNumber == null || sectionNumber.isBlank() ? "{cn}、" : sectionNumber;
        glossaryNumber = glossaryNumber == null || glossaryNumber.isBlank() ? "{cn}、" : glossaryNumber;
        amountUnit = amountUnit == null || amountUnit.isBlank() ? "万元" : amountUnit.strip();
        parts = parts == null ? Parts.BUDGET : parts;
        // the unit the patterns print after an amount is the profile's amount_unit, declared once ({amount_unit})
        sentences = withUnit(sentences, amountUnit);
        Map<String, Map<String, String>> o = new LinkedHashMap<>();
        for (var e : overrides.entrySet()) o.put(e.getKey(), withUnit(e.getValue(), amountUnit));
        overrides = java.util.Collections.unmodifiableMap(o);
    }

    /** The placeholder of the text's amount unit in a sentence pattern: "{total}{amount_unit}" prints "12.00万元" (amount_unit). */
    public static final String AMOUNT_UNIT = "{amount_unit}";

    private static Map<String, String> withUnit(Map<String, String> patterns, String unit) {
        if (patterns.values().stream().noneMatch(p -> p.contains(AMOUNT_UNIT))) return patterns;
        Map<String, String> out = new LinkedHashMap<>();
        patterns.forEach((k, p) -> out.put(k, p.replace(AMOUNT_UNIT, unit)));
        return java.util.Collections.unmodifiableMap(out);
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
