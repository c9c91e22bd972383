package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WholeZerosTest {
    /** 上海科技大学附属学校's 表9 header (its last three lines) and its one row, as pdftotext prints them. */
    private static final List<String> LINES = List.of(
            "                                                                    机关运行经费预算",
            "                                                 公务用车购置及运行费",
            "   合计          因公出国(境)费      公务接待费                                      数",
            "                                            小计       购置费      运行费",
            "        7.20          6.00           1.20        0                         0");
    private static final List<Integer> HEADER = List.of(0, 1, 2, 3);

    @Test
    void aWholeZeroUnderAHeaderWordInALineOfDecimalsIsAnAmountOfItsColumn() {
        List<SpacedColumns.Token> tok = SpacedColumns.trailingAmounts(LINES.get(4));
        assertThat(tok).hasSize(5);
        // the zero under 公务用车购置及运行费 and the one under 机关运行经费预算
        assertThat(WholeZeros.underColumn(tok.get(3), tok, HEADER, LINES)).isTrue();
        assertThat(WholeZeros.underColumn(tok.get(4), tok, HEADER, LINES)).isTrue();
        // an amount with its decimals is no whole zero (it marks its column by itself)
        assertThat(WholeZeros.underColumn(tok.get(0), tok, HEADER, LINES)).isFalse();
    }

    @Test
    void aZeroUnderNoHeaderWordOrBesideWholeAmountsIsNone() {
        // moved off every header word (between 公务接待费 and 小计 there is none over column 36–43 on any line but the
        // group's, which starts at 49)
        String moved = "        7.20          6.00           1.20 0";
        List<SpacedColumns.Token> tok = SpacedColumns.trailingAmounts(moved);
        assertThat(WholeZeros.underColumn(tok.get(3), tok, HEADER, LINES)).isFalse();
        // a line of whole amounts (西安 2022's "874160000  0  0", in 元): its zeros are no sign of a table of decimals
        String whole = "        7.20          874160000           1.20        0                         0";
        tok = SpacedColumns.trailingAmounts(whole);
        assertThat(WholeZeros.underColumn(tok.get(3), tok, HEADER, LINES)).isFalse();
    }
}
