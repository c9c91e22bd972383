package org.openbudget.audit.pdf;

import java.awt.geom.Point2D;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.MoveText;
import org.apache.pdfbox.contentstream.operator.text.MoveTextSetLeading;
import org.apache.pdfbox.contentstream.operator.text.NextLine;
import org.apache.pdfbox.contentstream.operator.text.SetCharSpacing;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.SetTextHorizontalScaling;
import org.apache.pdfbox.contentstream.operator.text.SetTextLeading;
import org.apache.pdfbox.contentstream.operator.text.SetTextRenderingMode;
import org.apache.pdfbox.contentstream.operator.text.SetTextRise;
import org.apache.pdfbox.contentstream.operator.text.SetWordSpacing;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLine;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLineAndSpace;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.pdmodel.font.PDTrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.openbudget.core.disclosure.Origin;
import org.openbudget.io.guard.FailureLog;
import org.openbudget.io.guard.ReadGuard;
import org.openbudget.io.guard.ReadLimits;

/**
 * A PDF's text rebuilt from glyph positions: free text as lines (glyphs grouped by baseline, a
 * space where the gap is wide), and ruled tables as one line per table row with the cells
 * separated by tabs — the row and column structure comes from the ruling lines the PDF draws
 * (cell borders), so blank cells keep their column and a name wrapped inside its cell stays one
 * cell. The output is the tab layout {@link org.openbudget.audit.text.PublishedTextReader} reads.
 *
 * <p>Merged header cells are fine (a band is cut by the borders that cross it); a table continued
 * on the next page has its repeated header rows dropped (the rows above the first row with a
 * number, on a page where no new table starts). A PDF without ruling lines comes out as plain
 * text lines — the plain layout, where the table's arithmetic places blank cells.
 *
 * <p>Encrypted PDFs with an owner password only open as usual; a user password gives a
 * {@link PdfException}. Memory stays bounded: the document is read from the file with a
 * temp-file stream cache and pages are processed one at a time.
 */
public final class PdfLayout {
    /** Pages read at most (a disclosure has ~10–60). */
    public static final int MAX_PAGES = 2_000;
    /** Glyphs and path segments read of one page at most (a dense table page has a few thousand). */
    static final int MAX_GLYPHS = 20_000;
    static final int MAX_SEGMENTS = 20_000;
    /** Straight segments taken from one path of another format's page (OFD) at most. */
    public static final int MAX_SEGMENTS_PER_PATH = 20_000;

    /**
     * Where a rebuilt line is on its page: the box of the line and, for a ruled table's row, the box of
     * each of its cells in the order of its tab-separated cells (empty for free text).
     */
    public record LineBox(Origin.Box box, List<Origin.Box> cells) {
        LineBox union(LineBox o) {
            return new LineBox(box.union(o.box), List.of());
        }
    }

    /** The rebuilt text and, for each of its lines, the 1-based page it is on and its box there. */
    public record Text(List<String> lines, int[] pageOfLine, int pages, boolean encrypted, List<String> notes, List<LineBox> boxes) {
        public String joined() {
            return String.join("\n", lines);
        }

        public int page(int line1) {
            return line1 >= 1 && line1 <= pageOfLine.length ? pageOfLine[line1 - 1] : 0;
        }
    }

    /** A PDF that cannot be read: what is wrong, in Chinese (with a short English gloss). */
    public static final class PdfException extends Exception {
        public PdfException(String message) {
            super(message);
        }
    }

    /**
     * PDFBox reports recoverable font quirks through commons-logging, which falls back to java.util.logging where no
     * other logging is on the class path (this module's own use): a user needs none of them. A program that binds
     * commons-logging itself (the command line's one-shot commands: {@code org.apache.commons.logging.LogFactory})
     * has them where it sends them, and does not start java.util.logging for nothing (a tenth of a second).
     */
    private static final java.util.logging.Logger QUIET = System.getProperty("org.apache.commons.logging.LogFactory") == null
            ? java.util.logging.Logger.getLogger("org.apache") : null;

    static {
        if (QUIET != null) QUIET.setLevel(java.util.logging.Level.SEVERE);
    }

    private PdfLayout() {}

    /** A PDF by the first {@code n} bytes of a file (its first kilobyte): "%PDF-" within them (a PDF may start after other bytes). */
    public static boolean isPdf(byte[] head, int n) {
        return new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-");
    }

    public static Text read(File file) throws PdfException {
        return read(file, ReadLimits.current());
    }

    /**
     * Reads a PDF within {@code limits}: the pages read, the scratch storage of decoded streams, the
     * glyphs and path segments of a page; the file is read through a view that ends the reading once
     * its time budget is spent ({@link ReadGuard#checkpoint()}), even inside PDFBox's parser.
     */
    public static Text read(File file, ReadLimits limits) throws PdfException {
        return read(file, limits, false);
    }

    /**
     * As above; {@code twoReaders}: the pages read by two threads, each on its own copy of the document
     * ({@link SplitReading}) — for one document on a machine with a core to spare (the command line's one file). The
     * text is the same either way.
     */
    public static Text read(File file, ReadLimits limits, boolean twoReaders) throws PdfException {
        ReadGuard.at("PDF 的文件结构");
        GuardedFile source;
        try {
            source = new GuardedFile(file);
        } catch (IOException e) {
            throw new PdfException("无法读取文件 (cannot read the file)");
        }
        SplitReading.Copy copy = twoReaders && Runtime.getRuntime().availableProcessors() > 1
                ? () -> Loader.loadPDF(new GuardedFile(file), "", MemoryUsageSetting.setupTempFileOnly(limits.pdfStreamBytes()).streamCache)
                : null;
        return load(file.getName(), source, limits, copy);
    }

    /** The same for a PDF already in memory (an upload): nothing is written to disk but PDFBox's bounded scratch. */
    public static Text read(String name, byte[] content, ReadLimits limits) throws PdfException {
        ReadGuard.at("PDF 的文件结构");
        return load(name, new GuardedBytes(content), limits, null);
    }

