package org.openbudget.core.classification;

import java.util.Objects;

/**
 * A funding source (资金来源) as listed in refdata: e.g. GPB 本级一般财力, group 一般公共预算.
 * What it feeds (财政拨款 or not, current year or carry-over) is worked out once, not per posting.
 */
public final class FundingSource {
    public static final String GPB_BUDGET = "一般公共预算";
    public static final String GFB_BUDGET = "政府性基金预算";
    public static final String SOC_BUDGET = "国有资本经营预算";

    private final String code;
    private final String name;
    private final String group;
    private final String budget;
    private final boolean currentYear;
    private final boolean fiscal;
    private final boolean gpb;
    private final boolean gfb;
    private final boolean soc;

    /**
     * @param budget      一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户 | 单位资金
     * @param currentYear false for 上年结转结余
     */
    public FundingSource(String code, String name, String group, String budget, boolean currentYear) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.group = Objects.requireNonNull(group);
        this.budget = Objects.requireNonNull(budget);
        this.currentYear = currentYear;
        this.gpb = budget.equals(GPB_BUDGET);
        this.gfb = budget.equals(GFB_BUDGET);
        this.soc = budget.equals(SOC_BUDGET);
        this.fiscal = gpb || gfb || soc;
    }

    public String code() { return code; }
    public String name() { return name; }
    public String group() { return group; }
    public String budget() { return budget; }
    public boolean currentYear() { return currentYear; }

    /** One of the three budgets (财政拨款), as opposed to 财政专户 or 单位资金. */
    public boolean fiscal() { return fiscal; }

    /** 财政拨款: current-year money of the three budgets. */
    public boolean fiscalCurrent() { return currentYear && fiscal; }

    public boolean generalPublicCurrent() { return currentYear && gpb; }

    public boolean governmentFundCurrent() { return currentYear && gfb; }

    public boolean stateCapitalCurrent() { return currentYear && soc; }

    public boolean carryOverFiscal() { return !currentYear && fiscal; }

    public boolean carryOverNonFiscal() { return !currentYear && !fiscal; }

    @Override
    public boolean equals(Object o) {
        return o instanceof FundingSource f && f.code.equals(code) && f.name.equals(name) && f.group.equals(group)
                && f.budget.equals(budget) && f.currentYear == currentYear;
    }

    @Override
    public int hashCode() { return Objects.hash(code, name, group, budget, currentYear); }

    @Override
    public String toString() { return code + " " + name; }
}
