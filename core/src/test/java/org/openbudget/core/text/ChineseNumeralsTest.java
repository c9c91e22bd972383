package org.openbudget.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChineseNumeralsTest {

    private static final Map<Character, Integer> DIGIT = Map.of('零', 0, '一', 1, '二', 2, '三', 3, '四', 4,
            '五', 5, '六', 6, '七', 7, '八', 8, '九', 9);
    private static final Map<Character, Integer> PLACE = Map.of('十', 10, '百', 100, '千', 1000);

    /** An independent reader of the numerals (digit × place, summed per 万 group), to read every written count back. */
    private static long read(String s) {
        long total = 0;
        long group = 0;
        int digit = -1;
        for (char c : s.toCharArray()) {
            if (DIGIT.containsKey(c)) {
                digit = DIGIT.get(c);
            } else if (PLACE.containsKey(c)) {
                group += (digit < 0 ? 1 : digit) * PLACE.get(c);
                digit = -1;
            } else if (c == '万') {
                total += (group + Math.max(digit, 0)) * 10_000;
                group = 0;
                digit = -1;
            } else {
                throw new AssertionError("not a numeral character: " + c + " in " + s);
            }
        }
        return total + group + Math.max(digit, 0);
    }

    @Test
    void everyCountFromZeroToTenThousandIsWrittenAndReadsBack() {
        Set<String> seen = new HashSet<>();
        for (int n = 0; n <= 10_000; n++) {
            String cn = ChineseNumerals.of(n);
            assertThat(read(cn)).as(cn).isEqualTo(n);
            assertThat(seen.add(cn)).as("written twice: " + cn).isTrue();
            assertThat(cn).as("no double 零: " + n).doesNotContain("零零");
            if (n > 0) assertThat(cn).as("no trailing 零: " + n).doesNotEndWith("零").doesNotStartWith("零");
            if (n >= 10 && n < 20) assertThat(cn).as("十 at the start: " + n).startsWith("十");
            if (n >= 20) assertThat(cn).as("no leading 一十: " + n).doesNotStartWith("一十");
        }
    }

    @Test
    void theConventionalFormsOfTheCountsADocumentReaches() {
        assertThat(ChineseNumerals.of(0)).isEqualTo("零");
        assertThat(ChineseNumerals.of(1)).isEqualTo("一");
        assertThat(ChineseNumerals.of(10)).isEqualTo("十");
        assertThat(ChineseNumerals.of(12)).isEqualTo("十二");
        assertThat(ChineseNumerals.of(20)).isEqualTo("二十");
        assertThat(ChineseNumerals.of(99)).isEqualTo("九十九");
        assertThat(ChineseNumerals.of(100)).isEqualTo("一百");
        assertThat(ChineseNumerals.of(101)).isEqualTo("一百零一");
        assertThat(ChineseNumerals.of(110)).isEqualTo("一百一十");
        assertThat(ChineseNumerals.of(115)).isEqualTo("一百一十五");
        assertThat(ChineseNumerals.of(1000)).isEqualTo("一千");
        assertThat(ChineseNumerals.of(1001)).isEqualTo("一千零一");
        assertThat(ChineseNumerals.of(1010)).isEqualTo("一千零一十");
        assertThat(ChineseNumerals.of(2305)).isEqualTo("二千三百零五");
        assertThat(ChineseNumerals.of(10_000)).isEqualTo("一万");
        assertThat(ChineseNumerals.of(10_001)).isEqualTo("一万零一");
        assertThat(ChineseNumerals.of(100_010)).isEqualTo("十万零一十");
        assertThat(ChineseNumerals.of(1_000_000)).isEqualTo("一百万");
        assertThat(ChineseNumerals.of(100_000_001)).isEqualTo("一亿零一");
    }

    @Test
    void theWritersSubHeadingNumbersAnyCount() {
        for (int n = 1; n <= 10_000; n++) assertThat(Writer.chinese(n)).isEqualTo(ChineseNumerals.of(n));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> ChineseNumerals.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
