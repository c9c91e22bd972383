package org.openbudget.audit.ofd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.basicStructure.pageObj.layer.PageBlockType;
import org.ofdrw.core.basicStructure.pageObj.layer.block.CT_PageBlock;
import org.ofdrw.core.basicStructure.pageObj.layer.block.PathObject;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.core.basicType.ST_Array;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.reader.OFDReader;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.io.guard.BoundedZip;
import org.openbudget.io.guard.ReadGuard;
import org.openbudget.io.guard.ReadLimits;

/**
 * An OFD document (GB/T 33190, 版式文档) read the way a PDF is: each page's text objects as glyphs at their places and
 * its paths as ruling lines, laid out by {@link PdfLayout#layOut} into the same lines, tables and boxes — so that the
 * audit reads an OFD exactly as it reads the PDF of the same pages. The package is opened by the OFD library
 * (org.ofdrw's reader) after its zip has been checked against the read limits (entries, sizes, ratio, names).
 */
public final class OfdLayout {
    private OfdLayout() {}

    /** Millimetres (OFD's unit) to points. */
    static final float PT = 72f / 25.4f;

    /** Thrown for a file that is not an OFD the reader can open, saying why. */
    public static final class OfdException extends Exception {
        public OfdException(String message) {
            super(message);
        }
    }

    /** Is this the start of a zip whose first entries make an OFD package (OFD.xml)? */
    public static boolean isOfd(byte[] head, int length) {
        if (length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) return false;
        String start = new String(head, 0, Math.min(length, 1024), StandardCharsets.ISO_8859_1);
        return start.contains("OFD.xml") || start.contains("Doc_0/");
    }

