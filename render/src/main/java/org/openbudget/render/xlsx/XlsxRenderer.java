package org.openbudget.render.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openbudget.render.Format;
import org.openbudget.render.Renderer;
import org.openbudget.render.layout.Block;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.layout.Grid;
import org.openbudget.render.layout.GridCell;
import org.openbudget.render.layout.TableView;
import org.openbudget.render.ooxml.OoxmlPackage;
import org.openbudget.render.ooxml.Xml;

/**
 * XLSX: one sheet per table (表1 … 表11) laid out like the official table — title, 编制单位 and
 * 单位：万元, the merged header grid, amounts as numeric cells formatted {@code #,##0.00} or
 * {@code 0.00} per the profile — and one sheet of the 绩效目标表 when the document has them; its
 * SpreadsheetML written as text. A text cell is always a string cell; one that starts with = + - @
 * is also quote-prefixed, so that editing it in a spreadsheet cannot turn it into a formula.
 */
public final class XlsxRenderer implements Renderer {
    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // cell formats (indexes into cellXfs); each has a quote-prefixed twin at + QUOTED
    static final int TITLE = 1, PLAIN = 2, RIGHT = 3, WRAP = 4, BOX = 5, HEAD = 6, NUM = 7, NUM_BOLD = 8, TEXT = 9; // TEXT + 4·bold + indent
    static final int QUOTED = 17;
    /** The widest a text column grows to hold its names on one line. */
    static final double NAME_CHARS = 25;

    @Override
    public Format format() { return Format.XLSX; }

    @Override
    public void write(DocumentView v, OutputStream out) throws IOException {
        boolean thousands = v.profile().thousands();
        List<Sheet> sheets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int ti = 0; ti < v.tables().size(); ti++) {
            TableView t = v.tables().get(ti);
            int cols = t.columnCount();
            Sheet s = new Sheet(sheetName(t.label() + " " + t.title(), names), widths(t.widths(), t.wide() ? 100 : 80), t.wide());
            s.titleRows.add(0);
            titleRow(s, t.title(), cols);
            int r = s.rows.size();
            s.row(r).set(0, text(v.preparedBy(), PLAIN));
            int half = Math.max(1, cols / 2);
            if (half > 1) s.merge(r, r, 0, half - 1);
            s.row(r).set(cols - 1, text(v.unitLine(v.disclosure().tables().get(ti)), RIGHT));
            int headStart = r + 1;
            s.gridStart = headStart;
            grid(s, GridCell.header(t), cols);
            s.freezeRows = s.rows.size();
            s.printTitles = new int[] {headStart, s.rows.size() - 1};
            grid(s, GridCell.body(t), cols);
            if (t.empty()) {
                int n = s.rows.size();
                s.row(n).set(0, text(t.emptyNote(), WRAP));
                if (cols > 1) s.merge(n, n, 0, cols - 1);
                s.row(n).height = 30;
            }
            s.fit();
            sheets.add(s);
        }
        List<Block.Performance> perf = new ArrayList<>();
        for (Block b : v.blocks()) if (b instanceof Block.Performance p) perf.add(p);
        if (!perf.isEmpty()) {
            int cols = GridCell.PERF_WIDTHS.length;
            Sheet s = new Sheet(sheetName("绩效目标表", names), widths(GridCell.PERF_WIDTHS, 110), false);
            for (Block.Performance p : perf) {
                s.titleRows.add(s.rows.size());
                titleRow(s, p.title() + p.yearLine(), cols);
                grid(s, GridCell.performance(p.table(), v.profile().text().performanceLabels(), v.kind(), thousands), cols);
                s.row(s.rows.size() + 1); // two empty rows between tables
            }
            s.fit();
            sheets.add(s);
        }

