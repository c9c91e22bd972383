package org.openbudget.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A profile's number_format: the exact 万元 of a Row printed in the template's unit, decimals, separators and zeros. */
class AmountFormatTest {
    private static final BigDecimal EXACT = new BigDecimal("4701.754321");   // 万元, exact (47,017,543.21 元)

    @Test
    void wanWithTwoDecimalsIsTheXinjiangFormAndLeavesNothingBlank() {
        AmountFormat f = AmountFormat.wan(true);
        assertThat(f.format(EXACT)).isEqualTo(Amounts.format(EXACT, true)).isEqualTo("4,701.75");
        assertThat(f.format(null)).isEmpty();
        assertThat(f.caption()).isEqualTo("单位：万元");
    }

    @Test
    void yuanConvertsAtPrintingOnlyAndRoundsEachCellHalfUp() {
        AmountFormat yuan2 = new AmountFormat("元", 2, true, false);
        assertThat(yuan2.format(EXACT)).isEqualTo("47,017,543.21");
        assertThat(yuan2.printed(new BigDecimal("0.0000005"))).isEqualByComparingTo("0.01");   // 0.005 元 → 0.01
        AmountFormat whole = new AmountFormat("元", 0, true, false);
        assertThat(whole.format(new BigDecimal("30441.39"))).isEqualTo("304,413,900");
        assertThat(whole.format(new BigDecimal("0.00005"))).isEqualTo("1");                  // 0.5 元 → 1
        assertThat(whole.caption()).isEqualTo("单位：元");
        assertThat(new AmountFormat("元", 2, false, false).format(new BigDecimal("-1.9"))).isEqualTo("-19000.00");
    }

    @Test
    void zerosPrintAsZeroWhenTheTemplateSaysSo() {
        AmountFormat zeros = new AmountFormat("万元", 2, true, true);
        assertThat(zeros.format(null)).isEqualTo("0.00");
        assertThat(zeros.format(BigDecimal.ZERO)).isEqualTo("0.00");
        assertThat(zeros.format(new BigDecimal("-0.001"))).isEqualTo("0.00");   // no "-0.00"
        assertThat(new AmountFormat("元", 0, true, true).format(null)).isEqualTo("0");
        assertThat(new AmountFormat("万元", 2, true, false).format(null)).isEmpty();
    }

    @Test
    void anUnknownUnitIsRefused() {
        assertThatThrownBy(() -> new AmountFormat("千元", 2, true, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
