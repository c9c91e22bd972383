package org.openbudget.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbudget.check.Fixtures.DEPT;
import static org.openbudget.check.Fixtures.SME;
import static org.openbudget.check.Mutate.code;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.classification.Classification;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;

/** Codes must exist in the year's lists and be printed under their official names. */
class ClassificationChecksTest {
    static List<Case> cases() {
        return List.of(
                Case.of("C.func.unknown", SME, "表2 2150899 recoded 2150898 (no such 项)",
                        d -> Mutate.recode(d, 2, code("2150899"), "2150898"),
                        Case.Loc.at(Severity.NOTICE, 2, "2150898", "", "", null, "2150898")),
                Case.of("C.func.name", SME, "表2 20604 printed 技术与开发",
                        d -> Mutate.rename(d, 2, code("20604"), "技术与开发"),
                        Case.Loc.at(Severity.WARNING, 2, "20604", "", "名称", "技术研究与开发", "技术与开发")),
                Case.of("C.func.name", DEPT, "表7 本级 PPP项目's 项 printed 一般行政管理",
                        d -> Mutate.rename(d, 7, Mutate.project("PPP项目咨询服务费"), "一般行政管理"),
                        Case.Loc.at(Severity.WARNING, 7, "2150502", "", "名称", "一般行政管理事务", "一般行政管理")),
                Case.of("C.eco.unknown", SME, "表6 30299 recoded 30298 (no such 款)",
                        d -> Mutate.recode(d, 6, code("30299"), "30298"),
                        Case.Loc.at(Severity.NOTICE, 6, "30298", "", "", null, "30298")),
                Case.of("C.eco.name", SME, "表6 30101 printed 基本工资支出",
                        d -> Mutate.rename(d, 6, code("30101"), "基本工资支出"),
                        Case.Loc.at(Severity.WARNING, 6, "30101", "", "名称", "基本工资", "基本工资支出")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fires_exactly_where_broken(Case c) {
        CheckAssert.verify(c);
    }

    /** The same reference data, its functional and economic lists declared the complete official ones. */
    static ReferenceData complete(ReferenceData ref) {
        Classification f = ref.functional();
        Classification e = ref.economic();
        return new ReferenceData(ref.year(),
                new Classification(f.kind(), f.year(), true, "test: complete", f.items()),
                new Classification(e.kind(), e.year(), true, "test: complete", e.items()),
                ref.sources());
    }

    @Test
    void an_unknown_code_is_a_notice_with_the_partial_list_and_an_error_with_the_complete_one() {
        assertThat(SME.ref().functional().complete()).as("the built-in list is partial").isFalse();
        Disclosure broken = Mutate.recode(SME.disclosure(), 5, code("2150899"), "2150898");
        ReferenceData completeRef = complete(SME.ref());

        assertThat(CheckCatalogue.runOnly("C.func.unknown", SME.disclosure(), SME.profile(), completeRef))
                .as("the good SME document with the complete list").isEmpty();

        List<Finding> partial = CheckCatalogue.runOnly("C.func.unknown", broken, SME.profile(), SME.ref());
        assertThat(partial).extracting(Finding::severity, Finding::table, Finding::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.NOTICE, 5, "2150898"));
        assertThat(partial.get(0).message()).contains("参考目录不完整");

        List<Finding> full = CheckCatalogue.runOnly("C.func.unknown", broken, SME.profile(), completeRef);
        assertThat(full).extracting(Finding::severity, Finding::table, Finding::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.ERROR, 5, "2150898"));

        Disclosure ecoBroken = Mutate.recode(SME.disclosure(), 6, code("30299"), "30298");
        assertThat(CheckCatalogue.runOnly("C.eco.unknown", ecoBroken, SME.profile(), completeRef))
                .extracting(Finding::severity, Finding::table, Finding::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.ERROR, 6, "30298"));
    }

    @Test
    void a_shortened_name_like_the_departments_技术与开发_is_a_warning() {
        // the department's published document prints 206 04 as 技术与开发: put that name on 20604 of every table
        Disclosure d = SME.disclosure();
        for (int n : new int[]{2, 3, 5, 7}) d = Mutate.rename(d, n, code("20604"), "技术与开发");
        List<Finding> findings = CheckCatalogue.runOnly("C.func.name", d, SME.profile(), SME.ref());
        assertThat(findings).extracting(Finding::severity, Finding::table, Finding::code, Finding::expected, Finding::found)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 2, "20604", "技术研究与开发", "技术与开发"),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 3, "20604", "技术研究与开发", "技术与开发"),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 5, "20604", "技术研究与开发", "技术与开发"),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 7, "20604", "技术研究与开发", "技术与开发"));
    }

    @Test
    void spacing_and_bracket_width_are_not_a_different_name() {
        Disclosure d = Mutate.rename(SME.disclosure(), 6, code("30213"), "维修(护)费");
        d = Mutate.rename(d, 6, code("30101"), "基本 工资");
        assertThat(CheckCatalogue.runOnly("C.eco.name", d, SME.profile(), SME.ref())).isEmpty();
    }
}
