package org.openbudget.audit.realdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.testing.PdfToText;
import org.openbudget.core.check.Severity;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A department document that prints the department's row and its units' rows (西安 表2/表3, a table of units only):
 * the department's row is checked against the sum of its units', and its code is the department's, no 功能分类 class.
 */
class DepartmentAndUnitsTest {
    private static final Path PDF = Path.of("../../shared/realdocs/xian/2022年西安市气象局部门综合预算.pdf");

    @Test
    void theDepartmentsRowIsTheSumOfItsUnits() {
        assumeTrue(Files.isRegularFile(PDF) && PdfToText.available(), "shared/realdocs or pdftotext not present");
        String text = PdfToText.layout(PDF);
        ReferenceLibrary lib = ReferenceLibrary.standard();
        // as printed: 234 西安市气象局 18,999,011.66 = 234001 西安市气象局 17,159,700 + 234002 … 1,839,311.66
        assertThat(unitSums(DocumentAudit.auditText("气象局.txt", text, lib, "气象局.txt"))).isEmpty();
        // the department's 合计 in 表2 made 100 元 more than its units'
        String line = text.lines().filter(l -> l.matches("\\s*2\\s+234\\s+西安市气象局\\s+18999011\\.66\\s+18999011\\.66.*")).findFirst().orElseThrow();
        String changed = text.replace(line, line.replaceFirst("18999011\\.66", "18999111.66"));
        assertThat(unitSums(DocumentAudit.auditText("气象局.txt", changed, lib, "气象局.txt")))
                .anySatisfy(m -> assertThat(m).contains("表2部门「西安市气象局」应等于其下各单位之和"));
    }

    private static List<String> unitSums(DocumentAudit.Result r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR && f.id().equals("unit-sum")).map(f -> f.message()).toList();
    }
}
