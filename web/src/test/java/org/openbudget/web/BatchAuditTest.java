package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.report.Scores;
import org.openbudget.core.score.Scorecard;
import org.openbudget.web.batch.BatchService;
import org.openbudget.web.db.repositories.BatchRepository;
import org.openbudget.web.service.BudgetService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The region's batch audit (issue 14): a reviewer uploads a zip of published texts, the job reads them in the background,
 * the dashboard scores each agency as the CLI's summary does, the export reads back, the transparency page shows only
 * what a published batch says; bad uploads are refused saying which file and why; a restart reads again what was left.
 */
class BatchAuditTest extends WebTestBase {
    /** Our renderer's PDFs of the examples, committed with the audit's tests (a clean clone has no ../shared). */
    static final Path EXAMPLES = Path.of("../audit/src/test/resources/pdf");

    @Autowired BatchService batches;
    @Autowired BatchRepository repository;
    @Autowired BudgetService budgets;
    @Autowired JdbcClient db;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    /** A region of its own, so that no other test's agencies of the same names make a match ambiguous. */
    static final String REGION = "659901", BUREAU_B = "659901001", SME_B = "659901001003", SCITECH_B = "659901002", WHO = "batch-reviewer";
    @Autowired org.openbudget.web.db.repositories.AgencyRepository agencies;

    @org.junit.jupiter.api.BeforeEach
    void region() {
        if (accounts.find(WHO).isPresent()) return;
        agencies.upsertRegion(REGION, "批量审核测试市");
        agencies.upsert(new org.openbudget.web.db.repositories.Agency(BUREAU_B, "乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）", "部门", "行政", REGION, null, 0));
        agencies.upsert(new org.openbudget.web.db.repositories.Agency(SME_B, "乌鲁木齐市中小企业服务中心", "单位", "事业", REGION, BUREAU_B, 3));
        agencies.upsert(new org.openbudget.web.db.repositories.Agency(SCITECH_B, "乌鲁木齐科技信息服务中心", "单位", "事业", REGION, null, 0));
        accounts.insert(new org.openbudget.web.security.BudgetUser(WHO, "{noop}x", org.openbudget.web.security.Role.REVIEWER, null, REGION, "批量审核人", true));
    }

