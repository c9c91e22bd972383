package org.openbudget.io.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Bad workbooks get every problem located by sheet, row and column, with what is expected; the
 * usual spreadsheet habits (numbers as text, codes as numbers, blank rows, formulas) are read.
 * The workbook under test is the SME center's example exported: 预算明细 rows 3–21, the project
 * line last (row 21); columns A 功能分类, B 经济分类, C 性质, D 项目代码, E 资金来源, F 金额.
 */
class WorkbookReaderTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    static final Path SME = Path.of("../examples/urumqi-sme-center-2024");
    static final Path BUREAU = Path.of("../examples/urumqi-industry-it-bureau-2024");

    @TempDir static Path exported;
    static Path smeBook;
    static Budget sme;

    @TempDir Path dir;
    Path book;
    int edits;

    @BeforeAll
    static void export() {
        sme = new DatasetReader(LIB).read(SME);
        smeBook = exported.resolve("book.xlsx");
        new WorkbookWriter(LIB.year(2024), LIB.profile(sme.profileId())).write(sme, smeBook);
    }

    @BeforeEach
    void start() {
        book = smeBook;
    }

    /** The exported workbook (book.xlsx) changed by {@code edit}, saved as a new file. */
    Path edited(Consumer<XSSFWorkbook> edit) {
        try {
            XSSFWorkbook wb;
            try (InputStream in = Files.newInputStream(book)) {
                wb = new XSSFWorkbook(in);
            }
            edit.accept(wb);
            Path out = dir.resolve("edited-" + (++edits) + ".xlsx");
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
            wb.close();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Cell cell(XSSFWorkbook wb, String sheet, String ref) {
        org.apache.poi.ss.util.CellReference r = new org.apache.poi.ss.util.CellReference(ref);
        Sheet s = wb.getSheet(sheet);
        Row row = s.getRow(r.getRow()) == null ? s.createRow(r.getRow()) : s.getRow(r.getRow());
        return row.getCell(r.getCol()) == null ? row.createCell(r.getCol()) : row.getCell(r.getCol());
    }

    List<String> problems(Path p) {
        try {
            new WorkbookReader(LIB).read(p);
        } catch (InputException e) {
            return e.problems().stream().map(x -> x.toString().replace(p.normalize().toString(), "book.xlsx")).toList();
        }
        throw new AssertionError("no problem reported");
    }

    Budget read(Path p) {
        return new WorkbookReader(LIB).read(p);
    }

    @Test
    void malformedCodeAndMismatchedName() {
        Path p = edited(wb -> {
            cell(wb, "预算明细", "A3").setCellValue("20805");
            cell(wb, "预算明细", "B4").setCellValue("30108 基本工资");
        });
        assertThat(problems(p)).containsExactly(
                "book.xlsx 预算明细!A3 [支出功能分类（项）]: 功能分类科目应为 7 位数字的项级编码，实际为 \"20805\"",
                "book.xlsx 预算明细!B4 [部门预算支出经济分类（款）]: 编码 30108 的名称应为“机关事业单位基本养老保险缴费”，实际写的是“基本工资”（编码与名称不符，请从下拉列表重新选择）");
    }

    @Test
    void negativeAmountAndTextInAmount() {
        Path p = edited(wb -> {
            cell(wb, "预算明细", "F3").setCellValue(-5);
            cell(wb, "预算明细", "F5").setCellValue("三十万");
            cell(wb, "预算明细", "F6").setCellValue(12.345);
        });
        assertThat(problems(p)).containsExactly(
                "book.xlsx 预算明细!F3 [金额（元）]: 金额不能为负数，实际为 -5 (amount must be ≥ 0)",
                "book.xlsx 预算明细!F5 [金额（元）]: 金额应为数字（元），实际为 \"三十万\" (a number of 元 is expected)",
                "book.xlsx 预算明细!F6 [金额（元）]: 金额以元为单位，最多两位小数，实际为 12.345");
    }

    @Test
    void projectLineWithoutProjectAndBasicLineWithOne() {
        Path p = edited(wb -> {
            cell(wb, "预算明细", "C3").setCellValue("项目");
            cell(wb, "预算明细", "D4").setCellValue("65010024T000000001");
            cell(wb, "预算明细", "D21").setCellValue("65010024T999999999");
        });
        assertThat(problems(p)).containsExactly(
                "book.xlsx 预算明细!D3 [项目代码]: 项目支出必须填写项目代码 pro_code (a 项目 line must name its project)",
                "book.xlsx 预算明细!D4 [项目代码]: 基本支出不应填写项目代码 (a 基本 line has no project)",
                "book.xlsx 预算明细!D21 [项目代码]: 项目代码 65010024T999999999 不在 “项目”工作表 中 (unknown project)");
    }

    @Test
    void unknownSourceAndBlankRequiredCell() {
        Path p = edited(wb -> {
            cell(wb, "预算明细", "E3").setCellValue("XYZ");
            cell(wb, "预算明细", "E4").setCellValue("GPB 上级补助收入");
            cell(wb, "预算明细", "C5").setBlank();
        });
        assertThat(problems(p)).as("in reading order: sheet, row, column").containsExactly(
                "book.xlsx 预算明细!E3 [资金来源]: 未知的资金来源 \"XYZ\" (expected a code such as GPB or a name from funding-sources.csv)",
                "book.xlsx 预算明细!E4 [资金来源]: 资金来源 GPB 的名称应为“本级一般财力”，实际写的是“上级补助收入”（请从下拉列表重新选择）",
                "book.xlsx 预算明细!C5 [支出性质]: 不能为空（支出性质为必填项：基本 / 项目）");
    }

    @Test
    void missingSheet() {
        Path p = edited(wb -> wb.removeSheetAt(wb.getSheetIndex("预算明细")));
        assertThat(problems(p)).containsExactly(
                "book.xlsx 预算明细: 缺少工作表“预算明细”（单位工作簿应有工作表 单位信息、项目、预算明细；请勿删除或改名）");
        Path q = edited(wb -> wb.removeSheetAt(wb.getSheetIndex("单位信息")));
        assertThat(problems(q)).singleElement().asString().startsWith("book.xlsx 单位信息: 缺少工作表“单位信息”：这不是本系统的预算填报模板");
    }

    @Test
    void wrongTemplateVersion() {
        Path p = edited(wb -> cell(wb, "单位信息", "B2").setCellValue("budget-workbook/0"));
        assertThat(problems(p)).containsExactly("book.xlsx 单位信息!B2 [模板版本]: 模板版本为“budget-workbook/0”，本系统读取 budget-workbook/1 的工作簿："
                + "请下载新模板，把数据复制过去 (wrong or old template version)");
    }

    @Test
    void agencyCodeTypedAsNumberLosesItsLeadingZeros() {
        Path p = edited(wb -> cell(wb, "单位信息", "B5").setCellValue(650100417003d));
        assertThat(problems(p)).containsExactly("book.xlsx 单位信息!B5 [单位代码]: 应以文本填写（数字会丢掉前导零，如 001 变成 1）：实际是数字 650100417003，"
                + "请把单元格设为文本格式后重新输入代码 (a code must be text, not a number)");
    }

    @Test
    void codesAsNumbersAmountsAsTextAndBlankRowsAreRead() {
        Path p = edited(wb -> {
            cell(wb, "预算明细", "A3").setCellValue(2080502d);             // a classification code as a number
            cell(wb, "预算明细", "B3").setCellValue(30302d);
            cell(wb, "预算明细", "F3").setCellValue("186,300.00");         // an amount as text
            cell(wb, "预算明细", "A4").setCellValue("208 05 05");          // the printed form of a code
            Sheet s = wb.getSheet("预算明细");
            s.createRow(25);                                              // blank rows (21 → 26) then one more line
            Row extra = s.createRow(26);
            extra.createCell(0).setCellValue("2150899");
            extra.createCell(1).setCellValue("30201");
            extra.createCell(2).setCellValue("基本支出");
            extra.createCell(4).setCellValue("本级一般财力");
            extra.createCell(5).setCellValue(0.01);
            extra.createCell(6).setCellValue("只有备注的行不是数据");
            s.createRow(27).createCell(6).setCellValue("只有备注");
        });
        Budget b = read(p);
        assertThat(b.lines()).hasSize(sme.lines().size() + 1);
        assertThat(b.lines().get(0).funcCode()).isEqualTo("2080502");
        assertThat(b.lines().get(0).amountFen()).isEqualTo(18_630_000L);
        assertThat(b.lines().get(1).funcCode()).isEqualTo("2080505");
        LedgerLine last = b.lines().get(b.lines().size() - 1);
        assertThat(last.nature()).isEqualTo(Nature.BASIC);
        assertThat(last.fundSource()).isEqualTo("GPB");
        assertThat(last.amountFen()).isEqualTo(1);
        assertThat(last.origin().line()).isEqualTo(27);
    }

    @Test
    void formulasGiveTheirCachedValuesOrAreRefused() {
        Path ok = edited(wb -> {
            Cell c = cell(wb, "预算明细", "F3");
            c.setCellFormula("100000+86300");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(c);   // what Excel does on save
        });
        assertThat(read(ok).lines().get(0).amountFen()).isEqualTo(18_630_000L);
        Path never = edited(wb -> {                   // written by a program that does not calculate
            Cell c = cell(wb, "预算明细", "F3");
            c.setBlank();
            c.setCellFormula("100000+86300");
        });
        assertThat(problems(never)).containsExactly("book.xlsx 预算明细!F3 [金额（元）]: 公式 =100000+86300 没有计算结果："
                + "请在 Excel 或 WPS 中打开、重新计算并保存后再读取，或把公式改为数值");
        Path error = edited(wb -> {
            Cell c = cell(wb, "预算明细", "F4");
            c.setCellFormula("1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(c);
        });
        assertThat(problems(error)).containsExactly("book.xlsx 预算明细!F4 [金额（元）]: 单元格的值是错误 #DIV/0!（公式 =1/0），请改正");
    }

    @Test
    void amountsAreTheFifteenDigitsExcelShows() {
        Path p = edited(wb -> {
            Cell c = cell(wb, "预算明细", "F3");
            c.setCellFormula("0.1+0.2");                       // 0.30000000000000004 as a double
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(c);
        });
        assertThat(read(p).lines().get(0).amountFen()).isEqualTo(30);
    }

    @Test
    void aCodeTurnedIntoADateIsReported() {
        Path p = edited(wb -> {
            Cell c = cell(wb, "预算明细", "B3");
            c.setCellValue(java.time.LocalDate.of(2024, 3, 2));
            org.apache.poi.ss.usermodel.CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            c.setCellStyle(date);
        });
        assertThat(problems(p)).containsExactly("book.xlsx 预算明细!B3 [部门预算支出经济分类（款）]: 单元格是日期格式（Excel 把输入当成了日期）：请把单元格设为文本格式后重新输入");
    }

    @Test
    void mergedCellsAreRefused() {
        Path p = edited(wb -> wb.getSheet("预算明细").addMergedRegion(CellRangeAddress.valueOf("A5:A6")));
        assertThat(problems(p)).containsExactly("book.xlsx 预算明细!A5 [合并单元格]: 合并单元格 A5:A6：数据区域不能合并单元格，"
                + "请取消合并并在每个单元格中填写 (merged cells are not allowed)");
    }

    @Test
    void renamedHeaderIsReported() {
        Path p = edited(wb -> cell(wb, "预算明细", "F2").setCellValue("amout"));
        assertThat(problems(p)).containsExactly(
                "book.xlsx 预算明细!F2 [表头]: 未知的列“amout”（第 2 行应为字段名：exp_func_code、dep_bgt_eco_code、nature、pro_code、fund_source、amount、note；请勿修改表头）",
                "book.xlsx 预算明细!H2 [表头]: 缺少列 amount（金额（元））");
    }

    @Test
    void everyProblemIsReportedAndNothingIsHalfRead() {
        Path p = edited(wb -> {
            cell(wb, "项目", "A3").setCellValue(123d);                       // project code as a number
            cell(wb, "预算明细", "F3").setCellValue(-1);
            cell(wb, "预算明细", "F10").setCellValue("x");
        });
        assertThat(problems(p)).extracting(s -> s.substring(0, s.indexOf(" [")))
                .containsExactly("book.xlsx 项目!A3", "book.xlsx 预算明细!F3", "book.xlsx 预算明细!F10", "book.xlsx 预算明细!D21");
    }

    @Test
    void notAWorkbook() throws IOException {
        Path txt = Files.writeString(dir.resolve("fake.xlsx"), "hello", StandardCharsets.UTF_8);
        assertThat(problems(txt)).singleElement().asString().contains("不是 Excel 工作簿");
        Path xls = Files.writeString(dir.resolve("old.xls"), "hello", StandardCharsets.UTF_8);
        assertThat(problems(xls)).singleElement().asString().contains("另存为” .xlsx");
    }

    @Test
    void departmentWorkbookUnitsAreChecked() {
        Budget bureau = new DatasetReader(LIB).read(BUREAU);
        book = dir.resolve("bureau.xlsx");
        new WorkbookWriter(LIB.year(2024), LIB.profile(bureau.profileId())).write(bureau, book);
        Path p = edited(wb -> {
            cell(wb, "预算明细", "A3").setCellValue("650100417999");
            cell(wb, "组成单位", "A4").setCellValue(cell(wb, "组成单位", "A3").getStringCellValue());
        });
        List<String> problems = problems(p);
        assertThat(problems).contains("book.xlsx 组成单位!A4 [单位代码]: 单位代码 650100417001 重复 (duplicate unit)",
                "book.xlsx 预算明细!A3 [单位代码]: 单位代码 650100417999 不在“组成单位”中 (unknown unit)");
    }

    @Test
    void problemsCarryTheirCell() {
        Path p = edited(wb -> cell(wb, "预算明细", "F3").setCellValue(-5));
        try {
            read(p);
            throw new AssertionError("no problem");
        } catch (InputException e) {
            InputProblem x = e.problems().get(0);
            assertThat(x.cell()).isEqualTo("预算明细!F3");
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.field()).isEqualTo("金额（元）");
        }
    }
    @Test
    void aProblemAtAnAgencyFieldIsAtItsContentCell() throws IOException {
        // moved down a row, as a user inserting a row would: still found by its label
        Path p = edited(wb -> wb.getSheet(WorkbookLayout.AGENCY).shiftRows(1, wb.getSheet(WorkbookLayout.AGENCY).getLastRowNum(), 1));
        byte[] bytes = Files.readAllBytes(p);
        InputProblem x = WorkbookReader.agencyFieldProblem("book.xlsx", bytes, WorkbookLayout.F_PROFILE, "模板应为 karamay-2024");
        assertThat(x.cell()).isEqualTo(WorkbookLayout.cell(WorkbookLayout.AGENCY, 1, x.line()));
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            Row row = wb.getSheet(WorkbookLayout.AGENCY).getRow(x.line() - 1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(WorkbookLayout.F_PROFILE);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("xinjiang-2024");
        }
        assertThat(x.toString()).isEqualTo("book.xlsx " + x.cell() + " [公开模板]: 模板应为 karamay-2024");
        // not a workbook: the sheet and the field only
        InputProblem y = WorkbookReader.agencyFieldProblem("x.xlsx", "no".getBytes(StandardCharsets.UTF_8), WorkbookLayout.F_PROFILE, "m");
        assertThat(y.cell()).isEqualTo(WorkbookLayout.AGENCY);
        assertThat(y.line()).isZero();
    }
}
