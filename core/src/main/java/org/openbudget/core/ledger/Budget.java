package org.openbudget.core.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset: the budget of one unit, or of a department as the consolidation of its units.
 * A unit has lines and projects; a department has units (and, through them, lines and projects).
 * {@code narrative} is what the document's text needs besides the ledger ({@link Narrative#EMPTY}
 * when the dataset has no text data); a department's narrative is its own.
 */
public record Budget(Agency agency, int year, String profileId, List<Project> projects,
                     List<LedgerLine> lines, List<Budget> units, Origin origin, Narrative narrative, Accounts accounts) {

    public Budget {
        accounts = accounts == null ? Accounts.NONE : accounts;
        projects = List.copyOf(projects);
        lines = List.copyOf(lines);
        units = List.copyOf(units);
        narrative = narrative == null ? Narrative.EMPTY : narrative;
    }

    public Budget(Agency agency, int year, String profileId, List<Project> projects,
                  List<LedgerLine> lines, List<Budget> units, Origin origin, Narrative narrative) {
        this(agency, year, profileId, projects, lines, units, origin, narrative, Accounts.NONE);
    }

    /** A budget without text data. */
    public Budget(Agency agency, int year, String profileId, List<Project> projects,
                  List<LedgerLine> lines, List<Budget> units, Origin origin) {
        this(agency, year, profileId, projects, lines, units, origin, Narrative.EMPTY);
    }

    public Budget withNarrative(Narrative n) {
        return new Budget(agency, year, profileId, projects, lines, units, origin, n, accounts);
    }

    /** This dataset as a 决算's (its ledger the year's actual spending) with the accounts' other figures. */
    public Budget withAccounts(Accounts a) {
        return new Budget(agency, year, profileId, projects, lines, units, origin, narrative, a);
    }

    /** 预算 or 决算: a budget, or final accounts (a department's: its own basis, its units' alike). */
    public String basis() { return accounts.basis(); }

    public boolean isFinal() { return accounts.isFinal(); }

    /** The entries of one 决算 flow, of every unit for a department. */
    public List<LedgerLine> allFlow(String flow) {
        if (!isDepartment()) return accounts.flow(flow);
        List<LedgerLine> out = new ArrayList<>();
        for (Budget u : units) out.addAll(u.allFlow(flow));
        return out;
    }

    /** The flows any unit of this budget has entries of. */
    public java.util.Set<String> allFlows() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Budget u : memberUnits()) out.addAll(u.accounts.flows().keySet());
        return out;
    }

    public boolean isDepartment() { return agency.kind() == AgencyKind.DEPARTMENT; }

    /** The units whose lines make up this budget, in document order (a unit is its own only unit). */
    public List<Budget> memberUnits() {
        return isDepartment() ? units : List.of(this);
    }

    /** Every line, of every unit for a department. */
    public List<LedgerLine> allLines() {
        if (!isDepartment()) return lines;
        List<LedgerLine> out = new ArrayList<>();
        for (Budget u : units) out.addAll(u.allLines());
        return out;
    }

    public Map<String, Project> allProjects() {
        Map<String, Project> out = new LinkedHashMap<>();
        for (Budget u : memberUnits()) for (Project p : u.projects()) out.putIfAbsent(p.code(), p);
        return out;
    }

    public Optional<Budget> unit(String agencyCode) {
        return memberUnits().stream().filter(u -> u.agency().code().equals(agencyCode)).findFirst();
    }
}
