package org.openbudget.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a template prints a table's amounts: the unit (万元 or 元), the decimals, thousands separators,
 * and what an empty cell shows. The derivation keeps every amount exact in 万元 (a Row's values);
 * the unit conversion happens here, at printing only: 元 = 万元 × 10000, then rounded half up to
 * {@code decimals} — each cell on its own, as a finance system converts figure by figure.
 *
 * @param unit      万元 or 元
 * @param decimals  digits after the point (2 for 4,701.75)
 * @param thousands 4,701.75 (true) or 4701.75
 * @param zeros     an empty or zero cell prints as zero ("0.00", true) or stays blank (false)
 */
public record AmountFormat(String unit, int decimals, boolean thousands, boolean zeros) {
    /** The Xinjiang and national default: 万元, two decimals, blank where nothing. */
    public static AmountFormat wan(boolean thousands) {
        return new AmountFormat("万元", 2, thousands, false);
    }

    /**
     * How a text states an amount it restates from the tables: in the text's own unit ({@code text.amount_unit}: 万元, or
     * 元 — whatever the tables print), two decimals, 0.00 for nothing. {@link #printed} gives the value so stated.
     */
    public static AmountFormat text(String unit) {
        return new AmountFormat(unit, Amounts.PRINTED_SCALE, false, true);
    }

    public AmountFormat {
        unit = unit == null || unit.isBlank() ? "万元" : unit;
        if (!unit.equals("万元") && !unit.equals("元")) throw new IllegalArgumentException("unit " + unit);
        if (decimals < 0 || decimals > 6) throw new IllegalArgumentException("decimals " + decimals);
    }

    public boolean yuan() { return unit.equals("元"); }

    /** "单位：万元" — the caption line printed at the right above a table. */
    public String caption() { return "单位：" + unit; }

    /** The printed number for an exact 万元 amount (null when the cell stays blank). */
    public BigDecimal printed(BigDecimal wan) {
        if (wan == null) return zeros ? BigDecimal.ZERO.setScale(decimals) : null;
        if (!yuan() && decimals == Amounts.PRINTED_SCALE) return Amounts.printed(wan);
        BigDecimal v = yuan() ? wan.movePointRight(4) : wan;
        return v.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** The printed text of an exact 万元 amount: "4,701.75", "47,017,500.00", "" or "0.00" for nothing. */
    public String format(BigDecimal wan) {
        BigDecimal p = printed(wan);
        if (p == null) return "";
        if (p.signum() == 0) p = p.abs();
        return Amounts.grouped(p.toPlainString(), thousands);
    }
}
