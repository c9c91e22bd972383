package org.openbudget.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;

/**
 * A large department: hundreds of projects and 主要职能 lines are numbered （一）…（一百）（一百零一）… in the text
 * (it used to fail at the hundredth with an ArrayIndexOutOfBoundsException, so such a department could not save).
 */
class HundredsOfItemsTest {

    @Test
    void aDepartmentWithHundredsOfProjectsAndFunctionsGetsItsTextAndChecks() {
        ReferenceData ref = GeneratedTextPassesTheTextChecksTest.LIB.year(2024);
        TemplateProfile profile = GeneratedTextPassesTheTextChecksTest.LIB.profile("xinjiang-2024");
        SyntheticBudgets gen = new SyntheticBudgets(ref, profile.id());
        Random rnd = new Random(13);
        Budget budget = GeneratedTextPassesTheTextChecksTest.oneItemPerProject(gen.department(rnd, 7, 60, 40, 60));
        Budget lastYear = gen.unit(new Random(113), 113, 40);
        Narrative n = GeneratedTextPassesTheTextChecksTest.narrative(budget, lastYear, ref, rnd);
        List<String> functions = new ArrayList<>();
        for (int i = 1; i <= 230; i++) functions.add("职能" + i);
        Narrative many = new Narrative(functions, n.offices(), n.personnel(), n.lastYear(), n.reasons(), n.classNotes(),
                n.projects(), n.carryOver(), n.procurement(), n.assets(), n.overall(), n.performanceOrder(),
                n.otherMatters(), n.closingDate());

        Disclosure d = Pipeline.derive(budget.withNarrative(many), ref, profile, Deriver.tables(lastYear, ref, profile));
        String text = d.text().toString();

        assertThat(text).contains("（一百）职能100", "（一百零一）职能101", "（二百三十）职能230");
        assertThat(d.text().section("七").orElseThrow().toString()).as("七 numbers more than a hundred projects")
                .contains("（一百）", "（一百零一）");
        assertThat(CheckCatalogue.run(d, profile, ref)).isNotNull();
    }
}
