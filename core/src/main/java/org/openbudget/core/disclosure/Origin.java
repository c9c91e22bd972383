package org.openbudget.core.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a row of a disclosure table was read from in a published document: its page (a PDF; 0 for a
 * text), its 1-based line of the text as read, and, on a PDF page, the box of the row and of each of
 * its cells. A row derived from a ledger has none ({@link Row#origin()} is null).
 *
 * <p>Boxes are in PDF points on the page as displayed, from its top-left corner (y grows downwards).
 *
 * @param cells the box of each column's cell, in the table's column order; null where not known
 */
public record Origin(int page, int line, Box box, List<Box> cells) {

    /** A rectangle on the page, in points from the top-left corner. */
    public record Box(double x, double y, double width, double height) {
        /** The smallest box holding both. */
        public Box union(Box o) {
            if (o == null) return this;
            double x1 = Math.min(x, o.x), y1 = Math.min(y, o.y);
            double x2 = Math.max(x + width, o.x + o.width), y2 = Math.max(y + height, o.y + o.height);
            return new Box(x1, y1, x2 - x1, y2 - y1);
        }
    }

    public Origin {
        cells = cells == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** A line of a text (no page, no box). */
    public static Origin line(int line) {
        return new Origin(0, line, null, List.of());
    }

    /** The box of column {@code column}'s cell, else the row's; null when neither is known. */
    public Box cell(int column) {
        Box c = column >= 0 && column < cells.size() ? cells.get(column) : null;
        return c != null ? c : box;
    }

    /** "第 3 页第 12 行" / "第 12 行", as a report prints it. */
    public String where() {
        return (page > 0 ? "第 " + page + " 页" : "") + (line > 0 ? "第 " + line + " 行" : "");
    }
}
