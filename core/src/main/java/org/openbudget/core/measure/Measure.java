package org.openbudget.core.measure;

import java.util.List;

/**
 * A quantity a budget document prints, declared once (refdata/measures.yaml): its key, its Chinese
 * name and the other words documents print for it, and what it is over the ledger — either a filter
 * ({@link Where}) or the sum of other measures ({@code sumOf}, which is also an identity the checks
 * verify).
 *
 * @param basis 预算 (budgeted) or 决算 (actual) — the amounts it is read from
 *
 * <p>A 决算 prints figures the ledger does not hold (yet): 年末结转和结余, 结余分配, 使用非财政拨款结余, the
 * income actually received. Such a measure is declared {@code printed_only}: its filter is
 * {@link Where#nothing()} — a derivation prints nothing for it, the generated same-money checks never
 * compare it, and only the identities of its table's shape and the profile's {@code checks: between:} check it.
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

    /** A figure the document prints and the ledger does not hold (see above). */
    public boolean printedOnly() { return !isSum() && where.none(); }
}
