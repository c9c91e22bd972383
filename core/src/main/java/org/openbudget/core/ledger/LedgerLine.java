package org.openbudget.core.ledger;

import java.math.BigDecimal;

/**
 * One budget line: unit × 功能分类项 × 经济分类款 × nature × project × funding source × amount.
 * The amount is exact, kept as whole 分 (1 元 = 100 分) so that sums are exact and cheap.
 *
 * @param agencyCode  the unit the money belongs to
 * @param projectCode null for 基本支出
 * @param fundSource  funding-source code (GPB, CO_GPB …)
 */
public record LedgerLine(String agencyCode, String funcCode, String ecoCode, Nature nature,
                         String projectCode, String fundSource, long amountFen, Origin origin) {

    public BigDecimal amountYuan() {
        return BigDecimal.valueOf(amountFen, 2);
    }

    /** 万元, exact. */
    public BigDecimal amountWan() {
        return BigDecimal.valueOf(amountFen, 6);
    }

    /** 人员经费 = 301 + 303 of 基本支出; everything else basic is 公用经费. */
    public boolean personnel() {
        return nature == Nature.BASIC && (ecoCode.startsWith("301") || ecoCode.startsWith("303"));
    }

    public boolean publicUse() {
        return nature == Nature.BASIC && !personnel();
    }
}
