package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.compare.Compare;
import org.openbudget.core.score.Scorecard;
import org.openbudget.core.score.Scoring;
import org.openbudget.io.Workspace;
import org.openbudget.render.Format;
import org.openbudget.render.Renderers;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.web.batch.BatchService;
import org.openbudget.web.batch.RegionScoring;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.BatchRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.BudgetService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A region's scoring (issue 14): the administrator's weights and points, validated and effective at once on every score
 * shown; 一致性 from the comparison of an agency's 预算 and 决算 in the batches; 及时性 from the date typed at upload and the
 * approval date; and the province's inspector, who runs batches and reads dashboards of the regions under it only.
 */
class RegionScoringTest extends WebTestBase {
    static final String REGION = "659902", SME_C = "659902001003", WHO = "scoring-reviewer";
    static final Path PDFS = Path.of("../audit/src/test/resources/pdf");

    @Autowired BatchService batches;
    @Autowired BatchRepository repository;
    @Autowired BudgetService budgets;
    @Autowired RegionScoring scoring;
    @Autowired AgencyRepository agencies;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void region() {
        if (accounts.find(WHO).isPresent()) return;
        agencies.upsertRegion(REGION, "评分测试市");
        agencies.upsert(new Agency(SME_C, "乌鲁木齐市中小企业服务中心", "单位", "事业", REGION, null, 0));
        accounts.insert(new BudgetUser(WHO, "{noop}x", Role.REVIEWER, null, REGION, "评分测试审核人", true));
    }

