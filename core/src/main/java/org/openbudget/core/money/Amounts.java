package org.openbudget.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact amounts. The ledger keeps 元 exactly; the document prints 万元 rounded on its own,
 * cell by cell (四舍五入 = HALF_UP). Nothing is rounded before it is printed.
 */
public final class Amounts {
    public static final int PRINTED_SCALE = 2;

    private Amounts() {}

    /** 元 → 万元, exact (no rounding ever). */
    public static BigDecimal wanFromYuan(BigDecimal yuan) {
        return yuan.movePointLeft(4);
    }

    /** What a document prints for an exact amount: 万元 with two decimals, half up. */
    public static BigDecimal printed(BigDecimal wan) {
        if (wan == null) return null;
        if (wan.scale() == PRINTED_SCALE) return wan;
        if (wan.scale() == 6 && wan.precision() <= 18) {
            // exact 万元 from whole 分 (scale 6): round half up in long arithmetic
            long fen = wan.movePointRight(6).longValue();
            long q = fen / 10_000;
            long r = fen % 10_000;
            if (r >= 5_000) q++;
            else if (r <= -5_000) q--;
            return BigDecimal.valueOf(q, PRINTED_SCALE);
        }
        return wan.setScale(PRINTED_SCALE, RoundingMode.HALF_UP);
    }

    public static boolean isZero(BigDecimal v) {
        return v == null || v.signum() == 0;
    }

    public static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** Two decimals, no thousands separator: the JSON and check-report form. */
    public static String plain(BigDecimal wan) {
        return wan == null ? null : printed(wan).toPlainString();
    }

    /** Printed form with optional thousands separators (4,701.75). */
    public static String format(BigDecimal wan, boolean thousandsSeparator) {
        if (wan == null) return "";
        return grouped(printed(wan).toPlainString(), thousandsSeparator);
    }

    /** A plain decimal with thousands separators when asked ("47017500.00" → "47,017,500.00"). */
    public static String grouped(String s, boolean thousands) {
        if (!thousands) return s;
        boolean neg = s.startsWith("-");
        if (neg) s = s.substring(1);
        int dot = s.indexOf('.');
        String intPart = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) b.append(',');
            b.append(intPart.charAt(i));
        }
        return (neg ? "-" : "") + b + frac;
    }
}
