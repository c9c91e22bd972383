package org.openbudget.audit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.testing.PdfFixtures;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.io.refdata.ReferenceLibrary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The findings report in JSON, CSV and HTML: shape, evidence (row, line, page), escaping. */
class ReportTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    static final Path SHARED = Path.of("../../shared/examples");

    /** The sci-tech center's document with one slip: 表3 206 05 01 基本支出 printed 292.45 instead of 292.54. */
    static DocumentAudit.Result slipped() throws IOException {
        Path p = SHARED.resolve("urumqi-sci-tech-info-center-2024.txt");
        assumeTrue(Files.exists(p), "shared examples not present");
        String text = Files.readString(p, StandardCharsets.UTF_8);
        String row = "206\t05\t01\t机构运行\t292.54\t292.54\t\n";
        assertThat(text).contains(row);
        String slipped = text.replaceFirst(java.util.regex.Pattern.quote(row), "206\t05\t01\t机构运行\t292.54\t292.45\t\n");
        return DocumentAudit.auditText("sci-tech.txt", slipped, LIB, "sci-tech.txt");
    }

    @Test
    void jsonHasTheTablesTheFindingsWithEvidenceTheFactsAndTheNotes() throws IOException {
        DocumentAudit.Result a = slipped();
        JsonNode root = new ObjectMapper().readTree(ReportJson.write(a));
        assertThat(root.get("tables")).hasSize(11);
        assertThat(root.get("unit").asText()).isEqualTo("乌鲁木齐科技信息服务中心");
        assertThat(root.get("format").asText()).isEqualTo("text");
        assertThat(root.get("facts").isArray()).isTrue();
        assertThat(root.get("notes").isArray()).isTrue();
        assertThat(root.get("counts").get("error").asLong()).isEqualTo(a.findings().stream().filter(f -> f.severity() == Severity.ERROR).count()).isPositive();
        JsonNode rowSum = null;
        for (JsonNode f : root.get("findings")) {
            if (f.get("id").asText().equals("row-sum") && f.get("code").asText().equals("2060501")) rowSum = f;
        }
        assertThat(rowSum).isNotNull();
        assertThat(rowSum.get("severity").asText()).isEqualTo("error");
        assertThat(rowSum.get("found").asText()).isEqualTo("292.54");
        assertThat(rowSum.get("expected").asText()).isEqualTo("292.45");
        // the evidence is the printed row, with its line
        assertThat(rowSum.get("evidence").get("text").asText()).isEqualTo("206 | 05 | 01 | 机构运行 | 292.54 | 292.45");
        int line = rowSum.get("evidence").get("line").asInt();
        assertThat(a.line(line)).contains("292.45");
        assertThat(rowSum.get("evidence").get("page").isNull()).isTrue();
    }

    @Test
    void csvIsUtf8WithBomOneFindingPerRowAndSafeForSpreadsheets() throws IOException {
        DocumentAudit.Result a = slipped();
        String csv = ReportCsv.write(a);
        assertThat(csv).startsWith(ReportCsv.BOM + "\"严重程度\",\"审核编号\"");
        List<String> rows = csv.substring(1).lines().toList();
        assertThat(rows).hasSize(a.findings().size() + 1);
        assertThat(rows).anyMatch(r -> r.startsWith("\"错误\",\"row-sum\"") && r.contains("\"2060501\"") && r.contains("206 | 05 | 01 | 机构运行"));
        // formulas are defused, plain negative numbers kept, quotes doubled
        assertThat(ReportCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.field("+1+2")).isEqualTo("\"'+1+2\"");
        assertThat(ReportCsv.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ReportCsv.field("-cmd|' /C calc'!A0")).startsWith("\"'-cmd");
        assertThat(ReportCsv.field("\tx")).isEqualTo("\"'\tx\"");
        assertThat(ReportCsv.field("-5.00")).isEqualTo("\"-5.00\"");
        assertThat(ReportCsv.field("-1,234.50")).isEqualTo("\"-1,234.50\"");
    }

    @Test
    void htmlIsSelfContainedGroupedBySeverityWithCountsAndEvidence() throws IOException {
        DocumentAudit.Result a = slipped();
        String html = ReportHtml.write(a);
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("src=").doesNotContain("href=\"http")
                .doesNotContain("<link");
        long errors = a.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        assertThat(html).contains("<span class=\"error\">错误 " + errors + "</span>");
        int e = html.indexOf("<h2 id=\"error\">"), w = html.indexOf("<h2 id=\"warning\">"), n = html.indexOf("<h2 id=\"notice\">");
        assertThat(e).isPositive();
        if (w > 0) assertThat(w).isGreaterThan(e);
        if (n > 0) assertThat(n).isGreaterThan(Math.max(e, w));
        assertThat(html).contains("206 | 05 | 01 | 机构运行 | 292.54 | 292.45");
        assertThat(ReportHtml.esc("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    @Test
    void pdfFindingsCarryTheirPage() throws IOException {
        DocumentAudit.Result a = DocumentAudit.run(PdfFixtures.DIR.resolve("urumqi-industry-it-bureau-2024.published.libreoffice.pdf"), LIB);
        List<Finding> names = a.findings().stream().filter(f -> f.id().equals("C.func.name")).toList();
        assertThat(names).isNotEmpty();
        for (Finding f : names) {
            Evidence ev = Evidence.of(a, f);
            assertThat(ev.page()).as(f.location()).isPositive();
            assertThat(ev.text()).as(f.location()).contains(f.found());
        }
        assertThat(ReportHtml.write(a)).contains("<td class=\"num\">" + Evidence.of(a, names.get(0)).page() + "</td>");

        // with the PDF's bytes, each page of an error or warning is drawn under the tables, its page number a link to it
        String html = ReportHtml.write(a, java.nio.file.Files.readAllBytes(PdfFixtures.DIR.resolve("urumqi-industry-it-bureau-2024.published.libreoffice.pdf")));
        java.util.Set<Integer> pages = new java.util.TreeSet<>();
        for (Finding f : a.findings()) if (f.severity() != org.openbudget.core.check.Severity.NOTICE && Evidence.of(a, f).page() > 0) pages.add(Evidence.of(a, f).page());
        assertThat(pages).isNotEmpty();
        for (int p : pages) assertThat(html).contains("<figure id=\"p" + p + "\"><img alt=\"第" + p + "页\" src=\"data:image/png;base64,").contains("<a href=\"#p" + p + "\">");
        assertThat(html.split("<figure ", -1)).hasSize(pages.size() + 1);
        // the cell each of them is about framed on its page: a box from the row's origin
        Finding named = names.get(0);
        var box = Evidence.of(a, named).box();
        assertThat(box).as("the box of %s", named.location()).isNotNull();
        assertThat(html).contains("<span class=\"" + named.severity().json() + "\" title=\"" + ReportHtml.esc(named.location()) + "\" style=\"left:");
        // a name's finding is framed at the name's cell, inside its row and narrower than it (issue 11, item 8)
        for (Finding f : names) {
            var row = a.disclosure().table(f.table()).orElseThrow().rows().stream().filter(r -> r.code().equals(f.code())).findFirst().orElseThrow().origin();
            var cell = Evidence.of(a, f).box();
            assertThat(cell.width()).as(f.location()).isLessThan(row.box().width());
            assertThat(cell.x()).as(f.location()).isGreaterThanOrEqualTo(row.box().x() - 0.5);
            assertThat(cell.x() + cell.width()).as(f.location()).isLessThanOrEqualTo(row.box().x() + row.box().width() + 0.5);
        }
    }

    /**
     * A finding about a table rather than a row has a page too (issue 11, item 8): an empty table without its 空表 note at
     * the table's title (its box), a table not printed on the page where it would be — after the table before it.
     * 普陀区财政局's 决算 (测试问题版本) leaves out 表3 and prints 表7 empty without a note.
     */
    @Test
    void aTablesFindingIsOnTheTablesPageAtItsTitle() {
        Path pdf = Path.of("../../shared/realdocs/shanghai-putuo/2024年度普陀区财政局部门决算（测试问题版本）.pdf");
        assumeTrue(Files.isRegularFile(pdf), "shared/realdocs not present");
        DocumentAudit.Result a = DocumentAudit.run(pdf, LIB);
        Finding empty = a.findings().stream().filter(f -> f.id().equals("empty-note")).findFirst().orElseThrow();
        Evidence e = Evidence.of(a, empty);
        assertThat(e.page()).isPositive();
        assertThat(e.text().replace(" ", "")).contains("三公");
        assertThat(e.box()).isNotNull();
        assertThat(a.page(e.line())).isEqualTo(e.page());
        Finding missing = a.findings().stream().filter(f -> f.id().equals("table-missing")).findFirst().orElseThrow();
        Evidence m = Evidence.of(a, missing);
        // after the last row of 表2, the table the template lists before it
        var before = a.disclosure().table(missing.table() - 1).orElseThrow();
        var lastRow = before.rows().get(before.rows().size() - 1).origin();
        assertThat(m.page()).isEqualTo(lastRow.page());
        assertThat(m.line()).isGreaterThanOrEqualTo(lastRow.line());
        assertThat(m.box()).isNull();
    }
}
