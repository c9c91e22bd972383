package org.openbudget.audit.shape;

/**
 * A table's columns matched to the labels printed over its cells in the order both are printed: a label that heads
 * columns of several groups (西安 表13: 合计 and 小计 in each of 上年 | 当年 | 增减变化情况) is not taken by the first
 * column of the template it names when that leaves a later column no label but one left of it. Of every matching in
 * order (each column one label at most, each label one column, the labels' order the columns'), the one whose matches
 * weigh the most (a label matched more strictly weighs more) — when it is the only one: two equally good readings
 * are no reading.
 */
final class LabelOrder {
    private LabelOrder() {
    }

    /**
     * {@code weight[c][j]}: how well label {@code j} names column {@code c} (0: not at all). Returns each column's label
     * (−1: none), in order; null when no label matches, or the best matching is not the only one.
     */
    static int[] align(int[][] weight) {
        int n = weight.length, m = n == 0 ? 0 : weight[0].length;
        // best[c][j]: the most weight columns c… and labels j… can give; ways[c][j]: how many matchings give it
        int[][] best = new int[n + 1][m + 1];
        long[][] ways = new long[n + 1][m + 1];
        for (int c = 0; c <= n; c++) ways[c][m] = 1;
        for (int j = 0; j <= m; j++) ways[n][j] = 1;
        for (int c = n - 1; c >= 0; c--) {
            for (int j = m - 1; j >= 0; j--) {
                int skipColumn = best[c + 1][j], skipLabel = best[c][j + 1];
                int take = weight[c][j] > 0 ? weight[c][j] + best[c + 1][j + 1] : -1;
                int b = Math.max(Math.max(skipColumn, skipLabel), take);
                best[c][j] = b;
                // (skipping the column and skipping the label both count the matchings that skip both: count each
                // matching once, by the first column it matches)
                long w = 0;
                if (take == b) w += ways[c + 1][j + 1];
                if (skipColumn == b) w += ways[c + 1][j];
                if (skipLabel == b) w += ways[c][j + 1];
                if (skipColumn == b && skipLabel == b && best[c + 1][j + 1] == b) w -= ways[c + 1][j + 1];
                ways[c][j] = Math.min(1L << 60, Math.max(0, w));
            }
        }
        if (n == 0 || best[0][0] == 0 || ways[0][0] != 1) return null;
        int[] out = new int[n];
        java.util.Arrays.fill(out, -1);
        int c = 0, j = 0;
        while (c < n && j < m) {
            if (weight[c][j] > 0 && weight[c][j] + best[c + 1][j + 1] == best[c][j]) {
                out[c++] = j++;
            } else if (best[c + 1][j] == best[c][j]) {
                c++;
            } else {
                j++;
            }
        }
        return out;
    }
}
