package org.openbudget.io.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.FinalBalances;
import org.openbudget.core.ledger.Accounts;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;
import org.openbudget.core.ledger.Origin;
import org.openbudget.core.measure.Measure;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.money.Fen;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/**
 * The {@code accounts:} part of a 决算 dataset (docs/dataset.md, "A 决算 dataset"): per flow the dictionary of measures
 * declares ({@code flow:} in refdata/measures.yaml), its entries — 功能分类项 × funding source × amount in 元, like a
 * ledger line — and, for the 年初预算数 ({@code budget.initial}, {@code budget.adjusted}), the year's 预算 dataset by path
 * instead. 年末结转和结余 is computed ({@link FinalBalances}), never typed; where it would come out below zero (more
 * spent from a 项's budget than came in) the dataset is refused at its {@code accounts}. Every problem is located by
 * file, line and field.
 */
final class AccountsReader {
    static final String KEY = "accounts";
    private static final Set<String> ENTRY_KEYS = Set.of("exp_func_code", "fund_source", "amount", "dep_bgt_eco_code", "nature", "pro_code", "note");
    /** The flows whose entries may instead be the lines of a 预算 dataset named by path. */
    private static final Set<String> BUDGET_FLOWS = Set.of("budget.initial", "budget.adjusted");

    /** The budget a 决算 prints no row for: 财政专户管理资金 is reported as 事业收入. */
    static final String EXCLUDED_BUDGET = "财政专户";
    static final String NO_SPECIAL_ACCOUNT = "决算表没有财政专户管理资金的行次：财政专户核拨的资金计入事业收入（UNIT_BIZ，结转用 CO_UNIT），实际为 ";

    private final List<InputProblem> problems;
    private final ReferenceData ref;
    private final MeasureDictionary dict;
    /** Reads a 预算 dataset named by a path node, or null after reporting. */
    private final Function<YamlNode, Budget> datasets;

    AccountsReader(List<InputProblem> problems, ReferenceData ref, MeasureDictionary dict, Function<YamlNode, Budget> datasets) {
        this.problems = problems;
        this.ref = ref;
        this.dict = dict;
        this.datasets = datasets;
    }

    /** The flows the dictionary declares, with the measure that names each (for messages). */
    private Map<String, Measure> flows() {
        Map<String, Measure> out = new LinkedHashMap<>();
        for (Measure m : dict.all()) if (m.hasFlow()) out.putIfAbsent(m.flow(), m);
        return out;
    }

    /** The accounts of a unit's 决算 dataset ({@code node} may be absent: a 决算 of spending only). */
    Accounts read(Budget unit, YamlNode root) {
        Map<String, List<LedgerLine>> flows = new LinkedHashMap<>();
        Budget budgeted = null;
        var node = root.get(KEY);
        if (node.isEmpty()) return new Accounts(Accounts.FINAL, flows, null);
        YamlNode accounts = node.get();
        if (!accounts.isMap()) {
            problems.add(accounts.problem("accounts 应为映射：流水名 → 条目 (a mapping of flows is expected)"));
            return new Accounts(Accounts.FINAL, flows, null);
        }
        Map<String, Measure> known = flows();
        Set<String> spending = FinalBalances.spendingFlows(dict);
        for (var e : accounts.entries().entrySet()) {
            String flow = e.getKey();
            YamlNode v = e.getValue();
            if (flow.equals(FinalBalances.CLOSING)) {
                problems.add(v.problem("年末结转和结余由数据计算（年初结转和结余 + 本年收入 + 使用非财政拨款结余 − 本年支出 − 结余分配），不填写 (closing balances are computed)"));
                continue;
            }
            if (!known.containsKey(flow)) {
                List<String> allowed = new ArrayList<>(known.keySet());
                allowed.remove(FinalBalances.CLOSING);
                problems.add(v.problem("未知的决算数据 " + flow + " (expected one of " + allowed + ")"));
                continue;
            }
            if (BUDGET_FLOWS.contains(flow) && v.isScalar()) {
                Budget b = datasets.apply(v);
                if (b == null) continue;
                if (b.isFinal()) { problems.add(v.problem("应为本年度的预算数据集，而它是决算数据集 (a 预算 dataset is expected)")); continue; }
                if (b.year() != unit.year()) { problems.add(v.problem("预算数据集的年度为 " + b.year() + "，应与决算年度 " + unit.year() + " 相同")); continue; }
                if (!b.agency().code().equals(unit.agency().code())) {
                    problems.add(v.problem("预算数据集的单位代码为 " + b.agency().code() + "，应与本决算的单位 " + unit.agency().code() + " 相同"));
                    continue;
                }
                if (flow.equals("budget.initial")) budgeted = b;
                flows.put(flow, FinalBalances.initialBudget(b.allLines(), ref));   // the year's own money: 上年结转 is not 年初预算
                continue;
            }
            if (!v.isPresentList()) {
                if (!v.isList()) problems.add(v.problem(known.get(flow).name() + "应为条目列表（功能分类项、资金来源、金额）"
                        + (BUDGET_FLOWS.contains(flow) ? "，或本年度预算数据集的路径" : "") + " (a list of entries is expected)"));
                continue;
            }
            List<LedgerLine> lines = new ArrayList<>();
            for (YamlNode item : v.items()) {
                LedgerLine l = entry(item, unit, spending.contains(flow), known.get(flow));
                if (l != null) lines.add(l);
            }
            flows.put(flow, lines);
        }
        Accounts out = new Accounts(Accounts.FINAL, flows, budgeted);
        if (problems.isEmpty()) balances(unit.withAccounts(out), accounts);
        return out;
    }

