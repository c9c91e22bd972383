package org.openbudget.derive.straight;

import java.util.List;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;

/**
 * TEST ORACLE: the straightforward derivation (one pass over the postings per table), as it stood
 * before the optimised core derivation. Kept verbatim so that DerivationEquivalenceTest can show
 * the optimised derivation gives the very same Disclosure on synthetic budgets.
 *
 * Original doc:
 * ledger → Disclosure. Pure: the same budget, reference data and template always give the same
 * document, and every table is a view of the one ledger, so the tables agree by construction.
 * A department's budget is the consolidation of its units' ledgers.
 */
public final class StraightDeriver {
    private StraightDeriver() {}

    public static Disclosure derive(Budget budget, ReferenceData ref, TemplateProfile profile) {
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
