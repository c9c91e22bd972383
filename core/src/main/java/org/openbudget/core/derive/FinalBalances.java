package org.openbudget.core.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Origin;
import org.openbudget.core.measure.MeasureDictionary;

/**
 * 年末结转和结余 of a 决算, never typed: per unit, 功能分类项 and budget (一般公共预算, 政府性基金预算, …, 单位资金) it is
 * what came in — 年初结转和结余 and 本年收入 (the {@value #RECEIVED} flow, on carry-over and current-year sources) and
 * 使用非财政拨款结余 — less what went out: the ledger's spending, the spending flows (上缴上级, 经营, 对附属单位补助) and
 * 结余分配. It is written on the budget's carry-over source (CO_GPB …: what the next year carries in), so the
 * 收入支出决算总表 and every fund's 年初 + 本年收入 = 本年支出 + 年末 close by construction.
 */
public final class FinalBalances {
    /** The flow of income: 本年收入 (current-year sources) and 年初结转和结余 (carry-over sources). */
    public static final String RECEIVED = "received";
    /** The computed flow of 年末结转和结余. */
    public static final String CLOSING = "closing";
    /** Flows that add to what is available, besides {@link #RECEIVED}. */
    public static final String SURPLUS_USED = "surplus.used";
    /** Flows that take from it, besides spending. */
    public static final String DISTRIBUTION = "surplus.distribution";

    private FinalBalances() {}

    /**
     * The 年初预算数 a 决算 takes from the year's 预算 dataset: its lines on the year's own money only. A 预算's 上年结转
     * lines (CO_* sources) are not 年初预算: their spending is the 决算's 使用上年结转资金 — the reason a 决算 gives for
     * spending more than its 年初预算 — and the 预算's own 一般公共预算 tables leave them out too (so the 决算's 年初预算数
     * agrees with the 预算 document's figure, {@code CMP.initial}). A line of an unknown source is kept.
     */
    public static List<LedgerLine> initialBudget(List<LedgerLine> budgetLines, ReferenceData ref) {
        List<LedgerLine> out = new ArrayList<>();
        for (LedgerLine l : budgetLines) {
            if (ref.source(l.fundSource()).map(FundingSource::currentYear).orElse(true)) out.add(l);
        }
        return out;
    }

    /** The flows the dictionary declares as money spent besides the ledger's lines (measures with {@code spending: true}). */
    public static Set<String> spendingFlows(MeasureDictionary dict) {
        return dict.spendingFlows();
    }

    /** One unit's 年末结转和结余 per 项 and budget (an amount below zero: more went out than came in — the reader refuses it). */
    public static List<LedgerLine> closing(Budget unit, ReferenceData ref, Set<String> spending) {
        Map<String, long[]> byKey = new TreeMap<>();   // func | budget → [in, out]
        for (LedgerLine l : unit.accounts().flow(RECEIVED)) add(byKey, l, ref, 0);
        for (LedgerLine l : unit.accounts().flow(SURPLUS_USED)) add(byKey, l, ref, 0);
        for (LedgerLine l : unit.lines()) add(byKey, l, ref, 1);
        for (String f : spending) for (LedgerLine l : unit.accounts().flow(f)) add(byKey, l, ref, 1);
        for (LedgerLine l : unit.accounts().flow(DISTRIBUTION)) add(byKey, l, ref, 1);
        List<LedgerLine> out = new ArrayList<>();
        byKey.forEach((key, v) -> {
            long fen = Math.subtractExact(v[0], v[1]);
            if (fen == 0) return;
            int bar = key.indexOf('|');
            String budget = key.substring(bar + 1);
            String source = carrySource(ref, budget).map(FundingSource::code).orElse(null);
            if (source == null) return;
            out.add(new LedgerLine(unit.agency().code(), key.substring(0, bar), "", null, null, source, fen, new Origin(unit.origin() == null ? "" : unit.origin().file(), 0)));
        });
        return out;
    }

    /** The carry-over source of a budget (CO_GPB for 一般公共预算 …). */
    public static Optional<FundingSource> carrySource(ReferenceData ref, String budget) {
        return ref.sources().stream().filter(s -> !s.currentYear() && s.budget().equals(budget)).findFirst();
    }

    private static void add(Map<String, long[]> byKey, LedgerLine l, ReferenceData ref, int side) {
        Optional<FundingSource> s = ref.source(l.fundSource());
        if (s.isEmpty()) return;
        long[] v = byKey.computeIfAbsent(l.funcCode() + "|" + s.get().budget(), k -> new long[2]);
        v[side] = Math.addExact(v[side], l.amountFen());
    }
}
