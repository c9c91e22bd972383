package org.openbudget.audit.realdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.testing.PdfToText;

/**
 * 烟台市教育局's 部门预算 read from its {@code pdftotext -layout} text: its 收入总体情况表, 基本支出预算情况表 and 项目支出预算情况表
 * print headers pdftotext squeezed left (each label over its left neighbour's column, shape/SqueezedHeader), its
 * 一般公共预算支出情况表's second page a first row alone filling three columns, its 政府性基金预算支出情况表 letter-spaced
 * labels and 项目支出 above the other columns' labels. The text gives the PDF's tables and findings (119 errors where the
 * PDF gives none, before session 16) — but for one project's name wrapped onto the line below it.
 */
class SqueezedHeaderRealDocumentTest {
    private static final Path PDF = Path.of("../../shared/realdocs/yantai/2026年烟台市教育局部门预算.pdf");

    @Test
    void theTextReadsAsThePdf() {
        assumeTrue(Files.isRegularFile(PDF), "shared/realdocs not present");
        assumeTrue(PdfToText.available(), "pdftotext not installed");
        List<String> differences = PdfTextParityTest.compare(PDF, 5000);
        assertThat(differences).noneMatch(d -> d.startsWith("finding") || d.contains("收入总体情况表") || d.contains("基本支出预算情况表")
                || d.contains("一般公共预算支出情况表") || d.contains("政府性基金预算支出情况表"));
        // the one left: a project's name whose last character pdftotext ran into the next line ("…残疾学" / "生生均公用经费")
        assertThat(differences).hasSizeLessThanOrEqualTo(2).allMatch(d -> d.contains("随班就读残疾学"));
    }
}
