package org.openbudget.io.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.ledger.Origin;
import org.openbudget.io.InputException;
import org.openbudget.io.Workspace;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.json.DisclosureJson;
import org.openbudget.io.json.FindingsJson;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Each example exported to a workbook and read back is the same budget, so it derives the same
 * tables (the golden numbers of ExamplesGoldenTest) and the same findings.
 */
class WorkbookRoundTripTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    static final Path EXAMPLES = Path.of("../examples");

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void exportThenReadGivesTheSameBudgetAndTables(String example) {
        Workspace ws = new Workspace(LIB);
        Budget yaml = new DatasetReader(LIB).read(EXAMPLES.resolve(example));
        Path book = dir.resolve(example + ".xlsx");
        new WorkbookWriter(LIB.year(yaml.year()), LIB.profile(yaml.profileId())).write(yaml, book);

        Budget excel = new WorkbookReader(LIB).read(book);
        // a department workbook holds the department's own text; its units' texts live in their own workbooks
        Budget expected = yaml.isDepartment() ? withoutUnitTexts(yaml) : yaml;
        assertThat(withoutOrigins(excel)).isEqualTo(withoutOrigins(expected));
        if (example.equals("urumqi-sme-center-2024")) assertThat(excel.narrative().isEmpty()).as("the text part came through").isFalse();
        assertThat(excel.allLines()).hasSize(yaml.allLines().size()).isNotEmpty();
        // lines say where they are in the workbook
        assertThat(excel.allLines().get(0).origin()).isEqualTo(new Origin(book.normalize() + " 预算明细", 3));

        Workspace.Loaded fromYaml = ws.load(EXAMPLES.resolve(example));
        Workspace.Loaded fromExcel = ws.load(book);
        assertThat(DisclosureJson.write(fromExcel.disclosure())).isEqualTo(DisclosureJson.write(fromYaml.disclosure()));
        // the workbook carries the text part too: the same document text, the same findings (text checks included)
        assertThat(fromExcel.disclosure().text()).isEqualTo(fromYaml.disclosure().text());
        assertThat(FindingsJson.write(CheckCatalogue.run(fromExcel.disclosure(), fromExcel.profile(), fromExcel.ref())))
                .isEqualTo(FindingsJson.write(CheckCatalogue.run(fromYaml.disclosure(), fromYaml.profile(), fromYaml.ref())));

        // and a workbook exported from the workbook is the same again
        Path again = dir.resolve(example + "-again.xlsx");
        new WorkbookWriter(LIB.year(excel.year()), LIB.profile(excel.profileId())).write(excel, again);
        assertThat(withoutOrigins(new WorkbookReader(LIB).read(again))).isEqualTo(withoutOrigins(expected));
    }

    @Test
    void aDepartmentDatasetMayListItsUnitsWorkbooks() throws IOException {
        Workspace ws = new Workspace(LIB);
        Path example = EXAMPLES.resolve("urumqi-industry-it-bureau-2024");
        Budget bureau = new DatasetReader(LIB).read(example);
        // the bureau's own dataset.yaml (its text part included), its four units replaced by their workbooks
        List<String> yaml = new java.util.ArrayList<>();
        int unit = 0;
        for (String line : Files.readAllLines(example.resolve("dataset.yaml"), StandardCharsets.UTF_8)) {
            if (line.matches("  - \\S+\\.yaml.*")) {
                Budget u = bureau.units().get(unit++);
                String name = "unit-" + u.agency().code() + ".xlsx";
                new WorkbookWriter(LIB.year(2024), LIB.profile(u.profileId())).write(u, dir.resolve(name));
                line = "  - " + name;
            }
            yaml.add(line);
        }
        assertThat(unit).isEqualTo(4);
        Files.write(dir.resolve("dataset.yaml"), yaml, StandardCharsets.UTF_8);
        Workspace.Loaded fromWorkbooks = ws.load(dir);
        assertThat(withoutOrigins(fromWorkbooks.budget())).isEqualTo(withoutOrigins(bureau));
        assertThat(DisclosureJson.write(fromWorkbooks.disclosure())).isEqualTo(DisclosureJson.write(ws.load(example).disclosure()));
        assertThat(fromWorkbooks.disclosure().text()).isEqualTo(ws.load(example).disclosure().text());

        // a bad unit workbook: its problems are reported with its cells
        String first = "unit-" + bureau.units().get(0).agency().code() + ".xlsx";
        Files.writeString(dir.resolve(first), "not a workbook", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ws.load(dir)).isInstanceOf(InputException.class).hasMessageContaining(first).hasMessageContaining("不是 Excel 工作簿");
    }

    static Budget withoutUnitTexts(Budget dept) {
        return new Budget(dept.agency(), dept.year(), dept.profileId(), dept.projects(), dept.lines(),
                dept.units().stream().map(u -> u.withNarrative(Narrative.EMPTY)).toList(), dept.origin(), dept.narrative());
    }

    static Budget withoutOrigins(Budget b) {
        List<LedgerLine> lines = b.lines().stream().map(l -> new LedgerLine(l.agencyCode(), l.funcCode(), l.ecoCode(), l.nature(),
                l.projectCode(), l.fundSource(), l.amountFen(), Origin.NONE)).toList();
        List<Budget> units = b.units().stream().map(WorkbookRoundTripTest::withoutOrigins).toList();
        return new Budget(b.agency(), b.year(), b.profileId(), b.projects(), lines, units, Origin.NONE, b.narrative());
    }
}
