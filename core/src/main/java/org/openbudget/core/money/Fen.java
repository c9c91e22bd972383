package org.openbudget.core.money;

import java.math.BigDecimal;

/** Whole 分 (0.01 元), the unit the ledger sums in. */
public final class Fen {
    /**
     * The most a whole budget may add up to, in 分: 10^17 分 = 10^15 元 (1,000 万亿元, beyond any
     * government's budget). The readers refuse a ledger past it, which keeps every derived cell
     * (each a sum of some of the lines, a few times over at most) far from {@code Long.MAX_VALUE};
     * the derivation still adds with {@link Math#addExact}, so a sum can never wrap silently.
     */
    public static final long MAX_TOTAL = 100_000_000_000_000_000L;

    private Fen() {}

    /** 分 → 万元, exact. */
    public static BigDecimal toWan(long fen) {
        return BigDecimal.valueOf(fen, 6);
    }

    /** 元 (at most two decimals) → 分; throws ArithmeticException when more decimals are given. */
    public static long fromYuan(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }
}
