package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.audit.shape.ShapeReader;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.Workspace;

/**
 * Round trip for a profile other than the one the text reader was written for: ledger → derive
 * under the profile → render PDF → the shape reader reads the tables back → the same tables cell by
 * cell as printed, and the generic checks find no error — for the examples and synthetic budgets.
 */
class ShapedRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"national-2016", "xinjiang-2024"})
    void everyDocumentOfTheProfileReadsBackAsDerived(String profileId, @TempDir Path dir) throws Exception {
        TemplateProfile profile = RenderAuditRoundTripTest.LIB.profile(profileId);
        List<Budget> budgets = new ArrayList<>();
        Workspace w = new Workspace(RenderAuditRoundTripTest.LIB);
        for (String e : RenderAuditRoundTripTest.EXAMPLES) budgets.add(w.read(Path.of("../examples", e)));
        ReferenceData ref = RenderAuditRoundTripTest.LIB.year(2024);
        SyntheticBudgets gen = new SyntheticBudgets(ref, profileId);
        for (int d = 0; d < 12; d++) {
            Budget dept = gen.department(new Random(500 + d), d, 1 + d % 5, d % 3 == 0 ? 2 : 20, d % 3 == 0 ? 8 : 200);
            budgets.add(dept);
            budgets.add(dept.units().get(0));
        }
        List<String> problems = new ArrayList<>();
        int i = 0;
        for (Budget b : budgets) {
            Disclosure derived = Deriver.tables(b, RenderAuditRoundTripTest.LIB.year(b.year()), profile);
            Path pdf = RenderAuditRoundTripTest.pdf(derived, profile, dir.resolve("d" + (i++) + ".pdf"));
            PdfLayout.Text text = PdfLayout.read(pdf.toFile());
            ShapeReader.Result r = ShapeReader.read(text.lines(), profile, RenderAuditRoundTripTest.LIB.year(b.year()),
                    b.agency().name(), b.agency().kind(), b.year());
            Disclosure read = derived.withTables(r.tables());
            for (String diff : RenderAuditRoundTripTest.differences(read, derived)) problems.add(b.agency().name() + ": " + diff);
            for (String e : RenderAuditRoundTripTest.errors(CheckCatalogue.run(read, profile, RenderAuditRoundTripTest.LIB.year(b.year())))) {
                problems.add(b.agency().name() + " error: " + e);
            }
            assertThat(r.notes()).as(b.agency().name()).isEmpty();
        }
        assertThat(problems).as(problems.size() + " problems").isEmpty();
    }
}
