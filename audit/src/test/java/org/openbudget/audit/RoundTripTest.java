package org.openbudget.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.testing.DocumentTexts;
import org.openbudget.audit.testing.Tables;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;

import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.synthetic.SyntheticBudgets;

/**
 * Round trip: ledger → derive → written as a published document's text → audit → the same
 * tables and no error, for every example fixture and for 200 random synthetic datasets (units and
 * departments, every layout in turn).
 */
class RoundTripTest {
    static Disclosure derive(Budget b) {
        return Pipeline.derive(b, LayoutVariantsTest.LIB.year(2024), LayoutVariantsTest.LIB.profile("xinjiang-2024"));
    }

    /** The layouts that keep blank cells (tab, as PDF table extraction gives); plain text is lossy for wide tables. */
    static final List<DocumentTexts.Options> TAB_LAYOUTS = List.of(DocumentTexts.Options.tab(), DocumentTexts.Options.tab().withThousands(false),
            DocumentTexts.Options.tab().withHeaderCharPerLine(true), DocumentTexts.Options.tab().withYuan(true).withThousands(false));

    static final List<DocumentTexts.Options> LAYOUTS = List.of(DocumentTexts.Options.tab(), DocumentTexts.Options.plain(),
            DocumentTexts.Options.tab().withThousands(false).withHeaderCharPerLine(true), DocumentTexts.Options.plain().withYuan(true),
            DocumentTexts.Options.tab().withYuan(true).withThousands(false));

    @Test
    void everyFixtureRoundTripsWithoutError() {
        for (String name : LayoutVariantsTest.NAMES) {
            Disclosure d = LayoutVariantsTest.derived(name);
            for (DocumentTexts.Options o : LAYOUTS) {
                String text = DocumentTexts.write(d, LayoutVariantsTest.LIB.profile(d.profileId()), o);
                DocumentAudit.Result a = DocumentAudit.auditText(name + ".txt", text, LayoutVariantsTest.LIB, name);
                assertThat(Tables.differences(a.disclosure(), d, Set.of())).as(name + " " + o).isEmpty();
                assertThat(a.findings()).as(name + " " + o).noneMatch(f -> f.severity() == Severity.ERROR);
            }
        }
    }

    @Test
    void twoHundredSyntheticDatasetsRoundTripWithoutError() {
        SyntheticBudgets gen = new SyntheticBudgets(LayoutVariantsTest.LIB.year(2024), "xinjiang-2024");
        Random rnd = new Random(424242);
        List<String> failures = new ArrayList<>();
        int derivedErrors = 0;
        java.util.Set<String> derivedIds = new java.util.TreeSet<>();
        for (int i = 0; i < 200; i++) {
            Budget b = i % 4 == 3 ? gen.department(rnd, i, 1 + rnd.nextInt(4), 20, 80) : gen.unit(rnd, i, 20 + rnd.nextInt(150));
            Disclosure d = derive(b);
            DocumentTexts.Options o = TAB_LAYOUTS.get(i % TAB_LAYOUTS.size());
            String text = DocumentTexts.write(d, LayoutVariantsTest.LIB.profile(d.profileId()), o);
            DocumentAudit.Result a = DocumentAudit.auditText("synthetic-" + i + ".txt", text, LayoutVariantsTest.LIB, "synthetic-" + i);
            // the document as derived: what the audit of its printed form must find, no more
            List<String> baseline = CheckCatalogue.run(d, LayoutVariantsTest.LIB.profile(d.profileId()), LayoutVariantsTest.LIB.year(2024)).stream()
                    .filter(f -> f.severity() == Severity.ERROR).map(Finding::message).toList();
            if (!baseline.isEmpty()) derivedErrors++;
            CheckCatalogue.run(d, LayoutVariantsTest.LIB.profile(d.profileId()), LayoutVariantsTest.LIB.year(2024)).stream()
                    .filter(f -> f.severity() == Severity.ERROR).forEach(f -> derivedIds.add(f.id()));
            List<Finding> errors = a.findings().stream().filter(f -> f.severity() == Severity.ERROR && !baseline.contains(f.message())).toList();
            if (!errors.isEmpty()) failures.add("#" + i + " " + o + ": " + errors.get(0).message() + " notes " + a.notes());
            List<String> diff = Tables.differences(a.disclosure(), d, Set.of());
            if (!diff.isEmpty()) failures.add("#" + i + " " + o + ": " + diff.get(0) + " notes " + a.notes());
            assertThat(Tables.tableNotes(a.notes())).as("#" + i).isEmpty();
        }
        assertThat(failures).isEmpty();
        System.out.println("round trip: derived documents with an error of their own: " + derivedErrors + " of 200 " + derivedIds);
    }
}
