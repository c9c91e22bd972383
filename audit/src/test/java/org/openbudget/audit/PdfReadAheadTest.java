package org.openbudget.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.audit.pdf.PdfReadAhead;
import org.openbudget.audit.testing.PdfFixtures;
import org.openbudget.io.InputException;
import org.openbudget.io.guard.ReadLimits;

/**
 * A PDF read ahead on the spare core ({@link PdfReadAhead}, started by {@code ./budget audit FILE} while it parses its
 * command line) is taken only as the same reading would give now: the same file unchanged, under the same limits,
 * its refusal the reader's own; anything else is read afresh.
 */
class PdfReadAheadTest {
    static final Path SME = PdfFixtures.DIR.resolve("urumqi-sme-center-2024.tables.libreoffice.pdf");

    @Test
    void aFileReadAheadIsTakenOnceAndIsWhatReadingItNowGives(@TempDir Path dir) throws Exception {
        Path pdf = Files.copy(SME, dir.resolve("sme.pdf"));
        ReadLimits limits = ReadLimits.current();
        PdfReadAhead.start(pdf);
        PdfLayout.Text ahead = PdfReadAhead.take(pdf, limits);
        PdfLayout.Text now = PdfLayout.read(pdf.toFile(), limits);
        assertThat(ahead).isNotNull();
        assertThat(ahead.lines()).isEqualTo(now.lines()).isNotEmpty();
        assertThat(ahead.pageOfLine()).isEqualTo(now.pageOfLine());
        assertThat(ahead.boxes()).isEqualTo(now.boxes());
        assertThat(ahead.notes()).isEqualTo(now.notes());
        // taken once: a second audit of the file reads it itself
        assertThat(PdfReadAhead.take(pdf, limits)).isNull();
    }

    @Test
    void theAuditOfAFileReadAheadIsTheAuditOfTheFile(@TempDir Path dir) throws Exception {
        Path pdf = Files.copy(SME, dir.resolve("sme.pdf"));
        DocumentAudit.Result fresh = DocumentAudit.run(pdf, LayoutVariantsTest.LIB);
        PdfReadAhead.start(pdf);
        DocumentAudit.Result ahead = DocumentAudit.run(pdf, LayoutVariantsTest.LIB);
        assertThat(PdfReadAhead.take(pdf, ReadLimits.current())).as("the audit took the reading").isNull();
        assertThat(ahead.findings()).isEqualTo(fresh.findings());
        assertThat(ahead.disclosure().tables()).isEqualTo(fresh.disclosure().tables());
    }

    @Test
    void aFileChangedSinceOrOtherLimitsOrAnotherFileAreReadAfresh(@TempDir Path dir) throws Exception {
        ReadLimits limits = ReadLimits.current();
        assertThat(PdfReadAhead.take(SME, limits)).as("nothing read ahead").isNull();

        Path changed = Files.copy(SME, dir.resolve("changed.pdf"));
        PdfReadAhead.start(changed);
        Files.write(changed, Files.readAllBytes(PdfFixtures.DIR.resolve("urumqi-industry-it-bureau-2024.tables.libreoffice.pdf")));
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5_000));
        assertThat(PdfReadAhead.take(changed, limits)).isNull();

        Path other = Files.copy(SME, dir.resolve("other-limits.pdf"));
        PdfReadAhead.start(other);
        ReadLimits fewerPages = new ReadLimits(limits.yamlBytes(), limits.workbookBytes(), limits.textBytes(), limits.pdfBytes(), 3,
                limits.pdfStreamBytes(), limits.rows(), limits.lineChars(), limits.yamlDepth(), limits.yamlAliases(), limits.zipEntries(),
                limits.zipEntryBytes(), limits.zipMinRatioPermille(), limits.zipTextChars(), limits.amountDigits(), limits.amountYuan(),
                limits.seconds(), limits.problems());
        assertThat(PdfReadAhead.take(other, fewerPages)).isNull();
        assertThat(PdfReadAhead.take(other, limits)).as("still there for its own limits").isNotNull();

        Path text = Files.writeString(dir.resolve("not-a.pdf"), "2024年部门预算 %PDF 不在开头的文本");
        PdfReadAhead.start(text);
        assertThat(PdfReadAhead.take(text, limits)).as("not a PDF: nothing read").isNull();
    }

    @Test
    void aRefusalReadAheadIsTheReadersOwn(@TempDir Path dir) throws Exception {
        Path pdf = PdfReadingTest.encrypt(SME, dir.resolve("user.pdf"), "owner-secret", "user-secret");
        String direct = null;
        try {
            PdfLayout.read(pdf.toFile(), ReadLimits.current());
        } catch (PdfLayout.PdfException e) {
            direct = e.getMessage();
        }
        assertThat(direct).contains("打开密码");
        PdfReadAhead.start(pdf);
        assertThatThrownBy(() -> PdfReadAhead.take(pdf, ReadLimits.current())).isInstanceOf(PdfLayout.PdfException.class).hasMessage(direct);
        // and through the audit, the same clear error as without reading ahead
        PdfReadAhead.start(pdf);
        assertThatThrownBy(() -> DocumentAudit.run(pdf, LayoutVariantsTest.LIB)).isInstanceOf(InputException.class).hasMessageContaining("打开密码");
    }
}
