package org.openbudget.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;

/** (f) The three real documents, derived from their ledgers, against the whole catalogue. */
class ExamplesCheckTest {

    static List<Finding> run(Fixtures f) {
        return CheckCatalogue.run(f.disclosure(), f.profile(), f.ref());
    }

    @ParameterizedTest
    @EnumSource(Fixtures.class)
    void no_error_or_warning(Fixtures f) {
        assertThat(CheckAssert.problems(run(f))).as(f.name()).isEmpty();
    }

    @Test
    void the_sme_center_adds_up_everywhere() {
        assertThat(run(Fixtures.SME)).isEmpty();
    }

    /** 表6: 301 prints 245.53 while its 款 add to 245.54; 总计 292.54 vs 268.89 + 23.66; 人员经费 268.89 vs 245.53 + 23.35. */
    @Test
    void the_sci_tech_center_gives_notices_exactly_at_its_rounding_slips() {
        assertThat(run(Fixtures.SCI))
                .extracting(Finding::id, Finding::severity, Finding::table, Finding::code, Finding::column, Finding::expected, Finding::found)
                .containsExactlyInAnyOrder(
                        tuple("row-sum", Severity.NOTICE, 6, "", "合计", "292.55", "292.54"),
                        tuple("class-sum", Severity.NOTICE, 6, "301", "合计", "245.54", "245.53"),
                        tuple("class-sum", Severity.NOTICE, 6, "301", "人员经费", "245.54", "245.53"),
                        tuple("total-sum", Severity.NOTICE, 6, "", "人员经费", "268.88", "268.89"));
    }

    /**
     * 208 05 prints 382.95 while its 项 print 164.33 + 19.89 + 198.74 = 382.96, in 表2, 表3 and 表5; and the
     * text's last-year comparatives, which reproduce the published ones, disagree by 0.01 between 五（一）
     * and 二 / 五（三）(see the example's README).
     */
    @Test
    void the_department_gives_notices_exactly_at_20805() {
        List<Finding> all = run(Fixtures.DEPT);
        assertThat(all.stream().filter(f -> f.id().startsWith("text.")).toList())
                .extracting(Finding::id, Finding::severity, Finding::section)
                .containsExactlyInAnyOrder(tuple("text.gpb-changes", Severity.NOTICE, "五"), tuple("text.gpb-changes", Severity.NOTICE, "五"));
        List<Finding> findings = all.stream().filter(f -> !f.id().startsWith("text.")).toList();
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.NOTICE);
            assertThat(f.code()).isEqualTo("20805");
            assertThat(f.expected()).isEqualTo("382.96");
            assertThat(f.found()).isEqualTo("382.95");
        });
        assertThat(findings).extracting(Finding::id, Finding::table, Finding::column)
                .containsExactlyInAnyOrder(
                        tuple("class-sum", 2, "总计"),
                        tuple("class-sum", 2, "财政拨款（补助）小计"),
                        tuple("class-sum", 2, "一般公共预算"),
                        tuple("class-sum", 3, "合计"),
                        tuple("class-sum", 3, "基本支出"),
                        tuple("class-sum", 5, "合计"),
                        tuple("class-sum", 5, "基本支出"));
    }
}
