package org.openbudget.render.layout;

import java.util.List;

/** One printed row of a table; {@code strong} rows (totals, 类, unit subtotals) print bold. */
public record BodyRow(List<Cell> cells, boolean strong) {
    public BodyRow {
        cells = List.copyOf(cells);
    }
}