        try (OoxmlPackage pkg = new OoxmlPackage(out, v.year())) {
            pkg.relationships("_rels/.rels",
                    new String[] {"rId1", OoxmlPackage.REL_OFFICE_DOCUMENT, "xl/workbook.xml"},
                    new String[] {"rId2", OoxmlPackage.REL_CORE, "docProps/core.xml"},
                    new String[] {"rId3", OoxmlPackage.REL_APP, "docProps/app.xml"});
            StringBuilder wb = new StringBuilder(OoxmlPackage.XML_HEAD).append("<workbook xmlns=\"").append(NS).append("\" xmlns:r=\"").append(R)
                    .append("\"><workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
            String[][] rels = new String[sheets.size() + 1][];
            StringBuilder defined = new StringBuilder();
            for (int i = 0; i < sheets.size(); i++) {
                Sheet s = sheets.get(i);
                wb.append("<sheet name=\"").append(Xml.text(s.name)).append("\" sheetId=\"").append(i + 1).append("\" r:id=\"rId").append(i + 1).append("\"/>");
                rels[i] = new String[] {"rId" + (i + 1), "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
                        "worksheets/sheet" + (i + 1) + ".xml"};
                if (s.printTitles != null) {
                    defined.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"").append(i).append("\">'")
                            .append(Xml.text(s.name.replace("'", "''"))).append("'!$").append(s.printTitles[0] + 1).append(":$")
                            .append(s.printTitles[1] + 1).append("</definedName>");
                }
            }
            wb.append("</sheets>");
            if (defined.length() > 0) wb.append("<definedNames>").append(defined).append("</definedNames>");
            wb.append("</workbook>");
            rels[sheets.size()] = new String[] {"rIdStyles", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"};
            pkg.part("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", wb);
            pkg.relationships("xl/_rels/workbook.xml.rels", rels);
            pkg.part("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", styles(thousands));
            for (int i = 0; i < sheets.size(); i++) {
                pkg.part("xl/worksheets/sheet" + (i + 1) + ".xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
                        sheets.get(i).xml(i == 0));
            }
            pkg.properties(v.documentTitle(), v.unit(), v.year());
        }
    }

    // ---- the sheet model

    /** One cell: a style and either text or a number (both null: an empty, styled cell). */
    record Cell(int style, String text, BigDecimal number) {}

    static Cell text(String s, int style) {
        return new Cell(formulaLike(s) ? style + QUOTED : style, s, null);
    }

    static final class Row {
        final List<Cell> cells = new ArrayList<>();
        double height;

        void set(int col, Cell c) {
            while (cells.size() <= col) cells.add(null);
            cells.set(col, c);
        }

        Cell get(int col) {
            return col < cells.size() ? cells.get(col) : null;
        }
    }

    static final class Sheet {
        final String name;
        double[] widths;
        /** Rows holding a merged title (their height is set). */
        final List<Integer> titleRows = new ArrayList<>();
        /** The first row of the table grid (rows above it are titles and the 编制单位 line). */
        int gridStart;
        final boolean landscape;
        final List<Row> rows = new ArrayList<>();
        final List<int[]> merges = new ArrayList<>();
        int freezeRows;
        int[] printTitles;

        Sheet(String name, double[] widths, boolean landscape) {
            this.name = name;
            this.widths = widths;
            this.landscape = landscape;
        }

        Row row(int r) {
            while (rows.size() <= r) rows.add(new Row());
            return rows.get(r);
        }

        void merge(int r1, int r2, int c1, int c2) {
            merges.add(new int[] {r1, r2, c1, c2});
        }

