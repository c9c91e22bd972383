package org.openbudget.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbudget.check.Fixtures.FUNDS;
import static org.openbudget.check.Fixtures.SCI;
import static org.openbudget.check.Fixtures.SME;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Severity;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/** An empty table must carry its sentence; a table with numbers must not. */
class EmptyTableChecksTest {
    static final String NOTE = "测试单位2024年没有此项预算，此表为空表。";

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        // 表8, 表9, 表11 of the SME center are empty and carry their sentence: remove it
        for (int n : new int[]{8, 9, 11}) {
            out.add(Case.of("T" + n + ".empty-note", SME, "表" + n + " empty, its sentence removed",
                    d -> Mutate.emptyNote(d, n, null), noteMissing(n)));
        }
        // tables with numbers emptied, without a sentence
        for (int n : new int[]{2, 3, 5, 6, 7}) {
            out.add(Case.of("T" + n + ".empty-note", SME, "表" + n + " emptied without its sentence",
                    d -> Mutate.emptyTable(d, n, null), noteMissing(n)));
        }
        // the xinjiang-2024 template prints no sentence for 表1, 表4, 表10; a template that does
        for (int n : new int[]{1, 4, 10}) {
            out.add(Case.of("T" + n + ".empty-note", SME, "表" + n + " emptied without the sentence its template prescribes",
                    d -> Mutate.emptyTable(d, n, null), noteMissing(n)).withProfile(withEmptyNote(n)));
        }
        // a table with numbers that says it is empty
        for (int n : new int[]{1, 2, 3, 4, 5, 6, 7, 10}) {
            out.add(Case.of("T" + n + ".empty-with-rows", SME, "表" + n + " with numbers given an empty sentence",
                    d -> Mutate.emptyNote(d, n, NOTE), numbersButNote(n)));
        }
        // an empty table (with its sentence) given rows
        out.add(Case.of("T8.empty-with-rows", SME, "empty 表8 given rows", d -> Mutate.rowsFrom(d, 8, FUNDS.disclosure()), numbersButNote(8)));
        out.add(Case.of("T9.empty-with-rows", SME, "empty 表9 given rows", d -> Mutate.rowsFrom(d, 9, FUNDS.disclosure()), numbersButNote(9)));
        out.add(Case.of("T11.empty-with-rows", SME, "empty 表11 given rows", d -> Mutate.rowsFrom(d, 11, SCI.disclosure()), numbersButNote(11)));
        // a table of the template not printed at all: a notice by default (a 决算 profile makes it an error)
        out.add(Case.of("table-missing", SME, "表7 left out of the document", d -> Mutate.removeTable(d, 7),
                Case.Loc.at(Severity.NOTICE, 7, "", "", "", "印出此表", "缺表")));
        return out;
    }

    static Case.Loc noteMissing(int n) {
        return Case.Loc.at(Severity.WARNING, n, "", "", "", "为空表说明", "");
    }

    static Case.Loc numbersButNote(int n) {
        return Case.Loc.at(Severity.ERROR, n, "", "", "", "", "有数字");
    }

    static UnaryOperator<TemplateProfile> withEmptyNote(int n) {
        return p -> {
            Map<Integer, TableTemplate> tables = new HashMap<>(p.tables());
            TableTemplate t = p.table(n);
            tables.put(n, new TableTemplate(t.no(), t.title(), t.columns(), t.incomeRows(), t.rows(),
                    "{unit}{year}年此表为空表。", t.equations(), t.unitRows(), t.aliases(), t.incomeTotalOf()));
            return new TemplateProfile(p.id(), p.name(), p.year(), p.totalFirst(), p.thousands(), p.totalLabel(),
                    p.incomeTotalLabel(), p.expenseTotalLabel(), tables);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fires_exactly_where_broken(Case c) {
        CheckAssert.verify(c);
    }

    @Test
    void an_empty_table_with_its_sentence_is_fine() {
        for (int n : new int[]{8, 9, 11}) {
            assertThat(CheckCatalogue.runOnly("T" + n + ".empty-note", SME.disclosure(), SME.profile(), SME.ref())).isEmpty();
            assertThat(CheckCatalogue.runOnly("T" + n + ".empty-with-rows", SME.disclosure(), SME.profile(), SME.ref())).isEmpty();
        }
    }

    @Test
    void no_sentence_is_expected_where_the_template_prescribes_none() {
        var emptied = Mutate.emptyTable(SME.disclosure(), 10, null);
        assertThat(CheckCatalogue.runOnly("T10.empty-note", emptied, SME.profile(), SME.ref())).isEmpty();
    }
}
