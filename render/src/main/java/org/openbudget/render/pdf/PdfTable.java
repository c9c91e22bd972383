package org.openbudget.render.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openbudget.render.layout.BodyRow;
import org.openbudget.render.layout.Cell;
import org.openbudget.render.layout.Grid;
import org.openbudget.render.layout.GridCell;
import org.openbudget.render.layout.HeaderCell;
import org.openbudget.render.layout.TableView;

/**
 * A ruled table on the page: cells with column and row spans, text wrapped in its cell and centred
 * vertically, rows kept whole, the header rows repeated at the top of every page the table runs
 * onto, and the ruling drawn as one set of merged horizontal and vertical lines per page (which is
 * also what lets a reader of the PDF — the audit module — rebuild the rows and cells).
 */
final class PdfTable {
    static final float PAD_X = 3f, PAD_Y = 2f;
    static final int LEFT = 0, CENTER = 1, RIGHT = 2;

    /** One cell placed on the grid. */
    static final class Box {
        final int row, col, colspan, rowspan;
        final String text;
        final FontFace face;
        float size;
        final int align;
        final float indent;
        List<Text.Line> lines;

        Box(int row, int col, int colspan, int rowspan, String text, FontFace face, float size, int align, float indent) {
            this.row = row;
            this.col = col;
            this.colspan = colspan;
            this.rowspan = rowspan;
            this.text = text;
            this.face = face;
            this.size = size;
            this.align = align;
            this.indent = indent;
        }
    }

    private final float[] x;
    private final int rows, headRows;
    private final boolean repeatHeader;
    private final float lineHeight;
    private final List<Box> boxes = new ArrayList<>();
    private final float[] rowHeight;

    private PdfTable(float[] x, int rows, int headRows, boolean repeatHeader, float lineHeight) {
        this.x = x;
        this.rows = rows;
        this.headRows = headRows;
        this.repeatHeader = repeatHeader;
        this.lineHeight = lineHeight;
        this.rowHeight = new float[rows];
    }

    /** Column edges from relative widths over [left, left + width]. */
    private static float[] edges(double[] widths, float left, float width) {
        double sum = 0;
        for (double w : widths) sum += w;
        float[] x = new float[widths.length + 1];
        double at = 0;
        for (int i = 0; i < widths.length; i++) {
            x[i] = (float) (left + width * at / sum);
            at += widths[i];
        }
        x[widths.length] = left + width;
        return x;
    }

    /** One of the eleven tables: its header grid (repeated on every page) and body rows. */
    static PdfTable of(TableView t, float left, float width) {
        float size = t.columnCount() >= 15 ? 7f : 8f;
        int head = t.header().size();
        PdfTable p = new PdfTable(edges(t.widths(), left, width), head + t.rows().size(), head, true, size * 1.3f);
        int cols = t.columnCount();
        for (Grid.Placed<HeaderCell> c : Grid.place(t.header(), cols, HeaderCell::colspan, HeaderCell::rowspan)) {
            p.boxes.add(new Box(c.row(), c.col(), c.colspan(), c.rowspan(), c.cell().text(), FontFace.BOLD, size, CENTER, 0));
        }
        for (int r = 0; r < t.rows().size(); r++) {
            BodyRow row = t.rows().get(r);
            List<Cell> cells = row.cells();
            for (int i = 0; i < cells.size() && i < cols; i++) {
                Cell c = cells.get(i);
                boolean bold = row.strong() || c.strong();
                float indent = c.indent() > 0 && !c.numeric() ? 1.2f * size * Math.min(c.indent(), 3) : 0;
                p.boxes.add(new Box(head + r, i, 1, 1, c.text(), bold ? FontFace.BOLD : FontFace.REGULAR, size,
                        c.numeric() ? RIGHT : LEFT, indent));
            }
        }
        p.fillGaps(cols);
        p.fitAmounts(cols, size);
        p.layout();
        return p;
    }

