package org.openbudget.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AmountsTest {
    @Test
    void printsHalfUpOnTwoDecimals() {
        assertThat(Amounts.printed(Fen.toWan(245534500))).isEqualByComparingTo("245.53");
        assertThat(Amounts.printed(Fen.toWan(245535000))).hasToString("245.54");
        assertThat(Amounts.printed(Fen.toWan(245534999))).hasToString("245.53");
        assertThat(Amounts.printed(Fen.toWan(-245535000))).hasToString("-245.54");
        assertThat(Amounts.printed(Fen.toWan(0))).hasToString("0.00");
        assertThat(Amounts.printed(new BigDecimal("1.005"))).hasToString("1.01");
        assertThat(Amounts.printed(new BigDecimal("304.15"))).hasToString("304.15");
    }

    @Test
    void fastPathAgreesWithBigDecimalRounding() {
        Random rnd = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long fen = rnd.nextLong() % 1_000_000_000_000L;
            BigDecimal wan = Fen.toWan(fen);
            assertThat(Amounts.printed(wan)).isEqualTo(wan.setScale(2, RoundingMode.HALF_UP));
        }
    }

    @Test
    void formatsThousands() {
        assertThat(Amounts.format(new BigDecimal("4701.75"), true)).isEqualTo("4,701.75");
        assertThat(Amounts.format(new BigDecimal("33898.9753"), true)).isEqualTo("33,898.98");
        assertThat(Amounts.format(new BigDecimal("-1277"), true)).isEqualTo("-1,277.00");
        assertThat(Amounts.format(new BigDecimal("304.15"), false)).isEqualTo("304.15");
        assertThat(Amounts.format(null, true)).isEmpty();
    }
}
