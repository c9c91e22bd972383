package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.text.TextGenerator;

/**
 * ledger → Disclosure. Pure: the same budget, reference data and template always give the same
 * document, and every table is a view of the one ledger, so the tables agree by construction.
 * A department's budget is the consolidation of its units' ledgers.
 *
 * <p>The postings are read once per budget into sums the tables share ({@link Sums}); a department
 * derived together with its units ({@link #deriveWithUnits}) adds up its units' sums instead of
 * reading their lines again. Either way the document is the same.
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
        return derive(budget, ref, profile, lastYear, null);
    }

    /**
     * As {@link #derive(Budget, ReferenceData, TemplateProfile, Disclosure)}, with last year's reference data:
     * the columns of last year (上年预算数, {@code period: last_year}) are that year's ledger — the dataset
     * the budget's narrative names under {@code last_year: dataset:} — measured under this profile.
     *
     * @param lastYearRef the reference data of last year's dataset; null: this year's
     */
    public static Disclosure derive(Budget budget, ReferenceData ref, TemplateProfile profile, Disclosure lastYear,
                                    ReferenceData lastYearRef) {
        return withText(budget, tables(context(budget, ref, profile, lastYearRef)), ref, profile, lastYear);
    }

    /** The eleven tables only (no text); last year's columns read last year's dataset with this year's reference data. */
    public static Disclosure tables(Budget budget, ReferenceData ref, TemplateProfile profile) {
        return tables(context(budget, ref, profile, null));
    }

    /** The tables only, last year's columns reading last year's dataset with {@code lastYearRef} (null: this year's). */
    public static Disclosure tables(Budget budget, ReferenceData ref, TemplateProfile profile, ReferenceData lastYearRef) {
        return tables(context(budget, ref, profile, lastYearRef));
    }

    /** The budget's postings, and where last year's come from should a table print them. */
    private static Context context(Budget budget, ReferenceData ref, TemplateProfile profile, ReferenceData lastYearRef) {
        return withPrior(new Context(budget, ref, profile), budget, ref, profile, lastYearRef);
    }

    private static Context withPrior(Context c, Budget budget, ReferenceData ref, TemplateProfile profile, ReferenceData lastYearRef) {
        Budget previous = budget.narrative().lastYear().dataset();
        if (previous == null) return c;
        ReferenceData r = lastYearRef == null ? ref : lastYearRef;
        return c.withPrior(() -> new Context(previous, r, profile));
    }

    private static Disclosure withText(Budget budget, Disclosure tables, ReferenceData ref, TemplateProfile profile,
                                       Disclosure lastYear) {
        if (budget.narrative().isEmpty()) return tables;
        return tables.withText(TextGenerator.generate(budget, tables, ref, profile,
                TextGenerator.comparatives(budget.narrative().lastYear(), lastYear, ref, profile)));
    }

    /** A department's document and its units' documents (in the department's unit order). */
    public record Derived(List<Disclosure> units, Disclosure department) {
        public Derived {
            units = List.copyOf(units);
        }
    }

    /**
     * Derives each unit of a department and then the department itself, consolidated from the
     * units' sums rather than from their lines again. The documents are exactly those
     * {@link #derive(Budget, ReferenceData, TemplateProfile)} gives for each budget on its own.
     */
    public static Derived deriveWithUnits(Budget department, ReferenceData ref, TemplateProfile profile) {
        if (!department.isDepartment()) throw new IllegalArgumentException(department.agency().name() + " is not a department");
        List<Context> contexts = new ArrayList<>();
        List<Disclosure> units = new ArrayList<>();
        java.util.Map<String, Object> rules = new java.util.HashMap<>();
        for (Budget u : department.units()) {
            Context c = withPrior(new Context(u, ref, profile, rules), u, ref, profile, null);
            contexts.add(c);
            units.add(withText(u, tables(c), ref, profile, null));
        }
        Context dept = withPrior(Context.consolidate(department, contexts).orElseGet(() -> new Context(department, ref, profile, rules)),
                department, ref, profile, null);
        return new Derived(units, withText(department, tables(dept), ref, profile, null));
    }

    private static Disclosure tables(Context ctx) {
        if (!ctx.profile.shaped()) {
            throw new IllegalArgumentException("模板 " + ctx.profile.id() + " 的表未全部指明 shape，无法生成 (every table of a profile needs a shape)");
        }
        return shaped(ctx);
    }

    /** One table by its shape (its columns all of this year's money). */
    static DisclosureTable byShape(Context ctx, TableTemplate t) {
        return switch (t.shape().kind()) {
            case SUMMARY -> SummaryTable.derive(ctx, t);
            case CLASSIFICATION -> ClassificationTable.derive(ctx, t);
            case FIXED -> FixedTable.derive(ctx, t);
            case PROJECTS -> ProjectTable.derive(ctx, t);
        };
    }

    /** Every table of a shaped profile, in the profile's order, each by its shape. */
    private static Disclosure shaped(Context ctx) {
        List<DisclosureTable> tables = new ArrayList<>();
        for (TableTemplate t : ctx.profile.tables().values()) {
            tables.add(t.yearColumns() ? YearColumns.derive(ctx, t) : byShape(ctx, t));
        }
        Budget budget = ctx.budget;
        return new Disclosure(budget.agency().name(), budget.agency().kind(), budget.year(), ctx.profile.id(), tables, "ledger");
    }
}