    /**
     * Widens the columns whose amounts would not fit on one line at nine tenths of the type size (a table of many
     * narrow columns: 西安's 27-column “三公” table in 元), taking the width from the columns with room to spare down to
     * a floor (two characters and the padding; a text column wraps), so an amount is printed whole in its own cell
     * rather than shrunk past reading or run into the next cell. A table whose amounts fit keeps its widths.
     */
    private void fitAmounts(int cols, float size) {
        float[] need = new float[cols], floor = new float[cols];
        Arrays.fill(floor, 2 * size + 2 * PAD_X);
        for (Box b : boxes) {
            if (b.row < headRows || b.colspan != 1 || b.text.isEmpty()) continue;
            if (b.align == LEFT) floor[b.col] = 4 * size + 2 * PAD_X + b.indent;   // names: four characters a line at least
            else if (b.align == RIGHT && b.text.indexOf(' ') < 0) need[b.col] = Math.max(need[b.col], b.face.width(b.text, 0.9f * b.size) + 2 * PAD_X);
        }
        float deficit = 0, surplus = 0;
        float[] have = new float[cols];
        for (int c = 0; c < cols; c++) {
            have[c] = x[c + 1] - x[c];
            if (need[c] > have[c]) deficit += need[c] - have[c];
            else surplus += Math.max(0, have[c] - Math.max(need[c], floor[c]));
        }
        if (deficit <= 0 || surplus <= 0) return;
        float take = Math.min(deficit, surplus);
        for (int c = 0; c < cols; c++) {
            if (need[c] > have[c]) have[c] += (need[c] - have[c]) * take / deficit;
            else have[c] -= Math.max(0, have[c] - Math.max(need[c], floor[c])) * take / surplus;
        }
        for (int c = 0; c < cols; c++) x[c + 1] = x[c] + have[c];
    }

    /** A 绩效目标表 (its rows from {@link GridCell#performance}): no header repeated, indicator groups kept together. */
    static PdfTable performance(List<List<GridCell>> rows, int headRows, double[] widths, float left, float width) {
        float size = 8f;
        PdfTable p = new PdfTable(edges(widths, left, width), rows.size(), 0, false, size * 1.3f);
        for (Grid.Placed<GridCell> c : Grid.place(rows, widths.length, GridCell::colspan, GridCell::rowspan)) {
            GridCell g = c.cell();
            // amounts right-aligned; an indicator's weight (the one number of an indicator row) centred
            int align = g.head() ? CENTER : g.numeric() ? (c.row() >= headRows ? CENTER : RIGHT) : LEFT;
            p.boxes.add(new Box(c.row(), c.col(), c.colspan(), c.rowspan(), g.text(), g.strong() ? FontFace.BOLD : FontFace.REGULAR,
                    size, align, 0));
        }
        p.fillGaps(widths.length);
        p.layout();
        return p;
    }

