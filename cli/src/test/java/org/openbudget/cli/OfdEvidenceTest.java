package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.report.Evidence;
import org.openbudget.audit.report.PageImage;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Origin;
import org.openbudget.core.disclosure.Row;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.Format;
import org.openbudget.render.Renderers;
import org.openbudget.render.VendoredFont;
import org.openbudget.render.layout.DocumentView;

/**
 * Evidence on the page for an OFD (issue 14): the SME centre's 预算 as our renderer prints it, one amount of its 收支总表
 * changed, written as OFD and as PDF. The error's box on the OFD is where the PDF (read by another library, drawn by
 * PDFBox) has that cell; the OFD's page drawn from its own text objects has the amount's ink inside the box as the PDF's
 * page has; and {@code ./budget audit FILE.ofd --html} draws that page with the box framed on it.
 */
class OfdEvidenceTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    @Test
    void anOfdFindingIsFramedOnItsPageWhereTheCellIs(@TempDir Path dir) throws Exception {
        Workspace.Loaded l = new Workspace(LIB).load(Path.of("../examples/urumqi-sme-center-2024"));
        Disclosure d = l.disclosure();
        DisclosureTable t = d.tables().get(0);
        List<Row> rows = new ArrayList<>(t.rows());
        int at = 0;
        while (rows.get(at).values().isEmpty() || rows.get(at).values().get(0) == null || rows.get(at).values().get(0).signum() == 0) at++;
        Row r = rows.get(at);
        List<BigDecimal> v = new ArrayList<>(r.values());
        v.set(0, v.get(0).add(BigDecimal.ONE));
        rows.set(at, new Row(r.side(), r.kind(), r.key(), r.code(), r.name(), r.project(), r.unit(), v, r.origin()));
        List<DisclosureTable> tables = new ArrayList<>(d.tables());
        tables.set(0, new DisclosureTable(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote(), t.id(), t.mark()));
        Disclosure planted = new Disclosure(d.unitName(), d.kind(), d.year(), d.profileId(), tables, d.text(), d.origin());
        Path ofd = write(planted, l, Format.OFD, dir.resolve("sme.ofd")), pdf = write(planted, l, Format.PDF, dir.resolve("sme.pdf"));

        DocumentAudit.Result fromOfd = DocumentAudit.run(ofd, LIB), fromPdf = DocumentAudit.run(pdf, LIB);
        assertThat(fromOfd.format()).isEqualTo(DocumentAudit.Format.OFD);
        // the changed cell as each reading located it: the same row of the first table, its first amount
        Origin.Box ofdCell = cell(fromOfd, r.key()), pdfCell = cell(fromPdf, r.key());
        assertThat(ofdCell).as("the changed cell read from the OFD").isNotNull();
        assertThat(ofdCell.x()).isCloseTo(pdfCell.x(), org.assertj.core.data.Offset.offset(1.5));
        assertThat(ofdCell.y()).isCloseTo(pdfCell.y(), org.assertj.core.data.Offset.offset(1.5));
        assertThat(ofdCell.width()).isCloseTo(pdfCell.width(), org.assertj.core.data.Offset.offset(3.0));

        // an error framed on that very cell (the planted amount breaks a sum of the table)
        Finding error = fromOfd.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> same(Evidence.of(fromOfd, f).box(), ofdCell)).findFirst().orElse(null);
        assertThat(error).as("an error framed on the changed cell among %s", fromOfd.findings()).isNotNull();
        Evidence ev = Evidence.of(fromOfd, error);
        assertThat(ev.page()).isPositive();

        // the OFD's page drawn from its text objects: the amount's ink inside the box, as much as on the PDF's page
        byte[] ofdBytes = Files.readAllBytes(ofd);
        PageImage.Picture ofdPage = PageImage.draw(ofdBytes, ev.page(), VendoredFont.regular());
        PageImage.Picture pdfPage = PageImage.draw(Files.readAllBytes(pdf), ev.page());
        assertThat(ofdPage.png()).as("the OFD's page drawn").isNotEmpty();
        assertThat(ofdPage.width()).isCloseTo(pdfPage.width(), org.assertj.core.data.Offset.offset(1f));
        long inOfd = ink(ofdPage, ofdCell), inPdf = ink(pdfPage, pdfCell);
        assertThat(inOfd).as("ink of the amount inside the box on the OFD's page").isGreaterThan(10);
        assertThat((double) inOfd / inPdf).as("the OFD's ink against the PDF's in the cell (%s / %s)", inOfd, inPdf).isBetween(0.6, 1.6);
        assertThat(PageImage.draw(ofdBytes, 999, VendoredFont.regular()).png()).as("no such page").isEmpty();
        assertThat(PageImage.draw(ofdBytes, 1, null).png()).as("no face, no OFD drawing").isEmpty();

        // ./budget audit FILE.ofd --html: the page drawn, the error's box framed where the cell is
        Path html = dir.resolve("report.html");
        AuditCommandTest.Run run = AuditCommandTest.run("audit", ofd.toString(), "--html", html.toString());
        assertThat(run.rc()).as(run.out() + run.err()).isEqualTo(BudgetCli.FINDINGS);
        String report = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(report).contains("<figure id=\"p" + ev.page() + "\"><img alt=\"第" + ev.page() + "页\" src=\"data:image/png;base64,");
        String left = pct(ofdCell.x(), ofdPage.width()), top = pct(ofdCell.y(), ofdPage.height());
        assertThat(report).contains("<span class=\"error\" title=\"" + error.location() + "\" style=\"left:" + left + "%;top:" + top + "%;");
    }

    private static Path write(Disclosure d, Workspace.Loaded l, Format format, Path file) throws Exception {
        try (OutputStream o = Files.newOutputStream(file)) {
            Renderers.of(format).write(new DocumentView(d, l.profile()), o);
        }
        return file;
    }

    private static Origin.Box cell(DocumentAudit.Result a, String key) {
        for (Row x : a.disclosure().tables().get(0).rows()) if (x.key().equals(key) && x.origin() != null) return x.origin().cell(0);
        return null;
    }

    private static boolean same(Origin.Box a, Origin.Box b) {
        return a != null && b != null && Math.abs(a.x() - b.x()) < 0.5 && Math.abs(a.y() - b.y()) < 0.5
                && Math.abs(a.width() - b.width()) < 0.5 && Math.abs(a.height() - b.height()) < 0.5;
    }

    /** Dark pixels of the picture inside a box given in points. */
    private static long ink(PageImage.Picture p, Origin.Box b) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(p.png()));
        double k = image.getWidth() / (double) p.width();
        long dark = 0;
        for (int y = (int) (b.y() * k); y < (int) ((b.y() + b.height()) * k) && y < image.getHeight(); y++)
            for (int x = (int) (b.x() * k); x < (int) ((b.x() + b.width()) * k) && x < image.getWidth(); x++)
                if ((image.getRGB(x, y) & 0xff) < 128) dark++;
        return dark;
    }

    private static String pct(double v, float of) {
        return BigDecimal.valueOf(Math.max(0, Math.min(100, v / of * 100))).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
