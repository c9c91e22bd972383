package org.openbudget.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.Check;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.TextChecks;

/** (e) Every check of the catalogue has a test that breaks a good document and sees it fire. */
class CatalogueCoverageTest {
    static List<Case> allCases() {
        List<Case> all = new ArrayList<>();
        all.addAll(WithinTableChecksTest.cases());
        all.addAll(EmptyTableChecksTest.cases());
        all.addAll(CrossChecksTest.cases());
        all.addAll(ClassificationChecksTest.cases());
        all.addAll(GeneratedChecksTest.cases());
        return all;
    }

    @Test
    void every_check_id_has_a_mutation_test_and_every_test_names_a_check() {
        Set<String> catalogue = new TreeSet<>(CheckCatalogue.checks(Fixtures.SME.profile()).stream().map(Check::id).toList());
        // the text checks need a document with text: their mutation tests break the published examples
        // read back by audit/ (audit/src/test/.../TextChecksTest, with its own coverage test)
        catalogue.removeAll(TextChecks.ids());
        // the 决算 text checks need a 决算's text: their mutation tests break a published 决算 read back by audit/ (FinalAccountsAuditTest)
        catalogue.removeAll(org.openbudget.core.check.FinalTextChecks.ids());
        // the change columns (上年 → 本年 → 增减) are printed only by profiles with last year's columns: their
        // mutation test breaks such a document (derive/YearColumnsTest)
        catalogue.remove("column-change");
        // 机关运行经费 (a measure declared part) is printed only by profiles with such a column or row (上海 表9, 广州 表8): its
        // mutation test breaks such a document (PartMeasureTest)
        catalogue.remove("part-measure");
        Set<String> tested = new TreeSet<>(allCases().stream().map(c -> CheckCatalogue.resolve(c.id())).toList());
        assertThat(tested).isEqualTo(catalogue);
    }

    @Test
    void every_case_expects_at_least_one_finding_of_its_check() {
        assertThat(allCases()).allSatisfy(c -> assertThat(c.expected()).as(c.toString()).isNotEmpty());
    }
}
