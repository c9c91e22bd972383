package org.openbudget.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openbudget.core.money.Amounts;

/** The checks' cheap whole-cents form of a printed cell is the printed value, for every scale a cell can have. */
class PrintedCentsTest {
    @Test
    void centsAreThePrintedValueTimesAHundredForAnyScale() {
        Random rnd = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int scale = rnd.nextInt(15) - 1;
            long unscaled = rnd.nextBoolean() ? rnd.nextInt(2_000_000) - 1_000_000 : rnd.nextLong() >> rnd.nextInt(63);
            BigDecimal x = new BigDecimal(BigInteger.valueOf(unscaled), scale);
            long cents = CheckContext.Printed.printedCents(x);
            BigDecimal printed = Amounts.printed(x).scaleByPowerOfTen(2);
            boolean small = printed.abs().compareTo(BigDecimal.valueOf(1L << 40)) < 0;
            if (small) assertThat(cents).as("%s", x.toPlainString()).isEqualTo(printed.longValueExact());
            else assertThat(cents).as("%s", x.toPlainString()).isEqualTo(CheckContext.Printed.NOT_SMALL);
        }
    }

    @Test
    void aTableInYuanIsComparedInUnitsOfItsOwnLastDecimal() {
        Random rnd = new Random(11);
        for (int decimals : new int[] {4, 6}) {
            for (int i = 0; i < 50_000; i++) {
                int scale = rnd.nextInt(12);
                BigDecimal x = new BigDecimal(BigInteger.valueOf(rnd.nextInt(2_000_000_000) - 1_000_000_000L), scale);
                long units = CheckContext.Printed.printedCents(x, decimals);
                BigDecimal printed = x.setScale(decimals, java.math.RoundingMode.HALF_UP).scaleByPowerOfTen(decimals);
                boolean small = printed.abs().compareTo(BigDecimal.valueOf(1L << 40)) < 0;
                assertThat(units).as("%s at %d decimals", x.toPlainString(), decimals)
                        .isEqualTo(small ? printed.longValueExact() : CheckContext.Printed.NOT_SMALL);
            }
        }
        // 2,087,959.00 元 as read (208.795900 万元): a change of 45 元 is 4,500 units of 分, lost in 0.01 万元
        assertThat(CheckContext.Printed.printedCents(new BigDecimal("208.800400"), 6)
                - CheckContext.Printed.printedCents(new BigDecimal("208.795900"), 6)).isEqualTo(4_500);
        assertThat(CheckContext.Printed.printedCents(new BigDecimal("208.800400"))
                - CheckContext.Printed.printedCents(new BigDecimal("208.795900"))).isZero();
    }

    @Test
    void halfACentRoundsAwayFromZero() {
        assertThat(CheckContext.Printed.printedCents(new BigDecimal("1.005"))).isEqualTo(101);
        assertThat(CheckContext.Printed.printedCents(new BigDecimal("-1.005"))).isEqualTo(-101);
        assertThat(CheckContext.Printed.printedCents(new BigDecimal("1.004999"))).isEqualTo(100);
        assertThat(CheckContext.Printed.printedCents(new BigDecimal("245.5345"))).isEqualTo(24553);
        assertThat(CheckContext.Printed.printedCents(new BigDecimal("7"))).isEqualTo(700);
    }
}
