package org.openbudget.audit.ofd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.io.InputException;
import org.openbudget.io.guard.ReadLimits;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * An OFD package is checked before the OFD library unpacks it — names that leave the package, too many entries, an
 * entry inflating past the limit — and a package that is not an OFD is refused saying so, at the file, never an
 * exception of the library's. The compressed DeltaX form ("g N v") is read as N advances of v.
 */
class OfdLayoutTest {
    static byte[] zip(String... nameThenContent) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < nameThenContent.length; i += 2) {
                z.putNextEntry(new ZipEntry(nameThenContent[i]));
                z.write(nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static ReadLimits limits(int zipEntries, long zipEntryBytes) {
        ReadLimits d = ReadLimits.DEFAULTS;
        return new ReadLimits(d.yamlBytes(), d.workbookBytes(), d.textBytes(), d.pdfBytes(), d.pdfPages(), d.pdfStreamBytes(), d.rows(),
                d.lineChars(), d.yamlDepth(), d.yamlAliases(), zipEntries, zipEntryBytes, d.zipMinRatioPermille(), d.zipTextChars(),
                d.amountDigits(), d.amountYuan(), d.seconds(), d.problems());
    }

    @Test
    void aPackageIsCheckedBeforeItIsUnpacked() throws Exception {
        assertThatThrownBy(() -> OfdLayout.check(zip("OFD.xml", "<x/>", "../../etc/cron.d/x", "y"), ReadLimits.DEFAULTS))
                .isInstanceOf(OfdLayout.OfdException.class).hasMessageContaining("越出包外").hasMessageContaining("../../etc/cron.d/x");
        assertThatThrownBy(() -> OfdLayout.check(zip("OFD.xml", "<x/>", "a", "1", "b", "2"), limits(2, 1 << 20)))
                .isInstanceOf(OfdLayout.OfdException.class).hasMessageContaining("条目超过 2 个");
        assertThatThrownBy(() -> OfdLayout.check(zip("OFD.xml", "<x/>", "Doc_0/Document.xml", "0".repeat(5000)), limits(100, 4096)))
                .isInstanceOf(OfdLayout.OfdException.class).hasMessageContaining("Doc_0/Document.xml").hasMessageContaining("解压后过大");
        OfdLayout.check(zip("OFD.xml", "<x/>"), ReadLimits.DEFAULTS);   // a small sound package passes
    }

    @Test
    void aPackageThatIsNoOfdIsRefusedAtTheFile() throws Exception {
        byte[] notOfd = zip("OFD.xml", "这不是 OFD", "Doc_0/Document.xml", "<broken");
        assertThat(OfdLayout.isOfd(notOfd, notOfd.length)).isTrue();
        assertThatThrownBy(() -> DocumentAudit.run("坏文件.ofd", notOfd, ReferenceLibrary.standard()))
                .isInstanceOf(InputException.class).hasMessageContaining("坏文件.ofd").hasMessageContaining("OFD");
        byte[] workbook = zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
        assertThat(OfdLayout.isOfd(workbook, workbook.length)).isFalse();
    }

    @Test
    void theCompressedDeltaFormIsExpanded() {
        assertThat(OfdLayout.deltas("g 3 1.5 2 g 2 0.25")).containsExactly(1.5, 1.5, 1.5, 2.0, 0.25, 0.25);
        assertThat(OfdLayout.deltas("1 x 2")).containsExactly(1.0);   // the rest unreadable: left to the font size
        assertThat(OfdLayout.deltas(null)).isEmpty();
    }
}
