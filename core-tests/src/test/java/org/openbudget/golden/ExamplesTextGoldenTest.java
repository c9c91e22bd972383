package org.openbudget.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Golden tests of the text: the text generated from each example's dataset (ledger + text data +
 * the year's profile) reproduces the published document (/work/shared/examples/NAME.txt, or
 * ../shared/examples relative to the repository root):
 * <ul>
 *   <li>第三部分, section by section: the sequence of numbers (every amount, share, rate, count) is
 *       the published one, compared as numbers (0 = 0.00, 1,277.00 = 1277.00);</li>
 *   <li>the wording of each section, after normalising whitespace, punctuation and full/half width,
 *       except the sections the example's README lists under "Text: where the wording differs";</li>
 *   <li>第一部分, 第四部分 (glossary of the year's profile) and the closing, the same way;</li>
 *   <li>each performance table: its amounts, each indicator's name and value, weights adding to 90.</li>
 * </ul>
 */
class ExamplesTextGoldenTest {
    static final Path EXAMPLES = Path.of("../examples");
    static final List<String> NUMERALS = List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二");
    static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

    /** Sections whose wording (not numbers) differs from the published text — each listed in the example's README. */
    static final Map<String, Set<String>> WORDING_DIFFERS = Map.of(
            "urumqi-sme-center-2024", Set.of("十二"),
            "urumqi-sci-tech-info-center-2024", Set.of("十二"),
            "urumqi-industry-it-bureau-2024", Set.of("五", "七"));

    static Path published(String example) {
        Path p = Path.of("../../shared/examples/" + example + ".txt");
        return Files.exists(p) ? p : Path.of("/work/shared/examples/" + example + ".txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void thirdPartReproducesThePublishedNumbersAndWording(String example) throws IOException {
        DocumentText t = load(example).text();
        assertThat(t.sections()).extracting(Section::numeral).containsExactlyElementsOf(NUMERALS);
        String doc = Files.readString(published(example), StandardCharsets.UTF_8);
        Map<String, String> pub = publishedSections(doc);
        assertThat(pub.keySet()).as(example + " published sections").containsExactlyElementsOf(NUMERALS);
        String readme = Files.readString(EXAMPLES.resolve(example).resolve("README.md"), StandardCharsets.UTF_8).replace("**", "");
        readme = readme.substring(readme.indexOf("## The text"));
        int numbers = 0;
        for (Section s : t.sections()) {
            String generated = s.numeral() + "、" + s.title() + "\n" + String.join("\n", s.paragraphs());
            String printed = pub.get(s.numeral());
            List<BigDecimal> g = numbers(generated);
            List<BigDecimal> p = numbers(printed);
            assertThat(g).as("%s 第三部分%s: numbers\n generated: %s\n published: %s", example, s.numeral(),
                    words(generated), words(printed)).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(p);
            numbers += g.size();
            if (WORDING_DIFFERS.get(example).contains(s.numeral())) {
                assertThat(readme).as("README (## The text) lists the wording of section " + s.numeral()).containsPattern("\\* 第三部分 " + s.numeral() + "[ （]");
                assertThat(words(generated)).as("section %s is listed as differing: it must differ", s.numeral()).isNotEqualTo(words(printed));
            } else {
                assertThat(words(generated)).as("%s 第三部分%s: wording", example, s.numeral()).isEqualTo(words(printed));
            }
        }
        assertThat(numbers).isGreaterThan(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void firstPartGlossaryAndClosingAreReproduced(String example) throws IOException {
        DocumentText t = load(example).text();
        String doc = Files.readString(published(example), StandardCharsets.UTF_8);
        String part1 = body(doc, "第一部分", "第二部分");
        String generated = String.join("\n", t.overview().paragraphs());
        assertThat(numbers(generated)).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(numbers(part1));
        assertThat(words(generated)).as(example + " 第一部分").isEqualTo(words(part1));
        assertThat(t.overview().staffing().actual()).isEqualTo(t.overview().staffing().active()
                + t.overview().staffing().retired() + t.overview().staffing().honoraryRetired());

        String part4 = doc.substring(doc.lastIndexOf("第四部分"));
        part4 = part4.substring(part4.indexOf('\n'));
        StringBuilder glossary = new StringBuilder();
        for (int i = 0; i < t.glossary().size(); i++) {
            glossary.append(NUMERALS.get(i)).append("、").append(t.glossary().get(i).term()).append("：")
                    .append(t.glossary().get(i).definition()).append('\n');
        }
        glossary.append(t.closingName()).append('\n').append(t.closingDate());
        assertThat(words(glossary.toString())).as(example + " 第四部分 and closing").isEqualTo(words(part4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void performanceTablesAreReproduced(String example) throws IOException {
        DocumentText t = load(example).text();
        String doc = Files.readString(published(example), StandardCharsets.UTF_8);
        String block = words(doc.substring(doc.lastIndexOf("按项目分别填报"), doc.lastIndexOf("其他需说明的事项")));
        assertThat(t.performance()).isNotEmpty();
        for (PerformanceTable p : t.performance()) {
            String where = example + " 绩效目标表 " + (p.kind().equals("整体") ? "整体" : p.projectName());
            if (p.kind().equals("项目")) {
                assertThat(p.weightTotal()).as(where + " weights").isEqualByComparingTo("90");
                assertThat(p.total()).as(where + " 年度预算总额 = 财政拨款 + 其他资金").isEqualByComparingTo(p.fiscal().add(p.other()));
                assertThat(block).as(where + " goal").contains(words(p.goal()));
            }
            for (PerformanceTable.Indicator i : p.indicators()) {
                assertThat(block).as(where + " indicator").contains(words(i.level3()));
                // (a long value is broken across a page of the published PDF: its words are compared by the name only)
                if (i.target().length() <= 40) assertThat(block).as(where + " indicator value of " + i.level3()).contains(words(i.target()));
            }
        }
        // the amounts each table states are facts the text checks can verify: the published ones
        for (PerformanceTable p : t.performance()) {
            List<BigDecimal> printed = p.kind().equals("整体")
                    ? List.of(p.fiscalUpper(), p.fiscal().subtract(p.fiscalUpper()), p.other())   // 上级安排, 本级安排, 其他
                    : List.of(p.total(), p.fiscal(), p.other());
            for (BigDecimal v : printed) assertThat(block).as(p.projectName() + " amount " + v).contains(words(org.openbudget.core.money.Amounts.format(v, true)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void everyNumberOfTheThirdPartIsAFactWithASource(String example) {
        DocumentText t = load(example).text();
        for (Section s : t.sections()) {
            List<TextFact> facts = t.facts().stream().filter(f -> f.section().equals(s.numeral())).toList();
            for (TextFact f : facts) {
                assertThat(f.source()).as(f.label()).isNotBlank();
                assertThat(s.paragraphs()).as(f.label() + " cites a sentence of its section").anyMatch(p -> p.contains(f.sentence()) || f.sentence().contains(p));
            }
        }
        // every AMOUNT/SHARE/CHANGE/RATE fact prints as written in its sentence
        for (TextFact f : t.facts()) {
            if (f.value() == null || f.kind() == org.openbudget.core.disclosure.text.FactKind.QUANTITY) continue;
            if (f.value().signum() == 0 && f.sentence().contains("未安排")) continue;   // "…未安排。" states a zero in words
            String plain = f.value().toPlainString();
            String grouped = org.openbudget.core.money.Amounts.format(f.value(), true);
            assertThat(f.sentence().contains(plain) || f.sentence().contains(grouped) || f.sentence().contains(f.value().stripTrailingZeros().toPlainString()))
                    .as(f.label() + " " + f.kind() + " " + plain + " in 「" + f.sentence() + "」").isTrue();
        }
    }

    // ------------------------------------------------------------------ helpers

    static Disclosure load(String example) {
        return new Workspace(ReferenceLibrary.standard()).load(EXAMPLES.resolve(example)).disclosure();
    }

    /** 第三部分 of a published text, split at its twelve section headings (the table of contents excluded). */
    static Map<String, String> publishedSections(String doc) {
        String part3 = body(doc, "第三部分", "第四部分");
        // the performance tables between 十二（四）and（五）are not paragraphs
        int a = part3.indexOf("按项目分别填报");
        int b = part3.lastIndexOf("其他需说明的事项");
        if (a >= 0 && b > a) {
            int cut = part3.indexOf('\n', a);
            int end = part3.lastIndexOf('\n', b);
            part3 = part3.substring(0, cut) + part3.substring(end);
        }
        Pattern heading = Pattern.compile("(?m)^[#\\s*-]*(十二|十一|十|九|八|七|六|五|四|三|二|一)、");
        Matcher m = heading.matcher(part3);
        Map<String, String> out = new LinkedHashMap<>();
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[]{m.start(), m.start(1)});
            names.add(m.group(1));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : part3.length();
            out.put(names.get(i), part3.substring(starts.get(i)[1], end));
        }
        return out;
    }

    /** The body of a part: from the line after its last heading to the next part's last heading. */
    static String body(String doc, String part, String next) {
        int start = doc.lastIndexOf(part);
        start = doc.indexOf('\n', start);
        int end = doc.lastIndexOf(next);
        return end > start ? doc.substring(start, end) : doc.substring(start);
    }

    static List<BigDecimal> numbers(String text) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(clean(text).replaceAll("\\s+", ""));
        while (m.find()) out.add(new BigDecimal(m.group().replace(",", "")));
        return out;
    }

    /** Markdown and HTML left by the PDF extraction removed, full-width folded to half-width. */
    static String clean(String s) {
        s = s.replaceAll("</?(b|p|br|strong|em|i)\\b[^<>]*>", "").replace("**", "").replace("$", "").replace("\\geq", "≥").replace("\\leq", "≤");
        s = s.replaceAll("(?m)^[#\\s]*#+", "").replaceAll("(?m)^\\s*- ", "");
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /** The words only: no whitespace, no punctuation, no symbols. */
    static String words(String s) {
        return clean(s).replaceAll("[\\s\\p{P}\\p{S}]", "");
    }
}
