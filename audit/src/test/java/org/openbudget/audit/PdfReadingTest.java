package org.openbudget.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.audit.testing.Docx;
import org.openbudget.audit.testing.DocumentTexts;
import org.openbudget.audit.testing.PdfFixtures;
import org.openbudget.audit.testing.Tables;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.InputException;

/**
 * PDFs read back through glyph positions and ruling lines: LibreOffice PDFs of the three examples
 * (committed fixtures, so CI needs no LibreOffice), every cell as printed; encrypted and damaged
 * PDFs; and, where LibreOffice is installed, fresh conversions of synthetic documents.
 */
class PdfReadingTest {
    static final Path PDF = PdfFixtures.DIR;

    /** The slips the examples' READMEs list (printed names that differ from the ledger's). */
    static final Set<String> SLIPS = Set.of("乌鲁木齐地区科技统计与文献服务工作经历费", "技术与开发", "其他技术与开发支出");

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void theExamplesTablesAsLibreOfficePdfAreReadCellByCell(String name) {
        DocumentAudit.Result a = DocumentAudit.run(PDF.resolve(name + ".tables.libreoffice.pdf"), LayoutVariantsTest.LIB);
        assertThat(a.format()).isEqualTo(DocumentAudit.Format.PDF);
        assertThat(Tables.differences(a.disclosure(), LayoutVariantsTest.derived(name), Set.of(), true)).as("notes %s", a.notes()).isEmpty();
        assertThat(Tables.tableNotes(a.notes())).isEmpty();
        assertThat(a.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** An upload is audited from its bytes (the web writes no temporary file): the same reading, findings and pages as from the file. */
    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024.tables.libreoffice.pdf", "urumqi-industry-it-bureau-2024.published.libreoffice.pdf"})
    void aDocumentInMemoryIsAuditedAsTheSameFileOnDisk(String file) throws Exception {
        DocumentAudit.Result fromFile = DocumentAudit.run(PDF.resolve(file), LayoutVariantsTest.LIB);
        DocumentAudit.Result fromBytes = DocumentAudit.run(file, Files.readAllBytes(PDF.resolve(file)), LayoutVariantsTest.LIB);
        assertThat(fromBytes.format()).isEqualTo(DocumentAudit.Format.PDF);
        assertThat(fromBytes.disclosure()).isEqualTo(fromFile.disclosure());
        assertThat(fromBytes.findings()).isEqualTo(fromFile.findings());
        assertThat(fromBytes.notes()).isEqualTo(fromFile.notes());
        assertThat(fromBytes.disclosure().tables()).hasSizeGreaterThan(5);
        // the same limits: a truncated upload is refused, located by its name, like the file would be
        byte[] all = Files.readAllBytes(PDF.resolve(file));
        byte[] cut = java.util.Arrays.copyOf(all, all.length / 3);
        assertThatThrownBy(() -> DocumentAudit.run("cut.pdf", cut, LayoutVariantsTest.LIB))
                .isInstanceOf(InputException.class).hasMessageContaining("cut.pdf");
        assertThatThrownBy(() -> DocumentAudit.run("empty.txt", new byte[0], LayoutVariantsTest.LIB))
                .isInstanceOf(InputException.class).hasMessageContaining("文件为空");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void theWholePublishedDocumentsAsPdfGiveTheTranscribedTables(String name) throws Exception {
        DocumentAudit.Result a = DocumentAudit.run(PDF.resolve(name + ".published.libreoffice.pdf"), LayoutVariantsTest.LIB);
        List<String> expected = new ArrayList<>();
        for (String l : Files.readAllLines(LayoutVariantsTest.EXAMPLES.resolve(name).resolve("expected-tables.tsv"), StandardCharsets.UTF_8)) {
            if (!l.startsWith("#") && !l.isBlank()) expected.add(l);
        }
        // a name wrapped in its cell where a space stood between Chinese and Latin ("特定目标 0310016Y")
        // cannot keep that space: compare without spaces between the two scripts
        assertThat(Tables.tsv(a.disclosure()).stream().map(Tables::mixed).toList())
                .containsExactlyElementsOf(expected.stream().map(Tables::mixed).toList());
        assertThat(a.notes()).isEmpty();
        // every table row carries where it was read: its page, its line (which prints its name) and its
        // box on the page, each amount's cell inside the row's box
        for (var t : a.disclosure().tables()) {
            for (var r : t.rows()) {
                var o = r.origin();
                assertThat(o).as("表%d %s", t.no(), r.label()).isNotNull();
                assertThat(o.page()).isPositive().isEqualTo(a.page(o.line()));
                assertThat(a.line(o.line()).replaceAll("\\s", "")).contains(r.name().replaceAll("\\s", ""));
                assertThat(o.box()).isNotNull();
                for (int c = 0; c < r.values().size(); c++) {
                    if (r.value(c) == null) continue;
                    var cell = o.cell(c);
                    assertThat(cell.x()).isGreaterThanOrEqualTo(o.box().x() - 0.01);
                    assertThat(cell.x() + cell.width()).isLessThanOrEqualTo(o.box().x() + o.box().width() + 0.01);
                }
            }
        }
    }

    /** Our renderer's PDFs of the three example datasets (whole documents, text included). */
    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void ourRenderersPdfsAreReadCellByCellWithTheirTextAndWithoutError(String name) {
        DocumentAudit.Result a = DocumentAudit.run(PDF.resolve(name + ".render.pdf"), LayoutVariantsTest.LIB);
        assertThat(Tables.differences(a.disclosure(), LayoutVariantsTest.derived(name), Set.of(), true)).as("notes %s", a.notes()).isEmpty();
        assertThat(Tables.tableNotes(a.notes())).isEmpty();
        assertThat(a.findings()).filteredOn(f -> f.severity() != Severity.NOTICE).isEmpty();
        assertThat(a.disclosure().text().facts()).hasSizeGreaterThan(40);
        assertThat(a.disclosure().text().performance()).isNotEmpty();
    }

    /** The published documents as LibreOffice PDFs: the PDF road finds what the text road finds. */
    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void thePdfRoadFindsWhatTheTextRoadFinds(String name) throws Exception {
        Path published = Path.of("../../shared/examples", name + ".txt");
        assumeTrue(Files.exists(published), "shared examples not present at " + published.toAbsolutePath());
        DocumentAudit.Result pdf = DocumentAudit.run(PDF.resolve(name + ".published.libreoffice.pdf"), LayoutVariantsTest.LIB);
        DocumentAudit.Result text = DocumentAudit.run(published, LayoutVariantsTest.LIB);
        java.util.function.Function<DocumentAudit.Result, List<String>> ids = r -> r.findings().stream()
                .filter(f -> f.severity() != Severity.NOTICE).map(f -> f.id() + " " + f.severity() + " " + f.table() + " " + f.code()).sorted().toList();
        assertThat(ids.apply(pdf)).isEqualTo(ids.apply(text));
        assertThat(pdf.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void anOwnerPasswordOnlyPdfIsRead(@TempDir Path dir) throws Exception {
        Path pdf = encrypt(PDF.resolve("urumqi-sme-center-2024.tables.libreoffice.pdf"), dir.resolve("owner.pdf"), "owner-secret", "");
        DocumentAudit.Result a = DocumentAudit.run(pdf, LayoutVariantsTest.LIB);
        assertThat(Tables.differences(a.disclosure(), LayoutVariantsTest.derived("urumqi-sme-center-2024"), Set.of(), true)).isEmpty();
        assertThat(a.notes()).anyMatch(n -> n.contains("权限密码"));
    }

    @Test
    void aUserPasswordPdfIsAClearError(@TempDir Path dir) throws Exception {
        Path pdf = encrypt(PDF.resolve("urumqi-sme-center-2024.tables.libreoffice.pdf"), dir.resolve("user.pdf"), "owner-secret", "user-secret");
        assertThatThrownBy(() -> DocumentAudit.run(pdf, LayoutVariantsTest.LIB)).isInstanceOf(InputException.class)
                .hasMessageContaining("打开密码");
    }

    @Test
    void aTruncatedPdfIsAClearErrorOrAnHonestPartialResult(@TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(PDF.resolve("urumqi-industry-it-bureau-2024.tables.libreoffice.pdf"));
        for (double cut : new double[]{0.05, 0.3, 0.6, 0.95}) {
            Path p = dir.resolve("cut" + cut + ".pdf");
            Files.write(p, java.util.Arrays.copyOf(all, (int) (all.length * cut)));
            try {
                DocumentAudit.Result a = DocumentAudit.run(p, LayoutVariantsTest.LIB);
                // partial: what is there is read, what is missing is said
                assertThat(a.disclosure().tables().size() == 11 || !a.notes().isEmpty()).isTrue();
            } catch (InputException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    static Path encrypt(Path src, Path out, String owner, String user) throws Exception {
        try (PDDocument doc = Loader.loadPDF(src.toFile())) {
            AccessPermission ap = new AccessPermission();
            ap.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, ap);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out.toFile());
        }
        return out;
    }

    /** Needs LibreOffice: synthetic departments (long tables over several pages) converted fresh. */
    @Test
    void freshLibreOfficeConversionsOfSyntheticDocuments(@TempDir Path dir) throws Exception {
        assumeTrue(Docx.libreOfficeAvailable(), "LibreOffice not installed");
        SyntheticBudgets gen = new SyntheticBudgets(LayoutVariantsTest.LIB.year(2024), "xinjiang-2024");
        Random rnd = new Random(20240601);
        for (int i = 0; i < 2; i++) {
            Budget b = i == 0 ? gen.unit(rnd, i, 120) : gen.department(rnd, i, 3, 40, 80);
            Disclosure d = RoundTripTest.derive(b);
            String text = DocumentTexts.write(d, LayoutVariantsTest.LIB.profile(d.profileId()), DocumentTexts.Options.tab().withThousands(i == 0));
            Path docx = dir.resolve("synthetic" + i + ".docx");
            Docx.write(text, docx);
            Path pdf = Docx.toPdf(docx, dir);
            DocumentAudit.Result a = DocumentAudit.run(pdf, LayoutVariantsTest.LIB);
            assertThat(PdfLayout.read(pdf.toFile()).pages()).isGreaterThan(1);
            assertThat(Tables.differences(a.disclosure(), d, Set.of(), true)).as("notes %s", a.notes()).isEmpty();
            // no error beyond those of the derived document itself
            List<String> own = org.openbudget.core.check.CheckCatalogue.run(d, LayoutVariantsTest.LIB.profile(d.profileId()), LayoutVariantsTest.LIB.year(2024))
                    .stream().filter(f -> f.severity() == Severity.ERROR).map(f -> f.message()).toList();
            assertThat(a.findings()).noneMatch(f -> f.severity() == Severity.ERROR && !own.contains(f.message()));
        }
    }
}
