package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A name clipped by its cell and run on into the amount cell beside it goes back to the name (西安 2022, from Excel). */
class SpilledNameTest {
    @Test
    void theNamesEndGoesBackAndTheAmountStaysInItsColumn() {
        // spaced, glued, and the glyphs of both interleaved
        assertThat(Cells.spilled(List.of("220", "自然资源海洋气象等支", "出 18803323.32", "1536932.32")))
                .containsExactly("220", "自然资源海洋气象等支出", "18803323.32", "1536932.32");
        assertThat(Cells.spilled(List.of("2080506", "机关事业单位职业年金", "缴费支出43608.96", "43608.96")))
                .containsExactly("2080506", "机关事业单位职业年金缴费支出", "43608.96", "43608.96");
        assertThat(Cells.spilled(List.of("234002", "西安市人工影响天气服务保", "障中18心39311.66", "1839311.66")))
                .containsExactly("234002", "西安市人工影响天气服务保障中心", "1839311.66", "1839311.66");
    }

    @Test
    void cellsThatAreNoSpillAreLeftAlone() {
        List<String> plain = List.of("208", "社会保障和就业支出", "44699.18", "", "0");
        assertThat(Cells.spilled(plain)).isSameAs(plain);
        // text beside a code or a blank, or a label of its own (not a few characters before an amount)
        assertThat(Cells.spilled(List.of("", "合计 100"))).containsExactly("", "合计 100");
        assertThat(Cells.spilled(List.of("一、财政拨款收入", "一般公共服务支出 100"))).containsExactly("一、财政拨款收入", "一般公共服务支出 100");
    }
}
