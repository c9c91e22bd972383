package org.openbudget.core.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;

/**
 * Each project's money in 分, from the ledger: 一般公共预算 current year, all 财政拨款 current
 * year, non-fiscal current year, and carry-over.
 */
record ProjectMoney(long gpb, long fiscal, long nonFiscal, long carry) {
    static Map<String, ProjectMoney> of(Budget budget, ReferenceData ref) {
        Map<String, long[]> acc = new LinkedHashMap<>();
        Map<String, FundingSource> sources = new java.util.HashMap<>();
        for (LedgerLine l : budget.allLines()) {
            if (l.projectCode() == null || l.amountFen() == 0) continue;
            FundingSource s = sources.computeIfAbsent(l.fundSource(), c -> ref.source(c).orElse(null));
            if (s == null) continue;
            long[] a = acc.computeIfAbsent(l.projectCode(), k -> new long[4]);
            if (s.generalPublicCurrent()) a[0] = Math.addExact(a[0], l.amountFen());
            if (s.fiscalCurrent()) a[1] = Math.addExact(a[1], l.amountFen());
            else if (s.currentYear()) a[2] = Math.addExact(a[2], l.amountFen());
            else a[3] = Math.addExact(a[3], l.amountFen());
        }
        Map<String, ProjectMoney> out = new LinkedHashMap<>();
        acc.forEach((k, a) -> out.put(k, new ProjectMoney(a[0], a[1], a[2], a[3])));
        return out;
    }
}
