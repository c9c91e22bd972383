package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openbudget.web.service.DemoData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A bureau sets up from an empty database (no demo): the setup page refuses a remote browser and a weak password; then, in
 * headless Chromium ({@link Browser}), the first administrator on the setup page, a region, a department, its unit imported
 * from a CSV list, the accounts; the unit uploads and submits, the department consolidates and submits, the bureau approves
 * and publishes, the public reads it. (Without Chromium the same set-up runs through the REST API instead.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"budget.data-dir=target/test-db-empty", "budget.db.clean=true", "budget.db.durable=false", "budget.demo=false",
                "budget.db.pool-size=4", "logging.level.root=WARN"})
@AutoConfigureMockMvc(print = org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdministratorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOSS = "boss", BOSS_PW = "Tianshan#Road9";
    @Autowired MockMvc mvc;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder b, String address) {
        return b.with(r -> { r.setRemoteAddr(address); return r; });
    }

    String page(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    MockHttpServletResponse as(String user, String password, MockHttpServletRequestBuilder b) throws Exception {
        return mvc.perform(b.with(httpBasic(user, password))).andReturn().getResponse();
    }

    JsonNode json(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void anEmptyDatabaseAsksForItsFirstAdministratorOnTheServersOwnMachineOnly() throws Exception {
        // nothing here is made: the first administrator is made in the browser (or by makeTheAdministrator)
        assertThat(page("/")).contains("初始设置");
        assertThat(page("/login")).contains("初始设置").doesNotContain("演示账号").doesNotContain("demo2024");
        assertThat(Path.of("target/test-db-empty").resolve(DemoData.PASSWORD_FILE)).doesNotExist();
        assertThat(mvc.perform(from(MockMvcRequestBuilders.get("/setup"), "203.0.113.9")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("只能在服务器本机").doesNotContain("name=\"password\"");
        var remote = mvc.perform(from(MockMvcRequestBuilders.post("/setup"), "203.0.113.9").with(csrf())
                .param("username", "boss").param("password", "Tianshan#Road9").param("repeated", "Tianshan#Road9")).andReturn();
        assertThat(remote.getFlashMap().get("error").toString()).contains("服务器本机");
        var weak = mvc.perform(from(MockMvcRequestBuilders.post("/setup"), "127.0.0.1").with(csrf())
                .param("username", "boss").param("password", "boss12345").param("repeated", "boss12345")).andReturn();
        assertThat(weak.getFlashMap().get("error").toString()).contains("密码");
        assertThat(as("boss", "boss12345", MockMvcRequestBuilders.get("/api/me")).getStatus()).isEqualTo(401);
    }

    /** Without Chromium: the first administrator through the setup page as the browser would post it. */
    void makeTheAdministrator() throws Exception {
        var made = mvc.perform(from(MockMvcRequestBuilders.post("/setup"), "127.0.0.1").with(csrf())
                .param("username", BOSS).param("displayName", "信息中心").param("password", BOSS_PW).param("repeated", BOSS_PW)).andReturn();
        assertThat(made.getResponse().getRedirectedUrl()).isEqualTo("/login?setup");
    }

    @Test
    @Order(3)
    void onceMadeTheSetupPageOffersNothing() throws Exception {
        if (as(BOSS, BOSS_PW, MockMvcRequestBuilders.get("/api/me")).getStatus() != 200) makeTheAdministrator();
        assertThat(mvc.perform(from(MockMvcRequestBuilders.get("/setup"), "127.0.0.1")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("once made, the setup page offers nothing").contains("初始设置已经完成").doesNotContain("name=\"password\"");
        var again = mvc.perform(from(MockMvcRequestBuilders.post("/setup"), "127.0.0.1").with(csrf())
                .param("username", "intruder").param("password", "Other#Pass99").param("repeated", "Other#Pass99")).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/setup");
        assertThat(as("intruder", "Other#Pass99", MockMvcRequestBuilders.get("/api/me")).getStatus()).isEqualTo(401);
        assertThat(json(as("boss", "Tianshan#Road9", MockMvcRequestBuilders.get("/api/me"))).get("role").asText()).isEqualTo("ADMIN");
        assertThat(page("/")).doesNotContain("初始设置");
    }

    @Test
    @Order(2)
    void theAdministratorSetsUpTheBureauAndItsFirstDocumentIsPublished() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Browser.available(), "set up in the browser instead (aBureauIsSetUpFromEmptyInTheBrowser)");
        makeTheAdministrator();
        String boss = BOSS, pw = BOSS_PW;
        String csv = "代码,名称,类别,性质,主管部门代码,地区代码,地区名称\n"
                + "650100417003,乌鲁木齐市中小企业服务中心,单位,事业,650100417,650100,乌鲁木齐市\n"
                + "650100417,乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）,部门,行政,,650100,乌鲁木齐市\n";
        var imported = as(boss, pw, MockMvcRequestBuilders.multipart("/api/admin/agencies/import")
                .file(new MockMultipartFile("file", "名录.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(imported.getStatus()).as(imported.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json(imported).get("created").asInt()).isEqualTo(2);

        for (String[] a : new String[][]{{"clerk", "PREPARER", "650100417003", ""}, {"checker", "REVIEWER", "", "650100"}}) {
            var r = as(boss, pw, MockMvcRequestBuilders.post("/api/admin/accounts").contentType("application/json").content(JSON.writeValueAsString(
                    java.util.Map.of("username", a[0], "password", "Ledger#Pass2025", "role", a[1], "agencyCode", a[2], "regionCode", a[3], "displayName", a[0]))));
            assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        }
        String yaml = WebTestBase.smeDataset();
        var saved = as("clerk", "Ledger#Pass2025", MockMvcRequestBuilders.put("/api/documents/650100417003/2024/dataset").contentType("application/yaml").content(yaml));
        assertThat(saved.getStatus()).as(saved.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        int v = json(saved).get("version").asInt();
        String decision = "{\"version\":%d,\"comment\":\"无\"}";
        assertThat(as("clerk", "Ledger#Pass2025", MockMvcRequestBuilders.post("/api/documents/650100417003/2024/submit").contentType("application/json")
                .content(decision.formatted(v))).getStatus()).isEqualTo(200);
        for (String step : new String[]{"approve", "publish"}) {
            int now = json(as("checker", "Ledger#Pass2025", MockMvcRequestBuilders.get("/api/documents/650100417003/2024"))).get("version").asInt();
            var r = as("checker", "Ledger#Pass2025", MockMvcRequestBuilders.post("/api/documents/650100417003/2024/" + step).contentType("application/json")
                    .content(decision.formatted(now)));
            assertThat(r.getStatus()).as(step + " " + r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        }
        assertThat(page("/api/public/documents")).contains("乌鲁木齐市中小企业服务中心");
        thePublishedDocumentIsAlsoAnOfd();
    }

    /** Published in every format, OFD (版式文档) too: the package names its document and holds its pages. */
    void thePublishedDocumentIsAlsoAnOfd() throws Exception {
        JsonNode doc = JSON.readTree(page("/api/public/documents"));
        String ofdUrl = null;
        for (JsonNode d : doc) for (JsonNode f : d.get("files")) if (f.get("format").asText().equals("ofd")) ofdUrl = f.get("url").asText();
        assertThat(ofdUrl).as("an OFD among the published files").isNotNull();
        var ofd = mvc.perform(MockMvcRequestBuilders.get(ofdUrl)).andReturn().getResponse();
        assertThat(ofd.getContentType()).startsWith("application/ofd");
        java.util.Set<String> entries = new java.util.HashSet<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ofd.getContentAsByteArray()))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.add(e.getName());
        }
        assertThat(entries).contains("OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml");
    }

    static final String REGION = "659900", DEPT = "659900101", UNIT = "659900101001", PW = "Ledger#Pass2025";

    @Test
    @Order(2)
    void aBureauIsSetUpFromEmptyInTheBrowser() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Browser.available(), "Debian chromium and chromium-driver are not installed");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("setup-flow-");
        try (Browser b = new Browser().at(port)) {
            // the first administrator, on the setup page the home page points to (this browser is on the server's machine)
            b.open("/");
            assertThat(b.text()).contains("初始设置");
            b.open("/setup");
            b.type("#username", BOSS);
            b.type("#displayName", "信息中心");
            b.type("#password", BOSS_PW);
            b.type("#repeated", BOSS_PW);
            b.submit("/setup");
            assertThat(b.driver.getCurrentUrl()).contains("/login");
            b.login(BOSS, BOSS_PW);

            // the registry: a region, its department, the department's unit from a CSV list
            b.open("/admin/registry");
            b.type("#rc", REGION);
            b.type("#rn", "测试市");
            b.submit("/admin/regions");
            b.type("#ac", DEPT);
            b.type("#an", "测试市工业和信息化局");
            b.select("#ak", "部门");
            b.select("#at", "行政");
            b.select("#ar", REGION);
            b.submit("/admin/agencies");
            java.nio.file.Path csv = dir.resolve("名录.csv");
            java.nio.file.Files.writeString(csv, "代码,名称,类别,性质,主管部门代码,地区代码,地区名称\n"
                    + UNIT + ",乌鲁木齐市中小企业服务中心,单位,事业," + DEPT + "," + REGION + ",测试市\n", StandardCharsets.UTF_8);
            b.el("#if").sendKeys(csv.toString());
            b.submit("/admin/agencies/import");
            assertThat(b.el("main").getText()).contains("测试市工业和信息化局", "乌鲁木齐市中小企业服务中心");
            b.shot("20-setup-registry");

            // the accounts: the unit's preparer, the department, the bureau's reviewer
            b.open("/admin");
            for (String[] a : new String[][] {{"clerk", "PREPARER", UNIT, ""}, {"dept", "DEPARTMENT", DEPT, ""}, {"checker", "REVIEWER", "", REGION}}) {
                b.type("#nu", a[0]);
                b.type("#np", PW);
                b.select("#nr", a[1]);
                if (!a[2].isEmpty()) b.select("#na", a[2]);
                if (!a[3].isEmpty()) b.select("#ng", a[3]);
                b.type("#nd", a[0]);
                b.submit("/admin/accounts");
                assertThat(b.el(".flash").getText()).doesNotContain("错误");
            }
            assertThat(b.text()).contains("clerk", "dept", "checker");
            b.logout();

            // the unit uploads its dataset (with progress) and submits
            b.login("clerk", PW);
            b.open("/work/" + UNIT + "/2024");
            java.nio.file.Path data = dir.resolve("sme-2024.yaml");
            java.nio.file.Files.writeString(data, WebTestBase.smeDataset().replace("\"650100417003\"", "\"" + UNIT + "\""), StandardCharsets.UTF_8);
            b.el("#file").sendKeys(data.toString());
            b.press("upload");
            assertThat(b.el(".flash.ok").getText()).contains("已上传并保存");
            b.type("#submit-comment", "首次填报");
            b.press("submit");
            assertThat(b.el("#status").getText()).isEqualTo("已提交待审核");
            b.logout();

            // the department consolidates its unit and submits
            b.login("dept", PW);
            b.open("/work/" + DEPT + "/2024");
            b.press("consolidate");
            assertThat(b.el("#unit-table").getText()).contains("乌鲁木齐市中小企业服务中心");
            b.type("#submit-comment", "汇总一个单位");
            b.press("submit");
            assertThat(b.el("#status").getText()).isEqualTo("已提交待审核");
            b.logout();

            // the bureau approves the unit, then the department, and publishes it
            b.login("checker", PW);
            b.open("/work/" + UNIT + "/2024");
            b.press("approve");
            assertThat(b.el("#status").getText()).isEqualTo("审核通过");
            b.open("/work/" + DEPT + "/2024");
            b.press("approve");
            b.el("#publish-confirm").click();
            b.press("publish");
            assertThat(b.el("#status").getText()).isEqualTo("已发布");
            b.logout();

            // the public reads it
            b.open("/");
            b.clickAndWait(b.driver.findElement(org.openqa.selenium.By.partialLinkText("测试市工业和信息化局")));
            assertThat(b.el("#document").getText()).contains("表1");
            b.shot("21-setup-published");
            thePublishedDocumentIsAlsoAnOfd();
        }
    }
}
