package org.openbudget.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import org.openbudget.render.Format;
import org.openbudget.render.Renderer;
import org.openbudget.render.html.HtmlWriter;
import org.openbudget.render.layout.DocumentView;

/**
 * PDF: the paged HTML of {@link HtmlWriter} laid out by openhtmltopdf (PDFBox) with the vendored
 * Noto Sans SC (OFL, render/src/main/resources/fonts/) embedded as a subset, so a document holds
 * only the glyphs it prints. The parsed fonts are kept per thread: parsing a 10 MB font for every
 * document would cost more than laying it out.
 */
public final class PdfRenderer implements Renderer {
    static final String REGULAR = "/fonts/NotoSansSC_400Regular.ttf";
    static final String BOLD = "/fonts/NotoSansSC_700Bold.ttf";

    private static final byte[] REGULAR_BYTES = load(REGULAR);
    private static final byte[] BOLD_BYTES = load(BOLD);
    private static final ThreadLocal<TrueTypeFont[]> FONTS = ThreadLocal.withInitial(() -> new TrueTypeFont[] {
            parse(REGULAR_BYTES), parse(BOLD_BYTES)});

    static {
        org.openbudget.render.Quiet.logging();
        XRLog.setLoggingEnabled(false);
    }

    private final HtmlWriter html = new HtmlWriter(HtmlWriter.Mode.PDF);

    @Override
    public Format format() { return Format.PDF; }

    @Override
    public void write(DocumentView view, OutputStream out) throws IOException {
        String page = html.write(view);
        TrueTypeFont[] fonts = FONTS.get();
        // openhtmltopdf saves and closes the document it is given
        PDDocument doc = new PDDocument();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(view.documentTitle());
        info.setAuthor(view.unit());
        info.setSubject(view.documentTitle() + "公开");
        info.setCreator("OpenBudget budget-render");
        Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        fixed.clear();
        fixed.set(view.year(), Calendar.JANUARY, 1);
        info.setCreationDate(fixed);
        PDType0Font regular = PDType0Font.load(doc, fonts[0], true);
        PDType0Font bold = PDType0Font.load(doc, fonts[1], true);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.usePDDocument(doc);
        b.useFont(new PDFontSupplier(regular), HtmlWriter.PDF_FONT, 400, FontStyle.NORMAL, true);
        b.useFont(new PDFontSupplier(bold), HtmlWriter.PDF_FONT, 700, FontStyle.NORMAL, true);
        b.withHtmlContent(page, null);
        b.withProducer("OpenBudget budget-render (openhtmltopdf, PDFBox)");
        b.toStream(out);
        b.run();
    }

    private static byte[] load(String resource) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font resource missing: " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            return new org.apache.fontbox.ttf.UnifiedFirstTTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vendored font", e);
        }
    }
}
