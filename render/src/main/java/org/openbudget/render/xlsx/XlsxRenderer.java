package org.openbudget.render.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.openbudget.render.Format;
import org.openbudget.render.Renderer;
import org.openbudget.render.layout.Block;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.layout.Grid;
import org.openbudget.render.layout.GridCell;
import org.openbudget.render.layout.TableView;

/**
 * XLSX: one sheet per table (表1 … 表11) laid out like the official table — title, 编制单位 and
 * 单位：万元, the merged header grid, amounts as numeric cells formatted {@code #,##0.00} or
 * {@code 0.00} per the profile — and one sheet of the 绩效目标表 when the document has them. A text
 * cell is always a string cell; one that starts with = + - @ is also quote-prefixed, so that
 * editing it in a spreadsheet cannot turn it into a formula.
 */
public final class XlsxRenderer implements Renderer {
    static {
        org.openbudget.render.Quiet.logging();
    }

    @Override
    public Format format() { return Format.XLSX; }

    @Override
    public void write(DocumentView v, OutputStream out) throws IOException {
        // streaming writer with inline strings: POI's shared-strings table costs more than the rest of the sheet
        SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), -1, false, false);
        try {
            Styles st = new Styles(wb, v.profile().thousands());
            Set<String> names = new HashSet<>();
            for (TableView t : v.tables()) {
                Sheet sheet = wb.createSheet(sheetName(t.label() + " " + t.title(), names));
                int widthCols = t.columnCount();
                setWidths(sheet, t.widths(), t.wide() ? 100 : 80);
                int r = 0;
                r = titleRows(sheet, st, r, t.title(), widthCols);
                Row meta = sheet.createRow(r);
                int half = Math.max(1, widthCols / 2);
                text(meta.createCell(0), v.preparedBy(), st.plain, st);
                if (half > 1) sheet.addMergedRegion(new CellRangeAddress(r, r, 0, half - 1));
                text(meta.createCell(widthCols - 1), "单位：万元", st.right, st);
                r++;
                List<List<GridCell>> head = GridCell.header(t);
                int headStart = r;
                r = grid(sheet, st, r, head, widthCols);
                sheet.createFreezePane(0, r);
                sheet.setRepeatingRows(new CellRangeAddress(headStart, r - 1, 0, widthCols - 1));
                r = grid(sheet, st, r, GridCell.body(t), widthCols);
                if (t.empty()) {
                    Row note = sheet.createRow(r);
                    text(note.createCell(0), t.emptyNote(), st.wrap, st);
                    if (widthCols > 1) sheet.addMergedRegion(new CellRangeAddress(r, r, 0, widthCols - 1));
                    note.setHeightInPoints(30);
                }
                print(sheet, t.wide());
            }
            List<Block.Performance> perf = new ArrayList<>();
            for (Block b : v.blocks()) if (b instanceof Block.Performance p) perf.add(p);
            if (!perf.isEmpty()) {
                Sheet sheet = wb.createSheet(sheetName("绩效目标表", names));
                setWidths(sheet, GridCell.PERF_WIDTHS, 110);
                int r = 0;
                for (Block.Performance p : perf) {
                    r = titleRows(sheet, st, r, p.title() + p.yearLine(), GridCell.PERF_WIDTHS.length);
                    r = grid(sheet, st, r, GridCell.performance(p.table(), v.kind(), v.profile().thousands()), GridCell.PERF_WIDTHS.length);
                    r += 2;
                }
                print(sheet, false);
            }
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(v.documentTitle());
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator(v.unit());
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private static int titleRows(Sheet sheet, Styles st, int r, String title, int cols) {
        Row row = sheet.createRow(r);
        row.setHeightInPoints(26);
        text(row.createCell(0), title, st.title, st);
        if (cols > 1) sheet.addMergedRegion(new CellRangeAddress(r, r, 0, cols - 1));
        return r + 1;
    }

    private static void setWidths(Sheet sheet, double[] widths, int totalChars) {
        double sum = 0;
        for (double w : widths) sum += w;
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, (int) Math.min(255 * 256, Math.max(3, totalChars * widths[i] / sum) * 256));
        }
    }

    private static void print(Sheet sheet, boolean landscape) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(landscape);
        sheet.setFitToPage(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setMargin(PageMargin.LEFT, 0.5);
        sheet.setMargin(PageMargin.RIGHT, 0.5);
        sheet.getFooter().setCenter("第 &P 页");
    }

    /** Writes spanned cells from row r on; every cell of a merged region gets the border style. */
    private static int grid(Sheet sheet, Styles st, int r0, List<List<GridCell>> rows, int cols) {
        List<Grid.Placed<GridCell>> placed = Grid.place(rows, cols, GridCell::colspan, GridCell::rowspan);
        Map<Integer, Row> made = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(r0 + i);
            made.put(r0 + i, row);
            for (int c = 0; c < cols; c++) row.createCell(c).setCellStyle(st.plainBox);
        }
        for (Grid.Placed<GridCell> p : placed) {
            GridCell g = p.cell();
            int r = r0 + p.row();
            CellStyle style = g.head() ? st.head : g.numeric() ? (g.strong() ? st.numBold : st.num)
                    : st.text(g.strong(), g.indent(), false);
            for (int i = r; i < r + p.rowspan(); i++) {
                for (int c = p.col(); c < p.col() + p.colspan(); c++) made.get(i).getCell(c).setCellStyle(style);
            }
            Cell cell = made.get(r).getCell(p.col());
            if (g.numeric() && g.amount() != null) {
                cell.setCellValue(g.amount().doubleValue());
            } else if (!g.text().isEmpty()) {
                text(cell, g.text(), style, st);
                if (g.text().length() > 18 || g.head()) cell.getRow().setHeightInPoints(Math.max(cell.getRow().getHeightInPoints(), g.head() ? 30 : 24));
            }
            if (p.colspan() > 1 || p.rowspan() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(r, r + p.rowspan() - 1, p.col(), p.col() + p.colspan() - 1));
            }
        }
        return r0 + rows.size();
    }

    /** A text cell; text that a spreadsheet would read as a formula is quote-prefixed. */
    static void text(Cell cell, String s, CellStyle style, Styles st) {
        cell.setCellValue(s);
        cell.setCellStyle(formulaLike(s) ? st.quoted(style) : style);
    }

    /** Starts like a formula or a DDE payload (= + - @, or a tab / carriage return first). */
    public static boolean formulaLike(String s) {
        if (s == null || s.isEmpty()) return false;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '＝' || c == '＋' || c == '－' || c == '＠';
    }

    static String sheetName(String wanted, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(wanted);
        if (base.length() > 31) base = base.substring(0, 31);
        String name = base;
        for (int i = 2; used.contains(name); i++) name = (base.length() > 28 ? base.substring(0, 28) : base) + "~" + i;
        used.add(name);
        return name;
    }

    /** The workbook's cell styles, created once (a workbook holds at most 64,000 styles). */
    static final class Styles {
        final Workbook wb;
        final CellStyle title, plain, right, wrap, head, num, numBold, plainBox;
        private final Map<String, CellStyle> texts = new HashMap<>();
        private final Map<CellStyle, CellStyle> quoted = new HashMap<>();

        Styles(Workbook wb, boolean thousands) {
            this.wb = wb;
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            plain = wb.createCellStyle();
            right = wb.createCellStyle();
            right.setAlignment(HorizontalAlignment.RIGHT);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            plainBox = boxed(wb.createCellStyle());
            head = boxed(wb.createCellStyle());
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setWrapText(true);
            short fmt = wb.createDataFormat().getFormat(thousands ? "#,##0.00" : "0.00");
            num = boxed(wb.createCellStyle());
            num.setDataFormat(fmt);
            num.setAlignment(HorizontalAlignment.RIGHT);
            numBold = boxed(wb.createCellStyle());
            numBold.setDataFormat(fmt);
            numBold.setAlignment(HorizontalAlignment.RIGHT);
            numBold.setFont(bold);
        }

        CellStyle text(boolean strong, int indent, boolean unused) {
            return texts.computeIfAbsent(strong + ":" + indent, k -> {
                CellStyle s = boxed(wb.createCellStyle());
                s.setWrapText(true);
                if (indent > 0) s.setIndention((short) Math.min(indent, 10));
                if (strong) {
                    Font f = wb.createFont();
                    f.setBold(true);
                    s.setFont(f);
                }
                return s;
            });
        }

        CellStyle quoted(CellStyle base) {
            return quoted.computeIfAbsent(base, b -> {
                CellStyle s = wb.createCellStyle();
                s.cloneStyleFrom(b);
                s.setQuotePrefixed(true);
                return s;
            });
        }

        private static CellStyle boxed(CellStyle s) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        }
    }
}
