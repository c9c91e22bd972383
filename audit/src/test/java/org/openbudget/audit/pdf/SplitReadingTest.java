package org.openbudget.audit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.io.guard.ReadGuard;
import org.openbudget.io.guard.ReadLimits;

/**
 * Two readers (this thread from the front, a second from the back, each on its own copy of the document) give the text
 * one reader gives — every line, its page and boxes, the notes — and so do two readers whose second cannot help: its
 * copy fails to open, or is not the same document.
 */
class SplitReadingTest {
    static final Path PDF = Path.of("src/test/resources/pdf");

    @ParameterizedTest
    @ValueSource(strings = {"pdf/urumqi-industry-it-bureau-2024.published.libreoffice.pdf", "pdf/urumqi-sme-center-2024.render.pdf",
            "pdf/urumqi-sme-center-final-2024.shanghai-final-2024.render.pdf", "pdf/urumqi-sci-tech-info-center-2024.tables.libreoffice.pdf"})
    void twoReadersReadWhatOneReads(String name) throws Exception {
        File file = Path.of("src/test/resources").resolve(name).toFile();
        ReadLimits limits = ReadLimits.current();
        PdfLayout.Text one = PdfLayout.read(file, limits, false);
        assertThat(one.pages()).isGreaterThanOrEqualTo(SplitReading.MIN_PAGES);
        assertSame(PdfLayout.read(file, limits, true), one);
        // within a guard, as the audit reads (the second reader shares its budget)
        assertSame(ReadGuard.read(name, limits, () -> PdfLayout.read(file, limits, true)), one);

        // a second reader that cannot open its copy, or whose copy is another document: the first reads every page
        try (PDDocument doc = Loader.loadPDF(file)) {
            assertSame(PdfLayout.read(doc, limits, () -> {
                throw new IOException("cannot open");
            }), one);
        }
        File other = PDF.resolve(one.pages() == 7 ? "urumqi-sme-center-2024.render.pdf" : "urumqi-sme-center-2024.tables.libreoffice.pdf").toFile();
        try (PDDocument doc = Loader.loadPDF(file)) {
            assertSame(PdfLayout.read(doc, limits, () -> Loader.loadPDF(other)), one);
        }
    }

    private static void assertSame(PdfLayout.Text two, PdfLayout.Text one) {
        assertThat(two.lines()).isEqualTo(one.lines());
        assertThat(two.pageOfLine()).isEqualTo(one.pageOfLine());
        assertThat(two.boxes()).isEqualTo(one.boxes());
        assertThat(two.notes()).isEqualTo(one.notes());
        assertThat(two.pages()).isEqualTo(one.pages());
    }
}