    private static Text load(String name, org.apache.pdfbox.io.RandomAccessRead source, ReadLimits limits, SplitReading.Copy copy) throws PdfException {
        try (PDDocument doc = Loader.loadPDF(source, "",
                MemoryUsageSetting.setupTempFileOnly(limits.pdfStreamBytes()).streamCache)) {
            return read(doc, limits, copy);
        } catch (InvalidPasswordException e) {
            throw new PdfException("PDF 设有打开密码（用户密码），无法读取；请提供未加密的文件 (the PDF needs a user password to open)");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReadGuard.Stop stop) throw stop;
            String id = FailureLog.log(name, "reading the PDF", e);
            throw new PdfException("不是可读取的 PDF 文件：文件损坏、被截断或其中的数据超出上限（记录编号 " + id + "） (not a readable PDF: damaged, truncated or beyond the limits)");
        } catch (StackOverflowError e) {
            throw new PdfException("PDF 结构嵌套过深，无法读取 (the PDF's structure is too deeply nested)");
        }
    }

    /** Bytes in memory, read like {@link GuardedFile}: every read first checks the reading's time budget. */
    private static final class GuardedBytes extends org.apache.pdfbox.io.RandomAccessReadBuffer {
        GuardedBytes(byte[] content) {
            super(content);
        }

        private int reads;

        @Override
        public int read() throws IOException {
            if ((++reads & 1023) == 0) ReadGuard.checkpoint();   // the parser reads byte by byte
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            ReadGuard.checkpointNow();
            return super.read(b, off, len);
        }
    }

    /** The file, read through PDFBox's buffered reader; every read first checks the reading's time budget. */
    private static final class GuardedFile extends RandomAccessReadBufferedFile {
        GuardedFile(File file) throws IOException {
            super(file);
        }

        private int reads;

        @Override
        public int read() throws IOException {
            if ((++reads & 1023) == 0) ReadGuard.checkpoint();   // the parser reads byte by byte
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            ReadGuard.checkpointNow();
            return super.read(b, off, len);
        }
    }

    static Text read(PDDocument doc) throws IOException, PdfException {
        return read(doc, ReadLimits.current());
    }

    static Text read(PDDocument doc, ReadLimits limits) throws IOException, PdfException {
        return read(doc, limits, null);
    }

    /** As above; with {@code copy} (another copy of the same document) the pages are read by two readers ({@link SplitReading}). */
    static Text read(PDDocument doc, ReadLimits limits, SplitReading.Copy copy) throws IOException, PdfException {
        int pages = doc.getNumberOfPages();
        if (pages == 0) throw new PdfException("PDF 没有页面 (the PDF has no pages)");
        FontCmaps.install(doc);
        List<String> notes = new ArrayList<>();
        int maxPages = Math.min(MAX_PAGES, limits.pdfPages());
        if (pages > maxPages) {
            notes.add("PDF 共 " + pages + " 页，只读取前 " + maxPages + " 页");
            pages = maxPages;
        }
        Collector collector = new Collector();
        // one pass over every page's content: glyphs and ruling lines together
        GlyphEngine engine = new GlyphEngine(collector::page);
        int pathErrors, pagesCut;
        if (copy != null && SplitReading.worth(pages)) {
            int[] counts = SplitReading.read(doc, pages, engine, collector::page, copy);
            pathErrors = counts[0];
            pagesCut = counts[1];
        } else {
            engine.read(doc, pages);
            pathErrors = engine.pathErrors;
            pagesCut = engine.pagesCut;
        }
        if (pathErrors > 0) notes.add(pathErrors + " 处表格线无法读取，按无表格线读入");
        if (pagesCut > 0) notes.add(pagesCut + " 页的文字或线条过多（每页上限 " + MAX_GLYPHS + " 个字符、" + MAX_SEGMENTS + " 段线条），多出的部分未读取");
        return collector.text(pages, doc.isEncrypted(), notes);
    }

    /** The lines of the pages as they are laid out, a paragraph running onto the next page joined to where it starts. */
    private static final class Collector {
        final List<String> lines = new ArrayList<>();
        final List<Integer> pageOf = new ArrayList<>();
        final List<LineBox> boxes = new ArrayList<>();
        final State state = new State();

        void page(int pageNo, List<Glyph> glyphs, Paths paths) {
            List<String> out = new ArrayList<>();
            List<LineBox> outBoxes = new ArrayList<>();
            layoutPage(glyphs, paths, out, outBoxes, state);
            for (int i = 0; i < out.size(); i++) {
                String l = out.get(i);
                if (l.startsWith(CONTINUES) && !lines.isEmpty()) {
                    String prev = lines.get(lines.size() - 1), next = l.substring(1);
                    boolean latin = !prev.isEmpty() && prev.charAt(prev.length() - 1) < 128 && Character.isLetterOrDigit(prev.charAt(prev.length() - 1))
                            && Character.isLetterOrDigit(next.charAt(0)) && next.charAt(0) < 128;
                    lines.set(lines.size() - 1, prev + (latin ? " " : "") + next);
                    // a paragraph going on to the next page keeps the box of where it starts
                    if (pageOf.get(pageOf.size() - 1) == pageNo) boxes.set(boxes.size() - 1, boxes.get(boxes.size() - 1).union(outBoxes.get(i)));
                    continue;
                }
                lines.add(l.startsWith(CONTINUES) ? l.substring(1) : l);
                pageOf.add(pageNo);
                boxes.add(outBoxes.get(i));
            }
        }

        Text text(int pages, boolean encrypted, List<String> notes) {
            int[] po = new int[pageOf.size()];
            for (int i = 0; i < po.length; i++) po[i] = pageOf.get(i);
            return new Text(lines, po, pages, encrypted, notes, boxes);
        }
    }

    // ------------------------------------------------------------------ pages drawn by another reader

    /** A glyph placed by another fixed-layout reader (OFD): its character, left edge and baseline, advance and size, in points top-down. */
    public record DrawnGlyph(String ch, float x, float baseline, float width, float size) {}

    /** A straight line drawn on a page, in points top-down. */
    public record DrawnLine(float x1, float y1, float x2, float y2) {}

    /** A page of another fixed-layout format: its size, its glyphs in the order drawn, its straight lines (stroked or thin fills). */
    public record DrawnPage(float width, float height, List<DrawnGlyph> glyphs, List<DrawnLine> lines) {}

    /**
     * Pages read by another fixed-layout reader (an OFD's text objects and paths) laid out exactly as a PDF's are: rows
     * of ruled tables cut into cells by their borders, free lines, repeated headers and page numbers dropped.
     */
    public static Text layOut(List<DrawnPage> pages, List<String> notes) {
        Collector collector = new Collector();
        int n = 0;
        for (DrawnPage p : pages) {
            n++;
            ReadGuard.checkpoint();
            ReadGuard.at("第 " + n + " 页");
            List<Glyph> glyphs = new ArrayList<>(p.glyphs().size());
            Glyph last = null;
            for (DrawnGlyph d : p.glyphs()) {
                if (glyphs.size() >= MAX_GLYPHS) break;
                if (!Float.isFinite(d.x()) || !Float.isFinite(d.baseline()) || !Float.isFinite(d.width()) || !Float.isFinite(d.size())) continue;
                Glyph g = new Glyph(d.ch(), d.x(), d.baseline(), Math.max(0f, d.width()), Math.max(1f, d.size()) * 0.7f, Math.max(1f, d.size()));
                if (last != null && last.ch.equals(g.ch) && Math.abs(last.x - g.x) < Math.max(0.8f, 0.2f * g.size) && Math.abs(last.y - g.y) < 0.8f) continue;
                last = g;
                glyphs.add(g);
            }
            Paths paths = new Paths(p.width(), p.height());
            int segments = 0;
            for (DrawnLine l : p.lines()) {
                if (segments++ >= MAX_SEGMENTS) break;
                // given top-down; the paths take PDF space (bottom-up) and turn it
                paths.moveTo(l.x1(), p.height() - l.y1());
                paths.lineTo(l.x2(), p.height() - l.y2());
                paths.commit(true);
            }
            collector.page(n, glyphs, paths);
        }
        return collector.text(pages.size(), false, notes);
    }

    // ------------------------------------------------------------------ glyphs

    /** One glyph, top-down coordinates; {@code blank} when it is white space (asked of every glyph several times). */
    record Glyph(String ch, float x, float y, float w, float h, float size, boolean blank) {
        Glyph(String ch, float x, float y, float w, float h, float size) {
            this(ch, x, y, w, h, size, ch.isBlank());
        }

        float cx() {
            return x + w / 2;
        }

        float cy() {
            return y - h / 2;
        }
    }

    interface PageSink {
        void page(int pageNo, List<Glyph> glyphs, Paths paths) throws IOException;
    }

    /** Reads the first {@code pages} pages, each page's glyphs and ruling lines to {@code sink}. */
    static void eachPage(PDDocument doc, int pages, PageSink sink) throws IOException {
        new GlyphEngine(sink).read(doc, pages);
    }

    /**
     * The glyphs of the pages' content streams, placed as PDFBox's text stripper places them, and their ruling lines, in
     * one pass. A glyph is taken where it is shown ({@link #showGlyph}): its character from the font's ToUnicode map (a
     * simple font without one: its encoding's glyph name in the Adobe glyph list, else the code itself; a composite font's
     * unmapped glyph is skipped), its left edge, baseline and advance in the page as its text runs (a landscape table
     * printed on a page turned by /Rotate reads left to right), the crop box's corner the origin. No text positions are
     * kept, sorted or written out: the layout groups the glyphs itself.
     */
    static final class GlyphEngine extends PDFStreamEngine {
        final List<Glyph> glyphs = new ArrayList<>();
        private final PageSink sink;
        /** Per font: its glyphs' height in text space (a font's bounding box and descriptor, worked out once). */
        private final Map<COSDictionary, Float> fontHeights = new IdentityHashMap<>();
        /** The original programs' cmaps of the fonts read without them ({@link FontCmaps#unmapped}). */
        private final Map<COSStream, CmapLookup> programCmaps = new IdentityHashMap<>();
        private PDFont lastFont;
        private float lastFontHeight;
        private Glyph last;
        private Paths paths;
        private int pageNo;
        int pathErrors;
        int pagesCut;
        private boolean cut;
        /** The crop box: its lower left corner and size. */
        private float llx, lly, pageWidth, pageHeight;

        GlyphEngine(PageSink sink) {
            this.sink = sink;
            // the operators PDFBox's text stripper follows: text, its state, the graphics state, forms
            addOperator(new BeginText(this));
            addOperator(new Concatenate(this));
            addOperator(new DrawObject(this));
            addOperator(new EndText(this));
            addOperator(new SetGraphicsStateParameters(this));
            addOperator(new Save(this));
            addOperator(new Restore(this));
            addOperator(new NextLine(this));
            addOperator(new SetCharSpacing(this));
            addOperator(new MoveText(this));
            addOperator(new MoveTextSetLeading(this));
            addOperator(new SetFontAndSize(this));
            addOperator(new ShowText(this));
            addOperator(new ShowTextAdjusted(this));
            addOperator(new SetTextLeading(this));
            addOperator(new SetMatrix(this));
            addOperator(new SetTextRenderingMode(this));
            addOperator(new SetTextRise(this));
            addOperator(new SetWordSpacing(this));
            addOperator(new SetTextHorizontalScaling(this));
            addOperator(new ShowTextLine(this));
            addOperator(new ShowTextLineAndSpace(this));
            // and the paths, for the ruling lines
            for (String op : PathOperator.NAMES) addOperator(new PathOperator(this, op));
        }

        /** The first {@code pages} pages, in order. */
        void read(PDDocument doc, int pages) throws IOException {
            int n = 0;
            for (PDPage page : doc.getPages()) {
                if (n >= pages) break;
                page(page, ++n);
            }
        }

        /** One page, numbered {@code no} from 1: its glyphs and ruling lines to the sink (the glyph list is reused after). */
        void page(PDPage page, int no) throws IOException {
            pageNo = no;
            ReadGuard.checkpointNow();
            ReadGuard.at("第 " + pageNo + " 页");
            glyphs.clear();
            last = null;
            cut = false;
            paths = new Paths(page);
            PDRectangle box = page.getCropBox();
            llx = box.getLowerLeftX();
            lly = box.getLowerLeftY();
            pageWidth = box.getWidth();
            pageHeight = box.getHeight();
            processPage(page);
            if (cut) pagesCut++;
            sink.page(pageNo, glyphs, paths);
        }

        @Override
        protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
            String u = font instanceof PDSimpleFont ? font.toUnicode(code, AdditionalGlyphs.LIST) : font.toUnicode(code);
            if (u == null) u = FontCmaps.unmapped(font, code, programCmaps);   // a program read without its cmap (FontCmaps)
            if (u == null) {
                // as Acrobat does: a simple font's code is taken as the character, a composite font's glyph is skipped
                if (!(font instanceof PDSimpleFont)) return;
                u = String.valueOf((char) code);
            }
            ReadGuard.checkpoint();
            if (glyphs.size() >= MAX_GLYPHS) {
                cut = true;
                return;
            }
            if (u.isEmpty()) return;
            PDGraphicsState state = getGraphicsState();
            PDTextState text = state.getTextState();
            float fontSize = text.getFontSize();
            Matrix tm = getTextMatrix();
            // where the next glyph starts: the displacement without the character and word spacing (as the stripper has it)
            float dx = displacement.getX();
            if (font.isVertical()) dx = verticalAdvance(font, code);
            float tx = dx * fontSize * (text.getHorizontalScaling() / 100f);
            float ty = displacement.getY() * fontSize;
            // translate(tx, ty) × Tm × CTM, its translation only: the arithmetic of Matrix.multiply, step by step
            Matrix ctm = state.getCurrentTransformationMatrix();
            float m6 = tx * tm.getValue(0, 0) + ty * tm.getValue(1, 0) + 1f * tm.getValue(2, 0);
            float m7 = tx * tm.getValue(0, 1) + ty * tm.getValue(1, 1) + 1f * tm.getValue(2, 1);
            float m8 = tx * tm.getValue(0, 2) + ty * tm.getValue(1, 2) + 1f * tm.getValue(2, 2);
            float nextX = m6 * ctm.getValue(0, 0) + m7 * ctm.getValue(1, 0) + m8 * ctm.getValue(2, 0);
            float nextY = m6 * ctm.getValue(0, 1) + m7 * ctm.getValue(1, 1) + m8 * ctm.getValue(2, 1);
            float n8 = m6 * ctm.getValue(0, 2) + m7 * ctm.getValue(1, 2) + m8 * ctm.getValue(2, 2);
            if (!Float.isFinite(m6) || !Float.isFinite(m7) || !Float.isFinite(m8) || !Float.isFinite(nextX) || !Float.isFinite(nextY) || !Float.isFinite(n8)) {
                throw new IllegalArgumentException("Multiplying two matrices produces illegal values");   // as Matrix.multiply
            }
            // the crop box's corner is the origin
            float e = trm.getTranslateX() - llx, f = trm.getTranslateY() - lly;
            float endX = nextX - llx, endY = nextY - lly;
            float a = trm.getScaleX(), b = trm.getShearY(), c = trm.getShearX(), d = trm.getScaleY();
            // the direction the text runs (0, 90, 180, 270), from the text rendering matrix
            float x, y, w;
            if (a > 0 && Math.abs(b) < d && Math.abs(c) < a && d > 0) {
                x = e;
                y = pageHeight - f;
                w = Math.abs(endX - e);
            } else if (a < 0 && Math.abs(b) < Math.abs(d) && Math.abs(c) < Math.abs(a) && d < 0) {
                x = pageWidth - e;
                y = pageHeight - (pageHeight - f);
                w = Math.abs(endX - e);
            } else if (Math.abs(a) < Math.abs(c) && b > 0 && c < 0 && Math.abs(d) < b) {
                x = f;
                y = pageWidth - (pageWidth - e);
                w = Math.abs(endY - f);
            } else if (Math.abs(a) < c && b < 0 && c > 0 && Math.abs(d) < Math.abs(b)) {
                x = pageHeight - f;
                y = pageWidth - e;
                w = Math.abs(endY - f);
            } else {
                x = e;
                y = pageHeight - f;
                w = Math.abs(endX - e);
            }
            float height = Math.abs(fontHeight(font) * trm.getScalingFactorY());
            float size = (int) (fontSize * tm.getScalingFactorX());
            if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(w) || !Float.isFinite(height)) {
                return;   // a glyph placed by a degenerate text matrix is nowhere on the page
            }
            Glyph g = new Glyph(u, x, y, w, Math.max(height, size * 0.7f), Math.max(1f, size));
            // a glyph printed twice at (almost) the same place: faux bold
            if (last != null && last.ch.equals(u) && Math.abs(last.x - g.x) < Math.max(0.8f, 0.2f * g.size) && Math.abs(last.y - g.y) < 0.8f) return;
            last = g;
            glyphs.add(g);
        }

        /** A vertical font's advance across (its displacement runs down): the glyph's width, per 1,000 units of the em. */
        private static float verticalAdvance(PDFont font, int code) throws IOException {
            float dx = font.getWidth(code) / 1000;
            TrueTypeFont ttf = null;
            if (font instanceof PDTrueTypeFont tt) ttf = tt.getTrueTypeFont();
            else if (font instanceof PDType0Font t0 && t0.getDescendantFont() instanceof PDCIDFontType2 cid) ttf = cid.getTrueTypeFont();
            if (ttf != null && ttf.getUnitsPerEm() != 1000) dx *= 1000f / ttf.getUnitsPerEm();
            return dx;
        }

        private float fontHeight(PDFont font) throws IOException {
            if (font == lastFont) return lastFontHeight;
            Float h = fontHeights.get(font.getCOSObject());
            if (h == null) {
                h = glyphHeight(font);
                fontHeights.put(font.getCOSObject(), h);
            }
            lastFont = font;
            lastFontHeight = h;
            return h;
        }

        /**
         * A font's glyph height in text space as the stripper works it out: half its bounding box, or its cap height
         * where that is lower, or half its ascent to descent where the cap height is above the ascent.
         */
        private static float glyphHeight(PDFont font) throws IOException {
            BoundingBox bbox = font.getBoundingBox();
            // a bounding box written with an unsigned lower edge (ClibPDF)
            if (bbox.getLowerLeftY() < Short.MIN_VALUE) bbox.setLowerLeftY(-(bbox.getLowerLeftY() + 65536));
            float h = bbox.getHeight() / 2;
            PDFontDescriptor fd = font.getFontDescriptor();
            if (fd != null) {
                float capHeight = fd.getCapHeight();
                if (Float.compare(capHeight, 0) != 0 && (capHeight < h || Float.compare(h, 0) == 0)) h = capHeight;
                float ascent = fd.getAscent(), descent = fd.getDescent();
                if (capHeight > ascent && ascent > 0 && descent < 0 && ((ascent - descent) / 2 < h || Float.compare(h, 0) == 0)) {
                    h = (ascent - descent) / 2;
                }
            }
            return font instanceof PDType3Font ? font.getFontMatrix().transformPoint(0, h).y : h / 1000;
        }
    }

    /** The Adobe glyph list with PDFBox's additional names, loaded when a simple font without a ToUnicode map first needs it. */
    private static final class AdditionalGlyphs {
        static final GlyphList LIST;

        static {
            try (InputStream in = GlyphList.class.getResourceAsStream("/org/apache/pdfbox/resources/glyphlist/additional.txt")) {
                LIST = in == null ? GlyphList.getAdobeGlyphList() : new GlyphList(GlyphList.getAdobeGlyphList(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The path operators, fed into the page's {@link Paths} in page space (the CTM applied). */
    private static final class PathOperator extends OperatorProcessor {
        static final List<String> NAMES = List.of("m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "W", "W*");
        private final String name;
        private final GlyphEngine engine;

        PathOperator(GlyphEngine engine, String name) {
            super(engine);
            this.engine = engine;
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            ReadGuard.checkpoint();
            Paths p = engine.paths;
            if (p == null) return;
            if (p.size() >= MAX_SEGMENTS) {
                engine.cut = true;
                return;
            }
            try {
                float[] v = new float[operands.size()];
                for (int i = 0; i < v.length; i++) {
                    if (!(operands.get(i) instanceof COSNumber n)) return;
                    v[i] = n.floatValue();
                }
                Matrix ctm = engine.getGraphicsState().getCurrentTransformationMatrix();
                switch (name) {
                    case "m" -> {
                        if (v.length < 2) return;
                        Point2D.Float q = ctm.transformPoint(v[0], v[1]);
                        p.moveTo(q.x, q.y);
                    }
                    case "l" -> {
                        if (v.length < 2) return;
                        Point2D.Float q = ctm.transformPoint(v[0], v[1]);
                        p.lineTo(q.x, q.y);
                    }
                    case "c", "v", "y" -> {
                        if (v.length < 4) return;
                        Point2D.Float q = ctm.transformPoint(v[v.length - 2], v[v.length - 1]);
                        p.curveTo(q.x, q.y);
                    }
                    case "h" -> p.closePath();
                    case "re" -> {
                        if (v.length < 4) return;
                        p.appendRectangle(ctm.transformPoint(v[0], v[1]), ctm.transformPoint(v[0] + v[2], v[1]),
                                ctm.transformPoint(v[0] + v[2], v[1] + v[3]), ctm.transformPoint(v[0], v[1] + v[3]));
                    }
                    case "S" -> p.commit(true);
                    case "s" -> {
                        p.closePath();
                        p.commit(true);
                    }
                    case "f", "F", "f*" -> p.commit(false);
                    case "B", "B*" -> p.commit(true);
                    case "b", "b*" -> {
                        p.closePath();
                        p.commit(true);
                    }
                    case "n" -> p.endPath();
                    default -> {
                        // W, W*: a clip; the path is painted or ended by the next operator
                    }
                }
            } catch (RuntimeException e) {
                engine.pathErrors++;
            }
        }
    }

    /** A horizontal (y, x1..x2) or vertical (x, y1..y2) border segment, top-down coordinates. */
    record Seg(float at, float from, float to) {
    }

    /** The ruling lines of one page, collected from its paths. */
    static final class Paths {
        final List<Seg> h = new ArrayList<>();
        final List<Seg> v = new ArrayList<>();
        private final List<float[]> path = new ArrayList<>(); // segments x1,y1,x2,y2 (PDF space)
        private final List<float[]> rects = new ArrayList<>();
        private float cx, cy, sx, sy;
        private final float llx, lly, urx, ury, width, height;
        /** The page's /Rotate (0, 90, 180, 270): glyphs come in the page as displayed, so the borders are turned the same way. */
        private final int rotation;

        /** A page of {@code width} × {@code height} points, not turned. */
        Paths(float width, float height) {
            llx = 0;
            lly = 0;
            urx = width;
            ury = height;
            rotation = 0;
            this.width = width;
            this.height = height;
        }

        Paths(PDPage page) {
            PDRectangle box = page.getCropBox();
            llx = box.getLowerLeftX();
            lly = box.getLowerLeftY();
            urx = box.getUpperRightX();
            ury = box.getUpperRightY();
            rotation = Math.floorMod(page.getRotation(), 360);
            width = box.getWidth();
            height = box.getHeight();
        }

        int size() {
            return h.size() + v.size() + path.size() + rects.size();
        }

        void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            float x1 = (float) Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
            float x2 = (float) Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
            float y1 = (float) Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
            float y2 = (float) Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
            rects.add(new float[]{x1, y1, x2, y2});
            cx = sx = (float) p0.getX();
            cy = sy = (float) p0.getY();
        }

        void moveTo(float x, float y) {
            cx = sx = x;
            cy = sy = y;
        }

        void lineTo(float x, float y) {
            path.add(new float[]{cx, cy, x, y});
            cx = x;
            cy = y;
        }

        void curveTo(float x3, float y3) {
            cx = x3;
            cy = y3;
        }

        void closePath() {
            if (cx != sx || cy != sy) path.add(new float[]{cx, cy, sx, sy});
            cx = sx;
            cy = sy;
        }

        void endPath() {
            path.clear();
            rects.clear();
        }

        void commit(boolean stroked) {
            for (float[] s : path) segment(s[0], s[1], s[2], s[3]);
            for (float[] r : rects) {
                float w = r[2] - r[0], hh = r[3] - r[1];
                if (w <= 2.5f && hh > 2.5f) segment((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]);
                else if (hh <= 2.5f && w > 2.5f) segment(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2);
                else if (w > 2.5f && hh > 2.5f && w < width * 0.98f && hh < height * 0.9f && (stroked || w * hh < width * height * 0.5f)) {
                    // a cell's frame or background: its four edges
                    segment(r[0], r[1], r[2], r[1]);
                    segment(r[0], r[3], r[2], r[3]);
                    segment(r[0], r[1], r[0], r[3]);
                    segment(r[2], r[1], r[2], r[3]);
                }
            }
            path.clear();
            rects.clear();
        }

        private void segment(float x1, float y1, float x2, float y2) {
            // PDF space → the page as displayed, top-down (a landscape table printed on a page turned by /Rotate)
            float tx1, tx2, ty1, ty2;
            switch (rotation) {
                case 90 -> { tx1 = y1 - lly; tx2 = y2 - lly; ty1 = x1 - llx; ty2 = x2 - llx; }
                case 180 -> { tx1 = urx - x1; tx2 = urx - x2; ty1 = y1 - lly; ty2 = y2 - lly; }
                case 270 -> { tx1 = ury - y1; tx2 = ury - y2; ty1 = urx - x1; ty2 = urx - x2; }
                default -> { tx1 = x1 - llx; tx2 = x2 - llx; ty1 = ury - y1; ty2 = ury - y2; }
            }
            if (Math.abs(ty1 - ty2) < 1f && Math.abs(tx1 - tx2) > 2f) {
                h.add(new Seg((ty1 + ty2) / 2, Math.min(tx1, tx2), Math.max(tx1, tx2)));
            } else if (Math.abs(tx1 - tx2) < 1f && Math.abs(ty1 - ty2) > 2f) {
                v.add(new Seg((tx1 + tx2) / 2, Math.min(ty1, ty2), Math.max(ty1, ty2)));
            }
        }
    }

    // ------------------------------------------------------------------ layout

    /** One row of a ruled table: between two horizontal borders, cut into cells by the vertical ones. */
    private static final class Band {
        final float top, bottom;
        final float[] xs;
        final List<List<Glyph>> cells = new ArrayList<>();

        Band(float top, float bottom, float[] xs) {
            this.top = top;
            this.bottom = bottom;
            this.xs = xs;
            for (int i = 0; i + 1 < xs.length; i++) cells.add(new ArrayList<>());
        }

        /** The cell the glyph's centre is in, -1 when it is outside the band. */
        int cellOf(Glyph g) {
            float y = g.cy();
            if (y < top || y > bottom) return -1;
            float x = g.cx();
            if (x < xs[0] || x > xs[xs.length - 1]) return -1;
            for (int i = 0; i + 1 < xs.length; i++) if (x >= xs[i] && x <= xs[i + 1]) return i;
            return -1;
        }
    }

    /**
     * A CJK text printed past its cell's right border, its glyphs one after the other on one baseline (西安 2022 气象局
     * 表4: "3、国有资本经营预算收入", its 入 over the amount's cell: "…预算收" and "0入.00" read apart): the glyph
     * after one that reaches over the border, touching it, stays in that glyph's cell. A text of the next cell starts
     * inside it, apart from the border, and the cell before's ends short of it: neither reaches over.
     */
    private static boolean runsOver(Glyph prev, Glyph g, float border) {
        return prev.x + prev.w > border + 0.5f && g.cx() > border && cjk(prev.ch.charAt(0)) && cjk(g.ch.charAt(0))
                && Math.abs(prev.y - g.y) < 0.1f * g.size && Math.abs(g.x - (prev.x + prev.w)) < 0.2f * g.size;
    }

    private static boolean cjk(char c) {
        return c >= '\u3400' && c <= '\u9fff';
    }

    private static final float SNAP = 1.5f;

    /** Lays one page out into lines. */
    static void layoutPage(List<Glyph> glyphs, Paths r, List<String> out, List<LineBox> boxes, State state) {
        List<Band> bands = bands(r);
        List<Glyph> free = new ArrayList<>();
        // the glyph before (in the page's order) and the band and cell it went to
        Glyph prev = null;
        Band prevBand = null;
        int prevCell = -1;
        outer:
        for (Glyph g : glyphs) {
            ReadGuard.checkpoint();
            if (g.blank()) {
                // spaces only matter inside free text lines
                free.add(g);
                prev = null;
                continue;
            }
            if (prev != null && runsOver(prev, g, prevBand.xs[prevCell + 1])) {
                prevBand.cells.get(prevCell).add(g);
                prev = g;
                continue;
            }
            for (Band b : bands) {
                int c = b.cellOf(g);
                if (c < 0) continue;
                b.cells.get(c).add(g);
                prev = g;
                prevBand = b;
                prevCell = c;
                continue outer;
            }
            free.add(g);
            prev = null;
        }
        // items: free lines and bands, by their top
        record Item(float y, String text, Band band, float left, float right, float firstWord, float size, boolean frame, float top, float bottom) {
        }
        List<Item> items = new ArrayList<>();
        float minLeft = Float.MAX_VALUE, maxRight = -1;
        for (List<Glyph> line : lines(free)) {
            ReadGuard.checkpoint();
            String t = text(line).strip();
            if (t.isEmpty()) continue;
            List<Glyph> ink = line.stream().filter(g -> !g.blank()).toList();
            if (ink.isEmpty()) continue;
            Glyph first = ink.get(0), lastG = ink.get(ink.size() - 1);
            // the first word: a run of Latin letters and digits, or one CJK character
            float fw = first.w;
            if (first.ch.charAt(0) < 128) {
                for (int k = 1; k < ink.size() && ink.get(k).ch.charAt(0) < 128 && ink.get(k).x - (ink.get(k - 1).x + ink.get(k - 1).w) < 0.15f * first.size; k++) {
                    fw = ink.get(k).x + ink.get(k).w - first.x;
                }
            }
            int inside = 0;
            for (Glyph g : ink) if (inFrame(g, r)) inside++;
            float top = Float.MAX_VALUE, bottom = -Float.MAX_VALUE;
            for (Glyph g : ink) {
                top = Math.min(top, g.y - g.h);
                bottom = Math.max(bottom, g.y);
            }
            Item it = new Item(line.get(0).cy(), t, null, first.x, lastG.x + lastG.w, fw, first.size, inside * 2 > ink.size(), top, bottom);
            items.add(it);
            if (ink.size() >= 8) {
                minLeft = Math.min(minLeft, it.left);
                maxRight = Math.max(maxRight, it.right);
            }
        }
        for (Band b : bands) {
            boolean any = false;
            for (List<Glyph> c : b.cells) if (!c.isEmpty()) any = true;
            if (any) items.add(new Item(b.top, null, b, 0, 0, 0, 0, true, b.top, b.bottom));
            // the text block is at least as wide as the tables on the page
            if (any) maxRight = Math.max(maxRight, b.xs[b.xs.length - 1] - 2f);
        }
        items.sort(Comparator.comparingDouble(Item::y));
        // the page number printed at the foot (or head) of the page is no content: the page is known
        if (!items.isEmpty() && items.get(items.size() - 1).band == null && PAGE_NUMBER.matcher(items.get(items.size() - 1).text).matches()) {
            items.remove(items.size() - 1);
        }
        if (!items.isEmpty() && items.get(0).band == null && PAGE_NUMBER.matcher(items.get(0).text).matches()) items.remove(0);
        boolean headerZone = state.inTable; // top of a table continued from the previous page
        for (Item it : items) {
            // a continued table's header whose rows are not ruled apart (merged cells): text inside the table's frame
            if (headerZone && it.band == null && it.frame) continue;
            if (it.band == null) {
                // a paragraph wrapped at the right margin goes on: the previous line ended there
                // because this line's first word did not fit, and this line starts at the margin
                boolean continues = state.open && maxRight > 0 && it.left <= minLeft + 0.5f * it.size
                        && state.openRemaining < it.firstWord + 2.5f * it.size && !MARKER.matcher(it.text).lookingAt();
                out.add(continues ? CONTINUES + it.text : it.text);
                boxes.add(new LineBox(new Origin.Box(it.left, it.top, it.right - it.left, it.bottom - it.top), List.of()));
                state.open = maxRight > 0 && !it.text.endsWith("。") && it.right >= maxRight - 6f * it.size;
                state.openRemaining = maxRight - it.right;
                String flat = it.text.replace(" ", "");
                // text outside any table frame (a title, a paragraph) ends the table: a new one starts
                if (!it.frame || flat.matches("表\\d{1,2}.*") || flat.startsWith("编制单位") || flat.startsWith("编制部门")) {
                    state.inTable = false;
                    state.header.clear();
                    state.collecting = true;
                    state.budgetTable = false;
                    headerZone = false;
                }
                continue;
            }
            List<String> cells = new ArrayList<>();
            boolean number = false;
            for (List<Glyph> c : it.band.cells) {
                String t = cellText(c);
                if (NUMBER.matcher(t).matches()) number = true;
                cells.add(t);
            }
            String row = String.join("\t", cells);
            // the header rows repeated above a continued table: the same rows as at the table's start
            if (headerZone && !number && (state.header.contains(row) || (state.budgetTable && !codeRow(cells)))) continue;
            if (cells.stream().filter("※"::equals).count() >= 2) state.budgetTable = true;
            headerZone = false;
            if (state.collecting) {
                if (number) state.collecting = false;
                else state.header.add(row);
            }
            out.add(row);
            float[] xs = it.band.xs;
            List<Origin.Box> cellBoxes = new ArrayList<>(xs.length - 1);
            for (int k = 0; k + 1 < xs.length; k++) cellBoxes.add(new Origin.Box(xs[k], it.band.top, xs[k + 1] - xs[k], it.band.bottom - it.band.top));
            boxes.add(new LineBox(new Origin.Box(xs[0], it.band.top, xs[xs.length - 1] - xs[0], it.band.bottom - it.band.top), cellBoxes));
            state.open = false;
            if (number) state.inTable = true;
        }
    }

    /** Marks a line that continues the previous one (a paragraph wrapped at the right margin). */
    static final String CONTINUES = "\u0000";

    /**
     * A line that starts something new: a heading, a list item, a table mark, a part — its parts, sections, chapters
     * and articles numbered as any Chinese document numbers them (第一部分 … 第十部分, 第一节, 第一章, 第一条), not only
     * as one template does: the page is laid out before the template is recognised. Not （1） or ①: a paragraph's
     * own list runs on in the line ("…；（8）…") where a wrapped line starts with them (深圳市气象局).
     */
    private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile(
            "(?<!\\s)\\s*+(（[一二三四五六七八九十]{1,3}）|\\([一二三四五六七八九十]{1,3}\\)|[一二三四五六七八九十]{1,3}、|\\d{1,2}[、.．](?!\\d)"
            + "|第[一二三四五六七八九十\\d]{1,3}(?:部分|[节章条篇])|表\\s*\\d|编制)");

    /** A row that starts with a classification code ("206", "206 04 99 …"): a data row even without numbers. */
    private static boolean codeRow(List<String> cells) {
        for (String c : cells) {
            if (c.isBlank()) continue;
            return c.strip().matches("\\d{3}(\\s.*)?");
        }
        return false;
    }

    /** Inside a table's frame: between two vertical borders that run past the glyph. */
    private static boolean inFrame(Glyph g, Paths r) {
        float x = g.cx(), y = g.cy();
        boolean left = false, right = false;
        for (Seg s : r.v) {
            if (s.from > y || s.to < y) continue;
            if (s.at < x) left = true;
            else right = true;
            if (left && right) return true;
        }
        return false;
    }

    /** What a page passes on to the next: inside a table, and that table's header rows. */
    static final class State {
        boolean inTable;
        /** The table has the column-number row (※ 1 2 3 …) of the budget tables: its data rows start with codes. */
        boolean budgetTable;
        /** The last line was free text that reached the right margin; how much room it left. */
        boolean open;
        float openRemaining;
        boolean collecting = true;
        final List<String> header = new ArrayList<>();
    }

    /** "— 4 —", "- 4 -", "4", "第 4 页", "第4页 共20页", "4 / 20". */
    static final java.util.regex.Pattern PAGE_NUMBER = java.util.regex.Pattern.compile(
            "(?<![—–\\-－\\s])[—–\\-－\\s]*+\\d{1,4}[—–\\-－\\s]*+|第\\s*\\d{1,4}\\s*页.{0,12}|\\d{1,4}\\s*/\\s*\\d{1,4}");

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("(?<![\\d,])-?+(?:\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,18})\\.\\d{2}");

    /** Rows of ruled tables: between consecutive horizontal borders, where vertical borders cross. */
    private static List<Band> bands(Paths r) {
        List<Band> out = new ArrayList<>();
        if (r.h.isEmpty() || r.v.size() < 2) return out;
        List<Float> ys = snap(r.h.stream().map(Seg::at).toList());
        for (int i = 0; i + 1 < ys.size(); i++) {
            ReadGuard.checkpoint();
            float top = ys.get(i), bottom = ys.get(i + 1);
            if (bottom - top < 3f) continue;
            float mid = (top + bottom) / 2;
            List<Float> xs = new ArrayList<>();
            for (Seg s : r.v) if (s.from <= mid && s.to >= mid && s.from <= top + SNAP && s.to >= bottom - SNAP) xs.add(s.at);
            List<Float> sx = snap(xs);
            if (sx.size() < 2) continue;
            // both borders must be drawn across this stretch
            if (!covered(r.h, top, sx.get(0), sx.get(sx.size() - 1)) || !covered(r.h, bottom, sx.get(0), sx.get(sx.size() - 1))) continue;
            float[] a = new float[sx.size()];
            for (int k = 0; k < a.length; k++) a[k] = sx.get(k);
            out.add(new Band(top, bottom, a));
        }
        return out;
    }

    private static boolean covered(List<Seg> h, float y, float x1, float x2) {
        float reach = x1;
        List<Seg> at = new ArrayList<>();
        for (Seg s : h) if (Math.abs(s.at - y) <= SNAP) at.add(s);
        at.sort(Comparator.comparingDouble(Seg::from));
        for (Seg s : at) {
            if (s.from > reach + 3f) break;
            reach = Math.max(reach, s.to);
        }
        // a border drawn at least over most of the row (merged cells leave gaps only inside)
        return reach >= x2 - 3f || at.stream().mapToDouble(s -> s.to - s.from).sum() >= (x2 - x1) * 0.5;
    }

    private static List<Float> snap(List<Float> values) {
        List<Float> s = new ArrayList<>(values);
        s.sort(null);
        List<Float> out = new ArrayList<>();
        for (float v : s) {
            if (out.isEmpty() || v - out.get(out.size() - 1) > SNAP) out.add(v);
        }
        return out;
    }

    /** Glyphs grouped into lines by their vertical centre, each line left to right. */
    static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::cy));
        List<List<Glyph>> out = new ArrayList<>();
        List<Glyph> cur = null;
        float cy = 0, ch = 0;
        for (Glyph g : sorted) {
            ReadGuard.checkpoint();
            if (cur == null || Math.abs(g.cy() - cy) > Math.max(1f, Math.min(ch, g.h) * 0.5f)) {
                cur = new ArrayList<>();
                out.add(cur);
                cy = g.cy();
                ch = g.h;
            }
            cur.add(g);
        }
        for (List<Glyph> l : out) l.sort(Comparator.comparingDouble(Glyph::x));
        return out;
    }

    /** A line's text: a space where two glyphs are apart (wider for CJK, whose glyphs touch). */
    static String text(List<Glyph> line) {
        StringBuilder b = new StringBuilder();
        Glyph prev = null;
        for (Glyph g : line) {
            if (g.blank()) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') b.append(' ');
                prev = g;
                continue;
            }
            if (prev != null && !prev.blank()) {
                float gap = g.x - (prev.x + prev.w);
                boolean a1 = g.ch.charAt(0) < 128, a2 = prev.ch.charAt(0) < 128;
                // Latin next to Latin: a space is ~0.25 em; CJK next to Latin: word processors add
                // ~0.2 em of "autospace" that is no space; CJK glyphs touch
                float limit = (a1 && a2 ? 0.15f : a1 || a2 ? 0.25f : 0.5f) * Math.min(g.size, prev.size);
                if (gap > limit && b.length() > 0 && b.charAt(b.length() - 1) != ' ') b.append(' ');
            }
            b.append(g.ch);
            prev = g;
        }
        return b.toString();
    }

    /** A cell's text: its lines joined (a wrapped name is one name); a space only between ASCII. */
    static String cellText(List<Glyph> glyphs) {
        StringBuilder b = new StringBuilder();
        for (List<Glyph> l : lines(glyphs)) {
            String t = text(l).strip();
            if (t.isEmpty()) continue;
            if (b.length() > 0) {
                char a = b.charAt(b.length() - 1), c = t.charAt(0);
                // an amount wrapped in a narrow cell ("435,216.1" over "7") is one amount: no space
                boolean amountGoesOn = AMOUNT_HEAD.matcher(b).matches() && DIGITS.matcher(t).matches();
                if (!amountGoesOn && a < 128 && Character.isLetterOrDigit(a) && c < 128 && Character.isLetterOrDigit(c)) b.append(' ');
            }
            b.append(t);
        }
        return b.toString().replace('\t', ' ');
    }

    /** The head of an amount a narrow cell wrapped: grouped thousands or a decimal point already printed. */
    private static final java.util.regex.Pattern AMOUNT_HEAD = java.util.regex.Pattern.compile(
            "(?<![\\d,.])-?+(?:\\d{1,3}+(?:,\\d{3})*+,\\d{0,3}+|\\d{1,3}+(?:,\\d{3})++(?:\\.\\d?+)?+|\\d++\\.\\d?+)");
    /** The rest of it on the cell's next line. */
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("(?:\\d|,(?=\\d))++(?:\\.\\d*+)?+");
}
