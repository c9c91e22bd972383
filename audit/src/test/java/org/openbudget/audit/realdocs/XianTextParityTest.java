package org.openbudget.audit.realdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.audit.testing.PdfToText;

/**
 * 西安 2026's documents read from their {@code pdftotext -layout} text as from their PDF: tables cell for cell,
 * errors and warnings (PdfTextParityTest's comparison) — their blank columns' labels wrapped in their cells, 表13's
 * labels heading a column in each of 上年 | 当年 | 增减变化情况, 表6's last page with one row filling 人员经费支出
 * (shape/BlankColumnLabelsTest has their pages); 西安 2022's, their 序号 column's numbers no part of a row's label
 * or code and a numbered row's lines one row (shape/SerialColumnTest), 气象局's PDF label printed past its cell's
 * border kept in its cell (pdf/TextPastItsCellTest). Skipped without shared/realdocs or pdftotext.
 */
class XianTextParityTest {
    private static final Path DIR = Path.of("../../shared/realdocs/xian");

    @ParameterizedTest
    @ValueSource(strings = {"2026年西安市审计局（汇总）部门预算.pdf", "2026年西安市人民政府办公厅（汇总）部门预算.pdf", "2026年西安市信访局（汇总）部门预算.pdf",
            "2022年西安市医疗保障局部门综合预算.pdf", "2022年西安市科学技术局部门综合预算.pdf", "2022年西安市气象局部门综合预算.pdf"})
    void theTextReadsAsThePdf(String file) {
        Path pdf = DIR.resolve(file);
        assumeTrue(Files.isRegularFile(pdf), "shared/realdocs not present");
        assumeTrue(PdfToText.available(), "pdftotext not installed");
        assertThat(PdfTextParityTest.compare(pdf, 50)).isEmpty();
    }
}
