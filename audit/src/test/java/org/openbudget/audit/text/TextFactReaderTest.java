package org.openbudget.audit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Staffing;
import org.openbudget.core.disclosure.text.TextFact;

/** The text of the three published examples read into facts: every number of 第三部分 found and keyed. */
class TextFactReaderTest {
    static String raw(String name) throws IOException {
        PublishedTextReaderTest.read(name); // skips when the shared examples are absent
        return Files.readString(PublishedTextReaderTest.SHARED.resolve(name + ".txt"), StandardCharsets.UTF_8);
    }

    static DocumentText text(String name) throws IOException {
        PublishedTextReader.Result r = PublishedTextReaderTest.read(name);
        assertThat(r.notes()).isEmpty();
        return r.disclosure().text();
    }

    /**
     * An independent count: the numbers followed by 万元 (not 万元以上) and by % in 第三部分, outside
     * the performance tables, found by one regular expression over the text with all whitespace and
     * markup removed.
     */
    static List<List<BigDecimal>> printedNumbers(String doc) {
        String[] lines = doc.split("\n");
        int start = -1, end = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].replaceAll("[#*\\s]", "").startsWith("第三部分")) start = i; // the last one: the TOC names it too
        }
        for (int i = start + 1; i < lines.length; i++) {
            if (lines[i].replaceAll("[#*\\s]", "").startsWith("第四部分")) {
                end = i;
                break;
            }
        }
        StringBuilder b = new StringBuilder();
        boolean inTable = false;
        for (int i = start + 1; i < end; i++) {
            String s = lines[i].replaceAll("<[^>]+>|[#*\\s]", "");
            if (s.endsWith("绩效目标表")) inTable = true;
            if (s.matches("[（(]五[）)].*")) inTable = false;
            if (!inTable) b.append(s);
        }
        String all = b.toString();
        List<BigDecimal> wan = new ArrayList<>(), pct = new ArrayList<>();
        Matcher m = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)万元(?!以上)").matcher(all);
        while (m.find()) wan.add(new BigDecimal(m.group(1).replace(",", "")));
        Matcher p = Pattern.compile("(\\d+(?:\\.\\d+)?)[%％]").matcher(all);
        while (p.find()) pct.add(new BigDecimal(p.group(1)));
        return List.of(sorted(wan), sorted(pct));
    }

    static List<BigDecimal> sorted(List<BigDecimal> v) {
        return v.stream().map(BigDecimal::stripTrailingZeros).sorted(Comparator.naturalOrder()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void everyAmountShareAndRateOfPart3IsAFact(String name) throws IOException {
        List<List<BigDecimal>> expected = printedNumbers(raw(name));
        List<TextFact> facts = text(name).facts().stream().filter(f -> !f.section().equals("第一部分")).toList();
        // an item the text says is 未安排 is an amount of 0 with no number printed
        List<BigDecimal> wan = facts.stream().filter(f -> f.kind() == FactKind.AMOUNT || f.kind() == FactKind.CHANGE)
                .filter(f -> !(f.value().signum() == 0 && f.sentence().contains("未安排") && !f.sentence().contains("万元")))
                .map(TextFact::value).toList();
        List<BigDecimal> pct = facts.stream().filter(f -> f.kind() == FactKind.SHARE || f.kind() == FactKind.RATE).map(TextFact::value).toList();
        assertThat(sorted(wan)).as("万元 numbers").isEqualTo(expected.get(0));
        assertThat(sorted(pct)).as("percentages").isEqualTo(expected.get(1));
        assertThat(expected.get(0)).hasSizeGreaterThan(40);
    }

    static final Pattern KEYS = Pattern.compile("staff\\.(authorized|actual|active|retired|honorary)|agency\\.type|total|income\\.(total|sources|"
            + "gpb\\.local|gpb\\.transfer|gfb\\.local|gfb\\.transfer|soc\\.local|soc\\.transfer|edu|unit|carry\\.fiscal|carry\\.nonfiscal)"
            + "|expense\\.(classes|total|basic|project)|fiscal\\.(total|gpb|gfb|soc|class:\\d{3}|item:\\d{7})|gpb\\.(total|basic|project|basic\\.personnel|basic\\.public|class:\\d{3}|item:\\d{7})"
            + "|project\\.(name|amount|unit|alloc|withheld)|table(8|9|11)\\.empty|(gfb|soc)\\.total|tpe\\.(total|abroad|vehicle|vehicle\\.purchase|vehicle\\.run|reception)"
            + "|carry\\.(total|fiscal|nonfiscal|project)|running|proc\\.(total|goods|works|services|sme|micro)"
            + "|assets\\.(building|vehicle|vehicle\\.official|vehicle\\.enforcement|vehicle\\.other|furniture|other|equipment50|equipment100|purchase\\.vehicle|purchase\\.equipment50|purchase\\.equipment100)"
            + "|perf\\.(overall|fiscal|classified|nonfiscal)|other\\.(classified|carry)");

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void everyKeyIsOneOfDocsTextFacts(String name) throws IOException {
        assertThat(text(name).facts()).allSatisfy(f -> assertThat(f.key()).matches(KEYS));
        assertThat(text(name).sections()).extracting(s -> s.numeral())
                .containsExactly("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二");
    }

    @Test
    void staffing() throws IOException {
        assertThat(text("urumqi-sme-center-2024").overview().staffing()).isEqualTo(new Staffing(14, 35, 14, 0, 21, 0, 0, 0));
        assertThat(text("urumqi-sci-tech-info-center-2024").overview().staffing()).isEqualTo(new Staffing(15, 42, 14, 0, 28, -2, 0, 0));
        assertThat(text("urumqi-industry-it-bureau-2024").overview().staffing()).isEqualTo(new Staffing(123, 292, 112, 11, 178, -3, 2, -5));
    }

    @Test
    void theItemsOfFiveThreeAreMappedToCodesByTheirNames() throws IOException {
        assertThat(codes(text("urumqi-sme-center-2024"))).containsExactly("2060499", "2080502", "2080505", "2150805", "2150899");
        // 表5 prints 2060499 as 其他技术与开发支出; 2129999 is last year's only (the year's classification names it)
        assertThat(codes(text("urumqi-industry-it-bureau-2024"))).containsExactly("2060499", "2080501", "2080502", "2080505",
                "2111450", "2111499", "2129999", "2150501", "2150502", "2150550", "2150805", "2150899");
    }

    static List<String> codes(DocumentText t) {
        return t.facts().stream().filter(f -> f.key().startsWith("gpb.item:") && f.kind() == FactKind.AMOUNT)
                .map(f -> f.key().substring("gpb.item:".length())).toList();
    }

    @Test
    void projectsOfSevenWithTheirAllocationAndWithheldOnes() throws IOException {
        DocumentText t = text("urumqi-industry-it-bureau-2024");
        assertThat(t.facts("project.name")).hasSize(11);
        assertThat(t.facts("project.name").get(9).part()).isEqualTo("（十）"); // printed （一十）
        assertThat(t.facts("project.withheld")).extracting(TextFact::part).containsExactly("（一）");
        assertThat(t.facts("project.alloc").stream().filter(f -> f.part().equals("（十）")).map(TextFact::subject).toList())
                .containsExactly("办公费", "维修（护）费", "劳务费", "其他交通费用");
    }

    @Test
    void performanceTables() throws IOException {
        List<PerformanceTable> sme = text("urumqi-sme-center-2024").performance();
        assertThat(sme).singleElement().satisfies(p -> {
            assertThat(p.projectName()).isEqualTo("信息化运维项目");
            assertThat(p.unitName()).isEqualTo("乌鲁木齐市中小企业服务中心");
            assertThat(p.manager()).isEqualTo("贺翔");
            assertThat(p.fiscal()).isEqualByComparingTo("34.33");
            assertThat(p.indicators()).hasSize(8);
            assertThat(p.weightTotal()).isEqualByComparingTo("90");
        });
        List<PerformanceTable> sci = text("urumqi-sci-tech-info-center-2024").performance();
        assertThat(sci).extracting(PerformanceTable::kind).containsExactly("整体", "项目", "项目", "项目");
        assertThat(sci.get(0).total()).isEqualByComparingTo("332.37");
        List<PerformanceTable> dept = text("urumqi-industry-it-bureau-2024").performance();
        assertThat(dept).hasSize(11);
        assertThat(dept.subList(1, 11)).allSatisfy(p -> assertThat(p.weightTotal()).isEqualByComparingTo("90"));
    }

    @Test
    void theUnitTypeRestsOnTheTables() throws IOException {
        TextFact sme = text("urumqi-sme-center-2024").fact("agency.type", FactKind.NAME).orElseThrow();
        assertThat(sme.items()).containsExactly("事业");
        assertThat(sme.sentence()).contains("2080502");
        assertThat(text("urumqi-industry-it-bureau-2024").fact("agency.type", FactKind.NAME)).isEmpty(); // a department
    }

    /** The same document with half-width punctuation, no thousands separators and other line breaks reads the same. */
    @Test
    void layoutVariantsGiveTheSameFacts() throws IOException {
        String doc = raw("urumqi-industry-it-bureau-2024");
        int at = doc.lastIndexOf("第三部分");
        String part3 = doc.substring(at).replace('，', ',').replace('：', ':').replace('；', ';').replace('（', '(').replace('）', ')')
                .replaceAll("(\\d),(\\d{3})", "$1$2");
        String variant = doc.substring(0, at) + part3;
        Disclosure a = PublishedTextReaderTest.read("urumqi-industry-it-bureau-2024").disclosure();
        PublishedTextReader.Result b = PublishedTextReader.readWithNotes("variant.txt", variant, PublishedTextReaderTest.LIB);
        assertThat(b.notes()).isEmpty();
        assertThat(summary(b.disclosure().text())).isEqualTo(summary(a.text()));
    }

    static List<String> summary(DocumentText t) {
        return t.facts().stream().map(f -> f.section() + "|" + f.part().replace('（', '(').replace('）', ')') + "|" + f.key() + "|" + f.kind() + "|"
                + (f.value() == null ? f.items().size() : f.value().stripTrailingZeros().toPlainString()) + "|" + f.word() + "|" + f.reason().isEmpty()).toList();
    }

    @Test
    void aDocumentWithoutItsTextGivesTablesAndANote() throws IOException {
        String doc = raw("urumqi-sme-center-2024");
        String cut = doc.substring(0, doc.indexOf("第三部分 2024年单位预算情况说明"));
        PublishedTextReader.Result r = PublishedTextReader.readWithNotes("cut.txt", cut, PublishedTextReaderTest.LIB);
        assertThat(r.disclosure().tables()).hasSize(11);
        assertThat(r.disclosure().text().sections()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("第三部分"));
        assertThat(Set.copyOf(r.disclosure().text().facts().stream().map(TextFact::section).toList())).containsOnly("第一部分");
    }
}
