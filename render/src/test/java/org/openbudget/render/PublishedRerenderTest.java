package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.openbudget.audit.text.PublishedTextReader;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.layout.DocumentView;

/**
 * The real text of the published examples (read back by the audit module: 第三部分 sections,
 * performance tables) printed again: every section heading, paragraph start and performance table
 * is in the PDF, in order.
 */
class PublishedRerenderTest {
    /** CI has shared/ beside the repository clone (as the audit tests assume). */
    static final Path SHARED = Path.of("../../shared/examples");

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-industry-it-bureau-2024"})
    void thePublishedTextIsPrintedAgain(String example) throws Exception {
        Path file = SHARED.resolve(example + ".txt");
        Assumptions.assumeTrue(Files.exists(file), "shared examples not present at " + file.toAbsolutePath());
        ReferenceLibrary lib = ReferenceLibrary.standard();
        Disclosure d = PublishedTextReader.read(file.getFileName().toString(), Files.readString(file), lib);
        assertThat(d.text().sections()).hasSizeGreaterThanOrEqualTo(12);
        DocumentView v = new DocumentView(d, lib.profile(d.profileId()));
        byte[] pdf = Rendered.render(Format.PDF, v);
        String all = PdfRenderTest.squash(String.join("", PdfRenderTest.pages(pdf)));
        int at = 0;
        for (Section s : d.text().sections()) {
            String heading = PdfRenderTest.squash(s.numeral() + "、" + s.title());
            int i = all.indexOf(heading, at);
            assertThat(i).as("section %s heading after position %d", s.numeral(), at).isGreaterThanOrEqualTo(0);
            at = i;
            for (String p : s.paragraphs()) {
                String start = PdfRenderTest.squash(p);
                start = start.substring(0, Math.min(12, start.length()));
                if (start.isEmpty()) continue;
                int j = all.indexOf(start, at);
                assertThat(j).as("paragraph of %s: %s", s.numeral(), start).isGreaterThanOrEqualTo(0);
            }
        }
        List<PerformanceTable> perf = d.text().performance();
        for (PerformanceTable p : perf) {
            assertThat(all).contains(PdfRenderTest.squash(p.kind().equals("整体") ? p.unitName() : p.projectName()));
        }
        // and the DOCX holds one Word table per table and performance table
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(Rendered.render(Format.DOCX, v)))) {
            assertThat(doc.getTables()).hasSize(11 + perf.size());
        }
    }
}
