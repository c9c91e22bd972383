package org.openbudget.audit.shape;

import java.util.List;

/**
 * Where a wrapped name starts, by its first line's indent: a cell that indents its text's first line (广州's 表12: a
 * project's name a little right of its unit's, its wrapped lines back at the cell's edge — "   广州市道路养护中心东" /
 * "城养护所2024年广园快速路" / amounts / "社会治安与城市管理智能化" / "视频系统租赁服务项目") starts a name on a line
 * printed right of the name line under it, that line at the page's leftmost name start. Such a line is the first of its
 * name: the row above cannot take it below its amounts, and the lines above it are not the row's under it.
 */
final class FirstLineIndent {
    /** How far right of the cell's edge a first line is printed at least (characters). */
    private static final int INDENT = 2;

    private FirstLineIndent() {}

    /**
     * For each line (from {@code from}) of kind 'F' (a name line, its words from {@code partStart}), whether it is a
     * name's first line: at least {@link #INDENT} right of the next name line, which starts at the page's leftmost name
     * line (another column's text, kind 'T', passed over; a row's line of amounts between them with no name of its own, {@code bare}, too).
     */
    static boolean[] of(char[] kind, int[] partStart, boolean[] bare) {
        int n = kind.length, edge = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) if (kind[i] == 'F') edge = Math.min(edge, partStart[i]);
        boolean[] first = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (kind[i] != 'F' || partStart[i] < edge + INDENT) continue;
            int j = i + 1;
            while (j < n && (kind[j] == 'T' || kind[j] == 'A' && bare[j])) j++;
            first[i] = j < n && kind[j] == 'F' && partStart[j] == edge;
        }
        return first;
    }

    /** How many of the name lines {@code down} (line indexes from {@code from}) the row above them may take: those before the first that starts a name. */
    static int before(List<Integer> down, int from, boolean[] first) {
        for (int i = 0; i < down.size(); i++) if (first[down.get(i) - from]) return i;
        return down.size();
    }

    /** The name lines {@code up} from the last that starts a name on (those above it are another row's); all when none does. */
    static List<Integer> fromLastStart(List<Integer> up, int from, boolean[] first) {
        for (int i = up.size() - 1; i > 0; i--) if (first[up.get(i) - from]) return up.subList(i, up.size());
        return up;
    }
}
