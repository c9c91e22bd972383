package org.openbudget.core.money;

import java.math.BigDecimal;

/** Whole 分 (0.01 元), the unit the ledger sums in. */
public final class Fen {
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
