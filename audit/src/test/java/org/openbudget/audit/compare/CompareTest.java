package org.openbudget.audit.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.finals.FinalAccountsAuditTest;
import org.openbudget.audit.report.CompareReport;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.compare.Compare;
import org.openbudget.core.compare.Comparison;
import org.openbudget.core.compare.Comparison.Line;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.Overview;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 预算 against 决算 (core/compare, docs/compare.md): a synthetic pair — the SME center's 2024 budget as derived from its
 * dataset, and a 决算 of the same unit and year built here with disagreements planted in it — and a real pair of
 * 普陀区 documents read from their PDFs.
 */
class CompareTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    static Comparison planted;

    @BeforeAll
    static void plant() {
        Workspace.Loaded budget = new Workspace(LIB).load(Path.of("../examples/urumqi-sme-center-2024"));
        TemplateProfile fp = LIB.profile("national-final-2016");
        Disclosure fin = new Disclosure(budget.disclosure().unitName(), AgencyKind.UNIT, 2024, fp.id(), List.of(gpbExpense(), threePublic()),
                new DocumentText(Overview.EMPTY, List.of(), List.of(
                        said(1, "2、科学技术支出（类）技术研究与开发（款）其他技术研究与开发支出（项）", "20.00", "34.33", "项目延期至下一年度实施"),
                        said(2, "3、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）", "24.00", "26.63", ""),
                        said(3, "“三公”经费财政拨款支出", "1.50", "1.89", "厉行节约，压减公务用车运行费")),
                        List.of(), List.of(), "", ""), "synthetic");
        assertThat(Compare.mismatch(budget.disclosure(), budget.profile(), fin, fp)).isEmpty();
        planted = Compare.compare(budget.disclosure(), budget.profile(), fin, fp, LIB.year(2024).sources(), LIB.compareRules());
    }

    /** 一般公共预算财政拨款支出决算表: 2060499 spent 20.00 of 34.33 (a reason given), 2080502 25.00 of 18.63 (none), 2010101 5.00 not budgeted. */
    static DisclosureTable gpbExpense() {
        List<Row> rows = List.of(
                total("304.00", "279.00", "25.00"),
                cls("201", "一般公共服务支出", "5.00", "5.00", null), cls("20101", "人大事务", "5.00", "5.00", null),
                cls("2010101", "行政运行", "5.00", "5.00", null),
                cls("206", "科学技术支出", "20.00", null, "20.00"), cls("20604", "技术研究与开发", "20.00", null, "20.00"),
                cls("2060499", "其他技术研究与开发支出", "20.00", null, "20.00"),
                cls("208", "社会保障和就业支出", "49.00", "49.00", null), cls("20805", "行政事业单位养老支出", "49.00", "49.00", null),
                cls("2080502", "事业单位离退休", "25.00", "25.00", null), cls("2080505", "机关事业单位基本养老保险缴费支出", "24.00", "24.00", null),
                cls("215", "资源勘探工业信息等支出", "230.00", "225.00", "5.00"), cls("21508", "支持中小企业发展和管理支出", "230.00", "225.00", "5.00"),
                cls("2150899", "其他支持中小企业发展和管理支出", "230.00", "225.00", "5.00"));
        return new DisclosureTable(5, "一般公共预算财政拨款支出决算表", List.of("合计", "基本支出", "项目支出"), rows, false, "", "gpb_expense", "表5");
    }

    /** 财政拨款“三公”经费支出决算表: its 预算数 合计 says 2.50 where the 预算 printed 1.89; 决算数 1.50, all 公务用车运行费. */
    static DisclosureTable threePublic() {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < 6; i++) cols.addAll(List.of("预算数", "决算数"));
        Row row = new Row(null, RowKind.TOTAL, "total", "", "金额", "", "",
                amounts("2.50", "1.50", null, null, "1.89", "1.50", null, null, "1.89", "1.50", null, null));
        return new DisclosureTable(7, "财政拨款“三公”经费支出决算表", cols, List.of(row), false, "", "three_public", "表7");
    }

    static TextFact said(int n, String subject, String actual, String budgeted, String reason) {
        return new TextFact("五", "", "final.vs-budget." + n, subject, FactKind.AMOUNT, new BigDecimal(actual), "小于", reason,
                List.of(budgeted), "line:" + (100 + n), subject + "年初预算为" + budgeted + "万元，支出决算为" + actual + "万元。");
    }

    static Row cls(String code, String name, String... v) {
        return new Row(null, RowKind.CLASS, "", code, name, "", "", amounts(v));
    }

    static Row total(String... v) {
        return new Row(null, RowKind.TOTAL, "", "", "合计", "", "", amounts(v));
    }

    static List<BigDecimal> amounts(String... v) {
        return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
    }

    static Line line(Comparison c, String label) {
        return c.lines().stream().filter(l -> l.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + label + " in " + c.lines().stream().map(Line::label).toList()));
    }

    static List<String> found(Comparison c) {
        return c.findings().stream().map(f -> f.severity().json() + " " + f.id() + " "
                + (f.code().isEmpty() ? f.message().split("：(?=预算|决算)")[0] : f.code()) + " " + f.found()).toList();
    }

    @Test
    void theComparisonFindsWhatWasPlantedAndNothingElse() {
        // side by side, by the money the cells measure: the 预算's 表5 (一般公共预算, this year's money) against the 决算's
        Line other = line(planted, "一般公共预算拨款 · 206 04 99 其他技术研究与开发支出");
        assertThat(other.budget()).isEqualByComparingTo("34.33");
        assertThat(other.actual()).isEqualByComparingTo("20.00");
        assertThat(other.difference()).isEqualByComparingTo("-14.33");
        assertThat(other.rate().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("58.26");
        assertThat(other.budgetFrom().table()).isEqualTo("一般公共预算支出情况表");
        assertThat(other.actualFrom().table()).isEqualTo("一般公共预算财政拨款支出决算表");
        assertThat(other.stated()).extracting(s -> s.value().toPlainString()).containsExactly("34.33");
        assertThat(other.reason()).isEqualTo("项目延期至下一年度实施");
        // a 项 spent and not budgeted: 预算数 0, no 完成率
        Line unbudgeted = line(planted, "一般公共预算财政拨款支出 · 201 01 01 行政运行");
        assertThat(unbudgeted.budget()).isZero();
        assertThat(unbudgeted.rate()).isNull();
        // the “三公” of the 预算 (财政拨款) against the 决算's, with the 决算's own 预算数 column
        Line tpe = line(planted, "财政拨款 · “三公”经费");
        assertThat(tpe.budget()).isEqualByComparingTo("1.89");
        assertThat(tpe.actual()).isEqualByComparingTo("1.50");
        assertThat(tpe.stated()).extracting(s -> s.value().toPlainString()).containsExactly("2.50", "1.89");

        assertThat(found(planted)).containsExactlyInAnyOrder(
                "error CMP.initial 财政拨款 · “三公”经费 2.50",   // the “三公” table's 预算数 合计 (the 预算 printed 1.89)
                "error CMP.initial 2080505 26.63",                // the 说明's 年初预算 of 2080505 (the 预算 printed 24.63)
                "warning CMP.reason 2080502 未说明",               // 18.63 → 25.00, no reason (its 款 and 类: explained by their 项)
                "warning CMP.reason 2010101 未说明",               // not budgeted, no reason
                // 公务用车 1.89 → 1.50: the 说明 gave its reason for the “三公” total only
                "warning CMP.reason 财政拨款 · 公务用车购置及运行费（小计） 未说明",
                "warning CMP.reason 财政拨款 · 公务用车运行费 未说明");
        Finding wrongThree = planted.findings().stream().filter(f -> f.id().equals("CMP.initial") && f.code().isEmpty()).findFirst().orElseThrow();
        assertThat(wrongThree.expected()).isEqualTo("1.89");
        assertThat(wrongThree.message()).contains("《财政拨款“三公”经费支出决算表》", "《财政拨款“三公”经费支出情况表》");
    }

    @Test
    void everyFormatCarriesTheTableAndTheFindings() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CompareReport.json(planted));
        assertThat(json.get("final").get("basis").asText()).isEqualTo("决算");
        assertThat(json.get("lines").size()).isEqualTo(planted.lines().size());
        assertThat(json.get("counts").get("error").asInt()).isEqualTo(2);
        String csv = CompareReport.csv(planted);
        assertThat(csv).startsWith("\uFEFF\"分组\",\"项目\"").contains("\"58.26\"", "\"CMP.initial\"");
        assertThat(CompareReport.text(planted)).contains("一般公共预算拨款 · 206 04 99 其他技术研究与开发支出 | 34.33 | 20.00 | -14.33 | 58.26%");
        assertThat(CompareReport.html(planted)).contains("<th>完成率（%）</th>").doesNotContain("<script");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(CompareReport.xlsx(planted)))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("预算数（万元）");
            assertThat(wb.getSheetAt(1).getPhysicalNumberOfRows()).isEqualTo(planted.findings().size() + 1);
        }
    }

    /**
     * The 普陀区 财政局's real 2024 决算 against a 2024 预算 that prints what its 说明 says was budgeted (年初预算为… of
     * 五（三）) — but 职业年金 81.80 for the 80.81 the 说明 states: exactly that 项 and the total disagree.
     */
    @Test
    void theRealFinalAccountsAgainstTheBudgetTheirTextStates() {
        Path pdf = Path.of("../../shared/realdocs/shanghai-putuo/2024年度普陀区财政局部门决算.pdf");
        assumeTrue(Files.isRegularFile(pdf), "shared/realdocs not present");
        DocumentAudit.Result f = FinalAccountsAuditTest.audited(pdf);
        List<Row> rows = List.of(total("2994.92", null, null),
                cls("201", "一般公共服务支出", "2156.47"), cls("20106", "财政事务", "2156.47"), cls("2010601", "行政运行", "1560.05"),
                cls("2010602", "一般行政管理事务", "10.00"), cls("2010607", "信息化建设", "135.90"), cls("2010608", "财政委托业务支出", "450.52"),
                cls("208", "社会保障和就业支出", "329.91"), cls("20805", "行政事业单位养老支出", "329.91"), cls("2080501", "行政单位离退休", "85.55"),
                cls("2080505", "机关事业单位基本养老保险缴费支出", "161.62"), cls("2080506", "机关事业单位职业年金缴费支出", "81.80"),
                cls("2080599", "其他行政事业单位养老支出", "0.94"),
                cls("210", "卫生健康支出", "62.29"), cls("21011", "行政事业单位医疗", "62.29"), cls("2101101", "行政单位医疗", "62.29"),
                cls("221", "住房保障支出", "446.25"), cls("22102", "住房改革支出", "446.25"), cls("2210201", "住房公积金", "187.75"),
                cls("2210203", "购房补贴", "258.50"));
        // its “三公” of 一般公共预算 (the 决算 prints all 财政拨款): 0.95 of 公务接待费, as the 决算's 预算数 column and 说明 say
        DisclosureTable tpe = new DisclosureTable(7, "一般公共预算“三公”经费支出表",
                List.of("合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费"),
                List.of(new Row(null, RowKind.TOTAL, "total", "", "预算数", "", "", amounts("0.95", null, null, null, null, "0.95"))), false, "", "three_public", "表7");
        // a 部门 预算, as the 决算 is a 部门决算 (read so since the reader tells 部门 from 单位 by the cover's words)
        Disclosure budget = new Disclosure("上海市普陀区财政局", AgencyKind.DEPARTMENT, 2024, "national-2016",
                List.of(new DisclosureTable(5, "一般公共预算支出表", List.of("合计", "基本支出", "项目支出"), rows, false, "", "gpb_expense", "表5"), tpe),
                "synthetic");
        TemplateProfile bp = LIB.profile("national-2016"), fp = LIB.profile(f.disclosure().profileId());
        assertThat(Compare.mismatch(budget, bp, f.disclosure(), fp)).isEmpty();
        Comparison c = Compare.compare(budget, bp, f.disclosure(), fp, LIB.year(2024).sources(), LIB.compareRules(), f::page);

        Line running = line(c, "一般公共预算拨款 · 201 06 01 行政运行");
        assertThat(running.actual()).isEqualByComparingTo("1511.89");
        assertThat(running.rate().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("96.91");
        assertThat(running.stated()).singleElement().satisfies(s -> assertThat(s.from().page()).isEqualTo(22));
        assertThat(running.reason()).isEqualTo("人员进出及退休变化，减少人员经费开支");
        // the “三公”: budgeted, not spent; the 决算's table and 说明 state the 预算's 0.95, the 说明 its reason for the total
        Line three = line(c, "一般公共预算拨款 · “三公”经费（决算口径更宽：全部财政拨款）");
        assertThat(three.actual()).isZero();
        assertThat(three.stated()).extracting(x -> x.value().toPlainString()).containsExactly("0.95", "0.95");
        assertThat(three.reason()).isEqualTo("当年度无“三公”经费支出");
        assertThat(found(c)).containsExactlyInAnyOrder(
                "warning CMP.reason 一般公共预算拨款 · 公务接待费（决算口径更宽：全部财政拨款） 未说明",
                "error CMP.initial 2080506 80.81",              // the planted 职业年金
                "error CMP.initial 一般公共预算拨款（支出） 2993.92");   // and the total it is part of
        // the same 预算 as a unit's against the department's 决算: the two are not alike, and the comparison says so
        Disclosure unitsBudget = new Disclosure(budget.unitName(), AgencyKind.UNIT, budget.year(), budget.profileId(), budget.tables(), "synthetic");
        assertThat(Compare.compare(unitsBudget, bp, f.disclosure(), fp, LIB.year(2024).sources(), LIB.compareRules(), f::page).findings())
                .filteredOn(x -> x.id().equals("CMP.kind")).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.NOTICE));
    }

    @Test
    void aRealPairIsReadByMeasuresWithItsPages() {
        Path dir = Path.of("../../shared/realdocs/shanghai-putuo");
        Path budgetPdf = dir.resolve("2026年普陀区司法局部门预算.pdf");
        assumeTrue(Files.isRegularFile(budgetPdf), "shared/realdocs not present");
        DocumentAudit.Result b = DocumentAudit.run(budgetPdf, LIB);
        DocumentAudit.Result f = FinalAccountsAuditTest.audited(dir.resolve("2024年度普陀区财政局部门决算.pdf"));
        TemplateProfile bp = LIB.profile(b.disclosure().profileId()), fp = LIB.profile(f.disclosure().profileId());
        // shared/ holds no 预算 and 决算 of one unit and year: the pair is refused, saying which and why
        assertThat(Compare.mismatch(b.disclosure(), bp, f.disclosure(), fp)).containsExactly(
                "年度不同：第一份（预算）是 2026 年的，第二份（决算）是 2024 年的（应为同一年度：N 年预算与 N 年度决算）",
                "单位不同：第一份（预算）的单位是“上海市普陀区司法局”，第二份（决算）的单位是“上海市普陀区财政局”");
        assertThat(Compare.mismatch(f.disclosure(), fp, b.disclosure(), bp).get(0)).startsWith("两份文档的顺序颠倒");
        // compared anyway, the reading by measures holds: the 决算's 说明 statements on their lines, with their pages
        Comparison c = Compare.compare(b.disclosure(), bp, f.disclosure(), fp, LIB.year(2024).sources(), LIB.compareRules(), f::page);
        Line pension = line(c, "一般公共预算拨款 · 208 05 05 机关事业单位基本养老保险缴费支出");
        assertThat(pension.actual()).isEqualByComparingTo("160.75");
        assertThat(pension.actualFrom().page()).isEqualTo(15);
        assertThat(pension.budgetFrom().page()).isEqualTo(15);
        assertThat(pension.stated()).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualByComparingTo("161.62");
            assertThat(s.from().page()).isEqualTo(22);
        });
        assertThat(pension.reason()).isEqualTo("预算按充分保障预估，实际执行基本贴合预期");
        assertThat(c.findings()).filteredOn(x -> x.id().equals("CMP.initial") && x.code().equals("2080505"))
                .singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
        assertThat(f.disclosure().kind()).isEqualTo(AgencyKind.DEPARTMENT);                  // 2024年度普陀区财政局部门决算
        assertThat(c.findings()).filteredOn(x -> x.id().equals("CMP.kind")).isEmpty();       // a 部门 预算 and a 部门 决算
    }
}
