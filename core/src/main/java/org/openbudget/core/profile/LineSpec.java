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
                       List<String> aliases, String measure) {
    public LineSpec(String key, String label, List<String> sources, List<String> eco, List<String> sumOf,
                    List<String> aliases) {
        this(key, label, sources, eco, sumOf, aliases, "");
    }

    public LineSpec {
        measure = measure == null ? "" : measure.trim();
        sources = sources == null ? List.of() : List.copyOf(sources);
        eco = eco == null ? List.of() : List.copyOf(eco);
        sumOf = sumOf == null ? List.of() : List.copyOf(sumOf);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
