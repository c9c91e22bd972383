package org.openbudget.core.derive;

import java.util.List;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.text.TextGenerator;

/**
 * ledger → Disclosure. Pure: the same budget, reference data and template always give the same
 * document, and every table is a view of the one ledger, so the tables agree by construction.
 * A department's budget is the consolidation of its units' ledgers.
 */
public final class Deriver {
    private Deriver() {}

    /**
     * The whole document: the eleven tables and, when the budget has text data (a narrative) and the
     * profile has sentence patterns, its text (org.openbudget.core.text). Comparatives are the
     * narrative's explicit last-year amounts; use {@link #derive(Budget, ReferenceData, TemplateProfile, Disclosure)}
     * when last year's dataset is given.
     */
    public static Disclosure derive(Budget budget, ReferenceData ref, TemplateProfile profile) {
        return derive(budget, ref, profile, null);
    }

    /**
     * @param lastYear the Disclosure derived from last year's dataset (its tables as printed give the
     *                 comparatives the narrative does not state explicitly); null when there is none
     */
    public static Disclosure derive(Budget budget, ReferenceData ref, TemplateProfile profile, Disclosure lastYear) {
        Disclosure tables = tables(budget, ref, profile);
        if (budget.narrative().isEmpty()) return tables;
        return tables.withText(TextGenerator.generate(budget, tables, ref, profile,
                TextGenerator.comparatives(budget.narrative().lastYear(), lastYear)));
    }

    /** The eleven tables only (no text). */
    public static Disclosure tables(Budget budget, ReferenceData ref, TemplateProfile profile) {
        Context ctx = new Context(budget, ref, profile);
        List<DisclosureTable> tables = List.of(
                Table1IncomeExpense.derive(ctx),
                Table2Income.derive(ctx),
                Table3Expense.derive(ctx),
                Table4FiscalIncomeExpense.derive(ctx),
                Table5GeneralPublicExpense.derive(ctx),
                Table6GeneralPublicBasic.derive(ctx),
                Table7GeneralPublicProjects.derive(ctx),
                Table8And9FundExpense.deriveGovernmentFund(ctx),
                Table8And9FundExpense.deriveStateCapital(ctx),
                Table10ThreePublic.derive(ctx),
                Table11CarryOver.derive(ctx));
        return new Disclosure(budget.agency().name(), budget.agency().kind(), budget.year(), profile.id(), tables, "ledger");
    }
}
