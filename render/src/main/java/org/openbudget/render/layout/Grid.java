package org.openbudget.render.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Places rows of spanned cells (HTML table semantics: a cell takes the next column not covered by
 * a rowspan from above) on a rectangular grid, for the formats that merge cells by position
 * (XLSX merged regions, DOCX gridSpan/vMerge).
 */
public final class Grid {
    /** A cell placed at (row, col) covering colspan × rowspan. */
    public record Placed<T>(T cell, int row, int col, int colspan, int rowspan) {}

    private Grid() {}

    public static <T> List<Placed<T>> place(List<? extends List<T>> rows, int columns,
                                            java.util.function.ToIntFunction<T> colspan,
                                            java.util.function.ToIntFunction<T> rowspan) {
        boolean[][] taken = new boolean[rows.size() + 64][columns];
        List<Placed<T>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (T cell : rows.get(r)) {
                while (c < columns && taken[r][c]) c++;
                if (c >= columns) break;
                int cs = Math.max(1, Math.min(colspan.applyAsInt(cell), columns - c));
                int rs = Math.max(1, Math.min(rowspan.applyAsInt(cell), rows.size() - r));
                for (int i = r; i < r + rs; i++) for (int j = c; j < c + cs; j++) taken[i][j] = true;
                out.add(new Placed<>(cell, r, c, cs, rs));
                c += cs;
            }
        }
        return out;
    }
}