    /** Grid positions no cell covers (a short row) get an empty cell, so that every position is ruled. */
    private void fillGaps(int cols) {
        boolean[][] covered = new boolean[rows][cols];
        for (Box b : boxes) {
            for (int r = b.row; r < Math.min(rows, b.row + b.rowspan); r++) {
                for (int c = b.col; c < Math.min(cols, b.col + b.colspan); c++) covered[r][c] = true;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!covered[r][c]) boxes.add(new Box(r, c, 1, 1, "", FontFace.REGULAR, 8f, LEFT, 0));
            }
        }
    }

    /** Wraps every cell's text and sets the row heights (a cell spanning rows stretches them evenly). */
    private void layout() {
        float min = lineHeight + 2 * PAD_Y;
        Arrays.fill(rowHeight, min);
        List<Box> spanning = new ArrayList<>();
        for (Box b : boxes) {
            float inner = x[b.col + b.colspan] - x[b.col] - 2 * PAD_X - b.indent;
            if (b.text.isEmpty()) {
                b.lines = List.of();
            } else if (b.align == RIGHT && b.text.indexOf(' ') < 0) {
                // an amount stays on one line: smaller type if it is wider than its column
                float w = b.face.width(b.text, b.size);
                if (w > inner && inner > 0) b.size = Math.max(4f, b.size * inner / w);
                b.lines = Text.wrap(b.text, b.face, b.size, Float.MAX_VALUE);
            } else {
                b.lines = Text.wrap(b.text, b.face, b.size, Math.max(inner, b.size));
            }
            if (b.rowspan > 1) spanning.add(b);
            else rowHeight[b.row] = Math.max(rowHeight[b.row], height(b));
        }
        for (Box b : spanning) {
            int end = Math.min(rows, b.row + b.rowspan);
            float have = 0;
            for (int r = b.row; r < end; r++) have += rowHeight[r];
            float need = height(b);
            if (need > have) {
                float more = (need - have) / (end - b.row);
                for (int r = b.row; r < end; r++) rowHeight[r] += more;
            }
        }
    }

    private float height(Box b) {
        return b.lines.size() * lineHeight + 2 * PAD_Y;
    }

    /** Height of the rows [from, to). */
    private float height(int from, int to) {
        float h = 0;
        for (int r = from; r < to; r++) h += rowHeight[r];
        return h;
    }

    /** Height of the whole table on one page. */
    float height() {
        return height(0, rows);
    }

    /** The least that must fit where the table starts: the header rows and the first group of body rows. */
    float minimum() {
        int[] ends = groupEnds();
        return height(0, ends.length > 0 ? ends[0] : headRows);
    }

    /** The body's groups of rows that stay together (rows joined by a cell spanning them): their ends. */
    private int[] groupEnds() {
        int[] reach = new int[rows];
        for (int r = 0; r < rows; r++) reach[r] = r + 1;
        for (Box b : boxes) reach[b.row] = Math.max(reach[b.row], Math.min(rows, b.row + b.rowspan));
        int[] ends = new int[rows];
        int n = 0;
        int r = headRows;
        while (r < rows) {
            int end = reach[r];
            for (int k = r; k < end; k++) end = Math.max(end, reach[k]);
            ends[n++] = end;
            r = end;
        }
        return Arrays.copyOf(ends, n);
    }

    /**
     * Prints the table from the flow's cursor on, going on to new pages (the header rows repeated)
     * as needed; rows are never split, nor are rows joined by a spanning cell unless together they
     * are taller than a page.
     */
    void print(Flow flow) {
        float head = height(0, headRows);
        int[] ends = groupEnds();
        int first = ends.length > 0 ? ends[0] : headRows;
        if (!flow.fits(head + height(headRows, first)) && !flow.fresh()) flow.newPage(flow.page().landscape);
        List<Integer> fragment = new ArrayList<>();
        float top = flow.y();
        float y = top;
        for (int r = 0; r < headRows; r++) {
            fragment.add(r);
            y += rowHeight[r];
        }
        int start = headRows;
        for (int end : ends) {
            float h = height(start, end);
            boolean tooTall = head + h > flow.pageHeight();
            if (y + h > flow.bottom() + 0.01f && fragment.size() > headRows && !tooTall) {
                top = nextPage(flow, fragment, top);
                y = bottomOf(fragment, top);
            }
            for (int r = start; r < end; r++) {
                if (tooTall && y + rowHeight[r] > flow.bottom() + 0.01f && fragment.size() > (repeatHeader ? headRows : 0)) {
                    top = nextPage(flow, fragment, top);
                    y = bottomOf(fragment, top);
                }
                fragment.add(r);
                y += rowHeight[r];
            }
            start = end;
        }
        draw(flow.page(), fragment, top);
        flow.advanceTo(y);
    }

    /**
     * Draws the rows gathered for this page, goes on to a new page of the same orientation and
     * starts its rows (the header rows, when they repeat); the new page's top.
     */
    private float nextPage(Flow flow, List<Integer> fragment, float top) {
        draw(flow.page(), fragment, top);
        flow.newPage(flow.page().landscape);
        fragment.clear();
        if (repeatHeader) for (int r = 0; r < headRows; r++) fragment.add(r);
        return flow.y();
    }

    /** Where the rows of a fragment end, printed from {@code top}. */
    private float bottomOf(List<Integer> fragment, float top) {
        float y = top;
        for (int r : fragment) y += rowHeight[r];
        return y;
    }

    /** Draws the rows of one page (in order, from {@code top}): the cells' text and the ruling. */
    private void draw(Page page, List<Integer> fragment, float top) {
        float[] yOf = new float[rows];
        Arrays.fill(yOf, Float.NaN);
        float y = top;
        for (int r : fragment) {
            yOf[r] = y;
            y += rowHeight[r];
        }
        float bottom = y;
        Rules rules = new Rules();
        rules.h(top, x[0], x[x.length - 1]);
        rules.v(x[0], top, bottom);
        for (Box b : boxes) {
            int end = Math.min(rows, b.row + b.rowspan);
            int firstVisible = -1, lastVisible = -1;
            for (int r = b.row; r < end; r++) {
                if (!Float.isNaN(yOf[r])) {
                    if (firstVisible < 0) firstVisible = r;
                    lastVisible = r;
                }
            }
            if (firstVisible < 0) continue;
            float cellTop = yOf[firstVisible], cellBottom = yOf[lastVisible] + rowHeight[lastVisible];
            float left = x[b.col], right = x[b.col + b.colspan];
            rules.v(right, cellTop, cellBottom);
            rules.h(cellBottom, left, right);
            if (firstVisible != b.row || b.lines.isEmpty()) continue;
            float lh = lineHeight;
            float textTop = cellTop + (cellBottom - cellTop - b.lines.size() * lh) / 2;
            float base = baseline(lh, b.size);
            for (int i = 0; i < b.lines.size(); i++) {
                Text.Line line = b.lines.get(i);
                float lx = switch (b.align) {
                    case CENTER -> (left + right - line.width()) / 2;
                    case RIGHT -> right - PAD_X - line.width();
                    default -> left + PAD_X + b.indent;
                };
                for (Text.Piece p : line.pieces()) {
                    page.text(p.face(), p.size(), lx + p.x(), textTop + i * lh + base, p.text(), p.from(), p.to());
                }
            }
        }
        rules.draw(page);
    }

    /** Where the baseline sits in a line box: the ideographic em box centred in it. */
    static float baseline(float lineHeight, float size) {
        FontFace f = FontFace.REGULAR;
        float em = (f.typoAscent - f.typoDescent) / (float) f.unitsPerEm;
        return (lineHeight - em * size) / 2 + size * f.typoAscent / f.unitsPerEm;
    }

    /** The ruling of one page: collinear segments that touch are merged into one line. */
    static final class Rules {
        private float[] h = new float[96], v = new float[96];
        private int nh, nv;

        void h(float y, float x1, float x2) {
            if (nh + 3 > h.length) h = Arrays.copyOf(h, 2 * h.length);
            h[nh++] = y;
            h[nh++] = x1;
            h[nh++] = x2;
        }

        void v(float x, float y1, float y2) {
            if (nv + 3 > v.length) v = Arrays.copyOf(v, 2 * v.length);
            v[nv++] = x;
            v[nv++] = y1;
            v[nv++] = y2;
        }

        void draw(Page page) {
            for (float[] s : merge(h, nh)) page.rule(s[1], s[0], s[2], s[0]);
            for (float[] s : merge(v, nv)) page.rule(s[0], s[1], s[0], s[2]);
        }

        private static List<float[]> merge(float[] a, int n) {
            List<float[]> segs = new ArrayList<>(n / 3);
            for (int i = 0; i < n; i += 3) segs.add(new float[] {a[i], a[i + 1], a[i + 2]});
            segs.sort((p, q) -> p[0] != q[0] ? Float.compare(p[0], q[0]) : Float.compare(p[1], q[1]));
            List<float[]> out = new ArrayList<>();
            float[] cur = null;
            for (float[] s : segs) {
                if (cur != null && Math.abs(s[0] - cur[0]) < 0.01f && s[1] <= cur[2] + 0.01f) {
                    cur[2] = Math.max(cur[2], s[2]);
                } else {
                    cur = s;
                    out.add(cur);
                }
            }
            return out;
        }
    }
}
