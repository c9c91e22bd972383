package org.openbudget.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.openbudget.check.Fixtures.SME;
import static org.openbudget.check.Mutate.cell;
import static org.openbudget.check.Mutate.code;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;

/**
 * The checks add printed cells in whole cents when every cell is small, and in BigDecimal when a
 * cell is too large for that (a published document can print anything): either way a sum that
 * agrees passes and one that is a cent off is reported with its exact figures.
 */
class LargeAmountsTest {
    private static final String HUGE = "98765432109876543.21";

    @Test
    void a_huge_row_that_adds_up_passes() {
        Disclosure d = cell(cell(SME.disclosure(), 3, code("2060499"), "合计", HUGE), 3, code("2060499"), "项目支出", HUGE);
        List<Finding> f = CheckCatalogue.runOnly("T3.row-sum", d, SME.profile(), SME.ref());
        assertThat(f).isEmpty();
    }

    @Test
    void a_huge_row_a_cent_off_is_reported_exactly() {
        Disclosure d = cell(cell(SME.disclosure(), 3, code("2060499"), "合计", HUGE), 3, code("2060499"), "项目支出", "98765432109876543.20");
        List<Finding> f = CheckCatalogue.runOnly("T3.row-sum", d, SME.profile(), SME.ref());
        assertThat(f).extracting(Finding::severity, Finding::code, Finding::column, Finding::expected, Finding::found)
                .containsExactly(tuple(Severity.ERROR, "2060499", "合计", "98765432109876543.20", HUGE));
    }

    @Test
    void a_huge_item_under_a_small_class_is_summed_exactly() {
        // 表3 206 (类) and 20604 (款) no longer equal their one child once it prints a huge amount
        Disclosure d = cell(SME.disclosure(), 3, code("2060499"), "合计", HUGE);
        List<Finding> f = CheckCatalogue.runOnly("T3.class-sum", d, SME.profile(), SME.ref());
        assertThat(f).extracting(Finding::code, Finding::column, Finding::expected)
                .contains(tuple("20604", "合计", HUGE));
    }
}
