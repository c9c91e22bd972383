package org.openbudget.io.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.io.InputException;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The text part's sheets: read by the dataset's own text-part rules, each problem at its cell. The
 * workbook is the SME center's example exported (its text part: 3 functions, personnel,
 * comparatives, reasons, class notes, one project text with 8 indicators, procurement, assets, date).
 */
class WorkbookTextPartTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    @TempDir static Path exported;
    static Path book;
    static Budget sme;

    @TempDir Path dir;
    int edits;

    @BeforeAll
    static void export() {
        sme = new DatasetReader(LIB).read(Path.of("../examples/urumqi-sme-center-2024"));
        book = exported.resolve("book.xlsx");
        new WorkbookWriter(LIB.year(2024), LIB.profile(sme.profileId())).write(sme, book);
    }

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
        return WorkbookReaderTest.cell(wb, sheet, ref);
    }

    List<String> problems(Path p) {
        try {
            new WorkbookReader(LIB).read(p);
        } catch (InputException e) {
            return e.problems().stream().map(x -> x.toString().replace(p.normalize().toString(), "book.xlsx")).toList();
        }
        throw new AssertionError("no problem reported");
    }

    @Test
    void theExportedSheetsHoldTheText() throws IOException {
        try (InputStream in = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            for (Sheet s : wb) names.add(s.getSheetName());
            assertThat(names).containsExactly("填表说明", "单位信息", "项目", "预算明细", "主要职能", "内设机构", "人员情况", "上年比较数", "变动原因",
                    "类用途说明", "项目说明", "资金分配", "项目绩效指标", "结转说明", "政府采购", "国有资产", "整体绩效目标", "整体绩效指标", "其他事项", "代码表");
            assertThat(wb.getSheet("主要职能").getRow(2).getCell(0).getStringCellValue()).startsWith("按照相关规定");
            assertThat(wb.getSheet("人员情况").getRow(1).getCell(0).getStringCellValue()).isEqualTo("编制数");
            assertThat(wb.getSheet("人员情况").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(14);
            Cell goods = wb.getSheet("政府采购").getRow(1).getCell(1);
            assertThat(goods.getNumericCellValue()).isEqualTo(0.1);
            assertThat(goods.getCellStyle().getDataFormatString()).as("0.10 keeps its two decimals").isEqualTo("0.00");
            assertThat(wb.getSheet("项目绩效指标").getRow(2).getCell(4).getStringCellValue()).isEqualTo("=6场");
            assertThat(wb.getSheet("单位信息").getRow(8).getCell(1).getStringCellValue()).isEqualTo("2024-02-22");
        }
    }

    @Test
    void whatPeopleTypeIsReadAsTheyMeanIt() {
        Path p = edited(wb -> {
            // a date typed as a date, 100% typed as a percentage, a weight and an amount typed differently
            Cell date = cell(wb, "单位信息", "B9");
            date.setCellValue(java.time.LocalDate.of(2024, 2, 23));
            CellStyle ds = wb.createCellStyle();
            ds.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            date.setCellStyle(ds);
            Cell pct = cell(wb, "项目绩效指标", "G7");
            pct.setCellValue(1.0);
            CellStyle ps = wb.createCellStyle();
            ps.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0%"));
            pct.setCellStyle(ps);
            cell(wb, "政府采购", "B2").setCellValue("0.10");                  // as text
            cell(wb, "资金分配", "C3").setCellValue(34.33);                    // General format
        });
        Narrative n = new WorkbookReader(LIB).read(p).narrative();
        assertThat(n.closingDate()).isEqualTo("2024-02-23");
        assertThat(n.projects().get(0).target().indicators().get(4).lastYear()).isEqualTo("100%");
        assertThat(n.procurement().goods()).isEqualTo(new BigDecimal("0.10"));
        assertThat(n.projects().get(0).allocation().get(0).amount()).isEqualByComparingTo("34.33");
    }

    @Test
    void textProblemsAreLocatedAtTheirCells() {
        Path p = edited(wb -> {
            cell(wb, "变动原因", "A3").setCellValue("income.gpb.locl");             // unknown key
            cell(wb, "上年比较数", "B4").setCellValue("一千");                       // not a number
            cell(wb, "类用途说明", "A5").setCellValue("201");                       // a 类 the budget does not spend on
            cell(wb, "项目绩效指标", "H4").setCellValue("十分");                     // weight not a number
            cell(wb, "资金分配", "A3").setCellValue("65010024T999999999");          // unknown project
            cell(wb, "人员情况", "B2").setCellValue("十四");                         // not a count
            cell(wb, "单位信息", "B9").setCellValue("2024年2月22日");                // not ISO
        });
        assertThat(problems(p)).containsExactly(
                "book.xlsx 单位信息!B9 [落款日期]: 日期应为 YYYY-MM-DD，实际为 \"2024年2月22日\" (an ISO date is expected)",
                "book.xlsx 人员情况!B2 [编制数]: 应为整数，实际为 \"十四\" (a whole number is expected)",
                "book.xlsx 上年比较数!B4 [上年预算数（万元）]: 金额应为数字（万元），实际为 \"一千\" (a number of 万元 is expected)",
                "book.xlsx 变动原因!A3 [键]: 未知的原因键 income.gpb.locl：模板 xinjiang-2024 的文字不说明它比上年的增减（可用的键如 income.gpb.local, income.gpb.transfer, income.gfb.local, gpb.item:2080505 …） (a reason explains the change of a key the template's text compares)",
                "book.xlsx 类用途说明!A5 [功能分类类]: 类 201 没有当年财政拨款支出 (a note for a 类 the budget does not spend on)",
                "book.xlsx 资金分配!A3 [项目代码]: 项目代码 65010024T999999999 不在本数据集（或其单位）的 projects 中 (unknown project)",
                "book.xlsx 项目绩效指标!H4 [分值权重]: 分值权重应为数字，实际为 \"十分\" (a number is expected)");
    }

    @Test
    void duplicateKeysAndBlankRequiredCells() {
        Path p = edited(wb -> {
            cell(wb, "变动原因", "A4").setCellValue("income.gpb.local");            // row 3 has it already
            cell(wb, "资金分配", "B3").setBlank();
        });
        assertThat(problems(p)).containsExactly(
                "book.xlsx 变动原因!A4 [键]: “income.gpb.local”重复（第 3 行已有）",
                "book.xlsx 资金分配!B3 [资金分配内容]: 不能为空（资金分配内容为必填项）");
    }

    @Test
    void everyKeyTheDropDownsOfferIsAKeyOfTheTextPart() throws IOException {
        List<String> reasonKeys = new ArrayList<>();
        List<String> amountKeys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet lists = wb.getSheet("代码表");
            assertThat(lists.getRow(0).getCell(7).getStringCellValue()).isEqualTo("变动原因键");
            for (int r = 1; r <= lists.getLastRowNum(); r++) {
                Row row = lists.getRow(r);
                if (row.getCell(7) != null) reasonKeys.add(row.getCell(7).getStringCellValue().split(" ")[0]);
                if (row.getCell(8) != null) amountKeys.add(row.getCell(8).getStringCellValue().split(" ")[0]);
            }
            assertThat(WorkbookTemplateTest.refersTo(wb, "list_reason_keys")).isEqualTo("代码表!$H$2:$H$" + (reasonKeys.size() + 1));
        }
        assertThat(reasonKeys).contains("income.gpb.local", "running", "gpb.item:2150899", "gpb.item:2060499");
        assertThat(amountKeys).containsAll(reasonKeys).contains("income.total", "gpb.class:215");
        StringBuilder yaml = new StringBuilder("reasons:\n");
        for (String k : reasonKeys) yaml.append("  \"").append(k).append("\": 原因\n");
        yaml.append("last_year:\n  amounts:\n");
        for (String k : amountKeys) yaml.append("    \"").append(k).append("\": \"1.00\"\n");
        List<org.openbudget.io.InputProblem> problems = new ArrayList<>();
        org.openbudget.io.dataset.TextPartReader.read("keys.yaml", yaml.toString(), LIB.year(2024),
                LIB.profile(sme.profileId()).text().outline(), sme, problems);
        assertThat(problems).isEmpty();
        // the keys come from the template's text: what it does not state is refused, naming the template
        List<org.openbudget.io.InputProblem> refused = new ArrayList<>();
        org.openbudget.io.dataset.TextPartReader.read("keys.yaml", "reasons:\n  gpb.total: 原因\nlast_year:\n  amounts:\n    no.such.key: \"1.00\"\n",
                LIB.year(2024), LIB.profile(sme.profileId()).text().outline(), sme, refused);
        assertThat(refused).extracting(org.openbudget.io.InputProblem::message)
                .anySatisfy(m -> assertThat(m).contains("未知的原因键 gpb.total").contains("xinjiang-2024"))
                .anySatisfy(m -> assertThat(m).contains("未知的比较数键 no.such.key"));
    }

    @Test
    void aKeyIsReadWithOrWithoutItsMeaning() {
        Path p = edited(wb -> cell(wb, "变动原因", "A3").setCellValue("income.gpb.local"));   // typed without the meaning
        assertThat(new WorkbookReader(LIB).read(p).narrative().reasons()).containsKey("income.gpb.local").hasSize(sme.narrative().reasons().size());
        try (InputStream in = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("变动原因").getRow(2).getCell(0).getStringCellValue()).isEqualTo("income.gpb.local 二 一般公共预算");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aWorkbookWithoutTextSheetsHasNoText() {
        Path p = edited(wb -> {
            for (String s : List.of("主要职能", "内设机构", "人员情况", "上年比较数", "变动原因", "类用途说明", "项目说明", "资金分配", "项目绩效指标",
                    "结转说明", "政府采购", "国有资产", "整体绩效目标", "整体绩效指标", "其他事项")) {
                wb.removeSheetAt(wb.getSheetIndex(s));
            }
            Row closing = wb.getSheet("单位信息").getRow(8);
            closing.removeCell(closing.getCell(1));
        });
        Budget b = new WorkbookReader(LIB).read(p);
        assertThat(b.narrative().isEmpty()).isTrue();
        assertThat(b.lines()).hasSize(sme.lines().size());
    }
}
