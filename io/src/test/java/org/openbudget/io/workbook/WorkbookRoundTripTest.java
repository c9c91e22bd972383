package org.openbudget.io.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Origin;
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
        new WorkbookWriter(LIB.year(yaml.year())).write(yaml, book);

        Budget excel = new WorkbookReader(LIB).read(book);
        assertThat(withoutOrigins(excel)).isEqualTo(withoutOrigins(yaml));
        assertThat(excel.allLines()).hasSize(yaml.allLines().size()).isNotEmpty();
        // lines say where they are in the workbook
        assertThat(excel.allLines().get(0).origin()).isEqualTo(new Origin(book.normalize() + " 预算明细", 3));

        Workspace.Loaded fromYaml = ws.load(EXAMPLES.resolve(example));
        Workspace.Loaded fromExcel = ws.load(book);
        assertThat(DisclosureJson.write(fromExcel.disclosure())).isEqualTo(DisclosureJson.write(fromYaml.disclosure()));
        assertThat(FindingsJson.write(CheckCatalogue.run(fromExcel.disclosure(), fromExcel.profile(), fromExcel.ref())))
                .isEqualTo(FindingsJson.write(CheckCatalogue.run(fromYaml.disclosure(), fromYaml.profile(), fromYaml.ref())));

        // and a workbook exported from the workbook is the same again
        Path again = dir.resolve(example + "-again.xlsx");
        new WorkbookWriter(LIB.year(excel.year())).write(excel, again);
        assertThat(withoutOrigins(new WorkbookReader(LIB).read(again))).isEqualTo(withoutOrigins(yaml));
    }

    static Budget withoutOrigins(Budget b) {
        List<LedgerLine> lines = b.lines().stream().map(l -> new LedgerLine(l.agencyCode(), l.funcCode(), l.ecoCode(), l.nature(),
                l.projectCode(), l.fundSource(), l.amountFen(), Origin.NONE)).toList();
        List<Budget> units = b.units().stream().map(WorkbookRoundTripTest::withoutOrigins).toList();
        return new Budget(b.agency(), b.year(), b.profileId(), b.projects(), lines, units, Origin.NONE);
    }
}
