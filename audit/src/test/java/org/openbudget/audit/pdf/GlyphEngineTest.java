package org.openbudget.audit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lean glyph engine places every glyph exactly where PDFBox's text stripper placed it (the engine before it, kept
 * here as the reference): the same character, left edge, baseline, advance, height and size — on pages turned by
 * /Rotate, with a crop box away from the origin, in a Type3 font and in a simple font without a ToUnicode map.
 */
class GlyphEngineTest {
    static List<List<PdfLayout.Glyph>> lean(PDDocument doc) throws IOException {
        List<List<PdfLayout.Glyph>> out = new ArrayList<>();
        PdfLayout.eachPage(doc, doc.getNumberOfPages(), (no, glyphs, paths) -> out.add(List.copyOf(glyphs)));
        return out;
    }

    /** The glyphs as the engine before took them: a text stripper's {@link TextPosition}s, faux bold dropped. */
    static List<List<PdfLayout.Glyph>> stripper(PDDocument doc) throws IOException {
        List<List<PdfLayout.Glyph>> out = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper() {
            List<PdfLayout.Glyph> page;
            PdfLayout.Glyph last;

            @Override
            public void processPage(PDPage p) throws IOException {
                page = new ArrayList<>();
                last = null;
                out.add(page);
                super.processPage(p);
            }

            @Override
            protected void processTextPosition(TextPosition t) {
                if (!Float.isFinite(t.getXDirAdj()) || !Float.isFinite(t.getYDirAdj()) || !Float.isFinite(t.getWidthDirAdj())
                        || !Float.isFinite(t.getHeightDir())) return;
                String u = t.getUnicode();
                if (u == null || u.isEmpty()) return;
                float h = Math.max(t.getHeightDir(), t.getFontSizeInPt() * 0.7f);
                PdfLayout.Glyph g = new PdfLayout.Glyph(u, t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), h, Math.max(1f, t.getFontSizeInPt()));
                if (last != null && last.ch().equals(u) && Math.abs(last.x() - g.x()) < Math.max(0.8f, 0.2f * g.size()) && Math.abs(last.y() - g.y()) < 0.8f) return;
                last = g;
                page.add(g);
            }
        };
        s.setSortByPosition(false);
        s.getText(doc);
        return out;
    }

    @Test
    void turnedPagesACropBoxType3AndUnmappedSimpleFontsArePlacedAsTheStripperPlacedThem() throws IOException {
        try (PDDocument doc = Loader.loadPDF(sampler())) {
            List<List<PdfLayout.Glyph>> lean = lean(doc);
            assertThat(lean).isEqualTo(stripper(doc));
            // and where that is: the crop box's corner is the origin, the baseline measured down from its top
            PdfLayout.Glyph a = lean.get(0).get(0);
            assertThat(a.ch()).isEqualTo("A");
            assertThat(a.x()).isEqualTo(52f);                       // 72 − the crop box's 20
            assertThat(a.y()).isEqualTo(762f - 670f);               // its height 762, the baseline 700 − 30 above its foot
            assertThat(a.size()).isEqualTo(12f);
            assertThat(text(lean.get(0))).isEqualTo("Ab 12" + "A" + "wide");   // the faux-bold copy dropped
            // a landscape line on a page turned by /Rotate 90 and 270 runs left to right
            for (int p : new int[]{1, 2}) {
                assertThat(text(lean.get(p))).isEqualTo("Table 1");
                for (int i = 1; i < lean.get(p).size(); i++) assertThat(lean.get(p).get(i).x()).isGreaterThan(lean.get(p).get(i - 1).x());
            }
            // a Type3 font without a ToUnicode map: the glyph names, else the code as the character; upside down text too
            assertThat(text(lean.get(3))).isEqualTo("abc" + "ab");
            assertThat(lean.get(3).get(0).w()).isCloseTo(6f, org.assertj.core.data.Offset.offset(0.001f));       // 600 units of a 1,000-unit font at 10 pt
        }
    }

    /** Our renderer's and LibreOffice's PDFs: every glyph the same. */
    @ParameterizedTest
    @ValueSource(strings = {"urumqi-industry-it-bureau-2024.render.pdf", "urumqi-sme-center-2024.tables.libreoffice.pdf"})
    void publishedPdfsReadTheSame(String name) throws IOException {
        try (PDDocument doc = Loader.loadPDF(Path.of("src/test/resources/pdf", name).toFile())) {
            List<List<PdfLayout.Glyph>> lean = lean(doc);
            assertThat(lean).hasSize(doc.getNumberOfPages());
            assertThat(lean.stream().mapToInt(List::size).sum()).isGreaterThan(1000);
            assertThat(lean).isEqualTo(stripper(doc));
        }
    }

    private static String text(List<PdfLayout.Glyph> glyphs) {
        StringBuilder b = new StringBuilder();
        for (PdfLayout.Glyph g : glyphs) b.append(g.ch());
        return b.toString();
    }

    /** Four pages: a crop box away from the origin; /Rotate 90; /Rotate 270; a Type3 font. */
    static byte[] sampler() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            // Helvetica (WinAnsi, no ToUnicode map); an A printed twice a third of a point apart (faux bold);
            // a word wider (horizontal scaling) and raised
            PDPage p1 = page(doc, 0, helvetica, null,
                    "BT /F1 12 Tf 1 0 0 1 72 700 Tm (Ab 12) Tj ET BT /F1 12 Tf 72 680 Td (A) Tj ET BT /F1 12 Tf 72.3 680 Td (A) Tj ET "
                            + "BT /F1 10 Tf 150 Tz 3 Ts 1 0 0 1 72 660 Tm (wide) Tj ET");
            p1.setCropBox(new PDRectangle(20, 30, 555, 762));
            // a landscape table's title printed on portrait pages turned for display
            page(doc, 90, helvetica, null, "BT /F1 14 Tf 0 1 -1 0 300 100 Tm (Table 1) Tj ET");
            page(doc, 270, helvetica, null, "BT /F1 14 Tf 0 -1 1 0 300 700 Tm (Table 1) Tj ET");
            // a Type3 font: glyphs named a and b, and c under a name no glyph list knows; then upside down
            page(doc, 0, helvetica, type3(),
                    "BT /F3 10 Tf 72 700 Td <616263> Tj ET BT /F3 10 Tf -1 0 0 -1 400 500 Tm <6162> Tj ET");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static PDPage page(PDDocument doc, int rotation, PDType1Font f1, PDType3Font f3, String content) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        page.setRotation(rotation);
        PDResources res = new PDResources();
        res.put(COSName.getPDFName("F1"), f1);
        if (f3 != null) res.put(COSName.getPDFName("F3"), f3);
        page.setResources(res);
        PDStream s = new PDStream(doc);
        try (OutputStream o = s.createOutputStream()) {
            o.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(s);
        doc.addPage(page);
        return page;
    }

    private static PDType3Font type3() throws IOException {
        COSDictionary d = new COSDictionary();
        d.setItem(COSName.TYPE, COSName.FONT);
        d.setItem(COSName.SUBTYPE, COSName.getPDFName("Type3"));
        d.setItem(COSName.FONT_BBOX, new PDRectangle(0, 0, 1000, 800).getCOSArray());
        d.setItem(COSName.FONT_MATRIX, numbers(0.001f, 0, 0, 0.001f, 0, 0));
        COSDictionary procs = new COSDictionary();
        for (String name : List.of("a", "b", "g12")) {
            COSStream glyph = new COSStream();
            try (OutputStream o = glyph.createOutputStream()) {
                o.write("600 0 0 0 500 700 d1 0 0 500 700 re f".getBytes(StandardCharsets.US_ASCII));
            }
            procs.setItem(COSName.getPDFName(name), glyph);
        }
        d.setItem(COSName.CHAR_PROCS, procs);
        COSDictionary encoding = new COSDictionary();
        encoding.setItem(COSName.TYPE, COSName.ENCODING);
        COSArray diff = new COSArray();
        diff.add(COSInteger.get(97));
        for (String name : List.of("a", "b", "g12")) diff.add(COSName.getPDFName(name));
        encoding.setItem(COSName.DIFFERENCES, diff);
        d.setItem(COSName.ENCODING, encoding);
        d.setInt(COSName.FIRST_CHAR, 97);
        d.setInt(COSName.LAST_CHAR, 99);
        d.setItem(COSName.WIDTHS, numbers(600, 600, 600));
        return new PDType3Font(d);
    }

    private static COSArray numbers(float... v) {
        COSArray a = new COSArray();
        for (float x : v) a.add(new COSFloat(x));
        return a;
    }
}
