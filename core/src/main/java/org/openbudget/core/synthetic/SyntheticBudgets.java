package org.openbudget.core.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Agency;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;
import org.openbudget.core.ledger.Origin;
import org.openbudget.core.ledger.Project;

/**
 * Random but valid budgets for benchmarks and round-trip tests: codes from the year's lists,
 * every funding source, 基本 and 项目 lines, exact amounts in 分. Same seed, same budgets.
 */
public final class SyntheticBudgets {
    private final ReferenceData ref;
    private final String profileId;
    private final List<String> funcItems = new ArrayList<>();
    private final List<String> ecoItems = new ArrayList<>();
    private final List<FundingSource> sources;

    public SyntheticBudgets(ReferenceData ref, String profileId) {
        this.ref = ref;
        this.profileId = profileId;
        for (ClassItem c : ref.functional().items()) if (c.code().length() == 7) funcItems.add(c.code());
        for (ClassItem c : ref.economic().items()) if (c.code().length() == 5) ecoItems.add(c.code());
        this.sources = ref.sources();
        if (funcItems.isEmpty() || ecoItems.isEmpty()) throw new IllegalArgumentException("reference data has no 项 or 款 codes");
    }

    /** A department of {@code units} units with {@code minLines}..{@code maxLines} lines each. */
    public Budget department(Random rnd, int index, int units, int minLines, int maxLines) {
        List<Budget> members = new ArrayList<>();
        for (int u = 0; u < units; u++) members.add(unit(rnd, index * 100 + u, minLines + rnd.nextInt(maxLines - minLines + 1)));
        Agency dept = new Agency(String.format("9%05d", index), "合成部门" + index, AgencyKind.DEPARTMENT, AgencyType.ADMINISTRATIVE);
        return new Budget(dept, ref.year(), profileId, List.of(), List.of(), members, Origin.NONE);
    }