    private LedgerLine entry(YamlNode l, Budget unit, boolean spending, Measure measure) {
        int before = problems.size();
        if (!l.isMap()) {
            problems.add(l.problem("条目应为映射：exp_func_code、fund_source、amount (an entry is expected)"));
            return null;
        }
        l.entries().forEach((k, v) -> {
            if (!ENTRY_KEYS.contains(k)) problems.add(v.problem("未知字段 " + k + " (allowed: " + ENTRY_KEYS + ")"));
        });
        DatasetRules.Sink sink = (field, message) -> problems.add(field.isEmpty() ? l.problem(message) : l.require(field).problem(message));
        String func = DatasetRules.funcCode(l.string("exp_func_code"), sink);
        FundingSource source = DatasetRules.fundSource(l.string("fund_source"), ref, sink);
        long fen = DatasetRules.amountFen(l.require("amount").text(), sink);
        String eco = l.optString("dep_bgt_eco_code").map(t -> DatasetRules.ecoCode(t, sink)).orElse("");
        Nature nature = l.optString("nature").map(t -> DatasetRules.nature(t, sink)).orElse(null);
        if (source != null && source.budget().equals(EXCLUDED_BUDGET)) {
            sink.problem("fund_source", NO_SPECIAL_ACCOUNT + source.code() + " " + source.name());
        }
        if (spending && source != null && source.fiscal()) {
            sink.problem("fund_source", measure.name() + "不由财政拨款安排：资金来源应为单位资金或财政专户，实际为 " + source.code() + " " + source.name()
                    + " (this spending is never 财政拨款)");
        }
        if (problems.size() > before) return null;
        return new LedgerLine(unit.agency().code(), func, eco == null ? "" : eco, nature, l.optString("pro_code").orElse(null),
                source.code(), fen, new Origin(l.file(), l.line()));
    }

    /** 年末结转和结余 per 项 and budget must not come out below zero: said at {@code accounts}, with the figures. */
    private void balances(Budget unit, YamlNode at) {
        for (LedgerLine c : FinalBalances.closing(unit, ref, FinalBalances.spendingFlows(dict))) {
            if (c.amountFen() >= 0) continue;
            String budget = ref.source(c.fundSource()).map(FundingSource::budget).orElse(c.fundSource());
            problems.add(at.problem("功能分类 " + c.funcCode() + " 的" + budget + "：年初结转和结余 + 本年收入 + 使用非财政拨款结余 少于 本年支出 + 结余分配 "
                    + Fen.toWan(-c.amountFen()).stripTrailingZeros().toPlainString() + " 万元，年末结转和结余不能为负（请核对 received 的条目与账本）"
                    + " (more spent than received: the closing balance would be negative)"));
        }
    }
}
