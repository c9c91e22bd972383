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
 * <p>A 决算 prints figures the ledger does not hold: 年末结转和结余, 结余分配, 使用非财政拨款结余, the income
 * actually received. Such a measure is declared {@code printed_only}: its filter is {@link Where#nothing()} — the
 * generated same-money checks never compare it, and only the identities of its table's shape and the profile's
 * {@code checks: between:} check it. A 决算 dataset holds its figures as the entries of a {@code flow} (docs/dataset.md,
 * "A 决算 dataset"): the derivation sums the flow's entries matching {@code within}.
 *
 * @param flow     the 决算 dataset's entries this measure counts instead of the ledger's lines ("" = the ledger):
 *                 {@code received} (本年收入 and 年初结转和结余), {@code closing} (年末结转和结余, computed), … A measure
 *                 with a flow and not printed_only is a <em>selector</em>: joined with {@code &} to ledger measures
 *                 ("received & gpb"), it makes the derivation read that flow's entries through their filter, while the
 *                 checks see the ledger measures alone (the same money as a budget's)
 * @param within   the filter on the flow's entries (printed_only measures: their {@code where} in the file)
 * @param spending a flow of money spent besides the ledger's 基本/项目 lines (上缴上级支出, 经营支出, 对附属单位补助支出):
 *                 counted in every expense total
 * @param printedOnlyFlag declared {@code printed_only}
 * @param part     declared {@code part}: a part of the money its filter selects, which part the ledger does not say
 *                 (机关运行经费: the 公用经费 of 行政 and 参公 units only). Derived as the whole; a printed cell of it is
 *                 compared with other cells of this measure, and with a cell of the whole only as no more than it
 *                 ({@code part-measure})
 */
public record Measure(String key, String name, List<String> synonyms, Where where, List<String> sumOf,
                      String basis, String description, String flow, Where within, boolean spending, boolean printedOnlyFlag,
                      boolean part) {
    public Measure {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        sumOf = sumOf == null ? List.of() : List.copyOf(sumOf);
        where = where == null ? Where.ANY : where;
        basis = basis == null ? "预算" : basis;
        description = description == null ? "" : description;
        flow = flow == null ? "" : flow.trim();
        within = within == null ? Where.ANY : within;
    }

    public Measure(String key, String name, List<String> synonyms, Where where, List<String> sumOf,
                   String basis, String description, String flow, Where within, boolean spending, boolean printedOnlyFlag) {
        this(key, name, synonyms, where, sumOf, basis, description, flow, within, spending, printedOnlyFlag, false);
    }

    public Measure(String key, String name, List<String> synonyms, Where where, List<String> sumOf,
                   String basis, String description) {
        this(key, name, synonyms, where, sumOf, basis, description, "", Where.ANY, false, !(sumOf != null && !sumOf.isEmpty()) && where != null && where.none());
    }

    public boolean isSum() { return !sumOf.isEmpty(); }

    /** A figure the document prints and the ledger does not hold (see above). */
    public boolean printedOnly() { return printedOnlyFlag || (!isSum() && where.none()); }

    /** Counts the entries of a 决算 dataset's flow rather than the ledger's lines. */
    public boolean hasFlow() { return !flow.isEmpty(); }
}
