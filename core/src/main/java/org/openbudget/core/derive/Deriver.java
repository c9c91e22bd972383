package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * ledger → the document's tables (the first stage of {@link org.openbudget.core.pipeline.Pipeline}). Pure:
 * the same budget, reference data and template always give the same tables, and every table is a view
 * of the one ledger, so the tables agree by construction. A department's budget is the consolidation of
 * its units' ledgers.
 *
 * <p>The postings are read once per budget into sums the tables share ({@link Sums}); a department
 * derived together with its units ({@link #tablesWithUnits}) adds up its units' sums instead of
 * reading their lines again. Either way the tables are the same.
 */
public final class Deriver {
    private Deriver() {}

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

    /** A department's document and its units' documents (in the department's unit order). */
    public record Derived(List<Disclosure> units, Disclosure department) {
        public Derived {
            units = List.copyOf(units);
        }
    }

    /**
     * The tables of each unit of a department and then of the department itself, consolidated from the
     * units' sums rather than from their lines again. The tables are exactly those
     * {@link #tables(Budget, ReferenceData, TemplateProfile)} gives for each budget on its own.
     */
    public static Derived tablesWithUnits(Budget department, ReferenceData ref, TemplateProfile profile) {
        if (!department.isDepartment()) throw new IllegalArgumentException(department.agency().name() + " is not a department");
        List<Context> contexts = new ArrayList<>();
        List<Disclosure> units = new ArrayList<>();
        java.util.Map<String, Object> rules = new java.util.HashMap<>();
        for (Budget u : department.units()) {
            Context c = withPrior(new Context(u, ref, profile, rules), u, ref, profile, null);
            contexts.add(c);
            units.add(tables(c));
        }
        Context dept = withPrior(Context.consolidate(department, contexts).orElseGet(() -> new Context(department, ref, profile, rules)),
                department, ref, profile, null);
        return new Derived(units, tables(dept));
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
