package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./budget text PATH}: the whole generated text, in document order. */
class TextCommandTest {
    @Test
    void printsTheWholeTextInDocumentOrder() {
        BudgetCliTest.Result r = BudgetCliTest.run("text", BudgetCliTest.BUREAU);
        assertThat(r.code()).isZero();
        String out = r.out();
        String[] inOrder = {"第一部分 2024年乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）部门概况", "一、主要职能",
                "1、乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）（本级）", "第三部分 2024年部门预算情况说明",
                "一、关于乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）2024年收支预算情况总体说明", "收支总预算33,898.98万元",
                "7、城乡社区支出（类）其他城乡社区支出（款）其他城乡社区支出（项）：2024年预算数为0.00万元，比上年预算减少678.85万元，下降100.00%",
                "资金分配情况：完全不予公开", "8. 特定目标 0710193B 1,355.00万元，完全不予公开。", "十二、其他重要事项的情况说明",
                "部门整体绩效目标表", "项目支出绩效目标表", "第四部分 名词解释", "八、机关运行经费：", "2024年2月22日"};
        int at = 0;
        for (String s : inOrder) {
            int i = out.indexOf(s, at);
            assertThat(i).as("「" + s + "」 after position " + at).isGreaterThanOrEqualTo(0);
            at = i;
        }
    }

    /** A section is headed by the profile's numbering (text.section_number), as the renderer heads it, not by "{numeral}、". */
    @Test
    void sectionsAreNumberedAsTheProfileNumbersThem(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Path.of("../refdata/profiles/xinjiang-2024.yaml"));
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/xinjiang-2024.yaml"),
                OutlineAsDataRoundTripTest.changed(yaml, "section_number: \"{cn}、\"", "section_number: \"第{cn}节 \""));
        BudgetCliTest.Result r = BudgetCliTest.run("text", "--refdata", dir.toString(), BudgetCliTest.SME);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\n第一节 关于").contains("\n第十二节 ").doesNotContain("\n一、关于").doesNotContain("\n十二、");
    }

    @Test
    void factsListEveryNumberWithItsSource() {
        BudgetCliTest.Result r = BudgetCliTest.run("text", BudgetCliTest.SME, "--facts");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("五\t（三）\tgpb.item:2150805\t").contains("RATE\t100.00\t下降\t");
        assertThat(r.out()).contains("二\t\tincome.gpb.local\t一般公共预算\tSHARE\t100.00");
    }

    @Test
    void aDatasetWithoutTextSaysSo(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("dataset.yaml");
        Files.writeString(p, """
                format: budget-dataset/1
                budget_year: 2024
                profile: xinjiang-2024
                agency: {agency_code: "001", agency_name: 测试单位, agency_kind: 单位, agency_type: 事业}
                lines:
                  - {exp_func_code: "2150899", dep_bgt_eco_code: "30101", nature: 基本, fund_source: GPB, amount: "500000"}
                """);
        BudgetCliTest.Result r = BudgetCliTest.run("text", p.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("没有文字部分的数据");
    }

    @Test
    void badTextDataExitsTwoWithTheLocation(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("dataset.yaml");
        Files.writeString(p, """
                format: budget-dataset/1
                budget_year: 2024
                profile: xinjiang-2024
                agency: {agency_code: "001", agency_name: 测试单位, agency_kind: 单位, agency_type: 事业}
                lines:
                  - {exp_func_code: "2150899", dep_bgt_eco_code: "30101", nature: 基本, fund_source: GPB, amount: "500000"}
                reasons:
                  expense.basik: 拼错了
                """);
        BudgetCliTest.Result r = BudgetCliTest.run("text", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("dataset.yaml:8").contains("[reasons.expense.basik]").doesNotContain("Exception");
    }
}