        /**
         * Column widths that hold every amount and code on one line (a spreadsheet shows ### for a
         * number wider than its column) and names up to {@link #NAME_CHARS}, then row heights that
         * show every wrapped text whole.
         */
        void fit() {
            int cols = widths.length;
            for (int r = gridStart; r < rows.size(); r++) {
                Row row = rows.get(r);
                for (int c = 0; c < Math.min(cols, row.cells.size()); c++) {
                    Cell cell = row.cells.get(c);
                    if (cell == null || spanned(r, c)) continue;
                    String t = cell.number != null ? printed.getOrDefault(cell, cell.number.toPlainString()) : cell.text;
                    boolean shortCode = cell.text != null && cell.text.length() <= 4 && cell.text.chars().allMatch(ch -> ch < 128);
                    if (cell.number != null || shortCode) widths[c] = Math.max(widths[c], chars(t, bold(cell.style)) + 2);
                    // names on one line up to a dozen Chinese characters; longer ones wrap
                    else if (t != null && (cell.style % QUOTED) != HEAD) widths[c] = Math.max(widths[c], Math.min(NAME_CHARS, chars(t, bold(cell.style)) + 1));
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                if (titleRows.contains(r)) continue;
                Row row = rows.get(r);
                double lines = 1;
                for (int c = 0; c < row.cells.size(); c++) {
                    Cell cell = row.cells.get(c);
                    if (cell == null || cell.text == null || cell.text.isEmpty()) continue;
                    int[] m = mergeAt(r, c);
                    if (m != null && m[1] > m[0]) continue; // spanning rows: room enough in the rows it spans
                    double w = 0;
                    for (int k = c; k <= (m == null ? c : m[3]) && k < cols; k++) w += widths[k];
                    lines = Math.max(lines, Math.ceil(chars(cell.text, bold(cell.style)) / Math.max(1, w - 0.5)));
                }
                double h = lines == 1 ? 0 : lines * 14.5 + 3;
                if (rowHasHead(row)) h = Math.max(h, Math.max(lines, 2) * 14.5 + 3);
                if (h > row.height) row.height = Math.min(409, h);
            }
        }

        /** Inside a merged region but not its first cell. */
        private boolean spanned(int r, int c) {
            for (int[] m : merges) if (r >= m[0] && r <= m[1] && c >= m[2] && c <= m[3] && (r != m[0] || c != m[2])) return true;
            for (int[] m : merges) if (r == m[0] && c == m[2] && m[3] > m[2]) return true; // spans columns: its width is shared
            return false;
        }

        private int[] mergeAt(int r, int c) {
            for (int[] m : merges) if (m[0] == r && m[2] == c) return m;
            return null;
        }

        private static boolean rowHasHead(Row row) {
            for (Cell c : row.cells) if (c != null && c.text != null && !c.text.isEmpty() && (c.style % QUOTED) == HEAD) return true;
            return false;
        }

        /** The amounts as printed ("1,447.01"), for their width. */
        final java.util.Map<Cell, String> printed = new java.util.IdentityHashMap<>();

        String xml(boolean first) {
            int maxCol = 0;
            for (Row r : rows) maxCol = Math.max(maxCol, r.cells.size());
            StringBuilder b = new StringBuilder(64 * 1024).append(OoxmlPackage.XML_HEAD).append("<worksheet xmlns=\"").append(NS)
                    .append("\" xmlns:r=\"").append(R).append("\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A1");
            if (!rows.isEmpty() && maxCol > 0) b.append(':').append(ref(rows.size() - 1, maxCol - 1));
            b.append("\"/><sheetViews><sheetView workbookViewId=\"0\"").append(first ? " tabSelected=\"1\"" : "").append('>');
            if (freezeRows > 0) {
                b.append("<pane ySplit=\"").append(freezeRows).append("\" topLeftCell=\"").append(ref(freezeRows, 0))
                        .append("\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>");
            }
            b.append("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
            for (int i = 0; i < widths.length; i++) {
                b.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"")
                        .append(Math.round(widths[i] * 100) / 100.0).append("\" customWidth=\"1\"/>");
            }
            b.append("</cols><sheetData>");
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                b.append("<row r=\"").append(r + 1).append('"');
                if (row.height > 0) b.append(" ht=\"").append(row.height).append("\" customHeight=\"1\"");
                b.append('>');
                for (int c = 0; c < row.cells.size(); c++) {
                    Cell cell = row.cells.get(c);
                    if (cell == null) continue;
                    b.append("<c r=\"").append(ref(r, c)).append("\" s=\"").append(cell.style).append('"');
                    if (cell.number != null) {
                        b.append("><v>").append(cell.number.toPlainString()).append("</v></c>");
                    } else if (cell.text != null && !cell.text.isEmpty()) {
                        String t = cell.text;
                        boolean keep = Character.isWhitespace(t.charAt(0)) || Character.isWhitespace(t.charAt(t.length() - 1));
                        b.append(" t=\"inlineStr\"><is>").append(keep ? "<t xml:space=\"preserve\">" : "<t>");
                        Xml.append(b, t).append("</t></is></c>");
                    } else {
                        b.append("/>");
                    }
                }
                b.append("</row>");
            }
            b.append("</sheetData>");
            if (!merges.isEmpty()) {
                b.append("<mergeCells count=\"").append(merges.size()).append("\">");
                for (int[] m : merges) b.append("<mergeCell ref=\"").append(ref(m[0], m[2])).append(':').append(ref(m[1], m[3])).append("\"/>");
                b.append("</mergeCells>");
            }
            b.append("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
                    .append("<pageSetup paperSize=\"9\" orientation=\"").append(landscape ? "landscape" : "portrait")
                    .append("\" fitToWidth=\"1\" fitToHeight=\"0\"/><headerFooter><oddFooter>&amp;C第 &amp;P 页</oddFooter></headerFooter></worksheet>");
            return b.toString();
        }
    }

