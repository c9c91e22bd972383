package org.openbudget.web.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.money.Amounts;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/** The portal's chart figures come from the table of the whole expense, whatever its number in the region's template. */
class SummaryTest {
    private static final Workspace WORKSPACE = new Workspace(ReferenceLibrary.standard());
    private static final Workspace.Loaded SME = WORKSPACE.load(Path.of("../examples/urumqi-sme-center-2024"));

    @ParameterizedTest
    @ValueSource(strings = {"xinjiang-2024", "national-2016", "shenzhen-2026", "guangzhou-2026", "yantai-2026", "shanghai-2026"})
    void theChartIsTheWholeExpenseByFunction(String profile) {
        var d = WORKSPACE.loaded(SME.budget(), profile).disclosure();
        Summary s = Summary.of(d);
        DisclosureTable t = Summary.expenseTable(d);
        assertThat(t).as("the whole-expense table of " + profile).isNotNull();
        // the whole expense: the same as the ledger's, every line of it (basic and project), in 万元 as printed
        BigDecimal ledger = BigDecimal.valueOf(SME.budget().lines().stream().mapToLong(l -> l.amountFen()).sum(), 6);
        assertThat(s.total()).isEqualByComparingTo(Amounts.printed(ledger));
        assertThat(s.basic().add(s.project()).subtract(s.total()).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
        assertThat(s.classes()).isNotEmpty().allSatisfy(c -> assertThat(c.code()).hasSize(3).startsWith("2"));
        assertThat(s.classes().stream().map(Summary.ClassAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .subtract(s.total()).abs()).isLessThanOrEqualTo(new BigDecimal("0.05"));
        assertThat(t.rows().stream().filter(r -> r.kind() == RowKind.CLASS).map(Row::code)).allMatch(c -> c.startsWith("2"));
    }
}
