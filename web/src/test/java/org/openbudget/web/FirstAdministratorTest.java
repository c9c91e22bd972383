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
 * A bureau sets up from an empty database (no demo): the first administrator on the setup page, then regions,
 * a department and its unit, the accounts, and through to a published document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"budget.data-dir=target/test-db-empty", "budget.db.clean=true", "budget.db.durable=false", "budget.demo=false",
                "budget.db.pool-size=4", "logging.level.root=WARN"})
@AutoConfigureMockMvc(print = org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdministratorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @Autowired MockMvc mvc;

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

        var made = mvc.perform(from(MockMvcRequestBuilders.post("/setup"), "127.0.0.1").with(csrf())
                .param("username", "boss").param("displayName", "信息中心").param("password", "Tianshan#Road9").param("repeated", "Tianshan#Road9")).andReturn();
        assertThat(made.getResponse().getRedirectedUrl()).isEqualTo("/login?setup");
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
        String boss = "boss", pw = "Tianshan#Road9";
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
    }
}
