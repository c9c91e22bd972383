package org.openbudget.render.docx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

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
 * DOCX: an editable Word document, its WordprocessingML written as text — 部分 and sections as Word
 * headings (标题 1/2/3, so the navigation pane and a TOC field work), the eleven tables as real Word
 * tables whose header rows repeat on every page, merged header cells as in the official layout
 * (gridSpan, vMerge), wide tables (表2, 表7, 表11) in landscape sections, page numbers in the footer.
 */
public final class DocxRenderer implements Renderer {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final long A4_W = 11906, A4_H = 16838;
    private static final long MARGIN = 1134; // 2 cm
    private static final String EAST_ASIA = "宋体";
    private static final String LATIN = "Times New Roman";
    private static final String FOOTER_ID = "rIdFooter";

    @Override
    public Format format() { return Format.DOCX; }

    @Override
    public void write(DocumentView v, OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder(256 * 1024);
        b.append(OoxmlPackage.XML_HEAD).append("<w:document xmlns:w=\"").append(W).append("\" xmlns:r=\"").append(R).append("\"><w:body>");
        boolean landscape = false;
        boolean freshPage = true;
        List<Block> blocks = v.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block instanceof Block.Cover c) {
                for (int k = 0; k < 8; k++) b.append("<w:p/>");
                para(b, c.unit(), 22, true, "center", false);
                para(b, c.title(), 26, true, "center", false);
                freshPage = false;
            } else if (block instanceof Block.Toc t) {
                para(b, t.heading(), 16, true, "center", true);
                toc(b, t);
                freshPage = false;
            } else if (block instanceof Block.Heading || block instanceof Block.Para) {
                if (landscape) {
                    // text after a wide table goes back to portrait pages
                    sectionBreak(b, true);
                    landscape = false;
                    freshPage = true;
                }
            }
            if (block instanceof Block.Heading h) {
                b.append("<w:p><w:pPr><w:pStyle w:val=\"Heading").append(h.level()).append("\"/>");
                if (h.level() == 1 && !freshPage) b.append("<w:pageBreakBefore/>");
                if (h.level() == 1) b.append("<w:jc w:val=\"center\"/>");
                b.append("</w:pPr>");
                run(b, h.text(), false, 0);
                b.append("</w:p>");
                freshPage = false;
            } else if (block instanceof Block.Para p) {
                b.append("<w:p><w:pPr>").append(p.right() ? "<w:jc w:val=\"right\"/>" : "<w:ind w:firstLine=\"420\"/>").append("</w:pPr>");
                if (!p.lead().isEmpty()) run(b, p.lead(), true, 0);
                run(b, p.text(), false, 0);
                b.append("</w:p>");
                freshPage = false;
            } else if (block instanceof Block.Table t) {
                TableView tv = t.table();
                boolean afterPart = i > 0 && blocks.get(i - 1) instanceof Block.Heading h && h.level() == 1;
                boolean follows = !freshPage && !afterPart;   // the first table of a part shares the part heading's page
                if (tv.wide() != landscape) {
                    sectionBreak(b, landscape);
                    landscape = tv.wide();
                    follows = false;
                }
                table(b, t, follows, landscape);
                freshPage = false;
            } else if (block instanceof Block.Performance p) {
                if (landscape) {
                    sectionBreak(b, true);
                    landscape = false;
                }
                performance(b, p, v);
            }
        }
        b.append("<w:sectPr>");
        page(b, landscape);
        b.append("</w:sectPr></w:body></w:document>");

        try (OoxmlPackage pkg = new OoxmlPackage(out, v.year())) {
            pkg.relationships("_rels/.rels",
                    new String[] {"rId1", OoxmlPackage.REL_OFFICE_DOCUMENT, "word/document.xml"},
                    new String[] {"rId2", OoxmlPackage.REL_CORE, "docProps/core.xml"},
                    new String[] {"rId3", OoxmlPackage.REL_APP, "docProps/app.xml"});
            pkg.part("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", b);
            pkg.relationships("word/_rels/document.xml.rels",
                    new String[] {"rIdStyles", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"},
                    new String[] {"rIdSettings", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings", "settings.xml"},
                    new String[] {FOOTER_ID, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer", "footer1.xml"});
            pkg.part("word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", STYLES);
            pkg.part("word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml", SETTINGS);
            pkg.part("word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml", FOOTER);
            pkg.properties(v.documentTitle(), v.unit(), v.year());
        }
    }

    // ---- the fixed parts

    /** Default fonts (Times New Roman, 宋体 for Chinese), 标题 1–3 with their outline levels, and the table text styles. */
    private static final String STYLES = OoxmlPackage.XML_HEAD + "<w:styles xmlns:w=\"" + W + "\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" + LATIN + "\" w:hAnsi=\"" + LATIN + "\" w:eastAsia=\"" + EAST_ASIA
            + "\" w:cs=\"" + LATIN + "\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + heading(1, 16) + heading(2, 14) + heading(3, 12)
            + tableText("TableText", 8) + tableText("TableTextSmall", 7)
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>";

    private static String heading(int level, int size) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"Heading" + level + "\"><w:name w:val=\"heading " + level + "\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
                + "<w:pPr><w:keepNext/><w:spacing w:before=\"" + (level == 1 ? 240 : 160) + "\" w:after=\"120\"/><w:outlineLvl w:val=\""
                + (level - 1) + "\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"" + 2 * size + "\"/><w:szCs w:val=\"" + 2 * size + "\"/></w:rPr></w:style>";
    }

    /** The paragraph style of table cells: small type, no spacing (set once here, not on every cell). */
    private static String tableText(String id, int size) {
        return "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"" + id + "\"><w:name w:val=\"" + id + "\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\"/></w:pPr>"
                + "<w:rPr><w:sz w:val=\"" + 2 * size + "\"/><w:szCs w:val=\"" + 2 * size + "\"/></w:rPr></w:style>";
    }

    private static final String SETTINGS = OoxmlPackage.XML_HEAD + "<w:settings xmlns:w=\"" + W + "\">"
            + "<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
            + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
            + "</w:settings>";

    private static final String FOOTER = OoxmlPackage.XML_HEAD + "<w:ftr xmlns:w=\"" + W + "\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>";

    // ---- paragraphs and runs

    /** A run of text: bold and size (points, 0 = the style's) as given; tabs and line breaks as Word's own. */
    private static void run(StringBuilder b, String text, boolean bold, int size) {
        if (text == null || text.isEmpty()) return;
        b.append("<w:r>");
        if (bold || size > 0) {
            b.append("<w:rPr>");
            if (bold) b.append("<w:b/>");
            if (size > 0) b.append("<w:sz w:val=\"").append(2 * size).append("\"/><w:szCs w:val=\"").append(2 * size).append("\"/>");
            b.append("</w:rPr>");
        }
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c != '\t' && c != '\n' && c != '\r' && i < text.length()) continue;
            if (i > from) {
                String part = text.substring(from, i);
                boolean keep = part.charAt(0) == ' ' || part.charAt(part.length() - 1) == ' ';
                b.append(keep ? "<w:t xml:space=\"preserve\">" : "<w:t>");
                Xml.append(b, part).append("</w:t>");
            }
            if (i < text.length()) {
                if (c == '\t') b.append("<w:tab/>");
                else if (c == '\n') b.append("<w:br/>");
            }
            from = i + 1;
        }
        b.append("</w:r>");
    }

    private static void para(StringBuilder b, String text, int size, boolean bold, String align, boolean pageBreak) {
        b.append("<w:p><w:pPr>");
        if (pageBreak) b.append("<w:pageBreakBefore/>");
        b.append("<w:jc w:val=\"").append(align).append("\"/></w:pPr>");
        run(b, text, bold, size);
        b.append("</w:p>");
    }

    /** 目录 as a TOC field whose current result lists the entries (Word fills in page numbers on 更新域). */
    private static void toc(StringBuilder b, Block.Toc t) {
        List<Block.TocEntry> entries = t.entries();
        for (int i = 0; i < entries.size(); i++) {
            Block.TocEntry e = entries.get(i);
            b.append("<w:p>");
            if (e.level() > 1) b.append("<w:pPr><w:ind w:left=\"").append(420 * (e.level() - 1)).append("\"/></w:pPr>");
            if (i == 0) {
                b.append("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>")
                        .append("<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
            }
            run(b, e.text(), e.level() == 1, 0);
            if (i == entries.size() - 1) b.append("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
            b.append("</w:p>");
        }
    }

    // ---- sections

    /** Ends the current section (portrait or landscape) with a section break in a paragraph of its own. */
    private static void sectionBreak(StringBuilder b, boolean landscape) {
        b.append("<w:p><w:pPr><w:sectPr>");
        page(b, landscape);
        b.append("</w:sectPr></w:pPr></w:p>");
    }

    /** A section's footer, page size and margins (the inside of a sectPr). */
    private static void page(StringBuilder b, boolean landscape) {
        long margin = landscape ? MARGIN * 3 / 4 : MARGIN;
        b.append("<w:footerReference w:type=\"default\" r:id=\"").append(FOOTER_ID).append("\"/>")
                .append("<w:pgSz w:w=\"").append(landscape ? A4_H : A4_W).append("\" w:h=\"").append(landscape ? A4_W : A4_H).append('"')
                .append(landscape ? " w:orient=\"landscape\"/>" : "/>")
                .append("<w:pgMar w:top=\"").append(margin).append("\" w:right=\"").append(margin).append("\" w:bottom=\"").append(margin)
                .append("\" w:left=\"").append(margin).append("\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>");
    }

    private static long textWidth(boolean landscape) {
        return (landscape ? A4_H : A4_W) - 2 * (landscape ? MARGIN * 3 / 4 : MARGIN);
    }

    // ---- tables

    private static void table(StringBuilder b, Block.Table block, boolean pageBreak, boolean landscape) {
        TableView t = block.table();
        b.append("<w:p>").append(pageBreak ? "<w:pPr><w:pageBreakBefore/></w:pPr>" : "");
        run(b, t.label(), false, 10);
        b.append("</w:p><w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:jc w:val=\"center\"/></w:pPr>");
        run(b, t.title(), false, 0);
        long width = textWidth(landscape);
        b.append("</w:p><w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"").append(width).append("\"/></w:tabs></w:pPr>");
        run(b, block.preparedBy() + "\t" + block.unitLine(), false, 9);
        b.append("</w:p>");
        List<List<GridCell>> rows = new ArrayList<>(GridCell.header(t));
        int headRows = rows.size();
        rows.addAll(GridCell.body(t));
        grid(b, rows, headRows, t.widths(), width, t.wide() ? 7 : 8);
        if (t.empty()) {
            b.append("<w:p><w:pPr><w:ind w:firstLine=\"420\"/></w:pPr>");
            run(b, t.emptyNote(), false, 0);
            b.append("</w:p>");
        }
    }

    private static void performance(StringBuilder b, Block.Performance block, DocumentView v) {
        para(b, block.title(), 14, true, "center", true);
        para(b, block.yearLine(), 10, false, "center", false);
        List<List<GridCell>> rows = GridCell.performance(block.table(), v.profile().text().performanceLabels(), v.kind(), v.profile().thousands());
        grid(b, rows, 0, GridCell.PERF_WIDTHS, textWidth(false), 8);
    }

    /** A Word table from spanned cells: gridSpan for column spans, vMerge for row spans, header rows repeated. */
    private static void grid(StringBuilder b, List<List<GridCell>> rows, int headRows, double[] widths, long totalWidth, int fontSize) {
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
        b.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(totalWidth).append("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>");
        for (String side : new String[] {"top", "left", "bottom", "right", "insideH", "insideV"}) {
            b.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
        }
        b.append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for (long x : tw) b.append("<w:gridCol w:w=\"").append(x).append("\"/>");
        b.append("</w:tblGrid>");
        for (int r = 0; r < rows.size(); r++) {
            b.append("<w:tr><w:trPr><w:cantSplit/>").append(r < headRows ? "<w:tblHeader/>" : "").append("</w:trPr>");
            int c = 0;
            while (c < cols) {
                int s = Math.max(1, span[r][c]);
                GridCell gc = start[r][c];
                if (gc == null && !cont[r][c]) s = 1; // uncovered position (ragged input): an empty cell
                boolean head = r < headRows || (gc != null && gc.head());
                long cellWidth = 0;
                for (int k = c; k < Math.min(cols, c + s); k++) cellWidth += tw[k];
                b.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(cellWidth).append("\" w:type=\"dxa\"/>");
                if (s > 1) b.append("<w:gridSpan w:val=\"").append(s).append("\"/>");
                if (cont[r][c]) b.append("<w:vMerge/>");
                else if (gc != null && gc.rowspan() > 1) b.append("<w:vMerge w:val=\"restart\"/>");
                if (head || cont[r][c] || (gc != null && gc.rowspan() > 1)) b.append("<w:vAlign w:val=\"center\"/>");
                b.append("</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"").append(style).append("\"/>");
                if (gc != null && !cont[r][c]) {
                    if (gc.indent() > 0) b.append("<w:ind w:left=\"").append(180 * gc.indent()).append("\"/>");
                    if (gc.head()) b.append("<w:jc w:val=\"center\"/>");
                    else if (gc.numeric()) b.append("<w:jc w:val=\"right\"/>");
                    b.append("</w:pPr>");
                    run(b, gc.text(), gc.strong(), 0);
                } else {
                    b.append("</w:pPr>");
                }
                b.append("</w:p></w:tc>");
                c += s;
            }
            b.append("</w:tr>");
        }
        b.append("</w:tbl>");
    }
}
