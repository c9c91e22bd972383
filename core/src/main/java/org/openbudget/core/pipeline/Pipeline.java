package org.openbudget.core.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.text.TextGenerator;

/**
 * The one road from a ledger to its document, pure and in stages: the tables derived from the ledger
 * ({@link Deriver}), the text written from the tables and the narrative ({@link TextGenerator}), the
 * checks run on the result ({@link CheckCatalogue}). The edges read a budget (io's Workspace: a dataset,
 * a workbook, the database) and render or publish what comes out; each stage is also callable alone.
 */
public final class Pipeline {
    private Pipeline() {}

    /** A document and what the checks found in it. */
    public record Checked(Disclosure disclosure, List<Finding> findings) {
        public Checked {
            findings = List.copyOf(findings);
        }
    }

    /** The whole document: tables, then text (the narrative's explicit comparatives only). */
    public static Disclosure derive(Budget budget, ReferenceData ref, TemplateProfile profile) {
        return derive(budget, ref, profile, null, null);
    }

    /** The whole document with last year's tables for the text's comparatives. */
    public static Disclosure derive(Budget budget, ReferenceData ref, TemplateProfile profile, Disclosure lastYear) {
        return derive(budget, ref, profile, lastYear, null);
    }

    /**
     * @param lastYear    the document derived from last year's dataset (its tables as printed give the
     *                    comparatives the narrative does not state); null when there is none
     * @param lastYearRef the reference data of last year's dataset (the 上年 columns); null: this year's
     */
    public static Disclosure derive(Budget budget, ReferenceData ref, TemplateProfile profile, Disclosure lastYear,
                                    ReferenceData lastYearRef) {
        return text(budget, Deriver.tables(budget, ref, profile, lastYearRef), ref, profile, lastYear);
    }

    /** The text stage: the tables with the text the narrative and the profile's outline write from them. */
    public static Disclosure text(Budget budget, Disclosure tables, ReferenceData ref, TemplateProfile profile, Disclosure lastYear) {
        if (budget.narrative().isEmpty()) return tables;
        return tables.withText(TextGenerator.generate(budget, tables, ref, profile,
                TextGenerator.comparatives(budget.narrative().lastYear(), lastYear, ref, profile), budgeted(budget, ref, profile)));
    }

    /**
     * A 决算's 年初预算数 by text-fact key: the year's 预算 lines it holds (its {@code budget.initial} flow) laid out as a
     * ledger under the same template and read as the text reads the 决算's own tables; none for a budget.
     */
    static java.util.Map<String, java.math.BigDecimal> budgeted(Budget budget, ReferenceData ref, TemplateProfile profile) {
        if (!budget.isFinal()) return java.util.Map.of();
        List<org.openbudget.core.ledger.LedgerLine> lines = budget.allFlow("budget.initial");
        if (lines.isEmpty()) return java.util.Map.of();
        Budget plan = new Budget(budget.agency().kind() == org.openbudget.core.ledger.AgencyKind.DEPARTMENT
                ? new org.openbudget.core.ledger.Agency(budget.agency().code(), budget.agency().name(), org.openbudget.core.ledger.AgencyKind.UNIT, budget.agency().type())
                : budget.agency(), budget.year(), budget.profileId(), new ArrayList<>(budget.allProjects().values()), lines, List.of(), budget.origin());
        return TextGenerator.comparatives(org.openbudget.core.ledger.Narrative.LastYear.NONE, Deriver.tables(plan, ref, profile), ref, profile);
    }

    /** The check stage. */
    public static Checked check(Disclosure document, TemplateProfile profile, ReferenceData ref) {
        return new Checked(document, CheckCatalogue.run(document, profile, ref));
    }

    /** Every stage: derive, write, check. */
    public static Checked checked(Budget budget, ReferenceData ref, TemplateProfile profile, Disclosure lastYear, ReferenceData lastYearRef) {
        return check(derive(budget, ref, profile, lastYear, lastYearRef), profile, ref);
    }

    /**
     * A department's document and its units', the department consolidated from the units' sums
     * ({@link Deriver#tablesWithUnits}); each with its text. The documents are exactly those
     * {@link #derive(Budget, ReferenceData, TemplateProfile)} gives for each budget on its own.
     */
    public static Deriver.Derived deriveWithUnits(Budget department, ReferenceData ref, TemplateProfile profile) {
        Deriver.Derived tables = Deriver.tablesWithUnits(department, ref, profile);
        List<Disclosure> units = new ArrayList<>();
        for (int i = 0; i < tables.units().size(); i++) {
            units.add(text(department.units().get(i), tables.units().get(i), ref, profile, null));
        }
        return new Deriver.Derived(units, text(department, tables.department(), ref, profile, null));
    }
}
