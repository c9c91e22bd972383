package org.openbudget.audit.realdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.testing.PdfToText;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The 普陀 决算 read from their {@code pdftotext -layout} text give their PDF's 收入决算表, 支出决算表 and 基本支出表
 * amount for amount, code by code: rows printed over two lines (shape/SpacedColumns.joinSplitRows), a table's last
 * page without a header (its columns by the table's sums), the 基本支出表's two panels parted where they are printed
 * and their names, codes and amounts wrapped over up to three lines joined.
 */
class SpacedTextTablesTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    private static final Path DIR = Path.of("../../shared/realdocs/shanghai-putuo");

    @ParameterizedTest
    @ValueSource(strings = {"2024年度普陀区财政局部门决算.pdf", "2024年度中共普陀区委社会工作部部门决算.pdf", "2024年度普陀区财政局部门决算（测试问题版本）.pdf", "2024年度普陀区规划和自然资源局部门决算.pdf"})
    void theTextGivesThePdfsAmountsCodeByCode(String file) {
        Path pdf = DIR.resolve(file);
        assumeTrue(Files.isRegularFile(pdf), "shared/realdocs not present");
        assumeTrue(PdfToText.available(), "pdftotext not installed");
        DocumentAudit.Result a = DocumentAudit.run(pdf, LIB);
        DocumentAudit.Result b = DocumentAudit.auditText(file, PdfToText.layout(pdf), LIB, pdf.toString());
        List<String> differ = new ArrayList<>();
        for (String title : List.of("收入决算表", "支出决算表", "一般公共预算财政拨款基本支出决算表")) {
            Map<String, List<BigDecimal>> x = amounts(a, title), y = amounts(b, title);
            if (x.isEmpty()) continue;   // not printed (the test version leaves out its 支出决算表)
            x.forEach((code, v) -> {
                if (!same(v, y.get(code))) differ.add(title + " " + code + ": PDF " + v + " ≠ text " + y.get(code));
            });
        }
        assertThat(differ).isEmpty();
    }

    private static Map<String, List<BigDecimal>> amounts(DocumentAudit.Result r, String title) {
        Map<String, List<BigDecimal>> out = new TreeMap<>();
        for (DisclosureTable t : r.disclosure().tables()) {
            if (!t.title().equals(title)) continue;
            for (Row row : t.rows()) if (!row.code().isEmpty()) out.putIfAbsent(row.code(), row.values());
        }
        return out;
    }

    private static boolean same(List<BigDecimal> x, List<BigDecimal> y) {
        if (y == null) return false;
        for (int c = 0; c < Math.max(x.size(), y.size()); c++) {
            BigDecimal p = c < x.size() ? x.get(c) : null, q = c < y.size() ? y.get(c) : null;
            if (p == null ? q != null && q.signum() != 0 : q == null ? p.signum() != 0 : p.compareTo(q) != 0) return false;
        }
        return true;
    }
}
