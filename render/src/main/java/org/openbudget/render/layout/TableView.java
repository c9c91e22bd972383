package org.openbudget.render.layout;

import java.util.List;

/**
 * One of the eleven tables laid out as the official template prints it: a header grid (with
 * merged cells), the ※/1/2/3 column-number row, body rows, and the empty-table sentence.
 *
 * @param label      "表2"
 * @param title      "单位收入总体情况表"
 * @param header     header rows, each a list of cells with spans (the grid is {@link #columnCount()} wide)
 * @param widths     relative column widths (sum arbitrary), one per column
 * @param textColumns how many leading columns are text (codes, names); the rest are amounts
 * @param wide       laid out on a landscape page (many value columns)
 * @param emptyNote  the sentence printed under the header of an empty table, null otherwise
 */
public record TableView(int no, String label, String title, List<List<HeaderCell>> header, List<BodyRow> rows,
                        double[] widths, int textColumns, boolean wide, String emptyNote) {
    public TableView {
        header = header.stream().map(List::copyOf).toList();
        rows = List.copyOf(rows);
    }

    public int columnCount() { return widths.length; }

    public boolean empty() { return emptyNote != null; }
}
