package org.openbudget.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.derive.straight.StraightDeriver;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The optimised derivation (postings summed once per budget, shared by the tables; a department
 * consolidated from its units' sums) gives exactly the Disclosure of the straightforward one
 * (StraightDeriver: one pass over the postings per table) — every table, row, name and exact
 * value, scale included — on the examples and on synthetic budgets of every shape: tiny units
 * (so that tables come out empty), large ones, departments of 1–20 units, both template years.
 */
class DerivationEquivalenceTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void examplesDeriveAsTheStraightforwardDerivation(String example) {
        Workspace.Loaded l = new Workspace(LIB).load(Path.of("../examples", example));
        Disclosure straight = StraightDeriver.derive(l.budget(), l.ref(), l.profile());
        assertSame(Pipeline.derive(l.budget(), l.ref(), l.profile()), straight, example);
        assertThat(l.disclosure().tables()).isEqualTo(straight.tables());
        if (l.budget().isDepartment()) {
            Deriver.Derived all = Pipeline.deriveWithUnits(l.budget(), l.ref(), l.profile());
            assertSame(all.department(), straight, example + " (from its units' sums)");
            for (int i = 0; i < l.budget().units().size(); i++) {
                Budget u = l.budget().units().get(i);
                assertSame(all.units().get(i), StraightDeriver.derive(u, l.ref(), l.profile()), u.agency().name());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2024, 2025})
    void syntheticBudgetsDeriveAsTheStraightforwardDerivation(int year) {
        ReferenceData ref = LIB.year(year);
        TemplateProfile profile = LIB.profile("xinjiang-" + year);
        SyntheticBudgets gen = new SyntheticBudgets(ref, profile.id());
        Random rnd = new Random(year);
        int compared = 0;
        for (int d = 0; d < 24; d++) {
            int units = 1 + rnd.nextInt(20);
            // tiny units leave some tables empty; large ones fill every table
            int min = d % 3 == 0 ? 1 : 50;
            int max = d % 3 == 0 ? 6 : 500;
            Budget dept = gen.department(new Random(year * 100L + d), d, units, min, max);
            Deriver.Derived all = Pipeline.deriveWithUnits(dept, ref, profile);
            assertThat(all.units()).hasSize(units);
            for (int i = 0; i < units; i++) {
                Budget u = dept.units().get(i);
                Disclosure straight = StraightDeriver.derive(u, ref, profile);
                assertSame(Pipeline.derive(u, ref, profile), straight, "unit " + u.agency().name());
                assertSame(all.units().get(i), straight, "unit " + u.agency().name() + " (with its department)");
                compared++;
            }
            Disclosure straight = StraightDeriver.derive(dept, ref, profile);
            assertSame(Pipeline.derive(dept, ref, profile), straight, "department " + d);
            assertSame(all.department(), straight, "department " + d + " (from its units' sums)");
        }
        assertThat(compared).isGreaterThan(100);
    }

    /** Table by table first, so that a difference names its table; then the whole record but its text. */
    private static void assertSame(Disclosure actual, Disclosure expected, String what) {
        assertThat(actual.tables()).hasSameSizeAs(expected.tables());
        for (int i = 0; i < expected.tables().size(); i++) {
            DisclosureTable e = expected.tables().get(i);
            DisclosureTable a = actual.tables().get(i);
            assertThat(a.rows()).as(what + " 表" + e.no() + " rows").containsExactlyElementsOf(e.rows());
            assertThat(a).as(what + " 表" + e.no()).isEqualTo(e);
        }
        // the straightforward derivation writes no text: compare the tables' document
        assertThat(actual.withText(null)).as(what).isEqualTo(expected);
    }
}
