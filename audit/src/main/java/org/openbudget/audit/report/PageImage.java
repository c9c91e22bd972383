package org.openbudget.audit.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A page of a published PDF as a picture, for showing a finding where it is: the page drawn at a
 * modest resolution in grey (what a reader needs to see the cells, and small enough to embed), with
 * its size in points so that boxes given in the page's coordinates can be laid over it.
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
}
