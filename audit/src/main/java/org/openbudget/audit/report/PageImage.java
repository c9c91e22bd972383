package org.openbudget.audit.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.openbudget.audit.ofd.OfdLayout;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.io.guard.ReadGuard;
import org.openbudget.io.guard.ReadLimits;

/**
 * A page of a published PDF or OFD as a picture, for showing a finding where it is: the page drawn at a
 * modest resolution in grey (what a reader needs to see the cells, and small enough to embed), with
 * its size in points so that boxes given in the page's coordinates can be laid over it.
 *
 * <p>A PDF page is drawn by PDFBox. An OFD page is drawn from its own text objects and paths, as the audit read
 * them ({@link OfdLayout#page}): each glyph at its place and size in the face the caller gives (the vendored Noto
 * Sans SC — never a font of the machine, nor one embedded in the file), each ruling line; so a finding's box, taken
 * from the same glyphs, frames what is drawn.
 */
public final class PageImage {
    /** Resolution of the picture: 96 dpi shows a table's cells clearly at about 80 KB a page. */
    public static final float DPI = 96f;
    /** A page larger than this (in points, either side) is not drawn: not a printed page. */
    static final float MAX_SIDE = 14_400f;

    /**
     * @param png    the picture
     * @param width  the page's width in points (as displayed: rotation applied)
     * @param height the page's height in points
     */
    public record Picture(byte[] png, float width, float height) {}

    private PageImage() {}

    /** Page {@code page} (1-based) of {@code pdf}; empty bytes when the document has no such page or cannot be drawn. */
    public static Picture draw(byte[] pdf, int page) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (page < 1 || page > doc.getNumberOfPages()) return new Picture(new byte[0], 0, 0);
            PDPage p = doc.getPage(page - 1);
            PDRectangle box = p.getCropBox();
            boolean turned = p.getRotation() % 180 != 0;
            float w = turned ? box.getHeight() : box.getWidth(), h = turned ? box.getWidth() : box.getHeight();
            if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE) return new Picture(new byte[0], w, h);
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page - 1, DPI, ImageType.GRAY);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            ImageIO.write(image, "png", out);
            return new Picture(out.toByteArray(), w, h);
        } catch (IOException e) {
            return new Picture(new byte[0], 0, 0);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("第" + page + "页无法绘制 (the page cannot be drawn)", e));
        }
    }

    /** Is this a PDF (by its first bytes)? */
    public static boolean isPdf(byte[] content) {
        return content != null && content.length > 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F';
    }

    /** Is this an OFD package (by its first bytes)? */
    public static boolean isOfd(byte[] content) {
        return content != null && OfdLayout.isOfd(content, Math.min(content.length, 1024));
    }

    /**
     * Page {@code page} (1-based) of a PDF or an OFD ({@code face}: the face an OFD's glyphs are drawn in; null draws
     * no OFD); empty bytes when the document is neither, has no such page or cannot be drawn.
     */
    public static Picture draw(byte[] content, int page, Font face) {
        if (isPdf(content)) return draw(content, page);
        if (face == null || !isOfd(content)) return new Picture(new byte[0], 0, 0);
        try {
            return draw(OfdLayout.page(content, page, ReadLimits.current()).page(), face);
        } catch (OfdLayout.OfdException e) {
            return new Picture(new byte[0], 0, 0);
        }
    }

    /** A page as another fixed-layout reader drew it (an OFD's): its ruling lines, then its glyphs, in {@code face}. */
    public static Picture draw(PdfLayout.DrawnPage p, Font face) {
        float w = p.width(), h = p.height();
        if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE) return new Picture(new byte[0], w, h);
        float k = DPI / 72f;
        BufferedImage image = new BufferedImage(Math.max(1, Math.round(w * k)), Math.max(1, Math.round(h * k)), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(Math.max(1f, 0.5f * k)));
            for (PdfLayout.DrawnLine l : p.lines()) {
                ReadGuard.checkpoint();
                g.draw(new Line2D.Float(l.x1() * k, l.y1() * k, l.x2() * k, l.y2() * k));
            }
            Map<Float, Font> sized = new HashMap<>();
            for (PdfLayout.DrawnGlyph c : p.glyphs()) {
                if (c.ch().isBlank() || c.size() <= 0 || c.size() > 1000) continue;
                ReadGuard.checkpoint();
                g.setFont(sized.computeIfAbsent(c.size(), s -> face.deriveFont(s * k)));
                g.drawString(c.ch(), c.x() * k, c.baseline() * k);
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            ImageIO.write(image, "png", out);
            return new Picture(out.toByteArray(), w, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
