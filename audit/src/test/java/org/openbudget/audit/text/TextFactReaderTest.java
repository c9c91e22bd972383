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

    static final Pattern KEYS = Pattern.compile("staff\\.(authorized|actual|active|retired|honorary)|offices|agency\\.type|total|income\\.(total|sources|"
            + "gpb\\.local|gpb\\.transfer|gfb\\.local|gfb\\.transfer|soc\\.local|soc\\.transfer|edu|unit|carry\\.fiscal|carry\\.nonfiscal)"
            + "|expense\\.(classes|total|basic|project)|fiscal\\.(total|gpb|gfb|soc|class:\\d{3}|item:\\d{7})|gpb\\.(total|basic|project|basic\\.personnel|basic\\.public|class:\\d{3}|item:\\d{7})"
            + "|project\\.(name|amount|unit|alloc|withheld)|(gfb|soc|carry)\\.empty|(gfb|soc)\\.total|tpe\\.(total|abroad|vehicle|vehicle\\.purchase|vehicle\\.run|reception)"
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

    /**
     * Procurement read by the outline's compiled statements: "2024年，{unit}政府采购预算{total}万元" after the unit's name
     * (a Han character before the words, which 车辆 inside 其他车辆 must not be read at), and the sentence the 中小企业
     * center's text breaks after its "其中：" read on into the next paragraph.
     */
    @Test
    void procurementAfterTheUnitsNameAndOverItsBrokenSentence() throws IOException {
        List<TextFact> sme = text("urumqi-sme-center-2024").facts().stream().filter(f -> f.key().startsWith("proc.")).toList();
        assertThat(sme).extracting(f -> f.key() + "=" + f.value().toPlainString())
                .containsExactly("proc.total=1.89", "proc.goods=0.10", "proc.works=0", "proc.services=1.79", "proc.sme=0.29", "proc.micro=0.29");
        assertThat(text("urumqi-industry-it-bureau-2024").facts()).filteredOn(f -> f.key().equals("proc.total"))
                .extracting(f -> f.value().toPlainString()).containsExactly("5373.29");
    }

    @Test
    void staffing() throws IOException {
        assertThat(text("urumqi-sme-center-2024").overview().staffing()).isEqualTo(new Staffing(14, 35, 14, 0, 21, 0, 0, 0));
        assertThat(text("urumqi-sci-tech-info-center-2024").overview().staffing()).isEqualTo(new Staffing(15, 42, 14, 0, 28, -2, 0, 0));
        assertThat(text("urumqi-industry-it-bureau-2024").overview().staffing()).isEqualTo(new Staffing(123, 292, 112, 11, 178, -3, 2, -5));
    }

    @Test
    void overviewGlossaryAndClosing() throws IOException {
        DocumentText sme = text("urumqi-sme-center-2024");
        assertThat(sme.overview().functions()).hasSize(3).first().asString().startsWith("按照相关规定").endsWith("专业化服务。");
        assertThat(sme.overview().offices()).isEmpty();
        assertThat(sme.glossary()).extracting(DocumentText.GlossaryEntry::term)
                .containsExactly("财政拨款", "一般公共预算", "财政专户管理资金", "其他资金", "基本支出", "项目支出", "“三公”经费", "机关运行经费");
        assertThat(sme.glossary().get(7).definition()).startsWith("指行政单位（含参照公务员法管理事业单位）的公用").endsWith("及其他费用。");
        assertThat(sme.closingName()).isEqualTo("乌鲁木齐市中小企业服务中心");
        assertThat(sme.closingDate()).isEqualTo("2024年 2月 22日");
        DocumentText sci = text("urumqi-sci-tech-info-center-2024");
        assertThat(sci.overview().offices()).containsExactly("综合部", "信息研究与资源共享部", "创新创业与科技传播部");
        assertThat(sci.overview().functions()).hasSize(5);
        DocumentText dept = text("urumqi-industry-it-bureau-2024");
        assertThat(dept.overview().functions()).hasSize(12);
        assertThat(dept.overview().offices()).hasSize(14).contains("产业发展和规划管理科（园区管理科）");
        assertThat(dept.overview().subordinateUnits()).containsExactly("乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）（本级）",
                "乌鲁木齐市节能监察中心", "乌鲁木齐市中小企业服务中心", "乌鲁木齐市工业和信息化项目中心");
        assertThat(dept.closingDate()).isEqualTo("2024年2月22日");
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
        // the overall table's unit row prints a remark after its label ("单位名称 (盖章)"): the name is the cell after it
        assertThat(sci.get(0).unitName()).isEqualTo("乌鲁木齐科技信息服务中心");
        assertThat(text("urumqi-industry-it-bureau-2024").performance().get(0).unitName()).isEqualTo("乌鲁木齐市工业和信息化局 (乌鲁木齐市大数据发展局)");
        assertThat(sci.get(0).total()).isEqualByComparingTo("332.37");
        assertThat(sci.get(0).phone()).isEqualTo("4660433");
        // a tab row gives every column; a row whose first cells were lost keeps its 三级指标 and the levels above it
        assertThat(sci.get(1).indicators().get(4)).isEqualTo(new PerformanceTable.Indicator("产出指标", "时效指标", "电视栏目制作完成及时性",
                "=2 期", "自定义", "新增指标，无上年完成值", new BigDecimal("10"), "按照正常比例赋分", "工作资料"));
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

    /** A 项 of 五（三）that neither 表5 nor the year's classification knows: a reader note, and the check misses it in 五（三）. */
    @Test
    void anUnknownItemNameIsANoteAndTheItemIsMissed() throws IOException {
        String doc = raw("urumqi-sme-center-2024").replace("事业单位离\n\n退休（项）", "事业单位离\n\n休退休（项）");
        PublishedTextReader.Result r = PublishedTextReader.readWithNotes("renamed.txt", doc, PublishedTextReaderTest.LIB);
        assertThat(r.notes()).singleElement().asString().contains("五（三）").contains("事业单位离休退休（项）");
        Disclosure d = r.disclosure();
        var findings = org.openbudget.core.check.CheckCatalogue.runOnly("text.gpb-items-listed", d,
                PublishedTextReaderTest.LIB.profile(d.profileId()), PublishedTextReaderTest.LIB.year(d.year()));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("2080502"));
    }

    /** A subject the profile's text_rules do not list but 表1's row labels do (其中：事业收入) maps to that row. */
    @Test
    void tableLabelsAreSubjectsToo() throws IOException {
        String doc = raw("urumqi-sme-center-2024").replace("上级政府性基金安排的转移支付资金未安排。", "事业收入未安排。");
        PublishedTextReader.Result r = PublishedTextReader.readWithNotes("labels.txt", doc, PublishedTextReaderTest.LIB);
        assertThat(r.notes()).isEmpty();
        assertThat(r.disclosure().text().fact("income.unit.biz", FactKind.AMOUNT)).get()
                .satisfies(f -> assertThat(f.value()).isZero());
        assertThat(r.disclosure().text().facts("income.gfb.transfer")).isEmpty();
    }

    @Test
    void aDocumentOfTablesOnlyHasNoTextAndNoNote() throws IOException {
        String doc = raw("urumqi-sci-tech-info-center-2024");
        String tables = doc.substring(doc.lastIndexOf("第二部分"), doc.lastIndexOf("第三部分"));
        PublishedTextReader.Result r = PublishedTextReader.readWithNotes("tables.txt", tables, PublishedTextReaderTest.LIB);
        assertThat(r.notes()).isEmpty();
        assertThat(r.disclosure().tables()).hasSize(11);
        assertThat(r.disclosure().text().isEmpty()).isTrue();
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
