package org.openbudget.core.profile;

import java.util.List;

/**
 * A fixed row of a template (表1/表4 income rows, 表10 rows). Its value is either the sum of
 * funding sources ({@code sources}), of 经济分类 款 ({@code eco}), or of other fixed rows
 * ({@code sumOf}, by key) — the last is also the identity the checks verify.
 *
 * @param measure a measure expression of the dictionary, instead of {@code sources}/{@code eco}
 * @param aliases other spellings a published document may print for this row
 */
public record LineSpec(String key, String label, List<String> sources, List<String> eco, List<String> sumOf,
                       List<String> aliases, String measure, String period, List<String> change) {
    public LineSpec(String key, String label, List<String> sources, List<String> eco, List<String> sumOf,
                    List<String> aliases) {
        this(key, label, sources, eco, sumOf, aliases, "");
    }

    public LineSpec(String key, String label, List<String> sources, List<String> eco, List<String> sumOf,
                    List<String> aliases, String measure) {
        this(key, label, sources, eco, sumOf, aliases, measure, ColumnSpec.CURRENT, List.of());
    }

    /**
     * @param period {@link ColumnSpec#LAST_YEAR}: a row of last year's ledger (深圳 表9's "2025 年" row), "" this year's
     * @param change two row keys: this row is the first less the second (增减变化金额), not a measure
     */
    public LineSpec {
        period = period == null || period.isBlank() || period.equals("current") ? ColumnSpec.CURRENT : period.trim();
        change = change == null ? List.of() : List.copyOf(change);
        measure = measure == null ? "" : measure.trim();
        sources = sources == null ? List.of() : List.copyOf(sources);
        eco = eco == null ? List.of() : List.copyOf(eco);
        sumOf = sumOf == null ? List.of() : List.copyOf(sumOf);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A row of last year's money. */
    public boolean lastYear() { return period.equals(ColumnSpec.LAST_YEAR); }

    /** A row computed as the difference of two others. */
    public boolean computed() { return !change.isEmpty(); }

    /** The same row as this year's money (evaluated over last year's ledger as if it were this year's). */
    public LineSpec thisYear() {
        return new LineSpec(key, label, sources, eco, sumOf, aliases, measure, ColumnSpec.CURRENT, change);
    }
}
