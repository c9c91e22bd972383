package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Columns matched to labels in the order both are printed, the best matching when it is the only one. */
class LabelOrderTest {
    @Test
    void aLabelHeadingSeveralGroupsGoesToTheColumnTheOrderLeavesIt() {
        // columns 合计₁ 小计₁ 车小计₁ 合计₂ 小计₂; labels 合计 小计 合计 小计 — 车小计₁ (also named 小计) left without one
        int[][] w = {
                {3, 0, 3, 0},
                {0, 3, 0, 3},
                {0, 3, 0, 3},
                {3, 0, 3, 0},
                {0, 3, 0, 3}};
        // two best matchings (小计₁ or 车小计₁ takes the first 小计): no reading
        assertThat(LabelOrder.align(w)).isNull();
        // a stricter match for 小计₁ (its group's heading over it) decides
        w[1][1] = 5;
        assertThat(LabelOrder.align(w)).containsExactly(0, 1, -1, 2, 3);
    }

    @Test
    void theStricterMatchWins() {
        // one label, two columns it may name: the one it names more strictly
        assertThat(LabelOrder.align(new int[][]{{1}, {4}})).containsExactly(-1, 0);
        assertThat(LabelOrder.align(new int[][]{{0, 0}, {0, 0}})).isNull();
    }
}