    /** "A1"-style reference of a 0-based row and column. */
    static String ref(int row, int col) {
        StringBuilder s = new StringBuilder(6);
        int c = col + 1;
        while (c > 0) {
            int m = (c - 1) % 26;
            s.insert(0, (char) ('A' + m));
            c = (c - 1) / 26;
        }
        return s.append(row + 1).toString();
    }

    // ---- laying out

    /** A merged title row across the table. */
    private static void titleRow(Sheet s, String title, int cols) {
        int r = s.rows.size();
        Row row = s.row(r);
        row.height = 26;
        row.set(0, text(title, TITLE));
        if (cols > 1) s.merge(r, r, 0, cols - 1);
    }

    /** Column widths in characters, from relative widths over {@code totalChars}. */
    private static double[] widths(double[] widths, int totalChars) {
        double sum = 0;
        for (double w : widths) sum += w;
        double[] out = new double[widths.length];
        for (int i = 0; i < widths.length; i++) out[i] = Math.min(255, Math.max(3, totalChars * widths[i] / sum));
        return out;
    }

    /** Appends spanned cells as rows; every cell of a merged region gets the region's border style. */
    private static void grid(Sheet s, List<List<GridCell>> rows, int cols) {
        int r0 = s.rows.size();
        for (int i = 0; i < rows.size(); i++) {
            Row row = s.row(r0 + i);
            for (int c = 0; c < cols; c++) row.set(c, new Cell(BOX, null, null));
        }
        for (Grid.Placed<GridCell> p : Grid.place(rows, cols, GridCell::colspan, GridCell::rowspan)) {
            GridCell g = p.cell();
            int r = r0 + p.row();
            int style = g.head() ? HEAD : g.numeric() ? (g.strong() ? NUM_BOLD : NUM) : TEXT + (g.strong() ? 4 : 0) + Math.min(3, g.indent());
            for (int i = r; i < r + p.rowspan(); i++) {
                for (int c = p.col(); c < p.col() + p.colspan(); c++) s.row(i).set(c, new Cell(style, null, null));
            }
            Row row = s.row(r);
            if (g.numeric() && g.amount() != null) {
                Cell c = new Cell(style, null, g.amount());
                s.printed.put(c, g.text());
                row.set(p.col(), c);
            } else if (!g.text().isEmpty()) {
                row.set(p.col(), text(g.text(), style));
            }
            if (p.colspan() > 1 || p.rowspan() > 1) s.merge(r, r + p.rowspan() - 1, p.col(), p.col() + p.colspan() - 1);
        }
    }

    private static boolean bold(int style) {
        int s = style % QUOTED;
        return s == TITLE || s == HEAD || s == NUM_BOLD || s >= TEXT + 4;
    }

