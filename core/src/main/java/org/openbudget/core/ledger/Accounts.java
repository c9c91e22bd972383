package org.openbudget.core.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a 决算 (final accounts) dataset holds besides its ledger of actual spending (docs/dataset.md, "A 决算 dataset"):
 * the entries of each <em>flow</em> a 决算 prints and the ledger does not hold, keyed by the flow's name as the
 * measures declare it (refdata/measures.yaml, {@code flow:}) — {@code received} (本年收入 on the year's sources and
 * 年初结转和结余 on the carry-over sources, per 功能分类项), {@code surplus.used} (使用非财政拨款结余),
 * {@code surplus.distribution} (结余分配), {@code spent.remit} / {@code spent.ops} / {@code spent.aff} (上缴上级支出,
 * 经营支出, 对附属单位补助支出), {@code budget.initial} (年初预算数: the lines of the year's 预算 dataset). Each entry is a
 * ledger line (its 经济分类 and nature blank where the flow has none). 年末结转和结余 is never typed: the derivation
 * computes it ({@code closing}), so the accounts close by construction.
 *
 * @param basis    预算 (a budget: no flows) or 决算
 * @param flows    flow name → its entries, in the dataset's order
 * @param budgeted the year's 预算 dataset the 年初预算数 were taken from, or null
 */
public record Accounts(String basis, Map<String, List<LedgerLine>> flows, Budget budgeted) {
    public static final String FINAL = "决算";
    public static final String BUDGET = "预算";
    public static final Accounts NONE = new Accounts(BUDGET, Map.of(), null);

    public Accounts {
        basis = basis == null || basis.isBlank() ? BUDGET : basis;
        Map<String, List<LedgerLine>> copy = new LinkedHashMap<>();
        if (flows != null) flows.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        flows = java.util.Collections.unmodifiableMap(copy);
    }

    public boolean isFinal() { return FINAL.equals(basis); }

    /** The entries of one flow (none when the dataset gives none). */
    public List<LedgerLine> flow(String name) {
        return flows.getOrDefault(name, List.of());
    }
}
