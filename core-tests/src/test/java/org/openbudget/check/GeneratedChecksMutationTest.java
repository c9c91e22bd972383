package org.openbudget.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.classification.ReferenceData;

import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A profile with no checks of its own (the national standard) is checked by the generic rules only —
 * each table by its shape, and the identities generated from its measure bindings. A document derived
 * from a ledger passes them; one printed amount changed by 1.00 is found, at the table it was changed
 * in, for ≥ 95 % of the mutants.
 */
class GeneratedChecksMutationTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    @Test
    void oneChangedAmountIsFoundAtItsTable() {
        ReferenceData ref = LIB.year(2024);
        TemplateProfile profile = LIB.profile("national-2016");
        assertThat(profile.meta().checkSets()).isEmpty();
        SyntheticBudgets gen = new SyntheticBudgets(ref, profile.id());
        Random pick = new Random(11);
        int mutants = 0, found = 0, located = 0;
        List<String> missed = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            Budget dept = gen.department(new Random(100 + d), d, 1 + d % 4, 30, 150);
            Disclosure doc = Pipeline.derive(dept, ref, profile);
            List<Finding> clean = errors(CheckCatalogue.run(doc, profile, ref));
            assertThat(clean).as("department %d as derived", d).isEmpty();
            for (DisclosureTable t : doc.tables()) {
                if (t.empty()) continue;
                List<int[]> cells = new ArrayList<>();
                for (int r = 0; r < t.rows().size(); r++) {
                    Row row = t.rows().get(r);
                    if (row.kind() == RowKind.UNIT) continue;
                    for (int c = 0; c < t.columns().size(); c++) if (row.value(c) != null && row.value(c).signum() != 0) cells.add(new int[]{r, c});
                }
                for (int k = 0; k < 4 && !cells.isEmpty(); k++) {
                    int[] at = cells.remove(pick.nextInt(cells.size()));
                    Disclosure mutant = change(doc, t, at[0], at[1]);
                    List<Finding> f = errors(CheckCatalogue.run(mutant, profile, ref));
                    mutants++;
                    if (!f.isEmpty()) found++;
                    else notFound.add(t.mark() + " " + t.rows().get(at[0]).label() + " [" + t.columns().get(at[1]) + "]");
                    if (f.stream().anyMatch(x -> x.table() != null && x.table() == t.no())) located++;
                    else missed.add(t.mark() + " " + t.rows().get(at[0]).label() + " [" + t.columns().get(at[1]) + "] → " + f);
                }
            }
        }
        assertThat(mutants).isGreaterThanOrEqualTo(200);
        assertThat(found).as("found of %d; not found: %s", mutants, notFound).isGreaterThanOrEqualTo((int) Math.ceil(mutants * 0.95));
        assertThat(located).as("located of %d; missed: %s", mutants, missed.subList(0, Math.min(10, missed.size())))
                .isGreaterThanOrEqualTo((int) Math.ceil(mutants * 0.95));
    }

    private static Disclosure change(Disclosure doc, DisclosureTable t, int row, int column) {
        List<DisclosureTable> tables = new ArrayList<>(doc.tables());
        List<Row> rows = new ArrayList<>(t.rows());
        Row r = rows.get(row);
        List<BigDecimal> values = new ArrayList<>(r.values());
        values.set(column, values.get(column).add(BigDecimal.ONE));
        rows.set(row, r.withValues(values));
        tables.set(tables.indexOf(t), new DisclosureTable(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote(), t.id(), t.mark()));
        return doc.withTables(tables);
    }

    private static List<Finding> errors(List<Finding> all) {
        return all.stream().filter(f -> f.severity() != Severity.NOTICE).toList();
    }
}
