package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    @Test
    void rendersTheChosenFormatsIntoTheOutputDirectory(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out/sub");
        BudgetCliTest.Result r = BudgetCliTest.run("render", BudgetCliTest.SME, "--out", out.toString(), "--format", "html,json,xlsx");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> names;
        try (Stream<Path> s = Files.list(out)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).containsExactly("2024年乌鲁木齐市中小企业服务中心单位预算.html",
                "2024年乌鲁木齐市中小企业服务中心单位预算.json", "2024年乌鲁木齐市中小企业服务中心单位预算.xlsx");
        assertThat(r.out()).contains("html\t").contains("json\t").contains("xlsx\t");
        String html = Files.readString(out.resolve(names.get(0)));
        assertThat(html).contains("lang=\"zh-CN\"").contains("单位收支总体情况表").contains("304.15");
        // the xlsx is a zip file
        byte[] x = Files.readAllBytes(out.resolve(names.get(2)));
        assertThat(x[0]).isEqualTo((byte) 'P');
        assertThat(x[1]).isEqualTo((byte) 'K');
    }

    @Test
    void anUnknownFormatIsBadInputAndWritesNothing(@TempDir Path dir) throws IOException {
        BudgetCliTest.Result r = BudgetCliTest.run("render", BudgetCliTest.SME, "--out", dir.toString(), "--format", "pdf,odt");
        assertThat(r.code()).isEqualTo(BudgetCli.BAD_INPUT);
        assertThat(r.err()).contains("odt").contains("pdf,docx,xlsx,html,json").doesNotContain("Exception");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.count()).isZero();
        }
    }

    @Test
    void aMissingDatasetIsBadInputWithoutAStackTrace(@TempDir Path dir) {
        BudgetCliTest.Result r = BudgetCliTest.run("render", dir.resolve("nope").toString(), "--out", dir.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(BudgetCli.BAD_INPUT);
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void benchRenderPrintsFiguresPerFormatAndForAll() {
        BudgetCliTest.Result r = BudgetCliTest.run("bench-render", BudgetCliTest.SME, "--docs", "2", "--warmup", "1", "--format", "html,json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^html\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+\\s+\\d+")
                .containsPattern("(?m)^json\\s+[0-9.]+").containsPattern("(?m)^all\\s+[0-9.]+").contains("target: under 100 ms");
    }
}
