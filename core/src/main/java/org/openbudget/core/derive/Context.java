package org.openbudget.core.derive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.money.Fen;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * What every table derivation needs: the budget's postings (read once, into the shared
 * {@link Sums} and into per-unit groups for 表7 and 表11), reference data and template.
 */
final class Context {
    final Budget budget;
    final ReferenceData ref;
    final TemplateProfile profile;
    final Map<String, Project> projects;
    /** agency code → that unit's postings, in document order of the units. */
    final Map<String, UnitPostings> byUnit = new LinkedHashMap<>();
    final Map<String, String> unitNames = new LinkedHashMap<>();
    final Sums sums;
    /** The entries of a 决算's flows (income, balances, 经营支出 …, 年初预算数 and the computed 年末结转和结余); none for a budget. */
    final List<Posting> entries = new ArrayList<>();
    /** The flows of money spent besides the ledger's lines: counted wherever the ledger's spending is. */
    final java.util.Set<String> spending;
    /**
     * Which columns each source × kind cell feeds, per table: worked out once for a template and
     * the year's sources, and shared by the units of a department derived together.
     */
    final Map<String, Object> rules;
    /** Last year's ledger under the same template, made when a table first asks for it (上年预算数 columns). */
    private java.util.function.Supplier<Context> priorMaker;
    private Context prior;

    /** One unit's postings, and the blocks its shaped tables summed from them (kept, so a department reuses a unit's). */
    static final class UnitPostings {
        final String agencyCode;
        final List<Posting> postings = new ArrayList<>();
        /** A shaped table's block of this unit, by table id (kept, so a department reuses its units'). */
        final Map<String, Object> blocks = new HashMap<>();

        UnitPostings(String agencyCode) { this.agencyCode = agencyCode; }
    }

    Context(Budget budget, ReferenceData ref, TemplateProfile profile) {
        this(budget, ref, profile, new HashMap<>());
    }

