package org.openbudget.audit.pdf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.openbudget.io.guard.ReadLimits;

/**
 * Readies the PDF library before the first document: its classes loaded and its static tables built
 * (fontbox's table of one- and two-byte strings for ToUnicode maps, some 65,000 strings; PDFBox's glyph
 * list) by reading a tiny PDF of one page. A command that is about to read a PDF runs this on a spare
 * core while it parses its command line and loads its templates: at a cold start that was about a fifth
 * of a one-file audit, spent before the first page could be read.
 *
 * <p>Nothing of the caller's is read or changed; a failure here is ignored (the real reading reports its own).
 */
public final class PdfWarmUp {
    private PdfWarmUp() {}

    /** Loads and initialises what reading a PDF needs; returns the page count of the tiny PDF read (1), or 0. */
    public static int run() {
        try {
            // ToUnicode maps are parsed with this table (a Type 0 font's first use); the tiny PDF has none
            Class.forName("org.apache.fontbox.cmap.CMapStrings", true, PdfWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // a later PDFBox without the class: nothing to ready
        }
        try {
            return PdfLayout.read("warm-up.pdf", TINY, ReadLimits.current()).pages();
        } catch (PdfLayout.PdfException | RuntimeException e) {
            return 0;
        }
    }

    /** One A4 page with a line of text in a standard font and a ruling line: a valid PDF, cross-reference table included. */
    static final byte[] TINY = tiny();

    private static byte[] tiny() {
        String content = "BT /F1 12 Tf 72 760 Td (Warm up 2026 1,234.56) Tj ET 72 750 m 520 750 l S";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) pdf.append(String.format("%010d 00000 n \n", o));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
