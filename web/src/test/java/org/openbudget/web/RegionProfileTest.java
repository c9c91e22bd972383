package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.workbook.WorkbookLayout;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.DocumentRepository;
import org.openbudget.web.db.repositories.RegionProfileRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.BudgetService;
import org.openbudget.web.service.DemoData;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The template profile of a finance bureau (region) and year, on the embedded PostgreSQL: the
 * 克拉玛依市 bureau (650200, no demo agency of its own) gets a department and a unit here, and a
 * profile copied from xinjiang-2025. Other regions keep the default (nothing else is assigned).
 */
class RegionProfileTest extends WebTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KARAMAY = DemoData.KARAMAY;
    static final String DEPT = "650200801";
    static final String UNIT = "650200801001";

    @Autowired AgencyRepository agencies;
    @Autowired DocumentRepository documents;
    @Autowired RegionProfileRepository repo;
    @Autowired AuditLogRepository audit;
    @Autowired WorkflowService workflow;
    @Autowired BudgetService budgets;
    @Autowired ReferenceLibrary library;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient db;
    @Autowired org.openbudget.web.service.FormService forms;

    @BeforeEach
    void karamayAgencies() {
        agencies.upsert(new Agency(DEPT, "克拉玛依市测试局", "部门", "行政", KARAMAY, null, 0));
        agencies.upsert(new Agency(UNIT, "乌鲁木齐科技信息服务中心", "单位", "事业", KARAMAY, DEPT, 1));
        if (accounts.find("kprep").isEmpty()) accounts.insert(new BudgetUser("kprep", encoder.encode("x"), Role.PREPARER, UNIT, null, "测试中心 财务", true));
        if (accounts.find("kdept").isEmpty()) accounts.insert(new BudgetUser("kdept", encoder.encode("x"), Role.DEPARTMENT, DEPT, null, "测试局 部门财务", true));
    }

    JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode send(String who, MockHttpServletRequestBuilder b, ResultMatcher expect) throws Exception {
        return json(mvc.perform(b.with(user(as(who))).with(csrf())).andExpect(expect).andReturn());
    }

    JsonNode assign(String region, int year, String profile, int baseVersion, ResultMatcher expect) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", profile);
        body.put("baseVersion", baseVersion);
        body.put("comment", "测试");
        return send("admin", put("/api/admin/region-profiles/" + region + "/" + year).contentType("application/json").content(JSON.writeValueAsString(body)), expect);
    }

    /** The 公开模板 cell of a workbook's 单位信息 sheet. */
    static String profileIn(byte[] xlsx) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet info = wb.getSheet(WorkbookLayout.AGENCY);
            DataFormatter f = new DataFormatter();
            for (Row r : info) if (r.getCell(0) != null && f.formatCellValue(r.getCell(0)).equals(WorkbookLayout.F_PROFILE)) return f.formatCellValue(r.getCell(1));
        }
        throw new AssertionError("no " + WorkbookLayout.F_PROFILE + " row");
    }

    byte[] blank(String who, String code, int year) throws Exception {
        return mvc.perform(get("/api/documents/" + code + "/" + year + "/workbook/blank").with(user(as(who)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    /** The sci-tech center's ledger as the Karamay unit's, in 2025, naming the profile given. */
    static String unitYaml(String profile) {
        return forYear(example("urumqi-sci-tech-info-center-2024/dataset.yaml"), 2025).replace("\"" + SCITECH + "\"", "\"" + UNIT + "\"")
                .replace("profile: xinjiang-2025", "profile: " + profile);
    }

    /** The documents prepared here are budgets: a 决算 template of the year is neither offered nor taken for them. */
    @Test
    void aFinalAccountsTemplateIsNotOfferedForABudget() throws Exception {
        JsonNode view = send("admin", get("/api/admin/region-profiles/" + KARAMAY + "/2024"), status().isOk());
        java.util.List<String> offered = new java.util.ArrayList<>();
        view.get("candidates").forEach(c -> offered.add(c.get("id").asText()));
        assertThat(offered).contains("xinjiang-2024").doesNotContain("shanghai-final-2024");
        JsonNode refused = assign(KARAMAY, 2024, "shanghai-final-2024", 0, status().is4xxClientError());
        assertThat(refused.toString()).contains("决算模板");
        assertThat(repo.history(KARAMAY, 2024)).noneMatch(a -> a.profileId().equals("shanghai-final-2024"));
    }

    @Test
    void aRegionsAgenciesUseTheProfileAssignedToIt() throws Exception {
        // none assigned: the default, xinjiang-2025
        JsonNode before = send("admin", get("/api/admin/region-profiles/" + KARAMAY + "/2025"), status().isOk());
        assertThat(before.get("state").get("profileId").asText()).isEqualTo("xinjiang-2025");
        assertThat(before.get("state").get("assigned").asBoolean()).isFalse();
        assertThat(profileIn(blank("kprep", UNIT, 2025))).isEqualTo("xinjiang-2025");

        // a profile for the bureau, copied from xinjiang-2025, assigned to 克拉玛依市 for 2025
        send("admin", post("/api/admin/profiles").contentType("application/json").content("{\"id\":\"karamay-2025\",\"copyOf\":\"xinjiang-2025\"}"), status().isOk());
        JsonNode v1 = assign(KARAMAY, 2025, "karamay-2025", 0, status().isOk());
        assertThat(v1.get("versionNo").asInt()).isEqualTo(1);
        assertThat(v1.get("profileId").asText()).isEqualTo("karamay-2025");
        assign(KARAMAY, 2025, "xinjiang-2025", 0, status().isConflict());   // stale: read before version 1
        assertThat(repo.history(KARAMAY, 2025)).hasSize(1);

        // the unit's blank workbook (API and page) now carries it; another region's still the default
        assertThat(profileIn(blank("kprep", UNIT, 2025))).isEqualTo("karamay-2025");
        assertThat(profileIn(mvc.perform(get("/work/" + UNIT + "/2025/workbook/blank").with(user(as("kprep")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray())).isEqualTo("karamay-2025");
        assertThat(profileIn(blank("scitech", SCITECH, 2025))).isEqualTo("xinjiang-2025");

        // a dataset naming another profile: refused at its profile line, with the profile expected; nothing saved
        String wrong = unitYaml("xinjiang-2025");
        JsonNode refused = send("kprep", put("/api/documents/" + UNIT + "/2025/dataset").contentType("application/yaml").content(wrong), status().isBadRequest());
        assertThat(refused.get("problems")).hasSize(1);
        JsonNode p = refused.get("problems").get(0);
        assertThat(p.get("field").asText()).isEqualTo("profile");
        assertThat(p.get("line").asInt()).isEqualTo(WorkflowServiceTest.lineOf(wrong, "profile: xinjiang-2025"));
        assertThat(p.get("message").asText()).contains("模板应为 karamay-2025", "克拉玛依市 2025 年", "实际为 xinjiang-2025");
        assertThat(documents.find(UNIT, 2025)).isEmpty();

        // the same in the live check (/api/check), for anyone
        JsonNode check = json(mvc.perform(post("/api/check").contentType("application/yaml").content(wrong)).andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(check.get("readable").asBoolean()).isFalse();
        assertThat(check.get("problems").get(0).get("field").asText()).isEqualTo("profile");
        assertThat(check.get("problems").get(0).get("message").asText()).contains("karamay-2025");

        // and in a workbook: at the 公开模板 cell of 单位信息
        byte[] wrongBook = budgets.workbook(new DatasetReader(library).parse("u.yaml", wrong));
        JsonNode bookRefused = json(mvc.perform(multipart("/api/documents/" + UNIT + "/2025/upload")
                .file(new MockMultipartFile("file", "book.xlsx", "application/octet-stream", wrongBook)).with(user(as("kprep"))).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn());
        JsonNode q = bookRefused.get("problems").get(0);
        assertThat(bookRefused.get("problems")).hasSize(1);
        assertThat(q.get("field").asText()).isEqualTo(WorkbookLayout.F_PROFILE);
        assertThat(q.get("cell").asText()).isEqualTo(WorkbookLayout.AGENCY + "!B" + q.get("line").asInt());
        assertThat(q.get("message").asText()).contains("模板应为 karamay-2025", "空白工作簿");
        assertThat(documents.find(UNIT, 2025)).isEmpty();

        // the region's profile: saved (YAML, then the workbook), the document names it
        JsonNode saved = send("kprep", put("/api/documents/" + UNIT + "/2025/dataset").contentType("application/yaml").content(unitYaml("karamay-2025")), status().isOk());
        assertThat(documents.find(UNIT, 2025).orElseThrow().profileId()).isEqualTo("karamay-2025");
        byte[] goodBook = budgets.workbook(new DatasetReader(library).parse("u.yaml", unitYaml("karamay-2025")));
        mvc.perform(multipart("/api/documents/" + UNIT + "/2025/upload")
                .file(new MockMultipartFile("file", "book.xlsx", "application/octet-stream", goodBook)).param("version", saved.get("version").asText())
                .with(user(as("kprep"))).with(csrf()))
                .andExpect(status().isOk());
        Document d = documents.find(UNIT, 2025).orElseThrow();
        assertThat(d.source().isWorkbook()).isTrue();
        assertThat(workflow.evaluate(d).disclosure().profileId()).isEqualTo("karamay-2025");

        // the bureau goes back to the default: the saved workbook no longer fits, submission is refused at its cell
        JsonNode v2 = assign(KARAMAY, 2025, "", 1, status().isOk());
        assertThat(v2.get("profileId").isNull()).isTrue();
        assertThatThrownBy(() -> workflow.submit(as("kprep"), UNIT, 2025, d.rowVersion(), "说明"))
                .isInstanceOfSatisfying(org.openbudget.web.service.InvalidDatasetException.class, e -> assertThat(e.problems()).singleElement().satisfies(x -> {
                    assertThat(x.cell()).startsWith(WorkbookLayout.AGENCY + "!B");
                    assertThat(x.message()).contains("模板应为 xinjiang-2025", "默认模板");
                }));
        assign(KARAMAY, 2025, "karamay-2025", 2, status().isOk());
        Document submitted = workflow.submit(as("kprep"), UNIT, 2025, d.rowVersion(), "说明");

        // the department consolidates with its region's profile
        workflow.consolidate(as("kdept"), DEPT, 2025, null);
        Document dept = documents.find(DEPT, 2025).orElseThrow();
        assertThat(dept.profileId()).isEqualTo("karamay-2025");
        assertThat(dept.datasetYaml()).contains("profile: karamay-2025");
        assertThat(workflow.evaluate(dept).disclosure().profileId()).isEqualTo("karamay-2025");
        assertThat(submitted.profileId()).isEqualTo("karamay-2025");

        // changed again: the department is told to consolidate again, which takes the new profile into its own dataset
        assign(KARAMAY, 2025, "", 3, status().isOk());
        assertThatThrownBy(() -> workflow.submit(as("kdept"), DEPT, 2025, dept.rowVersion(), "说明"))
                .isInstanceOfSatisfying(org.openbudget.web.service.InvalidDatasetException.class, e -> assertThat(e.problems()).singleElement().satisfies(x -> {
                    assertThat(x.field()).isEqualTo("profile");
                    assertThat(x.line()).isEqualTo(WorkflowServiceTest.lineOf(dept.datasetYaml(), "profile: karamay-2025"));
                    assertThat(x.message()).contains("模板应为 xinjiang-2025", "重新汇总");
                }));
        workflow.consolidate(as("kdept"), DEPT, 2025, dept.rowVersion());
        Document again = documents.find(DEPT, 2025).orElseThrow();
        assertThat(again.profileId()).isEqualTo("xinjiang-2025");
        assertThat(again.datasetYaml()).contains("\nprofile: xinjiang-2025\nagency:\n").doesNotContain("karamay");
        assertThat(workflow.evaluate(again).disclosure().profileId()).isEqualTo("xinjiang-2025");

        // the view lists the region's documents with the profile each names; every version kept, audited, frozen
        JsonNode view = send("admin", get("/api/admin/region-profiles/" + KARAMAY + "/2025"), status().isOk());
        assertThat(view.get("state").get("version").asInt()).isEqualTo(4);
        assertThat(view.get("history")).hasSize(4);
        assertThat(view.get("candidates").findValuesAsText("id")).contains("karamay-2025", "xinjiang-2025").doesNotContain("xinjiang-2024");
        assertThat(view.get("documents")).anySatisfy(x -> {
            assertThat(x.get("agencyCode").asText()).isEqualTo(UNIT);
            assertThat(x.get("profileId").asText()).isEqualTo("karamay-2025");
            assertThat(x.get("matches").asBoolean()).isFalse();
        });
        assertThat(audit.latest(100)).extracting(AuditLogRepository.Entry::detail)
                .contains("克拉玛依市（650200）2025 年：默认 xinjiang-2025 → karamay-2025，第 1 版（测试）");
        assertThatThrownBy(() -> db.sql("update region_profile_version set profile_id = 'x' where region_code = ?").param(KARAMAY).update())
                .hasMessageContaining("不可修改");
        assertThatThrownBy(() -> db.sql("delete from region_profile_version").update()).hasMessageContaining("不可修改");
    }

    @Test
    void aNewUnitsFormsStartFromItsRegionsProfile() throws Exception {
        // 克拉玛依市 in 2024 (used by no other test): a copy of xinjiang-2024 assigned; the unit has no 2024 budget yet
        send("admin", post("/api/admin/profiles").contentType("application/json").content("{\"id\":\"karamay-2024\",\"copyOf\":\"xinjiang-2024\"}"), status().isOk());
        assign(KARAMAY, 2024, "karamay-2024", 0, status().isOk());
        assertThat(documents.find(UNIT, 2024)).isEmpty();
        String skeleton = forms.editing(as("kprep"), workflow.view(as("kprep"), UNIT, 2024)).yaml();
        assertThat(skeleton).contains("profile: karamay-2024").contains(UNIT);
        assertThat(profileIn(blank("kprep", UNIT, 2024))).isEqualTo("karamay-2024");
    }

    @Test
    void onlyAProfileOfTheYearCanBeAssignedAndNothingIsStoredOtherwise() throws Exception {
        // 乌鲁木齐市 in 2031, a year nothing else uses: no profile of that year exists
        assertThat(assign(DemoData.URUMQI, 2031, "xinjiang-2025", 0, status().isUnprocessableEntity()).get("error").asText())
                .contains("2025 年的模板", "2031");
        assertThat(assign(DemoData.URUMQI, 2031, "nope-2031", 0, status().isUnprocessableEntity()).get("error").asText()).contains("没有模板 nope-2031");
        assertThat(assign(DemoData.URUMQI, 2031, "", 0, status().isUnprocessableEntity()).get("error").asText()).contains("已在使用默认模板 xinjiang-2031");
        assign("999999", 2031, "", 0, status().isNotFound());
        assertThat(repo.history(DemoData.URUMQI, 2031)).isEmpty();

        // the pages: the index lists every region, a region's page tells the default and that its profile is missing
        String index = mvc.perform(get("/admin").with(user(as("admin")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(index).contains("地区模板", "/admin/region-profiles/650200/2025", "克拉玛依市（650200）");
        String page = mvc.perform(get("/admin/region-profiles/" + DemoData.URUMQI + "/2031").with(user(as("admin")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("乌鲁木齐市 2031 年的模板", "默认（xinjiang-2031）", "模板不存在", "还没有 2031 年的模板");
        // the page's form: refused with the reason, nothing stored
        MvcResult r = mvc.perform(post("/admin/region-profiles/" + DemoData.URUMQI + "/2031").param("profile", "xinjiang-2024").param("baseVersion", "0")
                .with(user(as("admin"))).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/admin/region-profiles/650100/2031");
        assertThat(r.getFlashMap().get("error")).asString().contains("2024 年的模板");
        assertThat(repo.history(DemoData.URUMQI, 2031)).isEmpty();
        // the 2024 region page lists the published demo documents, all on the default
        String y2024 = mvc.perform(get("/admin/region-profiles/" + DemoData.URUMQI + "/2024").with(user(as("admin")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(y2024).contains("乌鲁木齐市中小企业服务中心", "xinjiang-2024").doesNotContain("与在用模板不同");
    }

    @Test
    void theDefaultStillWorksForAnUnassignedRegion() throws Exception {
        // 乌鲁木齐市 has no assignment: the examples name xinjiang-2024 and read, check and save as before
        JsonNode check = json(mvc.perform(post("/api/check").contentType("application/yaml").content(smeDataset())).andExpect(status().isOk()).andReturn());
        assertThat(check.get("readable").asBoolean()).isTrue();
        assertThat(profileIn(blank("sme", SME, 2024))).isEqualTo("xinjiang-2024");
        // a dataset naming another existing profile is refused there too, with the default expected
        String other = smeDataset().replace("profile: xinjiang-2024", "profile: xinjiang-2025");
        JsonNode refused = json(mvc.perform(post("/api/check").contentType("application/yaml").content(other)).andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(refused.get("readable").asBoolean()).isFalse();
        assertThat(refused.get("problems").get(0).get("message").asText()).contains("模板应为 xinjiang-2024", "乌鲁木齐市 2024 年的默认模板");
        // an agency that is not registered has no region: only the reader's rules
        String unregistered = smeDataset().replace("\"" + SME + "\"", "\"999999999\"").replace("profile: xinjiang-2024", "profile: xinjiang-2025");
        assertThat(json(mvc.perform(post("/api/check").contentType("application/yaml").content(unregistered)).andReturn()).get("readable").asBoolean()).isTrue();
    }
}
