package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code ./budget audit FILE [--json]} on the three published documents (shared/ beside the repository). */
class AuditCommandTest {
    static final Path SHARED = Path.of("../../shared/examples");

    record Run(int rc, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = BudgetCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(rc, out.toString(), err.toString());
    }

    static Path example(String name) {
        Path p = SHARED.resolve(name + ".txt");
        assumeTrue(Files.exists(p), "shared examples not present at " + p.toAbsolutePath());
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024"})
    void auditsThePublishedDocumentsWithoutError(String name) throws Exception {
        Run text = run("audit", example(name).toString());
        assertThat(text.rc()).as(text.out() + text.err()).isZero();
        assertThat(text.out()).contains("错误 0");

        Run json = run("audit", example(name).toString(), "--json");
        assertThat(json.rc()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("unit").asText()).isNotBlank();
        assertThat(root.get("year").asInt()).isEqualTo(2024);
        assertThat(root.get("tables")).hasSize(11);
        assertThat(root.get("findings").isArray()).isTrue();
        for (JsonNode f : root.get("findings")) assertThat(f.get("severity").asText()).isNotEqualTo("error");
    }

    @Test
    void theBureausShortenedNamesAreWarnings() {
        Run r = run("audit", example("urumqi-industry-it-bureau-2024").toString());
        assertThat(r.out()).contains("C.func.name").contains("技术与开发");
    }

    @Test
    void theTextIsCheckedToo() throws Exception {
        Run r = run("audit", example("urumqi-sme-center-2024").toString());
        assertThat(r.out()).contains("text.running-term").contains("第三部分十二").contains("事业单位运行经费");
        JsonNode root = new ObjectMapper().readTree(run("audit", example("urumqi-sme-center-2024").toString(), "--json").out());
        boolean found = false;
        for (JsonNode f : root.get("findings")) {
            if (f.get("id").asText().equals("text.running-term")) {
                found = true;
                assertThat(f.get("section").asText()).isEqualTo("十二");
                assertThat(f.get("found").asText()).isEqualTo("机关运行经费");
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void unreadableInputExitsTwoWithFileAndLine(@TempDir Path dir) throws Exception {
        Path notADocument = dir.resolve("notes.txt");
        Files.writeString(notADocument, "这不是预算公开文档。\n", StandardCharsets.UTF_8);
        Run r = run("audit", notADocument.toString());
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.err()).contains("notes.txt:1").doesNotContain("Exception");

        Run missing = run("audit", dir.resolve("missing.txt").toString());
        assertThat(missing.rc()).isEqualTo(2);

        Path binary = dir.resolve("bad.txt");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3});
        assertThat(run("audit", binary.toString()).rc()).isEqualTo(2);
    }

    @Test
    void aDocumentWithASlipExitsOne(@TempDir Path dir) throws Exception {
        String text = Files.readString(example("urumqi-sci-tech-info-center-2024"), StandardCharsets.UTF_8);
        // 表3 基本支出 of 206 05 01 printed wrong: 合计 = 基本 + 项目 no longer holds
        String slipped = text.replace("206\t05\t01\t机构运行\t292.54\t292.54\t\n", "206\t05\t01\t机构运行\t292.54\t282.54\t\n");
        assertThat(slipped).isNotEqualTo(text);
        Path f = dir.resolve("slip.txt");
        Files.writeString(f, slipped, StandardCharsets.UTF_8);
        Run r = run("audit", f.toString());
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.out()).contains("row-sum");
    }

