package org.openbudget.audit.realdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.audit.testing.PdfToText;

/**
 * Real documents whose PDF and {@code pdftotext -layout} text read the same, table for table and finding for finding,
 * since a text laid out by spaces reads (shape/SpacedColumns): a page whose only line of amounts makes its columns
 * (深圳's 支出总表 ending with 2210203 alone on its last page:办公厅, 信访局, 医疗保障局, 财政局 — each had 5
 * differences and 4 errors of the text's own), a summary whose first lines print their amount one space before the
 * other side's label (上海 财务会计综合管理事务中心's 财政拨款收支预算总表: 3 differences, 2 errors), a project table
 * whose 绩效目标 text stands beside its rows, its first lines above a page's first project (广州: 宣传部 5, 信访局 2,
 * 发改委 6, 工信局 8, 科技局 19 differences, each a line of that text read as a project). Skipped without
 * shared/realdocs or pdftotext.
 */
class SpacedParityTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "shenzhen/2026年深圳市交通运输局部门预算.pdf",
            "shenzhen/2026年深圳市人民政府办公厅部门预算.pdf",
            "shenzhen/2026年深圳市信访局部门预算.pdf",
            "shenzhen/2026年深圳市医疗保障局部门预算.pdf",
            "shenzhen/2026年深圳市财政局部门预算.pdf",
            "shanghai/2026年上海市财务会计综合管理事务中心单位预算.pdf",
            "guangzhou/2026年中共广州市委宣传部部门预算.pdf",
            "guangzhou/2026年广州市信访局部门预算.pdf",
            "guangzhou/2026年广州市发展和改革委员会部门预算.pdf",
            "guangzhou/2026年广州市工业和信息化局部门预算.pdf",
            "guangzhou/2026年广州市科学技术局部门预算.pdf"})
    void thePdfAndItsTextReadTheSame(String file) {
        Path pdf = PdfTextParityTest.SHARED.resolve(file);
        assumeTrue(Files.isRegularFile(pdf) && PdfToText.available(), "shared/realdocs or pdftotext not present");
        assertThat(PdfTextParityTest.compare(pdf, 40)).isEmpty();
    }
}