    public static PdfLayout.Text read(String name, byte[] content, ReadLimits limits) throws OfdException {
        check(content, limits);
        List<String> notes = new ArrayList<>();
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(content))) {
            int pages = reader.getNumberOfPages();
            if (pages == 0) throw new OfdException("OFD 没有页面 (the OFD has no pages)");
            int max = Math.min(PdfLayout.MAX_PAGES, limits.pdfPages());
            if (pages > max) {
                notes.add("OFD 共 " + pages + " 页，只读取前 " + max + " 页");
                pages = max;
            }
            List<PdfLayout.DrawnPage> drawn = new ArrayList<>(pages);
            for (int i = 0; i < pages; i++) {
                ReadGuard.checkpointNow();
                ReadGuard.at("第 " + (i + 1) + " 页");
                drawn.add(drawn(reader, i + 1));
            }
            return PdfLayout.layOut(drawn, notes);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReadGuard.Stop stop) throw stop;
            throw unreadable(e);
        }
    }

    /** One page of an OFD as drawn ({@code page}, its glyphs and lines in points from the top-left) and the document's page count. */
    public record Page(PdfLayout.DrawnPage page, int pages) {}

    /**
     * Page {@code page} (1-based) of an OFD as its text objects and paths draw it — what the audit read the page's cells
     * from, so a finding's box falls where its glyphs are; checked against the read limits first, as a reading is.
     */
    public static Page page(byte[] content, int page, ReadLimits limits) throws OfdException {
        check(content, limits);
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(content))) {
            int pages = Math.min(reader.getNumberOfPages(), Math.min(PdfLayout.MAX_PAGES, limits.pdfPages()));
            if (page < 1 || page > pages) throw new OfdException("此 OFD 没有第 " + page + " 页（共 " + pages + " 页）");
            return new Page(drawn(reader, page), pages);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReadGuard.Stop stop) throw stop;
            throw unreadable(e);
        }
    }

    private static PdfLayout.DrawnPage drawn(OFDReader reader, int n) {
        ST_Box size = reader.getPageSize(n);   // the library counts pages from 1
        float w = (float) (size.getWidth() * PT), h = (float) (size.getHeight() * PT);
        List<PdfLayout.DrawnGlyph> glyphs = new ArrayList<>();
        List<PdfLayout.DrawnLine> lines = new ArrayList<>();
        var page = reader.getPage(n);
        if (page.getContent() != null) {
            for (CT_Layer layer : page.getContent().getLayers()) walk(layer, Matrix.IDENTITY, glyphs, lines);
        }
        return new PdfLayout.DrawnPage(w, h, glyphs, lines);
    }

    private static OfdException unreadable(Exception e) {
        return new OfdException("OFD 文件无法读取 (not a readable OFD): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    /**
     * The zip before the library unpacks it, read by the one bounded zip reader ({@link BoundedZip}): entry count, each
     * entry's size, the whole (four times the file's bound) and the inflation ratio within the limits, names inside the package.
     */
    static void check(byte[] content, ReadLimits limits) throws OfdException {
        if (content.length > limits.pdfBytes()) {
            throw new OfdException("OFD 文件过大：" + ReadLimits.size(content.length) + "，上限 " + ReadLimits.size(limits.pdfBytes()));
        }
        try {
            BoundedZip.read(content, StandardCharsets.UTF_8, BoundedZip.Bounds.of(limits, limits.zipEntryBytes(), 4 * limits.pdfBytes()), e -> {
                String n = e.name();
                if (n.startsWith("/") || n.startsWith("\\") || n.contains("..") || n.contains(":")) {
                    throw new BoundedZip.Refused("包中有越出包外的文件名：" + BoundedZip.printable(n));
                }
                if (e.tooLarge()) throw new BoundedZip.Refused("包中的 " + BoundedZip.printable(n) + " 解压后过大（上限 " + ReadLimits.size(limits.zipEntryBytes()) + "）");
            });
        } catch (BoundedZip.Refused r) {
            throw new OfdException("OFD " + r.getMessage());
        } catch (IllegalArgumentException e) {
            throw new OfdException("OFD 包中的文件名不是 UTF-8");
        }
    }

    /** An affine matrix (a b c d e f): x' = a x + c y + e, y' = b x + d y + f (OFD's CTM, in mm). */
    record Matrix(double a, double b, double c, double d, double e, double f) {
        static final Matrix IDENTITY = new Matrix(1, 0, 0, 1, 0, 0);

        static Matrix of(ST_Array ctm) {
            if (ctm == null) return IDENTITY;
            Double[] m = ctm.toDouble();
            return m.length == 6 ? new Matrix(m[0], m[1], m[2], m[3], m[4], m[5]) : IDENTITY;
        }

        /** This matrix applied first, then {@code outer}. */
        Matrix then(Matrix o) {
            return new Matrix(a * o.a + b * o.c, a * o.b + b * o.d, c * o.a + d * o.c, c * o.b + d * o.d,
                    e * o.a + f * o.c + o.e, e * o.b + f * o.d + o.f);
        }

        static Matrix translate(double x, double y) {
            return new Matrix(1, 0, 0, 1, x, y);
        }

        double x(double x, double y) { return a * x + c * y + e; }
        double y(double x, double y) { return b * x + d * y + f; }
        double scale() { return Math.sqrt(Math.abs(a * d - b * c)); }
    }

    private static void walk(CT_PageBlock block, Matrix outer, List<PdfLayout.DrawnGlyph> glyphs, List<PdfLayout.DrawnLine> lines) {
        for (PageBlockType o : block.getPageBlocks()) {
            ReadGuard.checkpoint();
            if (o instanceof TextObject t) text(t, outer, glyphs);
            else if (o instanceof PathObject p) path(p, outer, lines);
            else if (o instanceof CT_PageBlock inner) walk(inner, outer, glyphs, lines);
        }
    }

    /** Where an object's own coordinates are on the page: its CTM, then its boundary's corner, then its block's. */
    private static Matrix place(ST_Box boundary, ST_Array ctm, Matrix outer) {
        Matrix m = Matrix.of(ctm);
        if (boundary != null) m = m.then(Matrix.translate(boundary.getTopLeftX(), boundary.getTopLeftY()));
        return m.then(outer);
    }

    private static void text(TextObject t, Matrix outer, List<PdfLayout.DrawnGlyph> glyphs) {
        if (Boolean.FALSE.equals(t.getVisible())) return;
        Matrix m = place(t.getBoundary(), t.getCTM(), outer);
        double size = t.getSize() == null ? 3.5 : t.getSize();
        float sizePt = (float) (size * m.scale() * PT);
        for (TextCode code : t.getTextCodes()) {
            String s = code.getContent();
            if (s == null || s.isEmpty()) continue;
            double x = code.getX() == null ? 0 : code.getX(), y = code.getY() == null ? 0 : code.getY();
            List<Double> dx = deltas(code.attributeValue("DeltaX"));
            int k = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                // a text code's last glyph has no DeltaX after it: half an em for a Latin letter or digit, an em for a CJK one
                double advance = k < dx.size() ? dx.get(k) : (cp < 0x2E80 ? 0.55 : 1.0) * size;
                float px = (float) (m.x(x, y) * PT), py = (float) (m.y(x, y) * PT);
                space(glyphs, px, py, sizePt);
                glyphs.add(new PdfLayout.DrawnGlyph(new String(Character.toChars(cp)), px, py, (float) (advance * m.scale() * PT * 0.98), sizePt));
                x += advance;
                k++;
                i += Character.charCount(cp);
            }
        }
    }

    /**
     * A word space an OFD leaves out: a producer draws the words of a line as separate text objects (or places them
     * apart within one) with no space character between; where the next glyph starts on the same baseline a gap of a
     * space's width after the last one (0.15–1.5 of the size; wider is a column's gap, for the table layout to cut),
     * the space is put back, as a PDF carries it.
     */
    private static void space(List<PdfLayout.DrawnGlyph> glyphs, float x, float baseline, float size) {
        if (glyphs.isEmpty()) return;
        PdfLayout.DrawnGlyph last = glyphs.get(glyphs.size() - 1);
        if (last.ch().isBlank() || Math.abs(last.baseline() - baseline) > 0.2f * size) return;
        float gap = x - (last.x() + last.width());
        if (gap > 0.15f * size && gap < 1.5f * size) {
            glyphs.add(new PdfLayout.DrawnGlyph(" ", last.x() + last.width(), baseline, gap, size));
        }
    }

    /** DeltaX: numbers, and "g N v" for N times v (GB/T 33190 the compressed form). */
    static List<Double> deltas(String s) {
        List<Double> out = new ArrayList<>();
        if (s == null || s.isBlank()) return out;
        String[] t = s.trim().split("\\s+");
        for (int i = 0; i < t.length && out.size() < 100_000; i++) {
            try {
                if (t[i].equals("g") && i + 2 < t.length) {
                    int n = Math.min(10_000, Integer.parseInt(t[i + 1]));
                    double v = Double.parseDouble(t[i + 2]);
                    for (int k = 0; k < n; k++) out.add(v);
                    i += 2;
                } else {
                    out.add(Double.parseDouble(t[i]));
                }
            } catch (NumberFormatException e) {
                return out;   // the rest is unreadable: the glyphs after it advance by the font size
            }
        }
        return out;
    }

    /** A path's straight segments (M, L, C; curves skipped) as lines, when it is stroked or is a thin filled bar. */
    private static void path(PathObject p, Matrix outer, List<PdfLayout.DrawnLine> lines) {
        if (Boolean.FALSE.equals(p.getVisible())) return;
        boolean stroked = !Boolean.FALSE.equals(p.getStroke());
        boolean filled = Boolean.TRUE.equals(p.getFill());
        if (!stroked && !filled) return;   // an unpainted area (a link's, say) draws nothing
        String data = p.getAbbreviatedData();
        if (data == null) return;
        Matrix m = place(p.getBoundary(), p.getCTM(), outer);
        String[] t = data.trim().split("\\s+");
        double cx = 0, cy = 0, sx = 0, sy = 0;
        List<PdfLayout.DrawnLine> own = new ArrayList<>();
        try {
            for (int i = 0; i < t.length; ) {
                String op = t[i++];
                switch (op) {
                    case "S", "M" -> {
                        cx = sx = Double.parseDouble(t[i++]);
                        cy = sy = Double.parseDouble(t[i++]);
                    }
                    case "L" -> {
                        double x = Double.parseDouble(t[i++]), y = Double.parseDouble(t[i++]);
                        own.add(line(m, cx, cy, x, y));
                        cx = x;
                        cy = y;
                    }
                    case "C" -> {
                        if (cx != sx || cy != sy) own.add(line(m, cx, cy, sx, sy));
                        cx = sx;
                        cy = sy;
                    }
                    case "Q" -> { i += 2; cx = Double.parseDouble(t[i++]); cy = Double.parseDouble(t[i++]); }
                    case "B" -> { i += 4; cx = Double.parseDouble(t[i++]); cy = Double.parseDouble(t[i++]); }
                    case "A" -> { i += 5; cx = Double.parseDouble(t[i++]); cy = Double.parseDouble(t[i++]); }
                    default -> { return; }   // not the abbreviated syntax: nothing of this path is taken
                }
                if (own.size() > PdfLayout.MAX_SEGMENTS_PER_PATH) break;
            }
        } catch (RuntimeException e) {
            return;   // a path cut short is not a border
        }
        lines.addAll(own);
    }

    private static PdfLayout.DrawnLine line(Matrix m, double x1, double y1, double x2, double y2) {
        return new PdfLayout.DrawnLine((float) (m.x(x1, y1) * PT), (float) (m.y(x1, y1) * PT), (float) (m.x(x2, y2) * PT), (float) (m.y(x2, y2) * PT));
    }

    /** Reads an OFD from a stream (its bytes first, within the PDF size limit). */
    public static PdfLayout.Text read(String name, InputStream in, ReadLimits limits) throws OfdException, IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.pdfBytes() + 1));
        return read(name, b, limits);
    }
}
