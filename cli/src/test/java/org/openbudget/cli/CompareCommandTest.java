package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ./budget compare BUDGET FINAL}: exit codes, and what bad arguments are told. */
class CompareCommandTest {
    static final String SME = "../examples/urumqi-sme-center-2024";
    static final Path PUTUO = Path.of("../../shared/realdocs/shanghai-putuo");

    static AuditCommandTest.Run run(String... args) {
        return AuditCommandTest.run(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one document only      | compare " + SME + "                                   | FINAL",
            "an unknown format      | compare " + SME + " " + SME + " --format pdf          | 应为 text、csv、json、html 或 xlsx",
            "xlsx to the terminal   | compare " + SME + " " + SME + " --format xlsx         | Excel 输出需要 --out",
            "a threshold below 0    | compare " + SME + " " + SME + " --threshold -5        | 阈值应在 0 到 1000 之间",
            "no such file           | compare " + SME + " nowhere/决算.pdf                  | 文件不存在",
            "a budget as the final  | compare " + SME + " " + SME + "                       | 第二份文档（乌鲁木齐市中小企业服务中心 2024）是预算，应为决算"})
    void badArgumentsSayWhatIsExpected(String what, String args, String told) {
        AuditCommandTest.Run r = run(args.trim().split("\\s+"));
        assertThat(r.rc()).as(r.out() + r.err()).isEqualTo(BudgetCli.BAD_INPUT);
        assertThat(r.err()).contains(told).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * Our own pairs: the SME center's 2024 预算 and 决算 datasets, and the industry-IT bureau's (a department of four units,
     * its 预算 with 上年结转 lines): the 决算's 年初预算数 are the 预算's (no CMP.initial), and the reasons our own 说明 gives
     * are seen — no CMP.reason where the 说明 gives one: none at all (the bureau's 一般公共预算财政拨款支出 as a whole is explained by
     * its 项, and the reason its 说明 gives for 其他科学技术支出（项） is that 项's, not its 款's of the same name).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "urumqi-sme-center-2024          | urumqi-sme-center-final-2024          | 乌鲁木齐市中小企业服务中心 2024年度决算（模板 national-final-2016 | 一般公共预算财政拨款支出 | 304.15 | 304.16 | 0.01 | 100.00% | 警告 0",
            "urumqi-industry-it-bureau-2024  | urumqi-industry-it-bureau-final-2024  | 乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局） 2024年度决算（模板 national-final-2016 | 一般公共预算拨款 · 206 04 99 其他技术研究与开发支出 | 2103.00 | 3728.20 | 1625.20 | 177.28% | 原因：使用上年结转资金1,680.00万元"})
    void ourOwnBudgetAndFinalAccountsAreComparedWithoutError(String budget, String fin, String title, String label, String b, String a,
                                                             String diff, String rate, String told) {
        AuditCommandTest.Run r = run("compare", "../examples/" + budget, "../examples/" + fin);
        assertThat(r.rc()).as(r.out() + r.err()).isEqualTo(BudgetCli.OK);
        assertThat(r.out()).contains("决算：" + title, label + " | " + b + " | " + a + " | " + diff + " | " + rate, "比较结果：错误 0，警告 0", told)
                .doesNotContain("CMP.initial");
        for (String line : r.out().split("\n")) {
            if (line.contains("CMP.reason")) assertThat(line).as("a reason the 说明 gives").doesNotContain("206 04 99", "215 05 02", "公务接待费");
        }
    }

    @Test
    void aPairOfDifferentUnitsAndYearsIsRefusedUnlessForced(@TempDir Path tmp) throws Exception {
        Path budget = PUTUO.resolve("2026年普陀区司法局部门预算.pdf"), fin = PUTUO.resolve("2024年度普陀区财政局部门决算.pdf");
        assumeTrue(Files.isRegularFile(budget), "shared/realdocs not present");
        AuditCommandTest.Run refused = run("compare", budget.toString(), fin.toString());
        assertThat(refused.rc()).isEqualTo(BudgetCli.BAD_INPUT);
        assertThat(refused.err()).contains("不是同一单位同一年度的预算和决算", "年度不同", "单位不同", "--force");

        Path out = tmp.resolve("对比.xlsx");
        AuditCommandTest.Run forced = run("compare", budget.toString(), fin.toString(), "--force", "--format", "xlsx", "--out", out.toString());
        // the 说明's 年初预算数 disagree with another unit's budget: errors, exit 1
        assertThat(forced.rc()).as(forced.out() + forced.err()).isEqualTo(BudgetCli.FINDINGS);
        assertThat(forced.err()).contains("注意（--force）：年度不同");
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("项目");
            assertThat(wb.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(50);
            assertThat(wb.getSheet("比较结果").getRow(1).getCell(1).getStringCellValue()).startsWith("CMP.");
        }
        assertThat(tmp.toFile().list()).containsExactly("对比.xlsx");   // no temporary file left behind
    }
}