    /** The SME centre's 2024 决算 (examples/urumqi-sme-center-final-2024) as our renderer prints it. */
    byte[] finalAccountsPdf() throws Exception {
        Workspace.Loaded l = new Workspace(budgets.library()).load(Path.of("../examples/urumqi-sme-center-final-2024"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Renderers.of(Format.PDF).write(new DocumentView(l.disclosure(), l.profile()), out);
        return out.toByteArray();
    }

    MockHttpServletResponse get(String who, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(user(as(who)))).andReturn().getResponse();
    }

    MvcResult post(String who, String path, Map<String, String> params) throws Exception {
        var b = MockMvcRequestBuilders.post(path).with(csrf()).with(user(as(who)));
        params.forEach(b::param);
        return mvc.perform(b).andReturn();
    }

    @Test
    void weightsDatesAndTheComparisonScoreEveryDocumentAsTheRegionSays() throws Exception {
        byte[] budget = Files.readAllBytes(PDFS.resolve("urumqi-sme-center-2024.render.pdf")), fin = finalAccountsPdf();
        MockHttpServletResponse up = mvc.perform(MockMvcRequestBuilders.multipart("/batch")
                .file(new MockMultipartFile("files", "中小企业服务中心2024年预算.pdf", "application/pdf", budget))
                .file(new MockMultipartFile("files", "中小企业服务中心2024年决算.pdf", "application/pdf", fin))
                .param("published", "2024-02-20").with(csrf()).with(user(as(WHO)))).andReturn().getResponse();
        assertThat(up.getStatus()).as(up.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        long id = Long.parseLong(up.getRedirectedUrl().replace("/batch/", ""));
        assertThat(batches.await(id, Duration.ofSeconds(120))).isTrue();
        List<BatchRepository.Doc> docs = repository.docs(id);
        assertThat(docs).extracting(BatchRepository.Doc::basis).containsExactly("预算", "决算");
        assertThat(docs).extracting(BatchRepository.Doc::agencyCode).containsOnly(SME_C);
        assertThat(docs).extracting(BatchRepository.Doc::publishedOn).containsOnly(java.time.LocalDate.of(2024, 2, 20));

        // 一致性: the pair compared as ./budget compare compares it, scored by the rubric's comparison items
        var lib = budgets.library();
        DocumentAudit.Result b = DocumentAudit.run("b.pdf", budget, lib), f = DocumentAudit.run("f.pdf", fin, lib);
        List<Finding> cmp = Compare.compare(b.disclosure(), lib.profile(b.disclosure().profileId()), f.disclosure(), lib.profile(f.disclosure().profileId()),
                lib.year(2024).sources(), lib.compareRules(), f::page).findings();
        long errors = cmp.stream().filter(x -> x.severity() == Severity.ERROR).count(), warnings = cmp.stream().filter(x -> x.severity() == Severity.WARNING).count();
        String consistency = BigDecimal.valueOf(Math.max(0, 60 - 10 * errors) + Math.max(0, 40 - 2 * warnings)).setScale(1).toPlainString();
        String card = page(WHO, "/dashboard/2024/agencies/" + SME_C);
        assertThat(card).contains("一致性（权重 10）：" + consistency);
        // 及时性: no approval date yet — not assessed, saying why (not a 0)
        assertThat(card).contains("及时性（权重 10）：未评；未评：未设批复日期");

        // the administrator sets the 预算's approval date: the 预算 published on the 19th day after it is on time
        assertThat(post("admin", "/admin/scoring/" + REGION + "/approvals", Map.of("year", "2024", "basis", "预算", "date", "2024-02-01"))
                .getFlashMap().get("ok")).isNotNull();
        card = page(WHO, "/dashboard/2024/agencies/" + SME_C);
        assertThat(card).contains("及时性（权重 10）：100.0；批复日期 2024-02-01，公开日期 2024-02-20（上传时填写）：批复后第 19 日公开，在 20 日内");
        MvcResult badDate = post("admin", "/admin/scoring/" + REGION + "/approvals", Map.of("year", "2024", "basis", "决算", "date", "2024-13-01"));
        assertThat((String) badDate.getFlashMap().get("error")).contains("批复日期应为 年-月-日", "2024-13-01");

        // weights refused where they are wrong, nothing saved, no server error
        MvcResult bad = post("admin", "/admin/scoring/" + REGION, Map.of("v:accuracy", "很多", "v:completeness/名词解释", "101", "v:nothing", "5"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(302);
        assertThat((String) bad.getFlashMap().get("error")).contains("评分权重有 3 处错误，未保存");
        @SuppressWarnings("unchecked") List<String> problems = (List<String>) bad.getFlashMap().get("problems");
        assertThat(String.join("\n", problems)).contains("「准确性 的权重」：应为 0 至 100 的整数，实际为「很多」",
                "「完整性「名词解释」的分值」：应为 0 至 100 的整数，实际为「101」", "评分细则中没有「nothing」这一项");
        assertThat(scoring.rubric(REGION)).isEqualTo(lib.rubric());
        assertThat(post("admin", "/admin/scoring/" + REGION, Map.of("v:completeness", "0", "v:detail", "0", "v:accuracy", "0",
                "v:consistency", "0", "v:timeliness", "0")).getFlashMap().get("problems").toString()).contains("至少一个维度的权重应大于 0");

        // only 完整性 weighed, 名词解释 worth nothing: the overall is the 完整性 score, as the document scored directly by that rubric
        assertThat(post("admin", "/admin/scoring/" + REGION, Map.of("v:completeness", "100", "v:detail", "0", "v:accuracy", "0", "v:consistency", "0",
                "v:timeliness", "0", "v:completeness/名词解释", "0")).getFlashMap().get("ok")).isNotNull();
        var rubric = scoring.rubric(REGION);
        assertThat(rubric).isNotEqualTo(lib.rubric());
        DocumentAudit.Result direct = new DocumentAudit.Result(b.file(), b.format(), b.disclosure(), b.notes(), budgets.applySeverities(b.findings()),
                b.read(), b.lines(), b.pageOfLine());
        Scorecard expected = Scoring.score(rubric, direct.disclosure(), lib.profile(direct.disclosure().profileId()), direct.findings(),
                String.join("\n", direct.lines()));
        String dash = page(WHO, "/dashboard/2024?basis=预算");
        assertThat(dash).contains("完整性（100）", "准确性（0）", "<td class=\"num overall\">" + expected.printed("completeness") + "</td>");
        assertThat(page("admin", "/admin/scoring/" + REGION)).contains("评分测试市 的评分权重", "（已改）", "2024-02-01");
        // the export carries the same scores
        assertThat(get(WHO, "/dashboard/2024/export.csv").getContentAsString(StandardCharsets.UTF_8)).contains(expected.printed("completeness"));
        // a reviewer does not set weights
        assertThat(post(WHO, "/admin/scoring/" + REGION, Map.of("v:accuracy", "1")).getResponse().getStatus()).isEqualTo(403);

        // the year before, side by side: the centre's 2023 预算 (its reading stored as a batch of that year) is scored as
        // the region scores 2023, and the 2024 table shows that score beside its own with the change
        BatchRepository.Doc now = repository.latestOf(REGION, SME_C, 2024, "预算").orElseThrow();
        long before = repository.create(REGION, 2023, "2023年的公开文件", WHO, List.of(new BatchRepository.NewDoc("2023年预算.pdf", "before-2023", 0, null, "—")));
        jdbc.sql("update batch_document set status = 'DONE', doc_year = 2023, basis = '预算', agency_code = ?, summary = cast(? as jsonb) where job_id = ?")
                .params(SME_C, now.summary(), before).update();
        java.util.regex.Matcher overall2023 = java.util.regex.Pattern.compile("<td class=\"num overall\">([0-9.]+)</td>").matcher(page(WHO, "/dashboard/2023?basis=预算"));
        assertThat(overall2023.find()).isTrue();
        java.util.regex.Matcher overall2024 = java.util.regex.Pattern.compile("<td class=\"num overall\">([0-9.]+)</td>").matcher(page(WHO, "/dashboard/2024?basis=预算"));
        assertThat(overall2024.find()).isTrue();
        BigDecimal change = new BigDecimal(overall2024.group(1)).subtract(new BigDecimal(overall2023.group(1)));
        assertThat(page(WHO, "/dashboard/2024?basis=预算")).contains(">2023年</th>", "<td class=\"num before\"><span>" + overall2023.group(1) + "</span>"
                + "<span class=\"change\">" + (change.signum() > 0 ? " (+" + change + ")" : " (" + change + ")") + "</span></td>");
    }

    @Test
    void theInspectorRunsBatchesAndReadsDashboardsOfTheRegionsUnderItsProvinceOnly() throws Exception {
        assertThat(batches.regionsOf(as("inspector"))).containsKeys("650100", "650200", REGION).doesNotContainKey("110000");
        // a batch of 克拉玛依市, uploaded by the inspector
        MockHttpServletResponse up = mvc.perform(MockMvcRequestBuilders.multipart("/batch")
                .file(new MockMultipartFile("files", "x.txt", "text/plain", "不是文档".getBytes(StandardCharsets.UTF_8)))
                .param("region", "650200").with(csrf()).with(user(as("inspector")))).andReturn().getResponse();
        assertThat(up.getStatus()).isEqualTo(302);
        long id = Long.parseLong(up.getRedirectedUrl().replace("/batch/", ""));
        assertThat(repository.job(id).orElseThrow().regionCode()).isEqualTo("650200");
        assertThat(page("inspector", "/batch")).contains("所辖地区的批量审核", "克拉玛依市");
        assertThat(page("inspector", "/dashboard/2024?region=" + REGION)).contains("评分测试市 2024 年公开情况看板", "id=\"regions\"");
        // the region's reviewer sees it; another region's does not; the inspector publishes nothing and reaches nothing else
        assertThat(get("karamay", "/batch/" + id).getStatus()).isEqualTo(200);
        assertThat(get("reviewer", "/batch/" + id).getStatus()).isEqualTo(403);
        assertThat(post("inspector", "/batch/" + id + "/publish", Map.of("publish", "true")).getResponse().getStatus()).isEqualTo(403);
        assertThat(get("inspector", "/dashboard/2024?region=110000").getStatus()).isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.multipart("/batch").file(new MockMultipartFile("files", "x.txt", "text/plain", new byte[]{1}))
                .param("region", "110000").with(csrf()).with(user(as("inspector")))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(get("inspector", "/work").getRedirectedUrl()).isEqualTo("/batch");
        assertThat(get("inspector", "/api/documents/" + SME + "/2024").getStatus()).isEqualTo(403);
        assertThat(get("inspector", "/admin").getStatus()).isEqualTo(403);
    }

    /** A 决算 whose 预算 is not in the batches is compared with the 预算 published on this portal (the demo SME centre's 2024). */
    @Test
    void aFinalAccountsIsComparedWithTheBudgetPublishedHere() throws Exception {
        boolean batchBudget = repository.latestOf("650100", SME, 2024, "预算").isPresent();
        MockHttpServletResponse up = mvc.perform(MockMvcRequestBuilders.multipart("/batch")
                .file(new MockMultipartFile("files", "中小企业服务中心2024年决算.pdf", "application/pdf", finalAccountsPdf()))
                .with(csrf()).with(user(as("reviewer")))).andReturn().getResponse();
        long id = Long.parseLong(up.getRedirectedUrl().replace("/batch/", ""));
        assertThat(batches.await(id, Duration.ofSeconds(120))).isTrue();
        BatchRepository.Doc fin = repository.docs(id).get(0);
        if (fin.agencyCode() == null) {
            // other tests register more agencies of this name in 乌鲁木齐市: the reviewer assigns it (compared then, in the background)
            batches.assign(as("reviewer"), id, fin.id(), SME);
            db.sql("delete from agency_alias where agency_code = ?").param(SME).update();
        }
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (db.sql("select count(*) from batch_comparison where final_doc = ?").param(fin.id()).query(Long.class).single() == 0 && System.nanoTime() < until)
            Thread.sleep(200);
        fin = repository.docs(id).get(0);
        assertThat(fin.agencyCode()).isEqualTo(SME);
        var row = db.sql("select budget_publication, status from batch_comparison where final_doc = ?").param(fin.id())
                .query((rs, i) -> new Object[]{rs.getObject(1), rs.getString(2)}).single();
        assertThat(row[1]).isEqualTo("DONE");
        if (!batchBudget) assertThat(row[0]).as("the published 预算").isNotNull();
        String doc = page("reviewer", "/batch/" + id + "/documents/" + fin.id());
        assertThat(doc).contains("一致性（权重 10）：").doesNotContain("一致性（权重 10）：未评");
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient db;
}
