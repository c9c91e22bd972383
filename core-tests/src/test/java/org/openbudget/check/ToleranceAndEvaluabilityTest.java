package org.openbudget.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.openbudget.check.Fixtures.DEPT;
import static org.openbudget.check.Fixtures.SME;
import static org.openbudget.check.Mutate.cell;
import static org.openbudget.check.Mutate.code;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.core.check.Check;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.Side;

/** (a) rounding tolerance 0.005 × (n + 1) over the n printed parts; (b) a missing table makes a check not evaluable. */
class ToleranceAndEvaluabilityTest {

    /** 表3 2060499: 合计 = 基本支出 (blank) + 项目支出 34.33. Two parts, one printed: no tolerance. */
    @ParameterizedTest(name = "表3 2060499 合计 {0} → {1}")
    @CsvSource({"34.34, ERROR", "34.32, ERROR"})
    void one_printed_part_has_no_tolerance(String found, Severity severity) {
        List<Finding> f = CheckCatalogue.runOnly("T3.row-sum", cell(SME.disclosure(), 3, code("2060499"), "合计", found), SME.profile(), SME.ref());
        assertThat(f).extracting(Finding::severity, Finding::code, Finding::column, Finding::expected, Finding::found)
                .containsExactly(tuple(severity, "2060499", "合计", "34.33", found));
    }

    /** 表2 20805 总计 43.26 = 2080502 18.63 + 2080505 24.63: two printed parts, tolerance 0.015. */
    @ParameterizedTest(name = "表2 2080502 总计 {0}: 20805 → {2}")
    @CsvSource({"18.64, 43.27, NOTICE", "18.62, 43.25, NOTICE", "18.65, 43.28, ERROR", "18.61, 43.24, ERROR"})
    void within_the_tolerance_a_notice_beyond_it_an_error(String item, String sum, Severity severity) {
        List<Finding> f = CheckCatalogue.runOnly("T2.class-sum", cell(SME.disclosure(), 2, code("2080502"), "总计", item), SME.profile(), SME.ref());
        assertThat(f).extracting(Finding::severity, Finding::table, Finding::code, Finding::column, Finding::expected, Finding::found)
                .containsExactly(tuple(severity, 2, "20805", "总计", sum, "43.26"));
    }

    /** 表6 301: nine printed 款, tolerance 0.05. */
    @ParameterizedTest(name = "表6 301 合计 {0} → {1}")
    @CsvSource({"230.59, NOTICE", "230.49, NOTICE", "230.60, ERROR", "230.48, ERROR"})
    void the_tolerance_grows_with_the_printed_parts(String found, Severity severity) {
        List<Finding> f = CheckCatalogue.runOnly("T6.class-sum", cell(SME.disclosure(), 6, code("301"), "合计", found), SME.profile(), SME.ref());
        assertThat(f).extracting(Finding::severity, Finding::code, Finding::column, Finding::expected, Finding::found)
                .containsExactly(tuple(severity, "301", "合计", "230.54", found));
    }

    /**
     * 表7 2150502 of the bureau is printed over six projects, 表5 prints it once: seven printed cells,
     * tolerance 0.035 — one project off by 0.01 is rounding, by 0.05 an error.
     */
    @ParameterizedTest(name = "表7 PPP项目 {0} → 2150502 {1}")
    @CsvSource({"28.01, 76.54, NOTICE", "28.03, 76.56, NOTICE", "28.05, 76.58, ERROR"})
    void a_row_summed_over_projects_has_the_tolerance_of_its_printed_parts(String project, String sum, Severity severity) {
        Disclosure d = cell(DEPT.disclosure(), 7, Mutate.project("PPP项目咨询服务费"), "项目支出合计", project);
        assertThat(CheckCatalogue.runOnly("X.T5-T7", d, DEPT.profile(), DEPT.ref()))
                .extracting(Finding::severity, Finding::table, Finding::code, Finding::expected, Finding::found)
                .containsExactly(tuple(severity, 7, "2150502", "76.53", sum));
    }

    /**
     * Blank cells are exactly zero and carry no rounding error: 表1 lists all thirty-odd 类, three of
     * them printed, so 支出总计 off by 0.10 is an error (counting every 类 gave a tolerance of 0.175).
     */
    @Test
    void blank_cells_do_not_widen_the_tolerance() {
        Disclosure d = cell(SME.disclosure(), 1, Mutate.total(Side.EXPENSE), "预算数", "304.25");
        assertThat(CheckCatalogue.runOnly("T1.expense-total", d, SME.profile(), SME.ref()))
                .extracting(Finding::severity, Finding::expected, Finding::found)
                .containsExactly(tuple(Severity.ERROR, "304.15", "304.25"));
        Disclosure d7 = cell(SME.disclosure(), 7, code("2060499"), "项目支出合计", "34.35");
        assertThat(CheckCatalogue.runOnly("T7.row-sum", d7, SME.profile(), SME.ref()))
                .extracting(Finding::severity, Finding::expected, Finding::found)
                .containsExactly(tuple(Severity.ERROR, "34.33", "34.35"));
    }

    static Stream<Check> checksReadingTables() {
        return CheckCatalogue.checks(SME.profile()).stream().filter(c -> c.tables().length > 0);
    }

    /** Remove each table a check reads (the SME center has all eleven): one notice, "not evaluable", naming that table. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checksReadingTables")
    void a_missing_table_makes_the_check_not_evaluable(Check check) {
        for (int t : check.tables()) {
            Disclosure d = Mutate.removeTable(SME.disclosure(), t);
            List<Finding> f = CheckCatalogue.runOnly(check.id(), d, SME.profile(), SME.ref());
            assertThat(f).as("%s without 表%d", check.id(), t)
                    .extracting(Finding::id, Finding::severity, Finding::table)
                    .containsExactly(tuple(check.id(), Severity.NOTICE, t));
            assertThat(f.get(0).message()).contains("not evaluable").contains("表" + t);
        }
    }

    @Test
    void a_cross_table_check_whose_other_table_is_absent_gives_one_notice() {
        Disclosure noT3 = Mutate.removeTable(SME.disclosure(), 3);
        List<Finding> f = CheckCatalogue.runOnly("X.T2-T3.row", noT3, SME.profile(), SME.ref());
        assertThat(f).extracting(Finding::severity, Finding::table, Finding::expected, Finding::found)
                .containsExactly(tuple(Severity.NOTICE, 3, null, null));
        // and the whole catalogue still gives no error for it
        assertThat(CheckCatalogue.run(noT3, SME.profile(), SME.ref()))
                .filteredOn(x -> Arrays.stream(CheckCatalogue.check(x.id(), SME.profile()).tables()).anyMatch(t -> t == 3))
                .allMatch(x -> x.severity() == Severity.NOTICE);
    }
}
