package org.openbudget.core.measure;

import java.util.List;

/**
 * A quantity a budget document prints, declared once (refdata/measures.yaml): its key, its Chinese
 * name and the other words documents print for it, and what it is over the ledger — either a filter
 * ({@link Where}) or the sum of other measures ({@code sumOf}, which is also an identity the checks
 * verify).
 *
 * @param basis 预算 (budgeted) or 决算 (actual) — the amounts it is read from
 */
public record Measure(String key, String name, List<String> synonyms, Where where, List<String> sumOf,
                      String basis, String description) {
    public Measure {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        sumOf = sumOf == null ? List.of() : List.copyOf(sumOf);
        where = where == null ? Where.ANY : where;
        basis = basis == null ? "预算" : basis;
        description = description == null ? "" : description;
    }

    public boolean isSum() { return !sumOf.isEmpty(); }
}
