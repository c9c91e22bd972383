package org.openbudget.core.classification;

/**
 * A funding source (资金来源) as listed in refdata: e.g. GPB 本级一般财力, group 一般公共预算.
 *
 * @param budget       一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户 | 单位资金
 * @param currentYear  false for 上年结转结余
 */
public record FundingSource(String code, String name, String group, String budget, boolean currentYear) {
    public static final String GPB_BUDGET = "一般公共预算";
    public static final String GFB_BUDGET = "政府性基金预算";
    public static final String SOC_BUDGET = "国有资本经营预算";

    /** One of the three budgets (财政拨款), as opposed to 财政专户 or 单位资金. */
    public boolean fiscal() {
        return budget.equals(GPB_BUDGET) || budget.equals(GFB_BUDGET) || budget.equals(SOC_BUDGET);
    }

    /** 财政拨款: current-year money of the three budgets. */
    public boolean fiscalCurrent() { return currentYear && fiscal(); }

    public boolean generalPublicCurrent() { return currentYear && budget.equals(GPB_BUDGET); }

    public boolean governmentFundCurrent() { return currentYear && budget.equals(GFB_BUDGET); }

    public boolean stateCapitalCurrent() { return currentYear && budget.equals(SOC_BUDGET); }

    public boolean carryOverFiscal() { return !currentYear && fiscal(); }

    public boolean carryOverNonFiscal() { return !currentYear && !fiscal(); }
}
