package org.openbudget.io.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.ledger.Agency;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Origin;
import org.openbudget.io.InputException;
import org.openbudget.io.Workspace;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.json.DisclosureJson;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A 决算 dataset in the workbook (docs/workbook.md, "A 决算 workbook"): the example exported and read back is the same
 * 决算 — its actual spending, every flow of its accounts, the 年初预算数, the “三公” details, 政府采购 and 国有资产 — and
 * derives the same document; a bad cell of the 决算's own sheets is reported at its sheet, row and column.
 */
class FinalWorkbookTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    static final Path FINAL = Path.of("../examples/urumqi-sme-center-final-2024");
    static final Path BUDGET = Path.of("../examples/urumqi-sme-center-2024");

    @TempDir static Path dir;
    static Budget yaml;
    static Path book;

    @BeforeAll
    static void export() {
        yaml = new DatasetReader(LIB).read(FINAL);
        book = dir.resolve("final.xlsx");
        new WorkbookWriter(LIB.year(2024), LIB.profile(yaml.profileId())).write(yaml, book);
    }

    static List<LedgerLine> bare(List<LedgerLine> lines) {
        return lines.stream().map(l -> new LedgerLine(l.agencyCode(), l.funcCode(), l.ecoCode(), l.nature(), l.projectCode(), l.fundSource(),
                l.amountFen(), Origin.NONE)).toList();
    }

    static Map<String, List<LedgerLine>> flows(Budget b) {
        return b.accounts().flows().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> bare(e.getValue())));
    }

    @Test
    void exportedAndReadBackIsTheSameFinalAccounts() {
        Budget excel = new WorkbookReader(LIB).read(book);
        assertThat(excel.isFinal()).isTrue();
        assertThat(excel.projects()).isEqualTo(yaml.projects());
        assertThat(bare(excel.lines())).isEqualTo(bare(yaml.lines())).isNotEmpty();
        assertThat(excel.lines().get(0).origin()).isEqualTo(new Origin(book.normalize() + " 决算明细", 3));
        assertThat(flows(excel)).isEqualTo(flows(yaml)).containsKeys("received", "budget.initial");
        assertThat(excel.narrative()).isEqualTo(yaml.narrative());
        assertThat(excel.narrative().threePublic().vehiclesHeld()).isEqualTo(1);
        assertThat(excel.narrative().procurement()).isNotNull();

        Workspace ws = new Workspace(LIB);
        var fromYaml = ws.load(FINAL);
        var fromExcel = ws.load(book);
        assertThat(DisclosureJson.write(fromExcel.disclosure())).isEqualTo(DisclosureJson.write(fromYaml.disclosure()));
        assertThat(fromExcel.disclosure().text()).isEqualTo(fromYaml.disclosure().text());
    }

    @Test
    void aBlankFinalWorkbookTakesTheYearsBudgetAsItsInitialBudget() {
        Budget budget = new DatasetReader(LIB).read(BUDGET);
        Budget blank = new WorkbookTemplate(LIB).blankFinal(new Agency(budget.agency().code(), budget.agency().name(), AgencyKind.UNIT, AgencyType.PUBLIC_INSTITUTION),
                2024, "national-final-2016", budget);
        Path out = dir.resolve("blank-final.xlsx");
        new WorkbookWriter(LIB.year(2024), LIB.profile("national-final-2016")).write(blank, out);
        Budget read = new WorkbookReader(LIB).read(out);
        assertThat(read.isFinal()).isTrue();
        assertThat(read.lines()).isEmpty();
        assertThat(bare(read.accounts().flow("budget.initial"))).isEqualTo(bare(budget.allLines())).isNotEmpty();
        assertThat(read.projects()).isEqualTo(budget.projects());
    }

    /** The exported 决算 workbook changed by {@code edit}: its problems, each with its cell. */
    static List<String> problems(String name, Consumer<XSSFWorkbook> edit) {
        Path out = dir.resolve(name + ".xlsx");
        try (InputStream in = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            edit.accept(wb);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            new WorkbookReader(LIB).read(out);
        } catch (InputException e) {
            return e.problems().stream().map(p -> p.cell() + " [" + p.field() + "] " + p.message()).toList();
        }
        throw new AssertionError("no problem reported");
    }

    /** The 1-based row of 收支与结转 holding the first entry of a flow. */
    static int firstRowOf(XSSFWorkbook wb, String flow) {
        Sheet s = wb.getSheet(WorkbookLayout.ACCOUNTS);
        for (Row r : s) if (r.getRowNum() >= 2 && r.getCell(0).getStringCellValue().startsWith(flow + " ")) return r.getRowNum() + 1;
        throw new AssertionError("no " + flow + " row");
    }

    static void set(XSSFWorkbook wb, String sheet, String ref, Object value) {
        var r = new org.apache.poi.ss.util.CellReference(ref);
        Row row = wb.getSheet(sheet).getRow(r.getRow());
        var c = row.getCell(r.getCol()) == null ? row.createCell(r.getCol()) : row.getCell(r.getCol());
        if (value instanceof Number n) c.setCellValue(n.doubleValue());
        else c.setCellValue(value.toString());
    }

    @Test
    void badCellsOfTheFinalSheetsAreReportedAtTheirCells() {
        int[] at = new int[1];
        List<String> p = problems("bad", wb -> {
            int r = firstRowOf(wb, "received");
            at[0] = r;
            set(wb, WorkbookLayout.ACCOUNTS, "C" + r, "EDU");                  // a 决算 prints no 财政专户
            set(wb, WorkbookLayout.ACCOUNTS, "D" + (r + 1), -5);               // a negative amount
            set(wb, WorkbookLayout.ACCOUNTS, "A" + (r + 2), "closing");        // 年末结转和结余 is computed, never typed
            set(wb, WorkbookLayout.LINES_FINAL, "E3", "EDU 财政专户核拨（教育收费）");
        });
        int r = at[0];
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("决算明细!E3 [资金来源]").contains("财政专户"));
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("收支与结转!C" + r + " [资金来源]").contains("财政专户"));
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("收支与结转!D" + (r + 1) + " [金额（元）]").contains("负数"));
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("收支与结转!A" + (r + 2) + " [收支类别]").contains("不填写"));
        assertThat(p).hasSize(4);
        // the text sheets are read once the ledger and the accounts are
        assertThat(problems("tpe", wb -> set(wb, WorkbookLayout.THREE_PUBLIC, "B6", "六")))    // 公务接待批次: a whole number
                .singleElement().asString().startsWith("三公明细!B6 [公务接待批次]").contains("整数");
    }

    /**
     * A 决算's 绩效评价 results (issue 12 item 1): its own sheet, read back as written and stated in the 说明; a score over
     * 100 and more graded projects than self-evaluated ones are refused at their cells.
     */
    @Test
    void theEvaluationResultsHaveTheirSheetReadBackAndLocatedProblems() {
        var n = yaml.narrative();
        var ev = new org.openbudget.core.ledger.Narrative.Evaluation(2, new java.math.BigDecimal("38.20"), 2, 2, new java.math.BigDecimal("38.20"),
                new java.math.BigDecimal("91.5"), 1, 1, 0, 0);
        var withEv = new org.openbudget.core.ledger.Narrative(n.functions(), n.offices(), n.personnel(), n.lastYear(), n.reasons(), n.classNotes(),
                n.projects(), n.carryOver(), n.procurement(), n.assets(), n.overall(), n.performanceOrder(), n.otherMatters(), n.closingDate(),
                n.threePublic(), ev);
        Budget b = yaml.withNarrative(withEv);
        Path out = dir.resolve("evaluation.xlsx");
        new WorkbookWriter(LIB.year(2024), LIB.profile(b.profileId())).write(b, out);
        Budget back = new WorkbookReader(LIB).read(out);
        assertThat(back.narrative().evaluation()).isNotNull();
        assertThat(back.narrative().evaluation().selfEvaluated()).isEqualTo(2);
        assertThat(back.narrative().evaluation().averageScore()).isEqualByComparingTo("91.5");
        assertThat(back.narrative().evaluation().excellent()).isEqualTo(1);
        assertThat(new Workspace(LIB).load(out).disclosure().text().facts()).anySatisfy(f -> {
            assertThat(f.key()).isEqualTo("fa.eval.score");
            assertThat(f.sentence()).contains("对2个项目开展了绩效自评，涉及资金38.20万元，平均得分91.50分");
        });
        List<String> p = problems("evaluation-bad", wb -> {
            set(wb, WorkbookLayout.EVALUATION, "B7", 120);   // 绩效自评平均分
            set(wb, WorkbookLayout.EVALUATION, "B8", 3);     // 评为优: none were self-evaluated
        });
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("绩效评价!B7 [绩效自评平均分]").contains("0 到 100"));
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("绩效评价!B8 [评为优的项目数]").contains("多于绩效自评项目数"));
    }

    @Test
    void aFinalWorkbookUnderABudgetTemplateIsRefusedAtItsTemplate() {
        List<String> p = problems("template", wb -> set(wb, WorkbookLayout.AGENCY, "B4", "xinjiang-2024"));
        assertThat(p).singleElement().asString().startsWith("单位信息!B4 [公开模板]").contains("预算模板");
    }
}