    static Path slipFile(Path dir) throws Exception {
        String text = Files.readString(example("urumqi-sci-tech-info-center-2024"), StandardCharsets.UTF_8);
        String slipped = text.replace("206\t05\t01\t机构运行\t292.54\t292.54\t\n", "206\t05\t01\t机构运行\t292.54\t282.54\t\n");
        Path f = dir.resolve("slip.txt");
        Files.writeString(f, slipped, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void csvAndHtmlReports(@TempDir Path dir) throws Exception {
        Path f = slipFile(dir);
        Run csv = run("audit", f.toString(), "--csv");
        assertThat(csv.rc()).isEqualTo(1);
        assertThat(csv.out()).startsWith("\uFEFF\"严重程度\"").contains("\"row-sum\"");

        Path html = dir.resolve("report.html");
        Run h = run("audit", f.toString(), "--html", html.toString());
        assertThat(h.rc()).isEqualTo(1);
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("<h2 id=\"error\">").contains("row-sum");
        assertThat(h.out()).contains("HTML");

        // one output form at a time
        assertThat(run("audit", f.toString(), "--csv", "--json").rc()).isEqualTo(2);
        // a report that cannot be written: a clear error, exit 2
        Run bad = run("audit", f.toString(), "--html", dir.resolve("no/such/dir/r.html").toString());
        assertThat(bad.rc()).isEqualTo(2);
        assertThat(bad.err()).doesNotContain("Exception");
    }

    @Test
    void auditsAPdf() throws Exception {
        Path pdf = Path.of("../audit/src/test/resources/pdf/urumqi-sme-center-2024.tables.libreoffice.pdf");
        Run r = run("audit", pdf.toString(), "--json");
        assertThat(r.rc()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("format").asText()).isEqualTo("pdf");
        assertThat(root.get("tables")).hasSize(11);
        assertThat(run("audit", pdf.toString()).out()).contains("乌鲁木齐市中小企业服务中心：错误 0");
    }

    @Test
    void benchAuditPrintsFigures() throws Exception {
        Run r = run("bench-audit", "--warmup", "1", "--rounds", "2", example("urumqi-sme-center-2024").toString(),
                "../audit/src/test/resources/pdf/urumqi-sme-center-2024.tables.libreoffice.pdf");
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).contains("cpu mean").contains("urumqi-sme-center-2024.txt").contains(" pdf ");
    }

    /** Many documents in one run: a line each in the order given, a summary in three formats, the exit code the worst. */
    @Test
    void aBatchGivesALineEachASummaryAndTheWorstExitCode(@TempDir Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (String n : new String[]{"urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024"}) {
            Files.copy(example(n), docs.resolve(n + ".txt"));
        }
        Files.writeString(docs.resolve("notice.txt"), "关于召开年度工作会议的通知\n各单位：定于下周召开会议。\n", StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("readme.md"), "not a document", StandardCharsets.UTF_8);   // neither .pdf nor .txt: not listed
        Path csv = dir.resolve("sum.csv");
        Run r = run("audit", docs.toString(), "--summary", csv.toString(), "--jobs", "2");
        assertThat(r.rc()).as(r.out() + r.err()).isEqualTo(BudgetCli.BAD_INPUT);   // the notice cannot be read as a disclosure
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).contains("notice.txt").contains("未审核");
        assertThat(lines[1]).contains("urumqi-sci-tech-info-center-2024.txt").contains("xinjiang-2024").contains("表 11").contains("错误 0");
        assertThat(lines[2]).contains("urumqi-sme-center-2024.txt").contains("乌鲁木齐市中小企业服务中心").contains("错误 0");
        assertThat(r.out()).contains("共 3 个文件：审核 2 个，其中有错误的 0 个；未审核 1 个").doesNotContain("readme.md");
        String table = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(table).startsWith("\uFEFF\"文件\",\"结果\",\"模板\"");
        assertThat(table.split("\r\n")).hasSize(4);
        assertThat(table).contains("\"xinjiang-2024\",\"2024\",\"乌鲁木齐市中小企业服务中心\",\"11\",\"0\"");

        Path xlsx = dir.resolve("sum.xlsx");
        assertThat(run("audit", docs.resolve("urumqi-sme-center-2024.txt").toString(), "--summary", xlsx.toString()).rc()).isZero();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("文件");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("乌鲁木齐市中小企业服务中心");
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(11.0);
            // scored on the inspection's dimensions (refdata/scoring.yaml), each point lost with its reason
            java.util.List<String> head = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> head.add(c.getStringCellValue()));
            assertThat(head).contains("综合得分", "完整性", "细化程度", "准确性").endsWith("扣分原因");
            double overall = sheet.getRow(1).getCell(head.indexOf("综合得分")).getNumericCellValue();
            assertThat(sheet.getRow(1).getCell(head.indexOf("准确性")).getNumericCellValue()).isLessThan(100.0);   // its one warning
            assertThat(overall).isGreaterThan(90.0).isLessThan(100.0);
            assertThat(sheet.getRow(1).getCell(head.indexOf("扣分原因")).getStringCellValue()).contains("准确性：警告 1 处");
            // every finding on a second sheet, with where it is and what the document prints there
            var findings = wb.getSheet("审核结果");
            assertThat(findings.getLastRowNum()).isEqualTo(1);
            assertThat(findings.getRow(1).getCell(2).getStringCellValue()).isEqualTo("警告");
            assertThat(findings.getRow(1).getCell(6).getNumericCellValue()).isPositive();
            assertThat(findings.getRow(1).getCell(10).getStringCellValue()).isNotBlank();
        }
        Path html = dir.resolve("sum.html");
        assertThat(run("audit", docs.toString(), "--summary", html.toString()).rc()).isEqualTo(BudgetCli.BAD_INPUT);
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("<h1>批量审核报告</h1>").contains("共 3 个文件");

        // one document's outputs are for one document; a summary must say its format
        Run json = run("audit", docs.toString(), "--json");
        assertThat(json.rc()).isEqualTo(BudgetCli.BAD_INPUT);
        assertThat(json.err()).contains("--summary");
        Run bad = run("audit", docs.toString(), "--summary", dir.resolve("sum.pdf").toString());
        assertThat(bad.rc()).isEqualTo(BudgetCli.BAD_INPUT);
        assertThat(bad.err()).contains(".html、.xlsx 或 .csv");
        assertThat(Files.exists(dir.resolve("sum.pdf"))).isFalse();
    }

    /** A document published as two files (说明 and 报表) is audited as one: the same tables and findings as the whole. */
    @Test
    void twoFilesAuditedAsOneAreTheWholeDocument(@TempDir Path dir) throws Exception {
        java.util.List<String> all = Files.readAllLines(example("urumqi-sme-center-2024"), StandardCharsets.UTF_8);
        int cut = -1;
        for (int i = 0; i < all.size(); i++) if (all.get(i).contains("第三部分")) cut = i;
        assertThat(cut).isPositive();
        Path a = dir.resolve("a.txt"), b = dir.resolve("b.txt");
        Files.write(a, all.subList(0, cut), StandardCharsets.UTF_8);
        Files.write(b, all.subList(cut, all.size()), StandardCharsets.UTF_8);
        JsonNode whole = new ObjectMapper().readTree(run("audit", example("urumqi-sme-center-2024").toString(), "--json").out());
        Run one = run("audit", a.toString(), b.toString(), "--as-one", "--json");
        assertThat(one.rc()).as(one.err()).isZero();
        JsonNode joined = new ObjectMapper().readTree(one.out());
        assertThat(joined.get("tables")).isEqualTo(whole.get("tables"));
        assertThat(joined.get("findings").size()).isEqualTo(whole.get("findings").size());
        assertThat(joined.get("file").asText()).contains("a.txt").contains("2 个文件");
    }
}
