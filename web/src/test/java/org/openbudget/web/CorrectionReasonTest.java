package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.PublicationRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A correction is published with a public reason: refused without one (REST and page), then shown on the corrected
 * version's page, in the version history of every version and in the public API — and frozen with the version.
 */
class CorrectionReasonTest extends WebTestBase {
    static final String DEPT = "650100605", UNIT = "650100605001";
    static final String REASON = "表3 基本工资科目由 2080505 更正为 2080501，金额不变";
    @Autowired WorkflowService workflow;
    @Autowired AgencyRepository agencies;
    @Autowired PublicationRepository publications;
    @Autowired JdbcClient db;

    Document approved(String yaml, Integer version) {
        Document d = workflow.saveDataset(as("cr-unit"), UNIT, 2025, "u.yaml", yaml, version);
        d = workflow.submit(as("cr-unit"), UNIT, 2025, d.rowVersion(), "说明");
        return workflow.approve(as("reviewer"), UNIT, 2025, d.rowVersion(), "同意");
    }

    String text(MockHttpServletResponse r) throws Exception { return r.getContentAsString(StandardCharsets.UTF_8); }

    @Test
    void aCorrectionIsPublishedWithItsPublicReason() throws Exception {
        agencies.upsert(new Agency(DEPT, "更正说明测试局", "部门", "行政", "650100", null, 0));
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", DEPT, 1));
        accounts.insert(new BudgetUser("cr-unit", "{noop}x", Role.PREPARER, UNIT, null, "u", true));
        String yaml = asUnit(forYear(smeDataset(), 2025), SME, UNIT);
        Document a = approved(yaml, null);
        long v1 = workflow.publish(as("reviewer"), UNIT, 2025, a.rowVersion(), "第一版无需说明").id();
        assertThat(publications.find(v1).orElseThrow().correctionReason()).as("a first version is no correction").isNull();
        assertThat(text(mvc.perform(get("/p/" + v1)).andReturn().getResponse())).doesNotContain("id=\"correction-reason\"");

        // the correction
        Document c = approved(yaml + "\n# 更正\n", workflow.view(as("cr-unit"), UNIT, 2025).document().rowVersion());
        String page = text(mvc.perform(get("/work/" + UNIT + "/2025").with(user(as("reviewer")))).andReturn().getResponse());
        assertThat(page).contains("id=\"correction-reason\"", "更正说明（公开，必填");
        // without a reason: refused on the page and in the API, nothing published
        var posted = mvc.perform(post("/work/" + UNIT + "/2025/publish").with(user(as("reviewer"))).with(csrf())
                .param("version", String.valueOf(c.rowVersion())).param("confirm", "true").param("reason", "  ")).andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).endsWith("/work/" + UNIT + "/2025");
        assertThat(posted.getFlashMap().get("error").toString()).contains("须填写公开的更正说明");
        MockHttpServletResponse r;
        r = mvc.perform(post("/api/documents/" + UNIT + "/2025/publish").with(user(as("reviewer"))).with(csrf()).contentType("application/json")
                .content("{\"version\":" + c.rowVersion() + "}")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(text(r)).contains("第 2 版（更正）");
        assertThat(publications.current(UNIT, 2025).orElseThrow().id()).isEqualTo(v1);

        r = mvc.perform(post("/api/documents/" + UNIT + "/2025/publish").with(user(as("reviewer"))).with(csrf()).contentType("application/json")
                .content(new ObjectMapper().writeValueAsString(java.util.Map.of("version", c.rowVersion(), "reason", " " + REASON + " ")))).andReturn().getResponse();
        assertThat(r.getStatus()).as(text(r)).isEqualTo(200);
        JsonNode v = new ObjectMapper().readTree(text(r));
        assertThat(v.get("versionNo").asInt()).isEqualTo(2);
        assertThat(v.get("correctionReason").asText()).isEqualTo(REASON);
        long v2 = v.get("id").asLong();

        assertThat(text(mvc.perform(get("/p/" + v2)).andReturn().getResponse())).contains("id=\"correction-reason\"", "第 2 版为更正版本", REASON);
        assertThat(text(mvc.perform(get("/p/" + v1)).andReturn().getResponse())).as("the history of the superseded version").contains(REASON, "已被更正版本取代");
        assertThat(text(mvc.perform(get("/api/public/documents/" + v2)).andReturn().getResponse())).contains(REASON);
        assertThat(workflow.view(as("reviewer"), UNIT, 2025).history().get(0).detail()).contains("更正说明：" + REASON);
        assertThatThrownBy(() -> db.sql("update publication set correction_reason = 'x' where id = ?").param(v2).update())
                .hasMessageContaining("不可修改");
    }
}
