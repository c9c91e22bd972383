package org.openbudget.audit.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/**
 * A composite font's TrueType program is loaded without its cmap, and a code its ToUnicode map lacks still gets the
 * character PDFBox takes from the original program's cmap.
 */
class FontCmapsTest {
    /**
     * A published document whose CJK text is in Type 0 fonts with embedded TrueType (CIDFontType2) programs, cmaps
     * included (the project's own renderings embed programs without one).
     */
    static final Path PDF = Path.of("../../shared/realdocs/yantai/2026年烟台市统计局部门预算.pdf");

    @Test
    void programsLoadWithoutTheirCmapAndCodesWithoutToUnicodeGetPdfboxsCharacter() throws IOException {
        assumeTrue(Files.isRegularFile(PDF), "shared/realdocs not present");
        try (PDDocument plain = Loader.loadPDF(PDF.toFile()); PDDocument stripped = Loader.loadPDF(PDF.toFile())) {
            // without the ToUnicode maps every character comes from the programs' cmaps (PDFBox's last resort)
            removeToUnicode(plain);
            removeToUnicode(stripped);
            FontCmaps.install(stripped);
            List<PDFont> a = fonts(plain), b = fonts(stripped);
            assertThat(a).isNotEmpty().hasSameSizeAs(b);
            Map<COSStream, CmapLookup> parsed = new IdentityHashMap<>();
            int programs = 0, characters = 0;
            for (int i = 0; i < a.size(); i++) {
                PDCIDFontType2 withCmap = (PDCIDFontType2) ((PDType0Font) a.get(i)).getDescendantFont();
                PDCIDFontType2 without = (PDCIDFontType2) ((PDType0Font) b.get(i)).getDescendantFont();
                if (withCmap.getTrueTypeFont().getCmap() == null) continue;   // a program without one is left as it is
                programs++;
                assertThat(without.getTrueTypeFont().getCmap()).isNull();
                assertThat(without.getTrueTypeFont().getNumberOfGlyphs()).isEqualTo(withCmap.getTrueTypeFont().getNumberOfGlyphs());
                for (int code = 0; code < withCmap.getTrueTypeFont().getNumberOfGlyphs(); code++) {
                    String expected = a.get(i).toUnicode(code);
                    assertThat(b.get(i).toUnicode(code)).isNull();
                    assertThat(FontCmaps.unmapped(b.get(i), code, parsed)).as("code %d", code).isEqualTo(expected);
                    assertThat(b.get(i).getWidth(code)).isEqualTo(a.get(i).getWidth(code));
                    if (expected != null) characters++;
                }
            }
            assertThat(programs).isGreaterThanOrEqualTo(3);
            assertThat(characters).isGreaterThan(100);
            // a font of the unchanged document: nothing to take from a program
            assertThat(FontCmaps.unmapped(a.get(0), 1, parsed)).isNull();
        }
    }

    /** The pages' Type 0 fonts, each once, in the order the pages name them, as PDFBox loads them for their content. */
    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        Map<COSDictionary, PDFont> fonts = new IdentityHashMap<>();
        List<PDFont> list = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                if (font instanceof PDType0Font t0 && t0.getDescendantFont() instanceof PDCIDFontType2 && fonts.putIfAbsent(font.getCOSObject(), font) == null) list.add(font);
            }
        }
        return list;
    }

    private static void removeToUnicode(PDDocument doc) {
        for (PDPage page : doc.getPages()) {
            COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
            if (fonts == null) continue;
            for (COSName name : fonts.keySet()) {
                COSBase font = fonts.getDictionaryObject(name);
                if (font instanceof COSDictionary d) d.removeItem(COSName.TO_UNICODE);
            }
        }
    }
}
