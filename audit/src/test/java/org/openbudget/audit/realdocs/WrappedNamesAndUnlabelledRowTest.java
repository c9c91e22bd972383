package org.openbudget.audit.realdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.testing.PdfToText;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * On 烟台's real documents (skipped without shared/realdocs): a text laid out by spaces reads the names wrapped between
 * its rows as the PDF does (shape/SpacedColumns), and a table's one row printed without a label (公开表7, the “三公”
 * amounts under the header alone) is read from the PDF by its profile's alias "" — and not guessed from the right in the
 * text, whose blank cells are lost.
 */
class WrappedNamesAndUnlabelledRowTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    private static final Path DIR = Path.of("../../shared/realdocs/yantai");

    @Test
    void theTextReadsTheNamesWrappedBetweenRowsAsThePdfDoes() {
        Path pdf = DIR.resolve("2026年烟台市司法局部门预算.pdf");
        assumeTrue(Files.isRegularFile(pdf), "shared/realdocs not present");
        assumeTrue(PdfToText.available(), "pdftotext not installed");
        DocumentAudit.Result text = DocumentAudit.auditText(pdf.getFileName().toString(), PdfToText.layout(pdf), LIB, pdf.toString());
        DisclosureTable income = table(text, 2);
        assertThat(row(income, "2080505").name()).isEqualTo("机关事业单位基本养老保险缴费支出");
        assertThat(row(income, "2080506").name()).isEqualTo("机关事业单位职业年金缴费支出");
        assertThat(row(income, "2080599").name()).isEqualTo("其他行政事业单位养老支出");
        DocumentAudit.Result read = DocumentAudit.run(pdf, LIB);
        // the same tables and findings but for the “三公” table, which the text does not read (below)
        assertThat(PdfTextParityTest.differences(read, text, 100)).allMatch(d -> d.startsWith("一般公共预算“三公”经费支出情况表"));
    }

    @Test
    void aRowPrintedWithoutItsLabelIsReadFromThePdfNotGuessedInTheText() {
        Path pdf = DIR.resolve("2026年烟台市审计局部门预算.pdf");
        assumeTrue(Files.isRegularFile(pdf), "shared/realdocs not present");
        DisclosureTable tpe = table(DocumentAudit.run(pdf, LIB), 7);
        Row total = tpe.rows().stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
        // 2025年预算数 合计 11.90, 因公出国（境） 8.50, 公务接待 3.40 | 2026年 合计 3.40, 公务接待 3.40 (the page as printed)
        assertThat(values(total)).containsExactly("11.9", "8.5", null, null, null, "3.4", "3.4", null, null, null, null, "3.4");
        assumeTrue(PdfToText.available(), "pdftotext not installed");
        DisclosureTable fromText = table(DocumentAudit.auditText(pdf.getFileName().toString(), PdfToText.layout(pdf), LIB, pdf.toString()), 7);
        // its five amounts taken from the right would be 2026年's: the text's row is placed by where its amounts are
        // printed (shape/SpacedColumns), as the PDF's — or, where it cannot be, not read rather than misread
        assertThat(fromText.rows()).singleElement().satisfies(r -> assertThat(values(r)).isEqualTo(values(total)));
    }

    private static DisclosureTable table(DocumentAudit.Result r, int no) {
        return r.disclosure().tables().stream().filter(t -> t.no() == no).findFirst().orElseThrow(() -> new AssertionError("表" + no + " not read"));
    }

    private static Row row(DisclosureTable t, String code) {
        return t.rows().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + " not read: " + t.rows()));
    }

    private static List<String> values(Row r) {
        List<String> out = new ArrayList<>();
        for (BigDecimal v : r.values()) out.add(v == null ? null : v.stripTrailingZeros().toPlainString());
        return out;
    }
}