    /** @param rules cell rules already worked out for this template and reference data (filled as needed) */
    Context(Budget budget, ReferenceData ref, TemplateProfile profile, Map<String, Object> rules) {
        this.rules = rules;
        this.budget = budget;
        this.ref = ref;
        this.profile = profile;
        this.projects = budget.allProjects();
        for (Budget u : budget.memberUnits()) {
            byUnit.put(u.agency().code(), new UnitPostings(u.agency().code()));
            unitNames.put(u.agency().code(), u.agency().name());
        }
        List<FundingSource> sources = ref.sources();
        this.sums = new Sums(sources);
        Map<String, Integer> sourceIndex = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) sourceIndex.put(sources.get(i).code(), i);
        Map<String, Integer> resolved = new HashMap<>();
        UnitPostings unit = null;
        for (LedgerLine l : budget.allLines()) {
            if (l.amountFen() == 0) continue;
            Integer src = resolved.get(l.fundSource());
            if (src == null) {
                FundingSource s = ref.source(l.fundSource()).orElseThrow(
                        () -> new IllegalArgumentException("unknown funding source " + l.fundSource() + " at " + l.origin()));
                src = sourceIndex.get(s.code());
                resolved.put(l.fundSource(), src);
            }
            Posting p = new Posting(l, sources.get(src), src);
            sums.add(p);
            if (unit == null || !unit.agencyCode.equals(l.agencyCode())) {
                unit = byUnit.computeIfAbsent(l.agencyCode(), UnitPostings::new);
            }
            unit.postings.add(p);
        }
        this.spending = compiled("spending-flows", () -> FinalBalances.spendingFlows(profile.measures()));
        if (budget.isFinal()) {
            for (Budget u : budget.memberUnits()) {
                for (String flow : u.allFlows()) for (LedgerLine l : u.accounts().flow(flow)) addEntry(l, flow, sourceIndex);
                for (LedgerLine l : FinalBalances.closing(u, ref, spending)) addEntry(l, FinalBalances.CLOSING, sourceIndex);
            }
        }
    }

    private void addEntry(LedgerLine l, String flow, Map<String, Integer> sourceIndex) {
        if (l.amountFen() == 0) return;
        FundingSource s = ref.source(l.fundSource()).orElseThrow(
                () -> new IllegalArgumentException("unknown funding source " + l.fundSource() + " at " + l.origin()));
        int src = sourceIndex.get(s.code());
        entries.add(Posting.entry(l, ref.sources().get(src), src, flow));
    }

    /**
     * A department from its units' contexts (derived with the same reference data and template):
     * its sums are theirs added up, its unit groups are theirs — the very postings the department's
     * own lines would give, so the same tables. Only when each unit's lines are all its own (one
     * group, under its code) and the unit codes are distinct; else empty, and the department is
     * derived from its lines.
     */
    static java.util.Optional<Context> consolidate(Budget department, List<Context> units) {
        if (!department.isDepartment() || units.isEmpty() || department.units().size() != units.size()
                || units.stream().anyMatch(u -> !u.entries.isEmpty())) {
            return java.util.Optional.empty();
        }
        Context dept = new Context(department, units.get(0).ref, units.get(0).profile, units);
        for (int i = 0; i < units.size(); i++) {
            Context u = units.get(i);
            Budget member = department.units().get(i);
            String code = member.agency().code();
            if (u.budget != member || member.isDepartment() || u.ref != dept.ref || u.profile != dept.profile
                    || u.byUnit.size() != 1 || !u.byUnit.containsKey(code) || dept.byUnit.containsKey(code)) {
                return java.util.Optional.empty();
            }
            dept.byUnit.put(code, u.byUnit.get(code));
            dept.unitNames.put(code, member.agency().name());
            dept.sums.addAll(u.sums);
        }
        return java.util.Optional.of(dept);
    }

    /** An empty department context, filled by {@link #consolidate}. */
    private Context(Budget department, ReferenceData ref, TemplateProfile profile, List<Context> units) {
        this.budget = department;
        this.ref = ref;
        this.profile = profile;
        this.projects = department.allProjects();
        this.sums = new Sums(ref.sources());
        this.rules = units.get(0).rules;
        this.spending = units.get(0).spending;
    }

    /** Where last year's ledger comes from (null: the dataset names none). */
    Context withPrior(java.util.function.Supplier<Context> maker) {
        this.priorMaker = maker;
        return this;
    }

    /** Last year's ledger read under this template (and last year's reference data), or null when there is none. */
    Context prior() {
        if (prior == null && priorMaker != null) {
            prior = priorMaker.get();
            priorMaker = null;
        }
        return prior;
    }

    /** The cell rule named {@code key}, made once per template and reference data. */
    Sums.CellRule rule(String key, java.util.function.Supplier<Sums.CellRule> make) {
        Object r = rules.get(key);
        if (r == null) {
            r = make.get();
            rules.put(key, r);
        }
        return (Sums.CellRule) r;
    }

    /** Something compiled from the template (a shaped table's columns), made once like the cell rules. */
    @SuppressWarnings("unchecked")
    <T> T compiled(String key, java.util.function.Supplier<T> make) {
        Object v = rules.get("#" + key);
        if (v == null) {
            v = make.get();
            rules.put("#" + key, v);
        }
        return (T) v;
    }

    /** A fixed row's 决算 flow and filter when its measure names a flow, else null (worked out once per template). */
    ColumnTerms.Flowed rowFlowed(org.openbudget.core.profile.LineSpec s) {
        if (s.measure().isEmpty()) return null;
        Object v = compiled("rowflow#" + s.measure(), () -> {
            ColumnTerms.Flowed f = ColumnTerms.row(s, measures());
            return f.flow().isEmpty() ? (Object) Boolean.FALSE : f;
        });
        return v instanceof ColumnTerms.Flowed f ? f : null;
    }

    /** A shaped table's columns as filters over postings. */
    ColumnTerms columns(TableTemplate t) {
        return compiled(t.id(), () -> ColumnTerms.of(t, measures(), sums.sources));
    }

    MeasureDictionary measures() { return profile.measures(); }

    DisclosureTable table(TableTemplate t, List<Row> rows) {
        return new DisclosureTable(t.no(), years(t.title(kindLabel())), labels(t), rows, false, null, t.id(), t.mark());
    }

    DisclosureTable emptyTable(TableTemplate t) {
        return new DisclosureTable(t.no(), years(t.title(kindLabel())), labels(t), List.of(), true,
                t.emptyNote(unitName(), budget.year()), t.id(), t.mark());
    }

    /** A title or column label with its {year} and {prev_year} filled in ("{year} 年预算数" → "2026 年预算数"). */
    String years(String s) {
        return s.replace("{year}", String.valueOf(budget.year())).replace("{prev_year}", String.valueOf(budget.year() - 1));
    }

    private List<String> labels(TableTemplate t) {
        return t.columnLabels().stream().map(this::years).toList();
    }

    boolean department() { return budget.isDepartment(); }

    String kindLabel() { return budget.agency().kind().label(); }

    String unitName() { return budget.agency().name(); }


    String projectName(String code) {
        Project p = projects.get(code);
        return p == null ? code : p.name();
    }

    Row total(int columns, long[] sums) {
        // labels.total may be "{unit}": the total row printed under the unit's name (深圳: the department row)
        return new Row(null, RowKind.TOTAL, "", "", profile.totalLabel().replace("{unit}", unitName()), "", "", ClassTree.values(sums));
    }

    /** Total row placed first or last as the template says. */
    List<Row> withTotal(Row total, List<Row> body) {
        List<Row> out = new ArrayList<>(body.size() + 1);
        if (profile.totalFirst()) out.add(total);
        out.addAll(body);
        if (!profile.totalFirst()) out.add(total);
        return out;
    }


    static BigDecimal wan(long fen) {
        return fen == 0 ? null : Fen.toWan(fen);
    }
}
