package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.money.Amounts;

/**
 * The amounts the text states, by text-fact key (docs/text-facts.md), read off a Disclosure's
 * tables as printed (万元, two decimals). The same map serves this year's figures and last year's
 * comparatives derived from last year's dataset, so that both are what the documents print.
 *
 * <p>Keys: {@code total}, {@code income.<表1 income row key>}, {@code income.total},
 * {@code expense.total|basic|project} (表3), {@code fiscal.total|gpb|gfb|soc} (表4),
 * {@code gpb.total|basic|project} (表5), {@code gpb.class:<类>}, {@code gpb.item:<项>},
 * {@code gpb.basic.personnel|public} (表6), {@code running} (= 表6 公用经费), {@code gfb.total},
 * {@code soc.total}, {@code tpe.total|abroad|reception|vehicle|vehicle.purchase|vehicle.run} (表10),
 * {@code carry.total|fiscal|nonfiscal} (表11). A key whose cell is blank is absent (read it as 0).
 */
public final class TextAmounts {
    private TextAmounts() {}

    private static final Map<String, String> TPE = Map.of("total", "tpe.total", "abroad", "tpe.abroad",
            "reception", "tpe.reception", "vehicles", "tpe.vehicle", "vehicles.buy", "tpe.vehicle.purchase",
            "vehicles.run", "tpe.vehicle.run");

    public static Map<String, BigDecimal> of(Disclosure d) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        d.table(1).ifPresent(t -> {
            for (Row r : t.rows()) {
                if (r.side() != Side.INCOME) continue;
                if (r.kind() == RowKind.LINE) put(out, "income." + r.key(), r.value(0));
                if (r.kind() == RowKind.TOTAL) {
                    put(out, "income.total", r.value(0));
                    put(out, "total", r.value(0));
                }
            }
        });
        d.table(3).flatMap(t -> t.total(null)).ifPresent(r -> {
            put(out, "expense.total", r.value(0));
            put(out, "expense.basic", r.value(1));
            put(out, "expense.project", r.value(2));
        });
        d.table(4).ifPresent(t -> {
            for (Row r : t.rows()) {
                if (r.side() != Side.INCOME) continue;
                if (r.kind() == RowKind.LINE) put(out, r.key().equals("fiscal") ? "fiscal.total" : r.key(), r.value(0));
            }
        });
        d.table(5).ifPresent(t -> {
            t.total(null).ifPresent(r -> {
                put(out, "gpb.total", r.value(0));
                put(out, "gpb.basic", r.value(1));
                put(out, "gpb.project", r.value(2));
            });
            for (Row r : t.rows(x -> x.kind() == RowKind.CLASS)) {
                if (r.level() == 1) put(out, "gpb.class:" + r.code(), r.value(0));
                if (r.level() == 3) put(out, "gpb.item:" + r.code(), r.value(0));
            }
        });
        d.table(6).flatMap(t -> t.total(null)).ifPresent(r -> {
            put(out, "gpb.basic.personnel", r.value(1));
            put(out, "gpb.basic.public", r.value(2));
            put(out, "running", r.value(2));
        });
        d.table(8).flatMap(t -> t.total(null)).ifPresent(r -> put(out, "gfb.total", r.value(0)));
        d.table(9).flatMap(t -> t.total(null)).ifPresent(r -> put(out, "soc.total", r.value(0)));
        d.table(10).ifPresent(t -> {
            for (Row r : t.rows()) {
                String k = TPE.get(r.key());
                if (k != null) put(out, k, r.value(0));
            }
        });
        d.table(11).flatMap(t -> t.total(null)).ifPresent(r -> {
            put(out, "carry.total", r.value(0));
            put(out, "carry.fiscal", r.value(1));
            put(out, "carry.nonfiscal", r.value(5));
        });
        return out;
    }

    private static void put(Map<String, BigDecimal> out, String key, BigDecimal v) {
        if (v != null && v.signum() != 0) out.put(key, Amounts.printed(v));
    }

    /** Value of a table cell as printed, 0 for a blank. */
    static BigDecimal printed(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : Amounts.printed(v);
    }

    static BigDecimal cell(DisclosureTable t, Row r, int col) {
        return printed(r.value(col));
    }
}
