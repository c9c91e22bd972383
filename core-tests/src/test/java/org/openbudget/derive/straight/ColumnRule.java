package org.openbudget.derive.straight;

import java.util.function.Predicate;

/** Which value columns a posting adds its amount to. */
@FunctionalInterface
interface ColumnRule {
    void add(Posting p, long[] acc);

    /** One predicate per column: the posting adds to every column whose predicate holds. */
    @SafeVarargs
    static ColumnRule of(Predicate<Posting>... columns) {
        return (p, acc) -> {
            for (int i = 0; i < columns.length; i++) if (columns[i].test(p)) acc[i] += p.fen();
        };
    }
}
