package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole flow through the REST API, for the industry bureau's 2025 budget: units upload (one
 * with an error first), submit; the department consolidates (a unit not yet submitted is reported
 * and blocks its submission); the bureau returns, approves, publishes; the public downloads.
 */
class ApiFlowTest extends WebTestBase {
    static final ObjectMapper JSON = new ObjectMapper();

    JsonNode call(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    String decision(Object version, String comment) throws Exception {
        return JSON.writeValueAsString(java.util.Map.of("version", version, "comment", comment));
    }

    JsonNode doc(String who, String code) throws Exception {
        return call(mvc.perform(get("/api/documents/" + code + "/2025").with(user(as(who)))).andExpect(status().isOk()).andReturn());
    }

    @Test
    void unitsDepartmentBureauAndPublic() throws Exception {
        // 2024 is published (the demo): 2025 takes its 上年数 from it, not the 2023 figures typed in the example
        String sme = forYear(withoutLastYear(smeDataset()), 2025);

        // 1. the SME center uploads a dataset with an error: refused, located, nothing saved
        String bad = sme.replace("fund_source: GPB, amount: \"186300\"", "fund_source: GPB, amount: \"-5\"");
        JsonNode err = call(mvc.perform(multipart("/api/documents/" + SME + "/2025/upload")
                .file(new MockMultipartFile("file", "sme-2025.yaml", "application/yaml", bad.getBytes(StandardCharsets.UTF_8)))
                .with(user(as("sme"))).with(csrf())).andExpect(status().isBadRequest()).andReturn());
        assertThat(err.get("problems")).hasSize(1);
        assertThat(err.get("problems").get(0).get("file").asText()).isEqualTo("sme-2025.yaml");
        assertThat(err.get("problems").get(0).get("line").asInt()).isEqualTo(WorkflowServiceTest.lineOf(bad, "\"-5\""));
        assertThat(err.get("problems").get(0).get("field").asText()).endsWith("amount");
        assertThat(doc("sme", SME).get("status").isNull()).isTrue();

        // 2. fixed: saved as a draft, checked, and submitted
        JsonNode saved = call(mvc.perform(multipart("/api/documents/" + SME + "/2025/upload")
                .file(new MockMultipartFile("file", "sme-2025.yaml", "application/yaml", sme.getBytes(StandardCharsets.UTF_8)))
                .with(user(as("sme"))).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(saved.get("status").asText()).isEqualTo("DRAFT");
        assertThat(saved.get("check").get("counts").get("errors").asInt()).isZero();
        assertThat(saved.get("actions").toString()).contains("submit");
        int v = saved.get("version").asInt();
        mvc.perform(post("/api/documents/" + SME + "/2025/submit").with(user(as("sme"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(v, ""))).andExpect(status().isOk());

        // 3. two other units submit; the project center has not even started
        for (String[] u : List.of(new String[] {"benji", BENJI, "urumqi-industry-it-bureau-2024/benji.yaml"},
                new String[] {"energy", ENERGY, "urumqi-industry-it-bureau-2024/energy-center.yaml"})) {
            JsonNode d = call(mvc.perform(put("/api/documents/" + u[1] + "/2025/dataset").with(user(as(u[0]))).with(csrf())
                    .contentType("application/yaml").content(forYear(example(u[2]), 2025))).andExpect(status().isOk()).andReturn());
            mvc.perform(post("/api/documents/" + u[1] + "/2025/submit").with(user(as(u[0]))).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(decision(d.get("version").asInt(), "见附件"))).andExpect(status().isOk());
        }

        // 4. the department consolidates: the project center is reported missing, and submission is refused
        JsonNode units = call(mvc.perform(post("/api/documents/" + BUREAU + "/2025/consolidate").with(user(as("industry"))).with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(units).hasSize(4);
        assertThat(units.get(3).get("unitCode").asText()).isEqualTo(PROJECTS);
        assertThat(units.get(3).get("consolidated").asBoolean()).isFalse();
        assertThat(units.get(3).get("problem").asText()).startsWith("缺失");
        JsonNode dept = doc("industry", BUREAU);
        JsonNode refused = call(mvc.perform(post("/api/documents/" + BUREAU + "/2025/submit").with(user(as("industry"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dept.get("version").asInt(), "")))
                .andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(refused.get("error").asText()).contains("乌鲁木齐市工业和信息化项目中心").contains("缺失");

        // 5. the project center submits; the department consolidates all four and submits
        JsonNode pc = call(mvc.perform(put("/api/documents/" + PROJECTS + "/2025/dataset").with(user(as("projects"))).with(csrf())
                .contentType("application/yaml").content(forYear(example("urumqi-industry-it-bureau-2024/project-center.yaml"), 2025)))
                .andExpect(status().isOk()).andReturn());
        mvc.perform(post("/api/documents/" + PROJECTS + "/2025/submit").with(user(as("projects"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(pc.get("version").asInt(), "无"))).andExpect(status().isOk());
        units = call(mvc.perform(post("/api/documents/" + BUREAU + "/2025/consolidate").with(user(as("industry"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dept.get("version").asInt(), ""))).andExpect(status().isOk()).andReturn());
        for (JsonNode u : units) assertThat(u.get("problem").isNull()).as(u.toString()).isTrue();
        dept = doc("industry", BUREAU);
        assertThat(dept.get("check").get("counts").get("errors").asInt()).isZero();
        mvc.perform(post("/api/documents/" + BUREAU + "/2025/submit").with(user(as("industry"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dept.get("version").asInt(), ""))).andExpect(status().isOk());

        // 6. the bureau of another region cannot review it; ours returns it with a comment
        dept = doc("reviewer", BUREAU);
        assertThat(dept.get("status").asText()).isEqualTo("SUBMITTED");
        mvc.perform(post("/api/documents/" + BUREAU + "/2025/return").with(user(as("karamay"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dept.get("version").asInt(), "x"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/documents/" + BUREAU + "/2025/return").with(user(as("reviewer"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dept.get("version").asInt(), ""))).andExpect(status().isUnprocessableEntity());
        JsonNode returned = call(mvc.perform(post("/api/documents/" + BUREAU + "/2025/return").with(user(as("reviewer"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dept.get("version").asInt(), "请补充项目说明"))).andExpect(status().isOk()).andReturn());
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(doc("industry", BUREAU).get("reviewComment").asText()).isEqualTo("请补充项目说明");

        // 7. resubmitted, approved, published
        int dv = doc("industry", BUREAU).get("version").asInt();
        mvc.perform(post("/api/documents/" + BUREAU + "/2025/submit").with(user(as("industry"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dv, "已补充"))).andExpect(status().isOk());
        dv = doc("reviewer", BUREAU).get("version").asInt();
        mvc.perform(post("/api/documents/" + BUREAU + "/2025/publish").with(user(as("reviewer"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dv, ""))).andExpect(status().isUnprocessableEntity());
        // a department is approved only on approved units: refused, naming each unit still 已提交待审核
        JsonNode early = call(mvc.perform(post("/api/documents/" + BUREAU + "/2025/approve").with(user(as("reviewer"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dv, "同意"))).andExpect(status().isUnprocessableEntity()).andReturn());
        assertThat(early.get("error").asText()).contains("须先全部审核通过", "乌鲁木齐市中小企业服务中心（已提交待审核）", "乌鲁木齐市工业和信息化项目中心");
        for (String unit : List.of(BENJI, ENERGY, SME, PROJECTS)) {
            int uv = doc("reviewer", unit).get("version").asInt();
            mvc.perform(post("/api/documents/" + unit + "/2025/approve").with(user(as("reviewer"))).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(decision(uv, "同意"))).andExpect(status().isOk());
        }
        assertThat(doc("industry", BUREAU).get("units").toString()).doesNotContain("已变更");
        mvc.perform(post("/api/documents/" + BUREAU + "/2025/approve").with(user(as("reviewer"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dv, "同意"))).andExpect(status().isOk());
        mvc.perform(post("/api/documents/" + BUREAU + "/2025/approve").with(user(as("reviewer"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dv, "同意"))).andExpect(status().isConflict());
        JsonNode published = call(mvc.perform(post("/api/documents/" + BUREAU + "/2025/publish").with(user(as("reviewer"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision(dv + 1, ""))).andExpect(status().isOk()).andReturn());
        assertThat(published.get("versionNo").asInt()).isEqualTo(1);
        long id = published.get("id").asLong();

        // 8. the public finds it, downloads every format, and each file's hash is what was frozen
        JsonNode listed = call(mvc.perform(get("/api/public/documents").param("year", "2025").param("q", "工业和信息化局")).andExpect(status().isOk()).andReturn());
        // the year's 预算 (DepartmentFinalAccountsFlowTest may have published the bureau's 2025 决算 beside it)
        List<JsonNode> found = new java.util.ArrayList<>();
        listed.forEach(n -> { if (n.get("basis").asText().equals("预算")) found.add(n); });
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(found.get(0).get("kind").asText()).isEqualTo("部门");
        JsonNode files = found.get(0).get("files");
        assertThat(files).extracting(f -> f.get("format").asText()).contains("html", "pdf", "docx", "xlsx", "json", "checks", "dataset");
        for (JsonNode f : files) {
            byte[] body = mvc.perform(get(f.get("url").asText())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body))).isEqualTo(f.get("sha256").asText());
        }
        JsonNode tables = JSON.readTree(mvc.perform(get("/api/public/documents/" + id + "/files/json")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(tables.get("tables")).hasSize(11);
        assertThat(tables.get("unit").asText()).isEqualTo("乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）");
        String page = mvc.perform(get("/p/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("表7").contains("第 1 版").contains("上年").contains("与上年比较");

        // the published PDF, audited on the audit endpoint, reads back to the same unit with no error
        byte[] pdf = mvc.perform(get("/api/public/documents/" + id + "/files/pdf")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        JsonNode audit = call(mvc.perform(multipart("/api/audit").file(new MockMultipartFile("file", "published.pdf", "application/pdf", pdf)))
                .andExpect(status().isOk()).andReturn());
        assertThat(audit.get("unit").asText()).isEqualTo("乌鲁木齐市工业和信息化局（乌鲁木齐市大数据发展局）");
        assertThat(audit.get("year").asInt()).isEqualTo(2025);
        assertThat(audit.get("findings")).noneMatch(f -> f.get("severity").asText().equals("error"));

        // 9. the history tells who did what
        JsonNode history = call(mvc.perform(get("/api/documents/" + BUREAU + "/2025/history").with(user(as("reviewer")))).andReturn());
        assertThat(history).extracting(h -> h.get("action").asText()).contains("汇总", "提交", "退回", "审核通过", "发布");
        assertThat(history).extracting(h -> h.get("actor").asText()).contains("industry", "reviewer");
    }
}
