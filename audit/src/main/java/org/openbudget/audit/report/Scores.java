package org.openbudget.audit.report;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.score.Scorecard;
import org.openbudget.core.score.Scoring;
import org.openbudget.io.refdata.ReferenceLibrary;

/** An audited document's scores on the inspection's dimensions, by the library's rubric (refdata/scoring.yaml). */
public final class Scores {
    private Scores() {}

    public static Scorecard of(DocumentAudit.Result a, ReferenceLibrary lib) {
        String id = a.disclosure().profileId();
        TemplateProfile profile = id != null && lib.hasProfile(id) ? lib.profile(id) : null;
        return Scoring.score(lib.rubric(), a.disclosure(), profile, a.findings(), String.join("\n", a.lines()));
    }
}
