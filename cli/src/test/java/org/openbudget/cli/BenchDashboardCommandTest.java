package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./budget bench-dashboard} (issue 14) in small: 20 synthetic documents under two profiles and a batch of three of
 * our PDFs. It lists every agency on the dashboard (it refuses to print figures otherwise), answers each timed page, and
 * prints its figures: the documents made, each page's times and size, the batch's two rounds.
 */
class BenchDashboardCommandTest {
    @Test
    void aSmallBenchPrintsItsFiguresWithEveryAgencyOnTheDashboard(@TempDir Path dir) throws Exception {
        Path pdfs = Path.of("../audit/src/test/resources/pdf");
        for (String n : new String[] {"urumqi-sme-center-2024.render.pdf", "urumqi-sci-tech-info-center-2024.render.pdf", "urumqi-industry-it-bureau-2024.render.pdf"})
            Files.copy(pdfs.resolve(n), dir.resolve(n));
        AuditCommandTest.Run r = AuditCommandTest.run("bench-dashboard", "--documents", "20", "--requests", "3",
                "--profiles", "xinjiang-2024,national-2016", "--batch", dir.toString());
        assertThat(r.rc()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("20 份：生成、排版为 PDF、审核和评分共 ", "看板列出 20 个单位中的 20 个");
        Matcher page = Pattern.compile("GET (\\S+)：3 次，最短 [\\d.]+ ms，中位 [\\d.]+ ms，p95 [\\d.]+ ms，最长 [\\d.]+ ms（(\\d+) 字节）").matcher(r.out());
        int pages = 0;
        while (page.find()) {
            pages++;
            assertThat(Long.parseLong(page.group(2))).as(page.group(1)).isPositive();
        }
        assertThat(pages).as("the three dashboard pages timed").isEqualTo(3);
        assertThat(r.out()).containsPattern("网页批量审核（预热）：3 个文件 [\\d.]+ 秒").containsPattern("网页批量审核（计时）：3 个文件 [\\d.]+ 秒");
    }
}
