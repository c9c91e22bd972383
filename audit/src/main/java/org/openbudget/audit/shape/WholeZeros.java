package org.openbudget.audit.shape;

import java.util.List;

/**
 * A blank cell printed as a whole zero in a table of decimals (上海科技大学附属学校's 表9: "7.20  6.00  1.20  0  0", its
 * other cells blank): the zero is too short to tell a column by its width alone (a serial, a row number, a code's
 * part are as short), it is an amount of its column when every other amount of its line prints its decimals and a
 * word of the page's header stands over it — then it marks its column as the line's other amounts do theirs.
 */
final class WholeZeros {
    private WholeZeros() {}

    /**
     * Is {@code t}, one of a line's amounts {@code line}, a whole zero standing under a header word (of the lines
     * {@code header}, indexes into {@code lines}), every other amount of the line printed with its decimals?
     */
    static boolean underColumn(SpacedColumns.Token t, List<SpacedColumns.Token> line, List<Integer> header, List<String> lines) {
        if (!t.text().equals("0")) return false;
        boolean decimals = false;
        for (SpacedColumns.Token o : line) {
            if (o.text().equals("0")) continue;
            if (o.text().indexOf('.') < 0) return false;
            decimals = true;
        }
        if (!decimals) return false;
        for (int k : header) {
            for (SpacedColumns.Token w : SpacedColumns.words(lines.get(k))) {
                if (w.start() <= t.start() && t.end() <= w.end()) return true;
            }
        }
        return false;
    }
}
