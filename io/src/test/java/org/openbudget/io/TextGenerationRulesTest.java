package org.openbudget.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.io.refdata.ProfileReader;
import org.openbudget.io.refdata.ReferenceLibrary;

/** Rules of the generated text that the three examples do not exercise. */
class TextGenerationRulesTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    @TempDir Path dir;

    DocumentText text(String lines, String narrative) throws IOException {
        Path p = dir.resolve("dataset.yaml");
        Files.writeString(p, """
                format: budget-dataset/1
                budget_year: 2024
                profile: xinjiang-2024
                agency: {agency_code: "001", agency_name: 测试中心, agency_kind: 单位, agency_type: 事业}
                projects:
                  - {pro_code: P1, pro_name: 测试项目}
                  - {pro_code: P2, pro_name: 特定目标 X1, classified: true}
                lines:
                """ + lines + narrative, StandardCharsets.UTF_8);
        return new Workspace(LIB).load(p).disclosure().text();
    }

    static String section(DocumentText t, String numeral) {
        return String.join("\n", t.section(numeral).map(Section::paragraphs).orElseThrow());
    }

    @Test
    void incomeLinesZeroInBothYearsFollowTheProfileAndOthersArePrinted() throws IOException {
        DocumentText t = text("""
                  - {exp_func_code: "2150899", dep_bgt_eco_code: "30101", nature: 基本, fund_source: GPB, amount: "750000"}
                  - {exp_func_code: "2150899", dep_bgt_eco_code: "30201", nature: 基本, fund_source: UNIT_BIZ, amount: "250000"}
                """, "closing_date: 2024-02-22\n");
        String two = section(t, "二");
        assertThat(two).contains("一般公共预算75.00万元，占75.00%，比上年预算增加75.00万元，增长100.00%。");   // new, no reason given
        assertThat(two).contains("单位资金25.00万元，占25.00%");                  // omitted only when zero both years
        assertThat(two).doesNotContain("财政专户管理资金").contains("上级一般公共预算安排的转移支付资金未安排。");
        assertThat(two).contains("政府性基金预算0.00万元，占0.00%，比上年预算增加0.00万元，增长0.00%。");
        assertThat(section(t, "一")).contains("收入预算包括：一般公共预算、单位资金。");
        assertThat(t.fact("income.unit", FactKind.SHARE).orElseThrow().value()).isEqualByComparingTo("25.00");
        assertThat(t.fact("income.gpb.transfer", FactKind.AMOUNT).orElseThrow().value()).isZero();
    }

    @Test
    void classifiedProjectsAreWithheldAndGetNoPerformanceTable() throws IOException {
        DocumentText t = text("""
                  - {exp_func_code: "2150899", dep_bgt_eco_code: "30213", nature: 项目, pro_code: P1, fund_source: GPB, amount: "100000"}
                  - {exp_func_code: "2150899", dep_bgt_eco_code: "30299", nature: 项目, pro_code: P2, fund_source: GPB, amount: "20000"}
                """, """
                project_texts:
                  - pro_code: P1
                    basis: 依据
                    allocation: [{item: 维修(护)费, amount: "10"}]
                    period: 全年
                    target: {goal: 目标, indicators: [[产出指标, 数量指标, 次数, "=1次", 计划标准, 1次, 90, 按照完成比例赋分, 工作资料]]}
                  - pro_code: P2
                """);
        String seven = section(t, "七");
        assertThat(seven).contains("项目名称：特定目标 X1\n设立的政策依据：完全不予公开。\n预算安排规模：2.00万元");
        assertThat(seven).contains("资金分配情况：完全不予公开。\n资金执行时间：完全不予公开。");
        assertThat(t.facts("project.withheld")).singleElement().satisfies(f -> assertThat(f.items()).containsExactly("完全不予公开。"));
        assertThat(t.performance()).singleElement().satisfies(p -> assertThat(p.projectName()).isEqualTo("测试项目"));
        assertThat(section(t, "十二")).contains("当年财政拨款项目2个，涉及预算金额12.00万元，其中有1个涉密项目，涉及预算资金2万元；");
    }

    @Test
    void aFundTableWithMoneyIsExplainedAndAnEmptyOneGivesItsSentence() throws IOException {
        DocumentText t = text("""
                  - {exp_func_code: "2150899", dep_bgt_eco_code: "30101", nature: 基本, fund_source: GPB, amount: "100000"}
                  - {exp_func_code: "2290402", dep_bgt_eco_code: "30905", nature: 项目, pro_code: P1, fund_source: GFB, amount: "300000"}
                """, "closing_date: 2024-02-22\n");
        assertThat(section(t, "八")).isEqualTo("测试中心2024年政府性基金预算拨款支出30.00万元，其中：人员经费0.00万元，公用经费0.00万元，项目支出30.00万元。");
        assertThat(t.fact("gfb.total", FactKind.AMOUNT).orElseThrow().value()).isEqualByComparingTo("30.00");
        assertThat(section(t, "九")).contains("没有使用国有资本经营预算拨款安排的支出");
        assertThat(section(t, "四")).contains("收入包括一般公共预算拨款、政府性基金预算拨款，无国有资本经营预算。");
    }

    @Test
    void aProfileThatLacksASentencePatternIsReportedWhereItIs() throws IOException {
        String yaml = Files.readString(Path.of("../refdata/profiles/xinjiang-2024.yaml"), StandardCharsets.UTF_8);
        String broken = yaml.replaceAll("(?m)^    s5\\.item: .*\\n", "");
        assertThat(broken).isNotEqualTo(yaml);
        assertThatThrownBy(() -> ProfileReader.read("xinjiang-2024.yaml", broken))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).extracting(InputProblem::message)
                        .anyMatch(m -> m.contains("s5.item")));
        List<String> titles = ProfileReader.read("p.yaml", yaml).text().titles().keySet().stream().toList();
        assertThat(titles).hasSize(12);
    }

    @Test
    void anOutlineWithAnUnknownMeasureBlockOrOptionIsRefusedAtItsLines() throws IOException {
        String yaml = Files.readString(Path.of("../refdata/profiles/xinjiang-2024.yaml"), StandardCharsets.UTF_8);
        String broken = yaml.replace("measure: gpb & basic,   label: 基本支出}", "measure: gpb & basics,   label: 基本支出}")
                .replace("        - heading: s5.heading2\n", "        - headline: s5.heading2\n")
                .replace("          share_of: gpb\n", "          share_off: gpb\n");
        assertThat(broken).isNotEqualTo(yaml);
        assertThatThrownBy(() -> ProfileReader.read("xinjiang-2024.yaml", broken))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).extracting(InputProblem::message)
                        .anySatisfy(m -> assertThat(m).contains("未知的度量 basics"))
                        .anySatisfy(m -> assertThat(m).contains("an outline block of unknown kind"))
                        .anySatisfy(m -> assertThat(m).contains("share_off")))
                .satisfies(e -> assertThat(((InputException) e).problems()).allSatisfy(p -> assertThat(p.line()).isPositive()));
    }
}
