package org.openbudget.check;

import java.util.List;
import java.util.function.UnaryOperator;

import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.profile.TemplateProfile;

/**
 * One mutation test of one check: a good fixture, one thing broken, and exactly the findings the
 * check must add (severity and location: table, code, project, column, expected, found).
 */
record Case(String id, Fixtures fixture, String what, UnaryOperator<Disclosure> mutation,
            UnaryOperator<TemplateProfile> profile, String messageContains, List<Loc> expected) {

    static Case of(String id, Fixtures fixture, String what, UnaryOperator<Disclosure> mutation, Loc... expected) {
        return new Case(id, fixture, what, mutation, UnaryOperator.identity(), null, List.of(expected));
    }

    Case withProfile(UnaryOperator<TemplateProfile> p) {
        return new Case(id, fixture, what, mutation, p, messageContains, expected);
    }

    /** Every added finding's message must contain this (for rows a location cannot name, e.g. a unit row). */
    Case withMessage(String text) {
        return new Case(id, fixture, what, mutation, profile, text, expected);
    }

    @Override
    public String toString() {
        return id + " [" + fixture + "] " + what;
    }

    /** Where a finding is and what it says, as a comparable value. */
    record Loc(Severity severity, Integer table, String code, String project, String column, String expected, String found) {
        static Loc of(Finding f) {
            return new Loc(f.severity(), f.table(), f.code(), f.project(), f.column(), f.expected(), f.found());
        }

        static Loc error(int table, String code, String project, String column, String expected, String found) {
            return new Loc(Severity.ERROR, table, code, project, column, expected, found);
        }

        static Loc at(Severity s, int table, String code, String project, String column, String expected, String found) {
            return new Loc(s, table, code, project, column, expected, found);
        }
    }
}
