package org.openbudget.render.docx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHdrFtrRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

import org.openbudget.render.Format;
import org.openbudget.render.Renderer;
import org.openbudget.render.layout.Block;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.layout.Grid;
import org.openbudget.render.layout.GridCell;
import org.openbudget.render.layout.TableView;

/**
 * DOCX: an editable Word document — 部分 and sections as Word headings (标题 1/2/3, so the
 * navigation pane and a TOC field work), the eleven tables as real Word tables whose header rows
 * repeat on every page, merged header cells as in the official layout, wide tables (表2, 表7, 表11)
 * in landscape sections, page numbers in the footer.
 */
public final class DocxRenderer implements Renderer {
    static {
        org.openbudget.render.Quiet.logging();
    }

    private static final int TWIP_PER_MM = 57; // 1440 / 25.4 ≈ 56.7
    private static final long A4_W = 11906, A4_H = 16838;
    private static final long MARGIN = 1134; // 2 cm
    private static final String EAST_ASIA = "宋体";
    private static final String LATIN = "Times New Roman";

    @Override
    public Format format() { return Format.DOCX; }

    @Override
    public void write(DocumentView v, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            styles(doc);
            doc.getProperties().getCoreProperties().setTitle(v.documentTitle());
            doc.getProperties().getCoreProperties().setCreator(v.unit());
            XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
            XWPFParagraph fp = footer.createParagraph();
            fp.setAlignment(ParagraphAlignment.CENTER);
            field(fp, "PAGE", "1");
            String footerId = doc.getRelationId(footer);

            boolean landscape = false;
            boolean freshPage = true;
            for (Block block : v.blocks()) {
                if (block instanceof Block.Cover c) {
                    for (int i = 0; i < 8; i++) doc.createParagraph();
                    para(doc, c.unit(), 22, true, ParagraphAlignment.CENTER);
                    para(doc, c.title(), 26, true, ParagraphAlignment.CENTER);
                    freshPage = false;
                } else if (block instanceof Block.Toc t) {
                    XWPFParagraph h = para(doc, t.heading(), 16, true, ParagraphAlignment.CENTER);
                    h.setPageBreak(true);
                    toc(doc, t);
                    freshPage = false;
                } else if (block instanceof Block.Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle("Heading" + h.level());
                    if (h.level() == 1) p.setAlignment(ParagraphAlignment.CENTER);
                    if (h.level() == 1 && !freshPage) p.setPageBreak(true);
                    p.createRun().setText(h.text());
                    freshPage = false;
                } else if (block instanceof Block.Para p) {
                    XWPFParagraph para = doc.createParagraph();
                    if (p.right()) para.setAlignment(ParagraphAlignment.RIGHT);
                    else para.setIndentationFirstLine(2 * 210);
                    if (!p.lead().isEmpty()) {
                        XWPFRun r = para.createRun();
                        r.setBold(true);
                        r.setText(p.lead());
                    }
                    para.createRun().setText(p.text());
                    freshPage = false;
                } else if (block instanceof Block.Table t) {
                    TableView tv = t.table();
                    boolean follows = !freshPage && !(tv.no() == 1 && lastWasPartHeading(v, block));
                    if (tv.wide() != landscape) {
                        sectionBreak(doc, landscape, footerId);
                        landscape = tv.wide();
                        follows = false;
                    }
                    table(doc, t, follows, landscape);
                    freshPage = false;
                } else if (block instanceof Block.Performance p) {
                    if (landscape) {
                        sectionBreak(doc, true, footerId);
                        landscape = false;
                    }
                    performance(doc, p, v);
                }
            }
            CTSectPr last = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                    : doc.getDocument().getBody().addNewSectPr();
            page(last, landscape, footerId);
            doc.write(out);
        }
    }

    private static boolean lastWasPartHeading(DocumentView v, Block block) {
        int i = v.blocks().indexOf(block);
        return i > 0 && v.blocks().get(i - 1) instanceof Block.Heading h && h.level() == 1;
    }

    // ---- styles

    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setEastAsia(EAST_ASIA);
        styles.setDefaultFonts(fonts);
        heading(styles, 1, 16);
        heading(styles, 2, 14);
        heading(styles, 3, 12);
        tableText(styles, "TableText", 8);
        tableText(styles, "TableTextSmall", 7);
    }

    /** The paragraph style of table cells: small type, no spacing (set once here, not on every cell). */
    private static void tableText(XWPFStyles styles, String id, int size) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.addNewName().setVal(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewBasedOn().setVal("Normal");
        CTPPrGeneral p = s.addNewPPr();
        p.addNewSpacing().setBefore(BigInteger.ZERO);
        p.getSpacing().setAfter(BigInteger.ZERO);
        p.getSpacing().setLine(BigInteger.valueOf(240));
        CTRPr r = s.addNewRPr();
        r.addNewSz().setVal(BigInteger.valueOf(size * 2L));
        r.addNewSzCs().setVal(BigInteger.valueOf(size * 2L));
        styles.addStyle(new XWPFStyle(s));
    }

    private static void heading(XWPFStyles styles, int level, int size) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId("Heading" + level);
        s.addNewName().setVal("heading " + level);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewBasedOn().setVal("Normal");
        s.addNewNext().setVal("Normal");
        s.addNewUiPriority().setVal(BigInteger.valueOf(9));
        s.addNewQFormat();
        CTPPrGeneral p = s.addNewPPr();
        p.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        p.addNewKeepNext();
        p.addNewSpacing().setBefore(BigInteger.valueOf(level == 1 ? 240 : 160));
        p.getSpacing().setAfter(BigInteger.valueOf(120));
        CTRPr r = s.addNewRPr();
        r.addNewB();
        r.addNewSz().setVal(BigInteger.valueOf(size * 2L));
        r.addNewSzCs().setVal(BigInteger.valueOf(size * 2L));
        styles.addStyle(new XWPFStyle(s));
    }

    // ---- paragraphs and fields

    private static XWPFParagraph para(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun r = p.createRun();
        r.setBold(bold);
        r.setFontSize(size);
        r.setText(text);
        return p;
    }

    private static void field(XWPFParagraph p, String instr, String shown) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        p.createRun().getCTR().addNewInstrText().setStringValue(" " + instr + " ");
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        p.createRun().setText(shown);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    /** 目录 as a TOC field whose current result lists the entries (Word fills in page numbers on 更新域). */
    private static void toc(XWPFDocument doc, Block.Toc t) {
        List<Block.TocEntry> entries = t.entries();
        for (int i = 0; i < entries.size(); i++) {
            Block.TocEntry e = entries.get(i);
            XWPFParagraph p = doc.createParagraph();
            if (e.level() > 1) p.setIndentationLeft(420 * (e.level() - 1));
            if (i == 0) {
                p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
                p.createRun().getCTR().addNewInstrText().setStringValue(" TOC \\o \"1-2\" \\h \\z \\u ");
                p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
            }
            XWPFRun r = p.createRun();
            r.setBold(e.level() == 1);
            r.setText(e.text());
            if (i == entries.size() - 1) p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        }
    }

    // ---- sections

    /** Ends the current section (portrait or landscape) with a section break in a paragraph of its own. */
    private static void sectionBreak(XWPFDocument doc, boolean landscape, String footerId) {
        XWPFParagraph p = doc.createParagraph();
        CTSectPr s = p.getCTP().addNewPPr().addNewSectPr();
        page(s, landscape, footerId);
    }

    private static void page(CTSectPr s, boolean landscape, String footerId) {
        CTPageSz sz = s.isSetPgSz() ? s.getPgSz() : s.addNewPgSz();
        sz.setW(BigInteger.valueOf(landscape ? A4_H : A4_W));
        sz.setH(BigInteger.valueOf(landscape ? A4_W : A4_H));
        if (landscape) sz.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar m = s.isSetPgMar() ? s.getPgMar() : s.addNewPgMar();
        long margin = landscape ? MARGIN * 3 / 4 : MARGIN;
        m.setTop(BigInteger.valueOf(margin));
        m.setBottom(BigInteger.valueOf(margin));
        m.setLeft(BigInteger.valueOf(margin));
        m.setRight(BigInteger.valueOf(margin));
        m.setFooter(BigInteger.valueOf(567));
        m.setHeader(BigInteger.valueOf(567));
        if (s.sizeOfFooterReferenceArray() == 0) {
            CTHdrFtrRef ref = s.addNewFooterReference();
            ref.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr.DEFAULT);
            ref.setId(footerId);
        }
    }

    private static long textWidth(boolean landscape) {
        return (landscape ? A4_H : A4_W) - 2 * (landscape ? MARGIN * 3 / 4 : MARGIN);
    }

    // ---- tables

    private void table(XWPFDocument doc, Block.Table block, boolean pageBreak, boolean landscape) {
        TableView t = block.table();
        XWPFParagraph no = doc.createParagraph();
        if (pageBreak) no.setPageBreak(true);
        XWPFRun nr = no.createRun();
        nr.setText(t.label());
        nr.setFontSize(10);
        XWPFParagraph title = doc.createParagraph();
        title.setStyle("Heading2");
        title.setAlignment(ParagraphAlignment.CENTER);
        title.createRun().setText(t.title());
        XWPFParagraph meta = doc.createParagraph();
        long width = textWidth(landscape);
        meta.getCTP().addNewPPr().addNewTabs().addNewTab().setPos(BigInteger.valueOf(width));
        meta.getCTP().getPPr().getTabs().getTabArray(0).setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
        XWPFRun mr = meta.createRun();
        mr.setFontSize(9);
        mr.setText(block.preparedBy());
        mr.addTab();
        mr.setText("单位：万元");

        List<List<GridCell>> rows = new java.util.ArrayList<>(GridCell.header(t));
        int headRows = rows.size();
        rows.addAll(GridCell.body(t));
        grid(doc, rows, headRows, t.widths(), width, t.wide() ? 7 : 8);
        if (t.empty()) {
            XWPFParagraph p = doc.createParagraph();
            p.setIndentationFirstLine(420);
            p.createRun().setText(t.emptyNote());
        }
    }

    private void performance(XWPFDocument doc, Block.Performance block, DocumentView v) {
        XWPFParagraph title = para(doc, block.title(), 14, true, ParagraphAlignment.CENTER);
        title.setPageBreak(true);
        para(doc, block.yearLine(), 10, false, ParagraphAlignment.CENTER);
        List<List<GridCell>> rows = GridCell.performance(block.table(), v.kind(), v.profile().thousands());
        grid(doc, rows, 0, GridCell.PERF_WIDTHS, textWidth(false), 8);
    }

    /** A Word table from spanned cells: gridSpan for column spans, vMerge for row spans, header rows repeated. */
    private static void grid(XWPFDocument doc, List<List<GridCell>> rows, int headRows, double[] widths, long totalWidth, int fontSize) {
        String style = fontSize < 8 ? "TableTextSmall" : "TableText";
        int cols = widths.length;
        double sum = 0;
        for (double w : widths) sum += w;
        long[] tw = new long[cols];
        for (int i = 0; i < cols; i++) tw[i] = Math.round(totalWidth * widths[i] / sum);

        List<Grid.Placed<GridCell>> placed = Grid.place(rows, cols, GridCell::colspan, GridCell::rowspan);
        // per grid row: the placed cell starting at each column, or a vMerge continuation
        GridCell[][] start = new GridCell[rows.size()][cols];
        int[][] span = new int[rows.size()][cols];
        boolean[][] cont = new boolean[rows.size()][cols];
        for (Grid.Placed<GridCell> p : placed) {
            start[p.row()][p.col()] = p.cell();
            span[p.row()][p.col()] = p.colspan();
            for (int r = p.row() + 1; r < p.row() + p.rowspan(); r++) {
                cont[r][p.col()] = true;
                span[r][p.col()] = p.colspan();
            }
        }
        XWPFTable table = doc.createTable();
        CTTblPr pr = table.getCTTbl().getTblPr();
        CTTblWidth w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(totalWidth));
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        table.setTableAlignment(TableRowAlign.CENTER);
        CTTblGrid g = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (g.sizeOfGridColArray() > 0) g.removeGridCol(0);
        for (long x : tw) g.addNewGridCol().setW(BigInteger.valueOf(x));

        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
            // a new row copies the first row's cell count: start from no cells
            while (!row.getTableCells().isEmpty()) row.removeCell(0);
            if (r < headRows) row.setRepeatHeader(true);
            row.setCantSplitRow(true);
            int c = 0;
            while (c < cols) {
                int s = Math.max(1, span[r][c]);
                if (start[r][c] == null && !cont[r][c]) { // uncovered position (ragged input): an empty cell
                    s = 1;
                }
                XWPFTableCell cell = row.addNewTableCell();
                GridCell gc = start[r][c];
                boolean head = r < headRows || (gc != null && gc.head());
                CTTcPr tc = null;
                if (s > 1 || head || cont[r][c] || (gc != null && gc.rowspan() > 1)) {
                    tc = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                    if (s > 1) tc.addNewGridSpan().setVal(BigInteger.valueOf(s));
                    if (head) tc.addNewVAlign().setVal(STVerticalJc.CENTER);
                }
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setStyle(style);
                if (cont[r][c]) {
                    tc.addNewVMerge().setVal(STMerge.CONTINUE);
                } else if (gc != null) {
                    if (gc.rowspan() > 1) tc.addNewVMerge().setVal(STMerge.RESTART);
                    if (gc.head()) p.setAlignment(ParagraphAlignment.CENTER);
                    else if (gc.numeric()) p.setAlignment(ParagraphAlignment.RIGHT);
                    if (gc.indent() > 0) p.setIndentationLeft(180 * gc.indent());
                    if (!gc.text().isEmpty()) {
                        XWPFRun run = p.createRun();
                        if (gc.strong()) run.setBold(true);
                        run.setText(gc.text());
                    }
                }
                c += s;
            }
        }
    }
}
