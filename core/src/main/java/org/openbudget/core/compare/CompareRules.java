package org.openbudget.core.compare;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What the comparison of a 预算 with its 决算 flags, as data (refdata/comparison.yaml).
 *
 * @param thresholdPercent a 决算数 that differs from the 预算数 by more than this share of the 预算数 (or any 决算数 on a
 *                         zero budget) needs a reason in the 决算's 说明; without one the comparison warns
 * @param explain          the money whose differences the 决算's 说明 explains item by item, each as the set of measure
 *                         keys of the 决算 cell that prints it (its table's scope, its column or fixed row; {@code total}
 *                         left out): {@code [spent.gpb]} is 一般公共预算财政拨款支出 by 类/款/项 (五（三）),
 *                         {@code [spent.fiscal, tpe.abroad]} the 因公出国（境）费 of the “三公” table (七)
 */
public record CompareRules(BigDecimal thresholdPercent, List<Set<String>> explain) {
    public static final CompareRules DEFAULT = new CompareRules(BigDecimal.TEN, List.of(
            Set.of("spent.gpb"), Set.of("spent.fiscal", "tpe.total"), Set.of("spent.fiscal", "tpe.abroad"),
            Set.of("spent.fiscal", "tpe.vehicle"), Set.of("spent.fiscal", "tpe.vehicle.purchase"),
            Set.of("spent.fiscal", "tpe.vehicle.run"), Set.of("spent.fiscal", "tpe.reception")));

    public CompareRules {
        if (thresholdPercent == null || thresholdPercent.signum() < 0) throw new IllegalArgumentException("threshold");
        explain = explain == null ? List.of() : explain.stream().map(Set::copyOf).toList();
    }

    public CompareRules withThreshold(BigDecimal percent) {
        return new CompareRules(percent, explain);
    }
}