    public Budget unit(Random rnd, int index, int lines) {
        String code = String.format("8%08d", index);
        Agency agency = new Agency(code, "合成单位" + index, AgencyKind.UNIT,
                AgencyType.values()[rnd.nextInt(AgencyType.values().length)]);
        int projectCount = 1 + rnd.nextInt(8);
        List<Project> projects = new ArrayList<>();
        for (int p = 0; p < projectCount; p++) {
            projects.add(new Project(code + "P" + String.format("%03d", p), "合成项目" + index + "-" + p, code, rnd.nextInt(20) == 0));
        }
        // a unit works in a handful of functions, as real units do
        List<String> funcs = new ArrayList<>();
        int fcount = 1 + rnd.nextInt(6);
        for (int i = 0; i < fcount; i++) funcs.add(funcItems.get(rnd.nextInt(funcItems.size())));
        List<LedgerLine> out = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            boolean basic = rnd.nextInt(3) > 0;
            String func = funcs.get(rnd.nextInt(funcs.size()));
            String eco = ecoItems.get(rnd.nextInt(ecoItems.size()));
            FundingSource src = rnd.nextInt(3) > 0 ? sources.get(0) : sources.get(rnd.nextInt(sources.size()));
            long fen = (1 + rnd.nextInt(2_000_000)) * 100L + (rnd.nextInt(10) == 0 ? rnd.nextInt(100) : 0);
            String pro = basic ? null : projects.get(rnd.nextInt(projects.size())).code();
            out.add(new LedgerLine(code, func, eco, basic ? Nature.BASIC : Nature.PROJECT, pro, src.code(), fen, Origin.NONE));
        }
        return new Budget(agency, ref.year(), profileId, projects, out, List.of(), Origin.NONE);
    }

    /**
     * Last year's budget of the same unit or department (the same units, codes and projects, a year
     * earlier): about a fifth of the 项 and a tenth of the other lines absent last year, a third the same, the rest more or less,
     * and a few lines only last year — some under 项 this year's budget does not use — so that a
     * document printing last year beside this year has rows of both years and rows of one only.
     */
    public Budget lastYear(Random rnd, Budget b) {
        if (b.isDepartment()) {
            List<Budget> members = new ArrayList<>();
            for (Budget u : b.units()) members.add(lastYear(rnd, u));
            return new Budget(b.agency(), b.year() - 1, b.profileId(), b.projects(), List.of(), members, Origin.NONE);
        }
        List<LedgerLine> out = new ArrayList<>();
        java.util.Map<String, Boolean> newThisYear = new java.util.HashMap<>();   // a 项 of this year's only, now and then
        for (LedgerLine l : b.lines()) {
            if (newThisYear.computeIfAbsent(l.funcCode(), k -> rnd.nextInt(5) == 0)) continue;
            int r = rnd.nextInt(10);
            if (r == 0) continue;
            long fen = r < 4 ? l.amountFen() : Math.max(100, l.amountFen() / 100 * (50 + rnd.nextInt(101)));
            out.add(new LedgerLine(l.agencyCode(), l.funcCode(), l.ecoCode(), l.nature(), l.projectCode(), l.fundSource(), fen, Origin.NONE));
        }
        int extra = 1 + rnd.nextInt(4);
        for (int i = 0; i < extra; i++) {
            String func = funcItems.get(rnd.nextInt(funcItems.size()));
            String eco = ecoItems.get(rnd.nextInt(ecoItems.size()));
            long fen = (1 + rnd.nextInt(500_000)) * 100L;
            out.add(new LedgerLine(b.agency().code(), func, eco, Nature.BASIC, null, sources.get(0).code(), fen, Origin.NONE));
        }
        return new Budget(b.agency(), b.year() - 1, b.profileId(), b.projects(), out, List.of(), Origin.NONE);
    }

    /**
     * The same unit or department as a 决算 (final accounts): its lines taken as the year's actual spending, the
     * 年初预算数 its lines a little more or less, income received per 项 and source what was spent of it and now and then
     * more (so that 年末结转和结余 holds money), 年初结转和结余 for the carry-over sources spent, and now and then a 经营支出
     * and a 结余分配 of 单位资金. The accounts close by construction (docs/dataset.md, "A 决算 dataset").
     */
    public Budget finalAccounts(Random rnd, Budget b) {
        if (b.isDepartment()) {
            List<Budget> members = new ArrayList<>();
            for (Budget u : b.units()) members.add(finalAccounts(rnd, u));
            return new Budget(b.agency(), b.year(), b.profileId(), b.projects(), List.of(), members, Origin.NONE)
                    .withAccounts(new org.openbudget.core.ledger.Accounts(org.openbudget.core.ledger.Accounts.FINAL, java.util.Map.of(), null));
        }
        java.util.Map<String, Long> spent = new java.util.TreeMap<>();
        List<LedgerLine> budgeted = new ArrayList<>();
        // a 决算 prints no 财政专户 row: its money is 事业收入 (the reader refuses 财政专户 sources in a 决算)
        List<LedgerLine> actual = new ArrayList<>();
        for (LedgerLine l : b.lines()) {
            String src = ref.source(l.fundSource()).map(s -> s.budget().equals("财政专户") ? (s.currentYear() ? "UNIT_BIZ" : "CO_UNIT") : s.code()).orElse(l.fundSource());
            actual.add(new LedgerLine(l.agencyCode(), l.funcCode(), l.ecoCode(), l.nature(), l.projectCode(), src, l.amountFen(), l.origin()));
        }
        for (LedgerLine l : actual) {
            spent.merge(l.funcCode() + "|" + l.fundSource(), l.amountFen(), Math::addExact);
            long fen = Math.max(100, l.amountFen() / 100 * (90 + rnd.nextInt(21)));
            budgeted.add(new LedgerLine(l.agencyCode(), l.funcCode(), l.ecoCode(), l.nature(), l.projectCode(), l.fundSource(), fen, Origin.NONE));
        }
        String unitSource = sources.stream().filter(s -> !s.fiscal() && s.currentYear() && s.budget().equals("单位资金")).map(FundingSource::code)
                .reduce((a, x) -> x.equals("UNIT_OPS") ? x : a).orElse(null);
        List<LedgerLine> received = new ArrayList<>();
        List<LedgerLine> ops = new ArrayList<>();
        List<LedgerLine> distribution = new ArrayList<>();
        String code = b.agency().code();
        for (var e : spent.entrySet()) {
            String[] k = e.getKey().split("\\|");
            long fen = e.getValue();
            if (rnd.nextInt(3) == 0) fen = Math.addExact(fen, fen / 100 * (1 + rnd.nextInt(10)));
            received.add(new LedgerLine(code, k[0], "", null, null, k[1], fen, Origin.NONE));
        }
        if (unitSource != null && !spent.isEmpty() && rnd.nextBoolean()) {
            String func = spent.keySet().iterator().next().split("\\|")[0];
            long fen = (1 + rnd.nextInt(50_000)) * 100L;
            ops.add(new LedgerLine(code, func, "", null, null, unitSource, fen, Origin.NONE));
            long dist = rnd.nextBoolean() ? fen / 10 : 0;
            if (dist > 0) distribution.add(new LedgerLine(code, func, "", null, null, unitSource, dist, Origin.NONE));
            received.add(new LedgerLine(code, func, "", null, null, unitSource, Math.addExact(fen, dist), Origin.NONE));
        }
        java.util.Map<String, List<LedgerLine>> flows = new java.util.LinkedHashMap<>();
        flows.put("received", received);
        if (!ops.isEmpty()) flows.put("spent.ops", ops);
        if (!distribution.isEmpty()) flows.put("surplus.distribution", distribution);
        flows.put("budget.initial", budgeted);
        return new Budget(b.agency(), b.year(), b.profileId(), b.projects(), actual, List.of(), Origin.NONE)
                .withAccounts(new org.openbudget.core.ledger.Accounts(org.openbudget.core.ledger.Accounts.FINAL, flows, null));
    }
}
