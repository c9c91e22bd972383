package org.openbudget.core.derive;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.TableTemplate;

/**
 * A table of any shape that prints last year beside this year (上年预算数 | 本年预算数 | 增减额 | 增减%): the
 * columns of this year's money are derived by the shape from this year's ledger, those of last year
 * ({@code period: last_year}) by the same shape from last year's ledger, and the rows of both are
 * printed — a row present only last year too, in its place. A computed column ({@code change:},
 * {@code rate:}) compares two other columns of its row. Amounts stay exact; a rate is kept to 16
 * significant digits and rounded only when printed.
 */
final class YearColumns {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private YearColumns() {}

    static DisclosureTable derive(Context ctx, TableTemplate t) {
        List<ColumnSpec> cols = t.columns();
        List<Integer> now = new ArrayList<>();
        List<Integer> last = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            ColumnSpec c = cols.get(i);
            if (c.computed()) continue;
            (c.lastYear() ? last : now).add(i);
        }
        DisclosureTable current = now.isEmpty() ? null : Deriver.byShape(ctx, part(t, "#this", now));
        Context prior = last.isEmpty() ? null : ctx.prior();
        DisclosureTable previous = prior == null ? null : Deriver.byShape(prior, part(t, "#last", last));
        List<Row> a = current == null ? List.of() : current.rows();
        List<Row> b = previous == null ? List.of() : previous.rows();
        if (a.isEmpty() && b.isEmpty()) return ctx.emptyTable(t);
        Map<String, Row> bById = byIdentity(b);
        Map<String, Row> aById = byIdentity(a);
        List<Row> rows = new ArrayList<>();
        for (String id : merged(aById, bById)) {
            Row ra = aById.get(id);
            Row rb = bById.get(id);
            BigDecimal[] v = new BigDecimal[cols.size()];
            for (int k = 0; k < now.size(); k++) if (ra != null) v[now.get(k)] = ra.value(k);
            for (int k = 0; k < last.size(); k++) if (rb != null) v[last.get(k)] = rb.value(k);
            compute(t, v);
            rows.add((ra != null ? ra : rb).withValues(java.util.Arrays.asList(v)));
        }
        return ctx.table(t, rows);
    }

    /** The table with some of its columns only (as this year's money), under its own id so its sums are kept apart. */
    private static TableTemplate part(TableTemplate t, String suffix, List<Integer> which) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (int i : which) cols.add(t.columns().get(i).thisYear());
        return t.withColumns(t.id() + suffix, cols);
    }

    /**
     * A row's identity across the two years: side, kind, key, code, project and unit (names may change);
     * a second row of the same identity in one table (two projects of one name) is told apart by its place.
     */
    private static Map<String, Row> byIdentity(List<Row> rows) {
        Map<String, Row> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row r : rows) {
            String id = r.side() + "|" + r.kind() + "|" + r.key() + "|" + r.code() + "|" + r.project() + "|" + r.unit();
            int n = seen.merge(id, 1, Integer::sum);
            out.put(n == 1 ? id : id + "#" + n, r);
        }
        return out;
    }

    /**
     * This year's rows in their order, each row only last year has after the row it follows last year
     * (a 项 dropped this year stays under its 款; a row before all others goes first).
     */
    private static List<String> merged(Map<String, Row> a, Map<String, Row> b) {
        List<String> head = new ArrayList<>();
        Map<String, List<String>> after = new HashMap<>();
        String anchor = null;
        for (String id : b.keySet()) {
            if (a.containsKey(id)) {
                anchor = id;
            } else if (anchor == null) {
                head.add(id);
            } else {
                after.computeIfAbsent(anchor, k -> new ArrayList<>()).add(id);
            }
        }
        List<String> out = new ArrayList<>(head);
        for (String id : a.keySet()) {
            out.add(id);
            out.addAll(after.getOrDefault(id, List.of()));
        }
        return out;
    }

    /** The computed columns of a row: changes first, then rates (a rate may compare a change). Blank stays blank. */
    private static void compute(TableTemplate t, BigDecimal[] v) {
        List<ColumnSpec> cols = t.columns();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < cols.size(); i++) {
                ColumnSpec c = cols.get(i);
                if (!c.computed() || c.rate() != (pass == 1)) continue;
                BigDecimal x = v[t.columnRef(c.of().get(0))];
                BigDecimal y = v[t.columnRef(c.of().get(1))];
                v[i] = c.rate() ? rate(x, y) : change(x, y);
            }
        }
    }

    /** x − y, blank when both are blank or they are equal (as a derived zero cell). */
    static BigDecimal change(BigDecimal x, BigDecimal y) {
        if (x == null && y == null) return null;
        BigDecimal d = (x == null ? BigDecimal.ZERO : x).subtract(y == null ? BigDecimal.ZERO : y);
        return d.signum() == 0 ? null : d;
    }

    /** (x − y) / y in per cent, blank when y is blank (nothing to compare with) or x equals y. */
    static BigDecimal rate(BigDecimal x, BigDecimal y) {
        if (y == null || y.signum() == 0) return null;
        BigDecimal d = change(x, y);
        return d == null ? null : d.multiply(HUNDRED).divide(y, MathContext.DECIMAL64);
    }
}
