package org.openbudget.derive.straight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.money.Fen;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/** What every table derivation needs: the budget's postings, reference data and template. */
final class Context {
    final Budget budget;
    final ReferenceData ref;
    final TemplateProfile profile;
    final List<Posting> postings;
    final Map<String, Project> projects;
    /** agency code → postings, in document order of the units. */
    final Map<String, List<Posting>> byUnit = new LinkedHashMap<>();
    final Map<String, String> unitNames = new LinkedHashMap<>();

    Context(Budget budget, ReferenceData ref, TemplateProfile profile) {
        this.budget = budget;
        this.ref = ref;
        this.profile = profile;
        this.projects = budget.allProjects();
        for (Budget u : budget.memberUnits()) {
            byUnit.put(u.agency().code(), new ArrayList<>());
            unitNames.put(u.agency().code(), u.agency().name());
        }
        List<Posting> all = new ArrayList<>();
        Map<String, FundingSource> cache = new java.util.HashMap<>();
        for (LedgerLine l : budget.allLines()) {
            if (l.amountFen() == 0) continue;
            FundingSource s = cache.computeIfAbsent(l.fundSource(), code -> ref.source(code).orElseThrow(
                    () -> new IllegalArgumentException("unknown funding source " + code + " at " + l.origin())));
            Posting p = new Posting(l, s);
            all.add(p);
            byUnit.computeIfAbsent(l.agencyCode(), k -> new ArrayList<>()).add(p);
        }
        this.postings = Collections.unmodifiableList(all);
    }

    boolean department() { return budget.isDepartment(); }

    String kindLabel() { return budget.agency().kind().label(); }

    String unitName() { return budget.agency().name(); }

    List<Posting> where(Predicate<Posting> p) {
        List<Posting> out = new ArrayList<>();
        for (Posting x : postings) if (p.test(x)) out.add(x);
        return out;
    }

    TableTemplate template(int no) { return profile.table(no); }

    String projectName(String code) {
        Project p = projects.get(code);
        return p == null ? code : p.name();
    }


    Row total(int columns, long[] sums) {
        return new Row(null, RowKind.TOTAL, "", "", profile.totalLabel(), "", "", ClassTree.values(sums));
    }

    /** Total row placed first or last as the template says. */
    List<Row> withTotal(Row total, List<Row> body) {
        List<Row> out = new ArrayList<>(body.size() + 1);
        if (profile.totalFirst()) out.add(total);
        out.addAll(body);
        if (!profile.totalFirst()) out.add(total);
        return out;
    }

    DisclosureTable table(int no, List<Row> rows) {
        TableTemplate t = template(no);
        return new DisclosureTable(no, t.title(kindLabel()), t.columnLabels(), rows, false, null, t.id(), t.mark());
    }

    DisclosureTable emptyTable(int no) {
        TableTemplate t = template(no);
        return new DisclosureTable(no, t.title(kindLabel()), t.columnLabels(), List.of(), true,
                t.emptyNote(unitName(), budget.year()), t.id(), t.mark());
    }

    static BigDecimal wan(long fen) {
        return fen == 0 ? null : Fen.toWan(fen);
    }
}
