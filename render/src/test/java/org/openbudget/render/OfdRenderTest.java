package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.openbudget.render.layout.TableView;

/**
 * Every example as OFD, read back with the OFD library's own reader as an archive or a viewer would: the same pages as
 * the PDF (count, sizes, landscape ones), every table's mark and title and every total the tables print found as
 * text on its page, and the font a subset embedded in the package (never a font of the machine).
 */
class OfdRenderTest {

    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-industry-it-bureau-2024", "urumqi-sci-tech-info-center-2024", "urumqi-sme-center-2024"})   // the department: the most pages, landscape ones, its units' tables
    void theOfdHasThePdfsPagesAndItsTextIsReadBack(String example) throws Exception {
        Rendered.Doc d = Rendered.doc(example, true);
        byte[] ofd = Rendered.render(Format.OFD, d.view());
        List<String> pdfPages = PdfRenderTest.pages(Rendered.bytes(Format.PDF, example, true));

        List<String> pages = new ArrayList<>();
        List<double[]> sizes = new ArrayList<>();
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            ContentExtractor text = new ContentExtractor(reader);
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                pages.add(String.join("", text.getPageContent(i)));
                var box = reader.getPageSize(i);
                sizes.add(new double[] {box.getWidth(), box.getHeight()});
            }
        }
        assertThat(pages).hasSize(pdfPages.size());
        for (int i = 0; i < pages.size(); i++) {
            double[] s = sizes.get(i);
            assertThat(Math.min(s[0], s[1])).as("page %d", i + 1).isCloseTo(210.0, org.assertj.core.data.Offset.offset(0.5));
            assertThat(Math.max(s[0], s[1])).as("page %d", i + 1).isCloseTo(297.0, org.assertj.core.data.Offset.offset(0.5));
        }
        // the same text on the same page as the PDF: every table's title where the PDF has it, every total it prints
        Map<Integer, List<String>> totals = d.totals();
        List<TableView> tables = d.view().tables();
        int from = 0;
        for (int t = 0; t < tables.size(); t++) {
            String title = squash(tables.get(t).label() + tables.get(t).title());
            int p = from;
            while (p < pages.size() && !squash(pages.get(p)).contains(title)) p++;
            assertThat(p).as("%s: %s", example, title).isLessThan(pages.size());
            assertThat(squash(pdfPages.get(p))).as("the PDF has it on the same page").contains(title);
            from = p;
        }
        String all = squash(String.join("", pages));
        for (List<String> printed : totals.values()) for (String total : printed) assertThat(all).contains(squash(total));
        assertThat(squash(pages.get(pages.size() - 1))).contains("—" + pages.size() + "—");

        // the font: the vendored face, cut to what the document prints
        Map<String, Integer> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) files.put(e.getName(), zip.readAllBytes().length);
        }
        List<Integer> fonts = files.entrySet().stream().filter(e -> e.getKey().toLowerCase().endsWith(".ttf")).map(Map.Entry::getValue).toList();
        assertThat(fonts).isNotEmpty().allSatisfy(size -> assertThat(size).isLessThan(2_000_000));
        // each a TrueType font whose character map finds a glyph with an outline for every character the pages print
        List<org.apache.fontbox.ttf.TrueTypeFont> faces = new ArrayList<>();
        for (String name : files.keySet()) {
            if (!name.endsWith(".ttf")) continue;
            byte[] font;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
                ZipEntry e;
                while (!(e = zip.getNextEntry()).getName().equals(name)) { }
                font = zip.readAllBytes();
            }
            faces.add(new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(font)));
        }
        all.codePoints().distinct().forEach(cp -> assertThat(faces).as("a glyph for %s", Character.toString(cp)).anySatisfy(f -> {
            try {
                int g = f.getUnicodeCmapLookup().getGlyphId(cp);
                assertThat(g).isPositive();
                assertThat(f.getGlyph().getGlyph(g).getNumberOfContours()).isNotZero();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));

        // the document's information, its bookmarks as the 目录's entries, the 目录's links, each going to a page of the document
        String ofdXml = text(ofd, "OFD.xml"), document = text(ofd, "Doc_0/Document.xml");
        assertThat(ofdXml).contains("<ofd:Title>" + d.view().documentTitle() + "</ofd:Title>", "<ofd:CreationDate>" + d.view().year() + "-01-01");
        java.util.Set<String> pageIds = new java.util.HashSet<>();
        java.util.regex.Matcher page = java.util.regex.Pattern.compile("<ofd:Page ID=\"(\\d+)\"").matcher(document);
        while (page.find()) pageIds.add(page.group(1));
        assertThat(pageIds).hasSize(pages.size());
        long bookmarks = document.split("<ofd:OutlineElem ", -1).length - 1;
        assertThat(bookmarks).isEqualTo(PdfRenderTest.outlineCount(Rendered.bytes(Format.PDF, example, true)));
        String toc = text(ofd, "Doc_0/Pages/Page_1/Content.xml");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<ofd:Dest Type=\"XYZ\" PageID=\"(\\d+)\"").matcher(toc + document);
        int links = 0;
        while (link.find()) {
            assertThat(pageIds).contains(link.group(1));
            links++;
        }
        assertThat(links).isGreaterThan((int) bookmarks);   // the bookmarks and the 目录's own links

        // the same document gives the same bytes
        assertThat(Rendered.render(Format.OFD, d.view())).isEqualTo(ofd);
    }

    static String text(byte[] zip, String name) throws java.io.IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in the package");
    }
}
