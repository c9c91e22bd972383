package org.openbudget.web.service;

import java.util.List;

import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.InputProblem;

/**
 * A dataset read, derived and checked — or the located problems that stopped it being read.
 * {@code disclosure} is null when {@code problems} is not empty.
 */
public record Evaluation(Budget budget, TemplateProfile profile, Disclosure disclosure, List<Finding> findings, List<InputProblem> problems) {
    public Evaluation {
        findings = findings == null ? List.of() : List.copyOf(findings);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static Evaluation invalid(List<InputProblem> problems) {
        return new Evaluation(null, null, null, List.of(), problems);
    }

    public boolean readable() { return problems.isEmpty(); }

    public long count(Severity s) { return findings.stream().filter(f -> f.severity() == s).count(); }

    public long errors() { return count(Severity.ERROR); }

    public long warnings() { return count(Severity.WARNING); }

    public long notices() { return count(Severity.NOTICE); }
}
