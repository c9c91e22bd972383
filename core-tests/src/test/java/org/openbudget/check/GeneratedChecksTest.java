package org.openbudget.check;

import java.math.BigDecimal;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbudget.check.Case.Loc.error;
import static org.openbudget.check.Fixtures.NATIONAL;
import static org.openbudget.check.Fixtures.NATIONAL_TEXT;
import static org.openbudget.check.Fixtures.SME;
import static org.openbudget.check.Mutate.cell;
import static org.openbudget.check.Mutate.total;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;

/**
 * The checks generated from the measure bindings (a profile without checks of its own gets them), and
 * the notice of a year checked with another year's lists: one broken thing each.
 */
class GeneratedChecksTest {
    static List<Case> cases() {
        return List.of(
                // 表2's 一般公共预算 total is the same money as 表1's, 表4's and 表5's: the odd one out is reported
                Case.of("same-measure", NATIONAL, "表2 合计 一般公共预算拨款收入 304.15 → 305.15",
                        d -> cell(d, 2, total(), "一般公共预算拨款收入", "305.15"),
                        error(2, "", "", "一般公共预算拨款收入", "304.15", "305.15")),
                // 表2's 合计 is split exactly by the row's own source columns (the profile writes no equation for it)
                Case.of("measure-sum", NATIONAL, "表2 合计 合计 392.15 → 393.15",
                        d -> cell(d, 2, total(), "合计", "393.15"),
                        error(2, "", "", "合计", "392.15", "393.15")),
                // the national text states 基本支出 (measure basic): 表3's 总计 row prints it
                Case.of("text-measure", NATIONAL_TEXT, "第三部分三 基本支出 269.82 → 1.00",
                        d -> statedAs(d, "expense.basic", "1.00"),
                        error(3, "", "", "基本支出", "269.82", "1.00")),
                Case.of("C.refdata-year", SME, "the document says 2026, the lists are 2024's",
                        d -> new Disclosure(d.unitName(), d.kind(), 2026, d.profileId(), d.tables(), d.text(), d.origin()),
                        new Case.Loc(Severity.NOTICE, null, "", "", "", "2026", "2024")));
    }

    /** The document with each AMOUNT fact of this key stating another value. */
    static Disclosure statedAs(Disclosure d, String key, String value) {
        DocumentText t = d.text();
        List<TextFact> facts = new java.util.ArrayList<>();
        for (TextFact f : t.facts()) {
            facts.add(f.key().equals(key) && f.kind() == FactKind.AMOUNT
                    ? new TextFact(f.section(), f.part(), f.key(), f.subject(), f.kind(), new BigDecimal(value), f.word(), f.reason(),
                            f.items(), f.source(), f.sentence())
                    : f);
        }
        return d.withText(new DocumentText(t.overview(), t.sections(), facts, t.performance(), t.glossary(), t.closingName(), t.closingDate()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fires_exactly_where_broken(Case c) {
        CheckAssert.verify(c);
    }

    /**
     * A table that prints one template row twice (a department's table repeating it for each unit: 深圳's 三公 table,
     * 西安's 30108 under two 政府经济分类): the copies are parallel, neither the parts of the other.
     */
    @org.junit.jupiter.api.Test
    void aRowPrintedTwiceIsNoPartOfItsCopy() {
        Disclosure good = NATIONAL.disclosure();
        Disclosure twice = Mutate.table(good, 2, t -> {
            List<org.openbudget.core.disclosure.Row> rows = new java.util.ArrayList<>(t.rows());
            org.openbudget.core.disclosure.Row total = t.total(null).orElseThrow();
            // another unit's copy of the 合计 row: a third of each amount
            rows.add(total.withValues(total.values().stream()
                    .map(v -> v == null ? null : v.divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN)).toList()));
            return new org.openbudget.core.disclosure.DisclosureTable(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote(), t.id(), t.mark());
        });
        List<org.openbudget.core.check.Finding> found = org.openbudget.core.check.CheckCatalogue.runOnly("measure-sum", twice,
                NATIONAL.profile(), NATIONAL.ref());
        assertThat(found).extracting(org.openbudget.core.check.Finding::message)
                .noneMatch(m -> m.startsWith("表2「合计」") && m.contains("应等于表2「合计」"));
    }
}
