package org.openbudget.audit.realdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.testing.PdfToText;

/**
 * 西安's 2022 决算 (卫生健康委员会) and 2021 部门综合预算 (宣传部) read from their {@code pdftotext -layout} text as from
 * their PDF (PdfTextParityTest's comparison): the 决算's 基本支出表 in three panels, its turned 三公 table; the 2021
 * document's crossed 经济分类 tables, its summaries' wrapped labels and its table of units (shape/PanelsTextTest,
 * XianFinalLayoutsTest, CrossedStubTest, WrappedLabelsTest have their pages). Skipped without shared/realdocs or
 * pdftotext.
 */
class XianFinalTextParityTest {
    private static final Path DIR = Path.of("../../shared/realdocs/xian");

    private static List<String> differences(String file) {
        Path pdf = DIR.resolve(file);
        assumeTrue(Files.isRegularFile(pdf), "shared/realdocs not present");
        assumeTrue(PdfToText.available(), "pdftotext not installed");
        return PdfTextParityTest.compare(pdf, 100);
    }

    @Test
    void theFinalAccountsTextReadsAsItsPdf() {
        assertThat(differences("2022年度西安市卫生健康委员会（汇总）部门决算.pdf")).isEmpty();
    }

    @Test
    void the2021BudgetsTextReadsAsItsPdf() {
        assertThat(differences("2021年中共西安市委宣传部部门综合预算.pdf")).isEmpty();
    }
}
