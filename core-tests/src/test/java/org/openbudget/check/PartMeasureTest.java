package org.openbudget.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbudget.check.Mutate.cell;
import static org.openbudget.check.Mutate.total;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.Workspace;

/**
 * 机关运行经费 (measure {@code running}, declared {@code part}) is the 公用经费 of 行政 and 参公 units, none of a 事业单位's:
 * a printed one is no more than the 一般公共预算 基本支出's 公用经费 (part-measure), never held equal to it (same-measure) —
 * 上海's 表9 (单位“三公”经费和机关运行经费预算表) of a 事业单位 prints it blank beside its 公用经费.
 */
class PartMeasureTest {
    private static final Workspace WS = new Workspace(ReferenceLibrary.standard());
    private static final String RUNNING = "机关运行经费预算数";

    private static final Workspace.Loaded SHANGHAI = WS.loaded(Fixtures.SME.loaded().budget(), "shanghai-2026");

    private static int threePublic() {
        TemplateProfile p = SHANGHAI.profile();
        return p.tableById("three_public").orElseThrow().no();
    }

    private static BigDecimal running(Disclosure d) {
        DisclosureTable t = d.tables().stream().filter(x -> x.no() == threePublic()).findFirst().orElseThrow();
        return t.rows().get(0).value(t.columnIndex(RUNNING));
    }

    /** The errors of the checks between tables (the text, stating the derived 机关运行经费, is not mutated with them). */
    private static List<Finding> errors(Disclosure d) {
        return CheckCatalogue.run(d, SHANGHAI.profile(), SHANGHAI.ref()).stream()
                .filter(f -> f.severity() == Severity.ERROR && !f.id().startsWith("text")).toList();
    }

    @Test
    void aDerivedDocumentPrintsTheWholeAndPasses() {
        Disclosure d = SHANGHAI.disclosure();
        assertThat(running(d)).isPositive();
        assertThat(CheckCatalogue.run(d, SHANGHAI.profile(), SHANGHAI.ref())).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void theTextsAmountIsHeldToThePartThatTablePrints() {
        // the text states the derived 机关运行经费; a table printing another is told against that cell, not 公用经费
        Disclosure d = cell(SHANGHAI.disclosure(), threePublic(), total(), RUNNING, null);
        assertThat(CheckCatalogue.runOnly("text-measure", d, SHANGHAI.profile(), SHANGHAI.ref()))
                .singleElement().satisfies(f -> assertThat(f.column()).isEqualTo(RUNNING));
    }

    @Test
    void aPublicInstitutionWithoutOneIsNoError() {
        // a 事业单位: 机关运行经费 blank, its 公用经费 printed — no finding (it was a same-measure error)
        Disclosure none = cell(SHANGHAI.disclosure(), threePublic(), total(), RUNNING, null);
        assertThat(errors(none)).isEmpty();
        Disclosure less = cell(SHANGHAI.disclosure(), threePublic(), total(), RUNNING, running(SHANGHAI.disclosure()).subtract(BigDecimal.ONE).toPlainString());
        assertThat(errors(less)).isEmpty();
    }

    @Test
    void moreThanTheWholeIsAnError() {
        BigDecimal more = running(SHANGHAI.disclosure()).add(BigDecimal.ONE);
        Disclosure d = cell(SHANGHAI.disclosure(), threePublic(), total(), RUNNING, more.toPlainString());
        assertThat(errors(d)).extracting(Finding::id).containsExactly("part-measure");
        assertThat(errors(d).get(0).message()).contains(RUNNING, "大于", "公用经费", "一部分");
    }
}
