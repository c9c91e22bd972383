package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./budget workbook} writes templates and exports; {@code check} and {@code tables} read .xlsx. */
class WorkbookCommandTest {
    static final String SME = "../examples/urumqi-sme-center-2024";
    static final String BUREAU = "../examples/urumqi-industry-it-bureau-2024";

    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BudgetCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void blankTemplateIsWrittenAndChecksClean() {
        Path book = dir.resolve("blank.xlsx");
        Result w = run("workbook", "--year", "2024", "--unit-name", "乌鲁木齐市某中心", "--unit-code", "650100417009",
                "--type", "参公", "--out", book.toString());
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).contains("乌鲁木齐市某中心 2024 年空白填报模板");
        Result c = run("check", book.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).startsWith("乌鲁木齐市某中心：错误 0");
    }

    @Test
    void aBlankFinalWorkbookTakesTheYearsBudgetAndAWrongBasisIsRefused() {
        Path book = dir.resolve("final.xlsx");
        Result w = run("workbook", "--basis", "决算", "--year", "2024", "--unit-name", "乌鲁木齐市中小企业服务中心", "--unit-code", "650100417003",
                "--budget", SME, "--out", book.toString());
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).contains("0 条决算明细").containsPattern("[1-9]\\d* 条年初预算数");
        Result t = run("tables", book.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("收入支出决算总表");
        // a 决算 workbook under a budget's template, and --budget on a budget's workbook: bad input, said at the option
        assertThat(run("workbook", "--basis", "决算", "--year", "2024", "--unit-name", "x", "--unit-code", "1", "--profile", "xinjiang-2024",
                "--out", dir.resolve("x.xlsx").toString()).code()).isEqualTo(2);
        Result b = run("workbook", "--year", "2024", "--unit-name", "x", "--unit-code", "1", "--budget", SME, "--out", dir.resolve("y.xlsx").toString());
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).contains("--budget");
    }

    @Test
    void exportedExampleGivesTheSameTablesAndFindings() {
        // the SME center's round trip is io's WorkbookRoundTripTest; here the CLI road, on the department
        for (String example : new String[] {BUREAU}) {
            Path book = dir.resolve(Path.of(example).getFileName() + ".xlsx");
            Result w = run("workbook", "--from", example, "--out", book.toString());
            assertThat(w.code()).isZero();
            // the SME center (a unit of the bureau) has a text part: a department workbook holds only the department's own
            assertThat(w.err().contains("部门工作簿只含部门本身的文字部分")).isEqualTo(example.equals(BUREAU));
            assertThat(run("tables", book.toString(), "--json").out()).isEqualTo(run("tables", example, "--json").out());
            Result fromBook = run("check", book.toString(), "--json");
            Result fromYaml = run("check", example, "--json");
            assertThat(fromBook.code()).isEqualTo(fromYaml.code()).isZero();
            assertThat(fromBook.out()).isEqualTo(fromYaml.out());
        }
    }

    @Test
    void checkOfABadWorkbookExitsTwoWithLocatedProblems() throws IOException {
        Path book = dir.resolve("sme.xlsx");
        Result export = run("workbook", "--from", SME, "--out", book.toString());
        assertThat(export.code()).isZero();
        assertThat(export.err()).as("a unit's workbook holds its own text: no warning").isEmpty();
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(book)) {
            wb = new XSSFWorkbook(in);
        }
        wb.getSheet("预算明细").getRow(2).getCell(5).setCellValue(-1);
        try (OutputStream o = Files.newOutputStream(book)) {
            wb.write(o);
        }
        wb.close();
        Result r = run("check", book.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("预算明细!F3 [金额（元）]: 金额不能为负数").doesNotContain("Exception");
    }

    @Test
    void checkOfAWorkbookWithAnErrorFindingExitsOne() throws IOException {
        // a well-formed code the year's list lacks: the reader accepts it, the check catalogue reports it
        Path book = dir.resolve("sme.xlsx");
        run("workbook", "--from", SME, "--out", book.toString());
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(book)) {
            wb = new XSSFWorkbook(in);
        }
        wb.getSheet("预算明细").getRow(2).getCell(0).setCellValue("2990101");
        try (OutputStream o = Files.newOutputStream(book)) {
            wb.write(o);
        }
        wb.close();
        // a finance bureau's complete official list: an unknown code is then an error
        Path year = dir.resolve("refdata/classifications/2024");
        Files.createDirectories(year);
        Files.writeString(year.resolve("classifications.yaml"), """
                year: 2024
                functional: {file: functional.csv, complete: true, source: test}
                economic: {file: economic.csv, complete: false, source: test}
                """, java.nio.charset.StandardCharsets.UTF_8);
        Result r = run("check", book.toString(), "--refdata", dir.resolve("refdata").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("C.func.unknown").contains("2990101");
        assertThat(run("check", book.toString()).code()).as("with the partial built-in list it is a notice").isZero();
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(run("workbook", "--out", dir.resolve("x.xlsx").toString()).code()).isEqualTo(2);
        assertThat(run("workbook", "--year", "2024", "--unit-name", "x", "--unit-code", "1", "--out", dir.resolve("x.txt").toString()).code()).isEqualTo(2);
        Result kind = run("workbook", "--year", "2024", "--unit-name", "x", "--unit-code", "1", "--kind", "局", "--out", dir.resolve("x.xlsx").toString());
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("应为 单位 或 部门");
        assertThat(run("workbook", "--year", "1999", "--unit-name", "x", "--unit-code", "1", "--out", dir.resolve("x.xlsx").toString()).code()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("x.xlsx"))).isFalse();
        assertThat(run("check", dir.resolve("missing.xlsx").toString()).code()).isEqualTo(2);
    }
}
