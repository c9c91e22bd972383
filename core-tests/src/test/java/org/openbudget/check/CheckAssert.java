package org.openbudget.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.profile.TemplateProfile;

/** Runs a {@link Case}: the good fixture passes the check, the broken one adds exactly the expected findings. */
final class CheckAssert {
    private CheckAssert() {}

    static void verify(Case c) {
        Disclosure good = c.fixture().disclosure();
        TemplateProfile profile = c.profile().apply(c.fixture().profile());
        ReferenceData ref = c.fixture().ref();

        List<Finding> base = CheckCatalogue.runOnly(c.id(), good, profile, ref);
        assertThat(base).as("%s on the good %s: no error or warning", c.id(), c.fixture())
                .allMatch(f -> f.severity() == Severity.NOTICE);

        List<Finding> after = CheckCatalogue.runOnly(c.id(), c.mutation().apply(good), profile, ref);
        assertThat(after).extracting(Finding::id).containsOnly(CheckCatalogue.resolve(c.id()));

        List<Case.Loc> baseLocs = new ArrayList<>(base.stream().map(Case.Loc::of).toList());
        List<Case.Loc> added = new ArrayList<>();
        for (Finding f : after) {
            Case.Loc l = Case.Loc.of(f);
            if (!baseLocs.remove(l)) added.add(l);
        }
        assertThat(added).as("%s: findings added by the mutation (%s)", c.id(), c.what())
                .containsExactlyInAnyOrderElementsOf(c.expected());
        assertThat(baseLocs).as("%s: findings of the good document that vanished", c.id()).isEmpty();
        if (c.messageContains() != null) {
            List<Finding> addedFindings = after.stream().filter(f -> c.expected().contains(Case.Loc.of(f))).toList();
            assertThat(addedFindings).allSatisfy(f -> assertThat(f.message()).contains(c.messageContains()));
        }
    }

    /** Only the ERROR and WARNING findings of the full catalogue. */
    static List<Finding> problems(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Severity.NOTICE).toList();
    }
}
