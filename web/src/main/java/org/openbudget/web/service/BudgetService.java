package org.openbudget.web.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openbudget.core.check.Check;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.Origin;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.SeverityRepository;
import org.springframework.stereotype.Service;

/**
 * The one gateway from the web to the domain: the io readers read, the core derives and checks.
 * Nothing here computes a table or a check itself; it only applies the administrator's severities.
 */
@Service
public class BudgetService {
    private final ReferenceLibrary library;
    private final SeverityRepository severities;

    public BudgetService(ReferenceLibrary library, SeverityRepository severities) {
        this.library = library;
        this.severities = severities;
    }

    public ReferenceLibrary library() { return library; }

    /** Reads a unit dataset from its text (the file name only labels the problems). */
    public Evaluation evaluateUnit(String fileName, String yaml) {
        Budget budget;
        try {
            budget = new DatasetReader(library).parse(fileName, yaml);
        } catch (InputException e) {
            return Evaluation.invalid(e.problems());
        }
        if (budget.isDepartment()) {
            return Evaluation.invalid(List.of(new InputProblem(fileName, 0, "agency.agency_kind",
                    "这里应上传单位数据集；部门的数据由各单位数据汇总生成 (a unit dataset is expected; a department is consolidated from its units)")));
        }
        return evaluate(budget);
    }

    /** A department: the consolidation of its units' datasets (in document order, 本级 first). */
    public Evaluation evaluateDepartment(Agency department, int year, List<NamedYaml> units) {
        List<Budget> budgets = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (NamedYaml u : units) {
            Evaluation e = evaluateUnitOnly(u);
            if (!e.readable()) problems.addAll(e.problems());
            else budgets.add(e.budget());
        }
        if (budgets.isEmpty() && problems.isEmpty()) {
            problems.add(new InputProblem(department.code(), 0, "units", "没有可汇总的单位数据 (no unit to consolidate)"));
        }
        if (!problems.isEmpty()) return Evaluation.invalid(problems);
        String profile = budgets.get(0).profileId();
        org.openbudget.core.ledger.Agency agency = new org.openbudget.core.ledger.Agency(department.code(), department.name(),
                AgencyKind.DEPARTMENT, AgencyType.fromLabel(department.type()));
        return evaluate(new Budget(agency, year, profile, List.of(), List.of(), budgets, new Origin(department.code() + ".yaml", 1)));
    }

    private Evaluation evaluateUnitOnly(NamedYaml u) {
        try {
            return new Evaluation(new DatasetReader(library).parse(u.name(), u.yaml()), null, null, null, null);
        } catch (InputException e) {
            return Evaluation.invalid(e.problems());
        }
    }

    private Evaluation evaluate(Budget budget) {
        ReferenceData ref = library.year(budget.year());
        TemplateProfile profile = library.profile(budget.profileId());
        Disclosure d = Deriver.derive(budget, ref, profile);
        return new Evaluation(budget, profile, d, applySeverities(CheckCatalogue.run(d, profile, ref)), List.of());
    }

    /** Runs the catalogue on a document read from elsewhere (the audit page). */
    public List<Finding> check(Disclosure d) {
        return applySeverities(CheckCatalogue.run(d, library.profile(d.profileId()), library.year(d.year())));
    }

    /**
     * The administrator may change a check's severity. It applies to the check's findings at the
     * catalogue's severity, and to the notices of an unknown code under a partial classification list
     * (C.func.unknown, C.eco.unknown: a bureau may make them block submission or need a comment).
     * Other demoted findings keep their severity: a rounding difference stays a notice, and so does
     * "not evaluable".
     */
    List<Finding> applySeverities(List<Finding> findings) {
        Map<String, Severity> over = severities.overrides();
        if (over.isEmpty()) return findings;
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Severity s = over.get(f.id());
            Check c = s == null ? null : catalogueCheck(f.id());
            boolean partialList = f.id().endsWith(".unknown") && f.severity() == Severity.NOTICE;
            if (s != null && c != null && (f.severity() == c.severity() || partialList)) {
                f = new Finding(f.id(), s, f.table(), f.code(), f.project(), f.column(), f.section(), f.expected(), f.found(), f.message());
            }
            out.add(f);
        }
        return out;
    }

    private static Check catalogueCheck(String id) {
        for (Check c : CheckCatalogue.checks()) if (c.id().equals(id)) return c;
        return null;
    }

    public record NamedYaml(String name, String yaml) {}
}
