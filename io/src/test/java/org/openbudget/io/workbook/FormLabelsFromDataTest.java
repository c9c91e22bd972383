package org.openbudget.io.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.core.ledger.Budget;
import org.openbudget.io.InputException;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Issue 10 item 1: a 决算 workbook's form sheets (三公明细, 绩效评价) ask for what the dictionary of measures says the
 * text states from the dataset (refdata/measures.yaml {@code statements:}, each with its field and label) — words
 * changed in data (a --refdata directory: no Java, no build) are the workbook's rows, and read back by them.
 */
class FormLabelsFromDataTest {
    static final Path FINAL = Path.of("../examples/urumqi-industry-it-bureau-final-2024");

    @Test
    void theFormSheetsRowsAreTheDictionarysStatements(@TempDir Path dir) throws Exception {
        String measures = ReferenceLibrary.builtIn("measures.yaml").orElseThrow();
        String excellent = "field: excellent, label: 评为优的项目数}";
        String held = "field: vehicles_held, label: 公务用车保有量（辆，年末）}";
        assertThat(measures).contains(excellent).contains(held);
        Files.writeString(dir.resolve("measures.yaml"), measures.replace(excellent, "field: excellent, label: 自评结果为“优”的项目数}")
                .replace(held, "field: vehicles_held, label: 年末实有公务用车（辆）}"), StandardCharsets.UTF_8);
        ReferenceLibrary lib = new ReferenceLibrary(dir);

        // the built-in dictionary's rows are the sheets' (in the dataset's order, each with its field)
        ReferenceLibrary standard = ReferenceLibrary.standard();
        assertThat(WorkbookLayout.evaluationForm(standard.measures()).fields()).extracting(WorkbookLayout.Column::field)
                .containsExactlyElementsOf(org.openbudget.core.ledger.Narrative.Evaluation.FIELDS);
        assertThat(WorkbookLayout.threePublicForm(standard.measures()).fields()).extracting(WorkbookLayout.Column::field)
                .containsExactlyElementsOf(org.openbudget.core.ledger.Narrative.ThreePublic.FIELDS);
        var forms = WorkbookLayout.textForms(standard.measures());
        assertThat(forms.stream().filter(f -> f.name().equals(WorkbookLayout.PROCUREMENT)).findFirst().orElseThrow().fields())
                .extracting(WorkbookLayout.Column::field).containsExactly("goods", "works", "services", "sme", "micro");
        assertThat(forms.stream().filter(f -> f.name().equals(WorkbookLayout.ASSETS)).findFirst().orElseThrow().fields())
                .extracting(WorkbookLayout.Column::field).hasSize(15).contains("building.area", "vehicles.official.count", "purchase.vehicles");

        Budget fin = new DatasetReader(lib).read(FINAL);
        assertThat(fin.narrative().evaluation()).isNotNull();
        assertThat(fin.narrative().threePublic()).isNotNull();
        Path book = dir.resolve("final.xlsx");
        new WorkbookWriter(lib.year(2024), lib.profile(fin.profileId())).write(fin, book);
        try (InputStream in = Files.newInputStream(book); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(column(wb.getSheet(WorkbookLayout.EVALUATION))).contains("自评结果为“优”的项目数", "评为良的项目数").doesNotContain("评为优的项目数");
            assertThat(column(wb.getSheet(WorkbookLayout.THREE_PUBLIC))).contains("年末实有公务用车（辆）").doesNotContain("公务用车保有量（辆，年末）");
        }
        // read back by the same words
        Budget read = new WorkbookReader(lib).read(book);
        assertThat(read.narrative().evaluation()).isEqualTo(fin.narrative().evaluation());
        assertThat(read.narrative().threePublic()).isEqualTo(fin.narrative().threePublic());
        // a reader with the built-in words does not know the row: it says which one, at its cell
        assertThatThrownBy(() -> new WorkbookReader(standard).read(book)).isInstanceOf(InputException.class)
                .hasMessageContaining("自评结果为“优”的项目数");
    }

    private static List<String> column(Sheet s) {
        List<String> out = new ArrayList<>();
        for (Row r : s) if (r.getCell(0) != null) out.add(r.getCell(0).getStringCellValue());
        return out;
    }
}