    static byte[] zip(String... namesAndFiles) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b, StandardCharsets.UTF_8)) {
            for (int i = 0; i < namesAndFiles.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndFiles[i]));
                z.write(Files.readAllBytes(EXAMPLES.resolve(namesAndFiles[i + 1])));
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    MockHttpServletResponse upload(String who, MockMultipartFile... files) throws Exception {
        var b = MockMvcRequestBuilders.multipart("/batch");
        for (MockMultipartFile f : files) b.file(f);
        return mvc.perform(b.param("title", "测试批次").with(csrf()).with(user(as(who)))).andReturn().getResponse();
    }

    MockHttpServletResponse get(String who, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(user(as(who)))).andReturn().getResponse();
    }

    @Test
    void aZipOfTwoPublishedTextsIsAuditedScoredMatchedAndExported() throws Exception {
        byte[] zip = zip("公开/中小企业服务中心.pdf", "urumqi-sme-center-2024.render.pdf", "公开/科技信息服务中心.pdf", "urumqi-sci-tech-info-center-2024.render.pdf");
        MockHttpServletResponse r = upload(WHO, new MockMultipartFile("files", "乌鲁木齐市2024.zip", "application/zip", zip));
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        long id = Long.parseLong(r.getRedirectedUrl().replace("/batch/", ""));
        assertThat(batches.await(id, Duration.ofSeconds(60))).as("the job finishes").isTrue();

        JsonNode progress = new ObjectMapper().readTree(get(WHO, "/api/batch/" + id + "/progress").getContentAsString(StandardCharsets.UTF_8));
        assertThat(progress.get("status").asText()).isEqualTo("DONE");
        assertThat(progress.get("done").asLong()).isEqualTo(2);
        assertThat(progress.get("total").asLong()).isEqualTo(2);

        List<BatchRepository.Doc> docs = repository.docs(id);
        assertThat(docs).extracting(BatchRepository.Doc::fileName)
                .containsExactly("乌鲁木齐市2024.zip › 公开/中小企业服务中心.pdf", "乌鲁木齐市2024.zip › 公开/科技信息服务中心.pdf");
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo("DONE");
            assertThat(d.sha256()).hasSize(64);
            assertThat(d.docYear()).isEqualTo(2024);
            assertThat(d.basis()).isEqualTo("预算");
            assertThat(d.matchedBy()).isEqualTo("自动");
        });
        // matched to the registry by the name each document prints
        assertThat(docs).extracting(BatchRepository.Doc::agencyCode).containsExactly(SME_B, SCITECH_B);
        assertThat(docs.get(0).sha256()).isEqualTo(sha256(Files.readAllBytes(EXAMPLES.resolve("urumqi-sme-center-2024.render.pdf"))));

        // the same scores as ./budget audit gives the file (same Scoring, same rubric)
        DocumentAudit.Result read = DocumentAudit.run(EXAMPLES.resolve("urumqi-sme-center-2024.render.pdf"), budgets.library());
        DocumentAudit.Result direct = new DocumentAudit.Result(read.file(), read.format(), read.disclosure(), read.notes(),
                budgets.applySeverities(read.findings()), read.read(), read.lines(), read.pageOfLine());   // at the administrator's severities, as the web reads
        Scorecard expected = Scores.of(direct, budgets.library());
        String job = page(WHO, "/batch/" + id);
        assertThat(job).contains("已完成", "乌鲁木齐市中小企业服务中心", "自动");
        String dash = page(WHO, "/dashboard/2024?sort=overall&dir=desc");
        assertThat(dash).contains("乌鲁木齐市中小企业服务中心", "乌鲁木齐科技信息服务中心", "完整性", "细化程度", "准确性",
                "<td class=\"num overall\">" + expected.overall().toPlainString() + "</td>");
        assertThat(dash).contains("id=\"distribution\"");
        assertThat(page(WHO, "/dashboard/2024?kind=部门")).doesNotContain("乌鲁木齐科技信息服务中心");
        String card = page(WHO, "/dashboard/2024/agencies/" + SME_B);
        assertThat(card).contains("综合得分 " + expected.overall().toPlainString());
        // a document's findings, each with where it is in the file (a text: its line)
        String doc = page(WHO, "/batch/" + id + "/documents/" + docs.get(0).id());
        assertThat(doc).contains("乌鲁木齐市中小企业服务中心", "SHA-256 " + docs.get(0).sha256());
        direct.findings().stream().limit(3).forEach(f -> assertThat(doc).contains("编号 " + f.id(), f.location()));
        assertThat(get(WHO, "/batch/" + id + "/documents/" + docs.get(0).id() + "/file").getContentAsByteArray())
                .isEqualTo(Files.readAllBytes(EXAMPLES.resolve("urumqi-sme-center-2024.render.pdf")));

        // the export: the table and every finding, read back
        MockHttpServletResponse x = get(WHO, "/dashboard/2024/export.xlsx");
        assertThat(x.getStatus()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.getContentAsByteArray()))) {
            Sheet table = wb.getSheet("批量审核");
            List<String> header = cells(table.getRow(0));
            assertThat(header).contains("文件", "单位", "综合得分", "完整性", "准确性", "错误");
            int unit = header.indexOf("单位"), overall = header.indexOf("综合得分"), errors = header.indexOf("错误");
            Row sme = null;
            for (Row row : table) if (row.getRowNum() > 0 && cells(row).get(unit).equals("乌鲁木齐市中小企业服务中心")) sme = row;
            assertThat(sme).as("the SME centre's line").isNotNull();
            assertThat(sme.getCell(overall).getNumericCellValue()).isEqualTo(expected.overall().doubleValue());
            long errorsDirect = direct.findings().stream().filter(f -> f.severity() == org.openbudget.core.check.Severity.ERROR).count();
            assertThat((long) sme.getCell(errors).getNumericCellValue()).isEqualTo(errorsDirect);
            assertThat(wb.getSheet("审核结果").getLastRowNum()).as("every finding of both documents").isGreaterThanOrEqualTo(direct.findings().size());
        }
        String csv = get(WHO, "/dashboard/2024/export.csv").getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"文件\"").contains("乌鲁木齐市中小企业服务中心");
        assertThat(get(WHO, "/dashboard/2024/findings.csv").getContentAsString(StandardCharsets.UTF_8)).startsWith("\uFEFF\"文件\",\"单位\",\"级别\"");

        // the public page: nothing until the batch is published, then scores and counts only
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/transparency/" + REGION + "/2024")).andReturn().getResponse().getStatus()).isEqualTo(404);
        MockHttpServletResponse pub = mvc.perform(MockMvcRequestBuilders.post("/batch/" + id + "/publish").param("publish", "true")
                .with(csrf()).with(user(as(WHO)))).andReturn().getResponse();
        assertThat(pub.getStatus()).isEqualTo(302);
        MockHttpServletResponse t = mvc.perform(MockMvcRequestBuilders.get("/transparency/" + REGION + "/2024")).andReturn().getResponse();
        assertThat(t.getStatus()).isEqualTo(200);
        String open = t.getContentAsString(StandardCharsets.UTF_8);
        assertThat(open).contains("乌鲁木齐市中小企业服务中心", expected.overall().toPlainString())
                .doesNotContain(".pdf", "扣分", WHO, "批量审核人", "/batch/", "/dashboard/");
        if (!direct.findings().isEmpty()) assertThat(open).doesNotContain(direct.findings().get(0).message());
        assertThat(t.getHeader("Set-Cookie")).as("a public read makes no session").isNull();
        assertThat(page(null, "/transparency")).contains("/transparency/" + REGION + "/2024");
        mvc.perform(MockMvcRequestBuilders.post("/batch/" + id + "/publish").param("publish", "false").with(csrf()).with(user(as(WHO))));
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/transparency/" + REGION + "/2024")).andReturn().getResponse().getStatus()).isEqualTo(404);

        // the reviewer assigns a document by hand: its agency changes, and the name read is remembered as an alias
        mvc.perform(MockMvcRequestBuilders.post("/batch/" + id + "/documents/" + docs.get(1).id() + "/agency").param("agency", "").param("code", SME_B)
                .with(csrf()).with(user(as(WHO))));
        BatchRepository.Doc assigned = repository.docs(id).get(1);
        assertThat(assigned.agencyCode()).isEqualTo(SME_B);
        assertThat(assigned.matchedBy()).isEqualTo("人工");
        assertThat(repository.aliases(REGION).get(SME_B)).contains("乌鲁木齐科技信息服务中心");
        // the dashboard follows at once (its rows, kept between requests, are computed again when their data changes):
        // the centre's card now shows the document assigned to it, its latest 预算
        assertThat(page(WHO, "/dashboard/2024/agencies/" + SME_B)).contains("预算：乌鲁木齐市2024.zip › 公开/科技信息服务中心.pdf");
        db.sql("delete from agency_alias where agency_code = ?").param(SME_B).update();
        repository.assign(assigned.id(), SCITECH_B);
        assertThat(page(WHO, "/dashboard/2024/agencies/" + SME_B)).doesNotContain("公开/科技信息服务中心.pdf");

        // another region's reviewer sees none of it
        assertThat(get("karamay", "/batch/" + id).getStatus()).isEqualTo(403);
        assertThat(page("karamay", "/dashboard/2024")).doesNotContain("乌鲁木齐市中小企业服务中心");
    }

    @Test
    void badFilesAreRefusedSayingWhichAndWhy() throws Exception {
        // a file that is no document is kept as refused with why; the others are read
        MockHttpServletResponse r = upload(WHO,
                new MockMultipartFile("files", "说明.docx", "application/octet-stream", "PK not a document".getBytes(StandardCharsets.UTF_8)),
                new MockMultipartFile("files", "sme.pdf", "application/pdf", Files.readAllBytes(EXAMPLES.resolve("urumqi-sme-center-2024.render.pdf"))));
        assertThat(r.getStatus()).isEqualTo(302);
        long id = Long.parseLong(r.getRedirectedUrl().replace("/batch/", ""));
        assertThat(batches.await(id, Duration.ofSeconds(60))).isTrue();
        List<BatchRepository.Doc> docs = repository.docs(id);
        assertThat(docs.get(0).status()).isEqualTo("REFUSED");
        assertThat(docs.get(0).message()).contains("不是 PDF、OFD 或文本");
        assertThat(page(WHO, "/batch/" + id)).contains("说明.docx", "不是 PDF、OFD 或文本");

        // a broken zip, or one that inflates a hundredfold: the whole upload is refused, naming the zip; nothing stored
        long before = db.sql("select count(*) from batch_job").query(Long.class).single();
        MockHttpServletResponse broken = upload(WHO, new MockMultipartFile("files", "坏的.zip", "application/zip", new byte[]{'P', 'K', 3, 4, 9, 9, 9}));
        assertThat(broken.getStatus()).isEqualTo(400);
        assertThat(broken.getContentAsString(StandardCharsets.UTF_8)).contains("坏的.zip", "zip");
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.putNextEntry(new ZipEntry("炸弹.txt"));
            z.write(new byte[8 << 20]);
            z.closeEntry();
        }
        MockHttpServletResponse b = upload(WHO, new MockMultipartFile("files", "炸弹.zip", "application/zip", bomb.toByteArray()));
        assertThat(b.getStatus()).isEqualTo(400);
        assertThat(b.getContentAsString(StandardCharsets.UTF_8)).contains("炸弹.zip", "压缩炸弹");
        assertThat(upload(WHO).getStatus()).as("no file at all").isEqualTo(400);
        // more files in one request than the server parses (server.tomcat.max-part-count): 400 saying so, through the real server
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1_101; i++)
            body.append("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"").append(i).append(".txt\"\r\n\r\nx\r\n");
        body.append("--b--\r\n");
        var http = java.net.http.HttpClient.newHttpClient();
        var many = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/batch"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("reviewer:demo2024".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=b").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(many.body()).contains("文件太多");
        assertThat(db.sql("select count(*) from batch_job").query(Long.class).single()).isEqualTo(before);

        // odd addresses and values: refused or not found, never a server error
        for (String path : List.of("/batch/abc", "/batch/999999", "/batch/" + id + "/documents/999999", "/batch/" + id + "/documents/x/file",
                "/dashboard/abc", "/dashboard/99999999999", "/dashboard/2024/agencies/%3Cscript%3E", "/dashboard/2024?sort=%3Cx%3E&dir=up&errors=maybe",
                "/api/batch/abc/progress", "/api/batch/999999/progress")) {
            int status = get(WHO, path).getStatus();
            assertThat(status).as(path).isBetween(200, 499);
        }
        for (String path : List.of("/transparency/abc/2024", "/transparency/" + REGION + "/abc", "/transparency/" + REGION + "/1999"))
            assertThat(mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse().getStatus()).as(path).isBetween(400, 499);
        MockHttpServletResponse badYear = mvc.perform(MockMvcRequestBuilders.multipart("/batch")
                .file(new MockMultipartFile("files", "a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)))
                .param("year", "二〇二四").with(csrf()).with(user(as(WHO)))).andReturn().getResponse();
        assertThat(badYear.getStatus()).isEqualTo(422);
        assertThat(badYear.getContentAsString(StandardCharsets.UTF_8)).contains("年度应为四位数的年份");
    }

    /**
     * An OFD's finding opens its page as a PDF's does: the SME centre's 预算 as our renderer writes it in OFD, one amount of
     * its 收支总表 changed (and its name, so that it matches no agency of the other tests): the document lists the errors
     * with their page as a link; the page is drawn from the OFD's text objects (a PNG the page's size) with the error's
     * cell framed; the file itself is downloaded as an OFD.
     */
    @Test
    void anOfdsFindingOpensOnItsPageDrawnFromItsTextObjects() throws Exception {
        var l = new org.openbudget.io.Workspace(budgets.library()).load(Path.of("../examples/urumqi-sme-center-2024"));
        var d = l.disclosure();
        var t = d.tables().get(0);
        List<org.openbudget.core.disclosure.Row> rows = new ArrayList<>(t.rows());
        int at = 0;
        while (rows.get(at).values().isEmpty() || rows.get(at).values().get(0) == null || rows.get(at).values().get(0).signum() == 0) at++;
        var r = rows.get(at);
        List<java.math.BigDecimal> v = new ArrayList<>(r.values());
        v.set(0, v.get(0).add(java.math.BigDecimal.ONE));
        rows.set(at, new org.openbudget.core.disclosure.Row(r.side(), r.kind(), r.key(), r.code(), r.name(), r.project(), r.unit(), v, r.origin()));
        var tables = new ArrayList<>(d.tables());
        tables.set(0, new org.openbudget.core.disclosure.DisclosureTable(t.no(), t.title(), t.columns(), rows, t.empty(), t.emptyNote(), t.id(), t.mark()));
        var planted = new org.openbudget.core.disclosure.Disclosure("版式测试服务中心", d.kind(), d.year(), d.profileId(), tables, d.text(), d.origin());
        ByteArrayOutputStream ofd = new ByteArrayOutputStream();
        org.openbudget.render.Renderers.of(org.openbudget.render.Format.OFD).write(new org.openbudget.render.layout.DocumentView(planted, l.profile()), ofd);

        MockHttpServletResponse up = upload(WHO, new MockMultipartFile("files", "版式测试服务中心.ofd", "application/ofd", ofd.toByteArray()));
        assertThat(up.getStatus()).as(up.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        long id = Long.parseLong(up.getRedirectedUrl().replace("/batch/", ""));
        assertThat(batches.await(id, Duration.ofSeconds(60))).isTrue();
        BatchRepository.Doc doc = repository.docs(id).get(0);
        assertThat(doc.status()).isEqualTo("DONE");
        String base = "/batch/" + id + "/documents/" + doc.id();
        String listing = page(WHO, base);
        var link = java.util.regex.Pattern.compile("class=\"on-page\"\\s+href=\"(" + java.util.regex.Pattern.quote(base) + "/pages/(\\d+)\\?f=(\\d+))#f\\d+\"").matcher(listing);
        assertThat(link.find()).as("an error's page is a link to the page drawn").isTrue();
        int pageNo = Integer.parseInt(link.group(2));

        String pageView = page(WHO, link.group(1).replace("&amp;", "&"));
        assertThat(pageView).contains("第 " + pageNo + " 页", base + "/pages/" + pageNo + "/image", "下载 OFD 文件")
                .contains("class=\"box error")
                .containsPattern("class=\"box [^\"]*focus\" id=\"f" + link.group(3) + "\"");
        MockHttpServletResponse image = get(WHO, base + "/pages/" + pageNo + "/image");
        assertThat(image.getStatus()).isEqualTo(200);
        assertThat(image.getContentType()).startsWith("image/png");
        var png = javax.imageio.ImageIO.read(new ByteArrayInputStream(image.getContentAsByteArray()));
        assertThat(png.getWidth()).as("A4 at 96 dpi").isBetween(790, 797);
        assertThat(get(WHO, base + "/pages/999").getStatus()).isEqualTo(404);
        MockHttpServletResponse file = get(WHO, base + "/file");
        assertThat(file.getContentType()).startsWith("application/ofd");
        assertThat(file.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(file.getContentAsByteArray()).isEqualTo(ofd.toByteArray());
    }

    @Test
    void aRestartReadsAgainWhatWasLeftAndACancelledJobReadsNoMore() throws Exception {
        byte[] text = Files.readAllBytes(EXAMPLES.resolve("urumqi-sci-tech-info-center-2024.render.pdf"));
        // a job stored, one document half-read when the server stopped (RUNNING), one waiting: nothing queued in this server
        long id = repository.create(REGION, 2024, "重启", WHO, List.of(
                new BatchRepository.NewDoc("a.pdf", sha256(text), text.length, text, null),
                new BatchRepository.NewDoc("b.pdf", sha256(text), text.length, text, null)));
        db.sql("update batch_document set status = 'RUNNING', started_at = now() where job_id = ? and position = 0").param(id).update();
        long cancelled = repository.create(REGION, 2024, "取消", WHO, List.of(new BatchRepository.NewDoc("c.pdf", sha256(text), text.length, text, null)));
        batches.cancel(as(WHO), cancelled);

        batches.resume();   // what the server does on start
        assertThat(batches.await(id, Duration.ofSeconds(60))).isTrue();
        assertThat(repository.docs(id)).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo("DONE");
            assertThat(d.agencyCode()).isEqualTo(SCITECH_B);
        });
        assertThat(repository.job(id).orElseThrow().status()).isEqualTo("DONE");
        assertThat(repository.job(cancelled).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(repository.docs(cancelled)).extracting(BatchRepository.Doc::status).containsExactly("CANCELLED");
    }

    static List<String> cells(Row r) {
        DataFormatter f = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.getLastCellNum(); i++) out.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
        return out;
    }

    static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }
}
