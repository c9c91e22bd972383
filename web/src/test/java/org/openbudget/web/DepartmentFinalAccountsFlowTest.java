package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openbudget.core.ledger.Budget;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.workbook.WorkbookWriter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12: a department's 决算 end to end through the HTTP layer — its four units upload and submit their 决算
 * (examples/urumqi-industry-it-bureau-final-2024, moved to 2025: no other test prepares the bureau's 2025 决算), the
 * department consolidates and submits, the bureau returns it, approves it on approved units and publishes an immutable
 * version; the portal lists it as a 部门决算. Then a unit corrects its approved 决算: the published department is
 * marked 更正中 (its 决算, not its 预算) until the corrected version, published with its 更正说明, supersedes it.
 */
class DepartmentFinalAccountsFlowTest extends WebTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int YEAR = 2025;
    static final String KEY = YEAR + "-final";

    MockHttpServletResponse send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b, String who) throws Exception {
        if (who != null) b.with(user(as(who)));
        return mvc.perform(b.with(csrf())).andReturn().getResponse();
    }

    JsonNode ok(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b, String who) throws Exception {
        MockHttpServletResponse r = send(b, who);
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(body).isEqualTo(200);
        return JSON.readTree(body);
    }

    JsonNode decide(String code, String action, String who, String comment, String reason) throws Exception {
        int v = ok(get(api(code)), who).get("version").asInt();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("version", v);
        d.put("comment", comment);
        if (reason != null) d.put("reason", reason);
        return ok(post(api(code) + "/" + action).contentType("application/json").content(JSON.writeValueAsString(d)), who);
    }

    static String api(String code) {
        return "/api/documents/" + code + "/" + KEY;
    }

    /** Each unit of the example department as the 决算 workbook it uploads (its 年初预算数 rows read from its 预算), for 2025. */
    static Map<String, byte[]> workbooks() throws Exception {
        ReferenceLibrary lib = ReferenceLibrary.standard();
        Budget dept = new DatasetReader(lib).read(Path.of("../examples/urumqi-industry-it-bureau-final-2024"));
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Budget u : dept.units()) {
            Budget moved = new Budget(u.agency(), YEAR, u.profileId(), u.projects(), u.lines(), u.units(), u.origin(), u.narrative(), u.accounts());
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            new WorkbookWriter(lib.year(YEAR), lib.profile(u.profileId())).write(moved, o);
            out.put(u.agency().code(), o.toByteArray());
        }
        return out;
    }

    /**
     * The “三公” details in their own tab (三公明细) and the 绩效评价 results in the 文字 form of a 决算: read from the uploaded
     * workbook's 三公明细, checked live — more foreign receptions than receptions, a count that is not a whole number, a
     * score over 100: each problem at its field, nothing saved — and saved, each form its own keys (saving the 文字 form
     * leaves the 三公明细 as saved); the document states the new figures. A 预算 has no 三公明细 tab, and its 文字 form no
     * 绩效评价.
     */
    void threePublicForm() throws Exception {
        String tp = api(SME) + "/forms/three-public", text = api(SME) + "/forms/text";
        JsonNode form = ok(get(tp), "sme");
        assertThat(form.get("vehiclesHeld").asText()).isEqualTo("1");
        assertThat(form.get("receptionPersons").asText()).isEqualTo("6");
        com.fasterxml.jackson.databind.node.ObjectNode bad = form.deepCopy();
        bad.put("foreignBatches", "3").put("abroadPersons", "两");
        JsonNode check = ok(post(tp + "/check").contentType("application/json").content(bad.toString()), "sme");
        assertThat(check.toString()).contains("\"foreignBatches\"", "多于公务接待批次", "\"abroadPersons\"");
        int v = ok(get(api(SME)), "sme").get("version").asInt();
        assertThat(send(put(tp).param("version", String.valueOf(v)).contentType("application/json").content(bad.toString()), "sme").getStatus())
                .as("refused, nothing saved").isBetween(400, 499);
        assertThat(ok(get(tp), "sme").get("foreignBatches").asText()).isIn("", "0");
        com.fasterxml.jackson.databind.node.ObjectNode good = form.deepCopy();
        good.put("receptionBatches", "2").put("receptionPersons", "9");
        JsonNode saved = ok(put(tp).param("version", String.valueOf(v)).contentType("application/json").content(good.toString()), "sme");
        assertThat(saved.get("check").get("counts").get("errors").asInt()).isZero();
        assertThat(ok(get(tp), "sme").get("receptionPersons").asText()).isEqualTo("9");
        // the 文字 form: its 绩效评价 checked at its field, saved without touching the 三公明细
        JsonNode words = ok(get(text), "sme");
        assertThat(words.has("threePublic")).as("the 三公明细 is no longer part of the 文字 form").isFalse();
        com.fasterxml.jackson.databind.node.ObjectNode badText = words.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) badText.get("evaluation")).put("selfEvaluated", "1").put("averageScore", "120");
        assertThat(ok(post(text + "/check").contentType("application/json").content(badText.toString()), "sme").toString())
                .contains("evaluation.averageScore", "0 到 100", "绩效评价 绩效自评平均分");   // the field in the dictionary's words
        com.fasterxml.jackson.databind.node.ObjectNode goodText = words.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) goodText.get("evaluation")).put("selfEvaluated", "1").put("selfAmount", "38.2")
                .put("averageScore", "95").put("excellent", "1");
        int v2 = ok(get(api(SME)), "sme").get("version").asInt();
        ok(put(text).param("version", String.valueOf(v2)).contentType("application/json").content(goodText.toString()), "sme");
        assertThat(ok(get(tp), "sme").get("receptionPersons").asText()).as("the 三公明细 kept").isEqualTo("9");
        assertThat(page("sme", "/work/" + SME + "/" + KEY + "/preview")).contains("公务接待2批次、9人次", "对1个项目开展了绩效自评，涉及资金38.20万元，平均得分95.00分");
        assertThat(page("sme", "/work/" + SME + "/" + KEY + "?tab=three-public")).contains("name=\"receptionBatches\"", "id=\"save-three-public\"");
        assertThat(page("sme", "/work/" + SME + "/" + KEY + "?tab=text")).contains("name=\"evaluation.averageScore\"").doesNotContain("name=\"receptionBatches\"");
        assertThat(page("sme", "/work/" + SME + "/2024?tab=text")).doesNotContain("evaluation.", "三公明细");
    }

    static final Map<String, String> PREPARER = Map.of(BENJI, "benji", ENERGY, "energy", SME, "sme", PROJECTS, "projects");

    @Test
    void unitsSubmitTheDepartmentConsolidatesTheBureauReturnsApprovesAndPublishesAndACorrectionMarksIt() throws Exception {
        Map<String, byte[]> books = workbooks();
        // 1. every unit prepares and submits its 决算
        for (var e : books.entrySet()) {
            String who = PREPARER.get(e.getKey());
            JsonNode d = ok(multipart(api(e.getKey()) + "/upload")
                    .file(new MockMultipartFile("file", e.getKey() + "-final.xlsx", "application/octet-stream", e.getValue())), who);
            assertThat(d.get("basis").asText()).isEqualTo("决算");
            assertThat(d.get("check").get("counts").get("errors").asInt()).as(e.getKey() + " " + d.get("check")).isZero();
            if (e.getKey().equals(SME)) threePublicForm();
            decide(e.getKey(), "submit", who, "决算已核对", null);
        }
        // 2. the department consolidates all four and submits
        JsonNode units = ok(post(api(BUREAU) + "/consolidate").contentType("application/json").content("{\"version\":null}"), "industry");
        assertThat(units.toString()).contains(BENJI, ENERGY, SME, PROJECTS).doesNotContain("尚未填报");
        JsonNode dept = ok(get(api(BUREAU)), "industry");
        assertThat(dept.get("basis").asText()).isEqualTo("决算");
        assertThat(dept.get("check").get("counts").get("errors").asInt()).as(dept.get("check").toString()).isZero();
        decide(BUREAU, "submit", "industry", "部门决算已汇总", null);

        // 3. the bureau returns it with a comment; the department submits again
        assertThat(decide(BUREAU, "return", "reviewer", "请补充说明", null).get("status").asText()).isEqualTo("RETURNED");
        decide(BUREAU, "submit", "industry", "已补充", null);
        // approval waits for the units: refused (422) while they are only submitted, nothing changed
        int v = ok(get(api(BUREAU)), "reviewer").get("version").asInt();
        MockHttpServletResponse early = send(post(api(BUREAU) + "/approve").contentType("application/json")
                .content("{\"version\":" + v + ",\"comment\":\"\"}"), "reviewer");
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(early.getContentAsString(StandardCharsets.UTF_8)).contains("乌鲁木齐市节能监察中心");
        for (String u : books.keySet()) decide(u, "approve", "reviewer", "", null);
        decide(BUREAU, "approve", "reviewer", "同意", null);
        JsonNode v1 = decide(BUREAU, "publish", "reviewer", "", null);
        long id1 = v1.get("id").asLong();
        assertThat(v1.get("versionNo").asInt()).isEqualTo(1);

        // 4. the public: a 部门决算, listed with the year's documents
        JsonNode pd = ok(get("/api/public/documents/" + id1), null);
        assertThat(pd.get("basis").asText()).isEqualTo("决算");
        assertThat(pd.get("kind").asText()).isEqualTo("部门");
        assertThat(page(null, "/p/" + id1)).contains("2025年度决算").doesNotContain("更正中");
        assertThat(page(null, "/?year=" + YEAR + "&department=" + BUREAU)).contains("/p/" + id1 + "\"").contains("部门决算");

        // 5. a unit corrects its approved 决算: the published department's 决算 is marked, naming the unit and why
        int ev = ok(get(api(ENERGY)), "energy").get("version").asInt();
        byte[] corrected = books.get(ENERGY);
        ok(multipart(api(ENERGY) + "/upload").file(new MockMultipartFile("file", "energy-final-corrected.xlsx", "application/octet-stream", corrected))
                .param("version", String.valueOf(ev)), "energy");
        assertThat(page(null, "/p/" + id1)).contains("更正中", "本部门决算所汇总的单位数据正在更正", "乌鲁木齐市节能监察中心：该单位开始更正其决算数据");
        // 6. corrected, reconsolidated, approved, published as version 2 with its 更正说明; version 1 no longer marked
        decide(ENERGY, "submit", "energy", "更正", null);
        decide(ENERGY, "approve", "reviewer", "", null);
        int dv = ok(get(api(BUREAU)), "industry").get("version").asInt();
        ok(post(api(BUREAU) + "/consolidate").contentType("application/json").content("{\"version\":" + dv + "}"), "industry");
        decide(BUREAU, "submit", "industry", "更正", null);
        decide(BUREAU, "approve", "reviewer", "同意", null);
        MockHttpServletResponse noReason = send(post(api(BUREAU) + "/publish").contentType("application/json")
                .content("{\"version\":" + ok(get(api(BUREAU)), "reviewer").get("version").asInt() + "}"), "reviewer");
        assertThat(noReason.getStatus()).as("a correction needs its 更正说明").isEqualTo(422);
        JsonNode v2 = decide(BUREAU, "publish", "reviewer", "", "节能监察中心决算数据更正");
        assertThat(v2.get("versionNo").asInt()).isEqualTo(2);
        assertThat(v2.get("correctionReason").asText()).isEqualTo("节能监察中心决算数据更正");
        String p2 = page(null, "/p/" + v2.get("id").asLong());
        assertThat(p2).contains("更正说明", "节能监察中心决算数据更正").doesNotContain("更正中：");
        assertThat(page(null, "/p/" + id1)).doesNotContain("更正中：").contains("已被更正版本取代");
    }
}
