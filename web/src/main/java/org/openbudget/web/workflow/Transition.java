package org.openbudget.web.workflow;

import java.util.Set;

import org.openbudget.web.db.repositories.Status;

/**
 * One row of the {@link Transitions} table: who ({@code by}) may do what ({@code action}) to a document in
 * state {@code from} ({@code null}: there is no document yet), the state it is in afterwards, what the
 * audit trail records, and what the action demands or sets off.
 */
public record Transition(Party by, Action action, Status from, Status to, String recorded, Set<Rule> rules) {

    /** What a transition demands of the document or the request, or sets off, beyond its state. */
    public enum Rule {
        /** A return: its comment must be given. */
        COMMENT,
        /** No error among the findings. */
        NO_ERRORS,
        /** A warning needs the submitter's comment. */
        WARNINGS_EXPLAINED,
        /** A department: each unit consolidated as it is now (submitted or further). */
        UNITS_CURRENT,
        /** A department: each unit approved or published, consolidated as it is now. */
        UNITS_APPROVED,
        /** The document was approved or published: this starts a correction (a new draft; the published version stays). */
        CORRECTION,
        /** A unit's data changes after its department was published with it: the department is marked under correction. */
        MARKS_DEPARTMENT,
        /** A new published version is frozen. */
        PUBLISHES
    }

    public boolean has(Rule r) { return rules.contains(r); }

    public String fromLabel() { return label(from); }

    public static String label(Status s) { return s == null ? "未填报" : s.label(); }
}
