package org.openbudget.io.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Agency;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.io.refdata.ReferenceLibrary;

/** The blank workbook, read back with POI: its sheets, drop-down lists, validations and header rows. */
class WorkbookTemplateTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    @TempDir Path dir;

    Path blank(AgencyKind kind, int year) {
        Path out = dir.resolve("blank-" + kind + year + ".xlsx");
        new WorkbookTemplate(LIB).write(new Agency("0012", "测试单位", kind, AgencyType.PUBLIC_INSTITUTION), year,
                LIB.defaultProfile("预算", year), out);
        return out;
    }

    static XSSFWorkbook open(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void unitTemplateHasItsSheetsInOrderAndHidesTheLists() throws IOException {
        try (XSSFWorkbook wb = open(blank(AgencyKind.UNIT, 2024))) {
            List<String> names = new java.util.ArrayList<>();
            for (Sheet s : wb) names.add(s.getSheetName());
            assertThat(names).containsExactly("填表说明", "单位信息", "项目", "预算明细", "主要职能", "内设机构", "人员情况", "上年比较数", "变动原因",
                    "类用途说明", "项目说明", "资金分配", "项目绩效指标", "结转说明", "政府采购", "国有资产", "整体绩效目标", "整体绩效指标", "其他事项", "代码表");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("代码表"))).isTrue();
            assertThat(wb.isSheetHidden(wb.getSheetIndex("预算明细"))).isFalse();
            assertThat(wb.getSheet("填表说明").getRow(0).getCell(0).getStringCellValue()).isEqualTo("测试单位 2024年单位预算填报表");
            Sheet info = wb.getSheet("单位信息");
            assertThat(info.getRow(1).getCell(1).getStringCellValue()).isEqualTo(WorkbookLayout.VERSION);
            assertThat(info.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2024);
            assertThat(info.getRow(4).getCell(1).getStringCellValue()).isEqualTo("0012");
            assertThat(info.getRow(4).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("@");
        }
    }

    @Test
    void codeColumnsDropDownTheYearsListsAndAmountsAreValidated() throws IOException {
        ReferenceData ref = LIB.year(2024);
        try (XSSFWorkbook wb = open(blank(AgencyKind.UNIT, 2024))) {
            XSSFSheet lines = wb.getSheet("预算明细");
            // header rows: labels, then field names (with a hint on a second line); frozen
            List<String> fields = new java.util.ArrayList<>();
            for (int c = 0; c < lines.getRow(1).getLastCellNum(); c++) fields.add(lines.getRow(1).getCell(c).getStringCellValue().split("\n")[0]);
            assertThat(fields).containsExactly("exp_func_code", "dep_bgt_eco_code", "nature", "pro_code", "fund_source", "amount", "note");
            assertThat(lines.getRow(0).getCell(0).getStringCellValue()).isEqualTo("支出功能分类（项） *");
            assertThat(lines.getPaneInformation().isFreezePane()).isTrue();
            assertThat(lines.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(lines.getColumnWidth(0)).isGreaterThanOrEqualTo(30 * 256);

            Map<String, String> validation = new HashMap<>();
            for (DataValidation v : lines.getDataValidations()) {
                CellRangeAddress r = v.getRegions().getCellRangeAddress(0);
                DataValidationConstraint k = v.getValidationConstraint();
                validation.put(r.formatAsString(), k.getFormula1());
                if (r.getFirstColumn() == 5) {
                    assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
                    assertThat(k.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.FORMULA);
                }
            }
            assertThat(validation).containsEntry("A3:A2002", "list_func").containsEntry("B3:B2002", "list_eco")
                    .containsEntry("C3:C2002", "list_nature").containsEntry("D3:D2002", "list_projects")
                    .containsEntry("E3:E2002", "list_source")
                    .containsEntry("F3:F2002", "AND(ISNUMBER(F3),F3>=0,ROUND(F3,2)=F3)");

            // the lists: every 项 of the year's functional classification, every 款 of the economic one, every source
            long items = ref.functional().items().stream().filter(i -> i.level() == 3).count();
            long sections = ref.economic().items().stream().filter(i -> i.level() == 2).count();
            assertThat(refersTo(wb, "list_func")).isEqualTo("代码表!$A$2:$A$" + (items + 1));
            assertThat(refersTo(wb, "list_eco")).isEqualTo("代码表!$B$2:$B$" + (sections + 1));
            assertThat(refersTo(wb, "list_source")).isEqualTo("代码表!$C$2:$C$" + (ref.sources().size() + 1));
            assertThat(refersTo(wb, "list_projects")).isEqualTo("项目!$A$3:$A$2002");
            Sheet lists = wb.getSheet("代码表");
            ClassItem first = ref.functional().items().stream().filter(i -> i.level() == 3).findFirst().orElseThrow();
            assertThat(lists.getRow(1).getCell(0).getStringCellValue()).isEqualTo(first.code() + " " + first.name());
            assertThat(lists.getRow(1).getCell(2).getStringCellValue()).isEqualTo("GPB 本级一般财力");
            assertThat(lists.getRow((int) items).getCell(0).getStringCellValue()).matches("\\d{7} .+");
            assertThat(lists.getRow((int) items + 1) == null || lists.getRow((int) items + 1).getCell(0) == null).isTrue();
        }
    }

    @Test
    void theListsComeFromTheYearsReferenceData() throws IOException {
        // a finance bureau's own list (--refdata DIR) is what the drop-down offers
        Path refdata = dir.resolve("refdata/classifications/2024");
        Files.createDirectories(refdata);
        String builtIn = new String(getClass().getClassLoader().getResourceAsStream("refdata/classifications/2024/functional.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(refdata.resolve("functional.csv"), builtIn.strip() + "\n2999901,本局自定义测试项\n", java.nio.charset.StandardCharsets.UTF_8);
        Path out = dir.resolve("own.xlsx");
        new WorkbookTemplate(new ReferenceLibrary(dir.resolve("refdata"))).write(
                new Agency("001", "测试单位", AgencyKind.UNIT, AgencyType.ADMINISTRATIVE), 2024, "xinjiang-2024", out);
        try (XSSFWorkbook own = open(out); XSSFWorkbook std = open(blank(AgencyKind.UNIT, 2024))) {
            assertThat(column(own.getSheet("代码表"))).contains("2999901 本局自定义测试项");
            assertThat(column(std.getSheet("代码表"))).doesNotContain("2999901 本局自定义测试项");
        }
    }

    @Test
    void departmentTemplateHasAUnitsSheetAndAUnitColumn() throws IOException {
        try (XSSFWorkbook wb = open(blank(AgencyKind.DEPARTMENT, 2024))) {
            assertThat(wb.getSheet("组成单位")).isNotNull();
            assertThat(wb.getSheet("预算明细").getRow(1).getCell(0).getStringCellValue()).startsWith("agency_code");
            assertThat(refersTo(wb, "list_units")).isEqualTo("组成单位!$A$3:$A$2002");
            assertThat(refersTo(wb, "list_projects")).isEqualTo("项目!$B$3:$B$2002");
        }
    }

    @Test
    void theBlankTemplateReadsBackAsAnEmptyBudgetOfItsUnit() {
        Budget b = new WorkbookReader(LIB).read(blank(AgencyKind.UNIT, 2024));
        assertThat(b.agency()).isEqualTo(new Agency("0012", "测试单位", AgencyKind.UNIT, AgencyType.PUBLIC_INSTITUTION));
        assertThat(b.year()).isEqualTo(2024);
        assertThat(b.profileId()).isEqualTo("xinjiang-2024");
        assertThat(b.lines()).isEmpty();
        assertThat(b.projects()).isEmpty();
        assertThat(b.narrative().isEmpty()).as("empty text sheets give no text").isTrue();
    }

    static String refersTo(XSSFWorkbook wb, String name) {
        Name n = wb.getName(name);
        assertThat(n).as("defined name " + name).isNotNull();
        return n.getRefersToFormula().replace("'", "");
    }

    static List<String> column(Sheet s) {
        List<String> out = new java.util.ArrayList<>();
        for (int r = 1; r <= s.getLastRowNum(); r++) {
            if (s.getRow(r) != null && s.getRow(r).getCell(0) != null) out.add(s.getRow(r).getCell(0).getStringCellValue());
        }
        return out;
    }
}