    /**
     * Width of a text in the spreadsheet's unit (the width of a digit of the default font): a
     * Chinese character takes about two (1.9), bold a tenth more.
     */
    static double chars(String s, boolean bold) {
        double n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowSurrogate(c)) continue;
            n += c >= 0x2E80 || (c >= 0x2000 && c <= 0x206F) ? 1.9 : c == ' ' || c == '.' || c == ',' ? 0.6 : 1.05;
        }
        return bold ? n * 1.1 : n;
    }

    /** Starts like a formula or a DDE payload (= + - @, or a tab / carriage return first). */
    public static boolean formulaLike(String s) {
        if (s == null || s.isEmpty()) return false;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '＝' || c == '＋' || c == '－' || c == '＠';
    }

    /** A sheet name Excel accepts ([]*?/\: left out, at most 31 characters), unique in the workbook. */
    static String sheetName(String wanted, Set<String> used) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < wanted.length(); i++) {
            char c = wanted.charAt(i);
            b.append("[]*?/\\:".indexOf(c) >= 0 || c < 0x20 ? ' ' : c);
        }
        String base = b.toString().strip();
        while (base.startsWith("'")) base = base.substring(1);
        while (base.endsWith("'")) base = base.substring(0, base.length() - 1);
        if (base.isEmpty()) base = "表";
        if (base.length() > 31) base = base.substring(0, 31);
        String name = base;
        for (int i = 2; used.contains(name.toLowerCase(java.util.Locale.ROOT)); i++) name = (base.length() > 28 ? base.substring(0, 28) : base) + "~" + i;
        used.add(name.toLowerCase(java.util.Locale.ROOT));
        return name;
    }

    /**
     * The style sheet: fonts (plain, bold, bold 14), thin borders, number format 4 ({@code #,##0.00})
     * or 2 ({@code 0.00}), and the cell formats in the order of the constants above, then the same
     * again quote-prefixed.
     */
    private static String styles(boolean thousands) {
        int fmt = thousands ? 4 : 2;
        List<String> xfs = new ArrayList<>();
        xfs.add("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"");
        xfs.add(xf(0, 2, 0, "horizontal=\"center\" vertical=\"center\""));                   // TITLE
        xfs.add(xf(0, 0, 0, null));                                                           // PLAIN
        xfs.add(xf(0, 0, 0, "horizontal=\"right\""));                                        // RIGHT
        xfs.add(xf(0, 0, 0, "vertical=\"top\" wrapText=\"1\""));                             // WRAP
        xfs.add(xf(0, 0, 1, "vertical=\"center\""));                                         // BOX
        xfs.add(xf(0, 1, 1, "horizontal=\"center\" vertical=\"center\" wrapText=\"1\""));    // HEAD
        xfs.add(xf(fmt, 0, 1, "horizontal=\"right\" vertical=\"center\""));                  // NUM
        xfs.add(xf(fmt, 1, 1, "horizontal=\"right\" vertical=\"center\""));                  // NUM_BOLD
        for (int bold = 0; bold < 2; bold++) {
            for (int indent = 0; indent < 4; indent++) {
                xfs.add(xf(0, bold, 1, "vertical=\"center\" wrapText=\"1\"" + (indent > 0 ? " indent=\"" + indent + "\"" : "")));
            }
        }
        if (xfs.size() != QUOTED) throw new IllegalStateException("cell formats out of step");
        StringBuilder b = new StringBuilder(OoxmlPackage.XML_HEAD).append("<styleSheet xmlns=\"").append(NS).append("\">")
                .append("<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
                .append("<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
                .append("<font><b/><sz val=\"14\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>")
                .append("<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>")
                .append("<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>")
                .append("<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>")
                .append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
                .append("<cellXfs count=\"").append(2 * xfs.size()).append("\">");
        for (String x : xfs) b.append(x).append(x.endsWith("\"") ? "/>" : "");
        for (String x : xfs) {
            // the same format, quote-prefixed
            int close = x.indexOf('>');
            if (x.endsWith("\"")) b.append(x).append(" quotePrefix=\"1\"/>");
            else b.append(x, 0, close).append(" quotePrefix=\"1\"").append(x.substring(close));
        }
        return b.append("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>").toString();
    }

    private static String xf(int numFmt, int font, int border, String alignment) {
        StringBuilder b = new StringBuilder("<xf numFmtId=\"").append(numFmt).append("\" fontId=\"").append(font).append("\" fillId=\"0\" borderId=\"")
                .append(border).append("\" xfId=\"0\"");
        if (numFmt != 0) b.append(" applyNumberFormat=\"1\"");
        if (font != 0) b.append(" applyFont=\"1\"");
        if (border != 0) b.append(" applyBorder=\"1\"");
        if (alignment == null) return b.toString();
        return b.append(" applyAlignment=\"1\"><alignment ").append(alignment).append("/></xf>").toString();
    }
}
