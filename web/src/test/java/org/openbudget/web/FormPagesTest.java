package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.DocumentRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The forms over HTTP: the page's form posts (with and without problems) and the REST API (JSON). */
class FormPagesTest extends WebTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String UNIT = "650100770001";
    static final String PREPARER = "formpages";

    @Autowired WorkflowService workflow;
    @Autowired DocumentRepository documents;
    @Autowired AgencyRepository agencies;
    @Autowired PasswordEncoder encoder;

    @BeforeEach
    void unit() {
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", null, 9));
        if (accounts.find(PREPARER).isEmpty()) accounts.insert(new BudgetUser(PREPARER, encoder.encode("x"), Role.PREPARER, UNIT, null, "测试", true));
    }

    Document fresh(int year) {
        String yaml = asUnit(forYear(smeDataset(), year), SME, UNIT);
        Document d = documents.find(UNIT, year).orElse(null);
        return workflow.saveDataset(as(PREPARER), UNIT, year, "u.yaml", yaml, d == null ? null : d.rowVersion());
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder b) throws Exception {
        return mvc.perform(b.with(user(as(PREPARER))).with(csrf())).andReturn().getResponse();
    }

    JsonNode json(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aRefusedFormComesBackAsSentWithItsProblemsLocated() throws Exception {
        Document d = fresh(2025);
        MockHttpServletRequestBuilder b = post("/work/" + UNIT + "/2025/forms/lines").param("version", String.valueOf(d.rowVersion()));
        JsonNode lines = json(send(get("/api/documents/" + UNIT + "/2025/forms/lines"))).get("lines");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode l = lines.get(i);
            for (String f : new String[] {"funcCode", "ecoCode", "nature", "proCode", "fundSource", "amount"}) {
                b.param("lines[" + i + "]." + f, i == 1 && f.equals("amount") ? "24630O" : l.get(f).asText());
            }
        }
        MockHttpServletResponse r = send(b);
        assertThat(r.getStatus()).isEqualTo(200);
        String page = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("未保存").contains("预算明细第 2 行 金额（元）").contains("24630O")
                .contains("name=\"version\" value=\"" + d.rowVersion() + "\"");
        assertThat(documents.find(UNIT, 2025).orElseThrow().rowVersion()).isEqualTo(d.rowVersion());
    }

    /** Posts the form with every 基本 line of the example repeated 20 times (the copies of 0 元): over 300 lines; returns how many. */
    int saveLongLedger(Document d) throws Exception {
        JsonNode form = json(send(get("/api/documents/" + UNIT + "/2025/forms/lines")));
        MockHttpServletRequestBuilder b = post("/work/" + UNIT + "/2025/forms/lines").param("version", String.valueOf(d.rowVersion()));
        int n = 0;
        for (JsonNode l : form.get("lines")) {
            for (int k = 0; k < (l.get("nature").asText().equals("基本") ? 20 : 1); k++, n++) {
                for (String f : new String[] {"funcCode", "ecoCode", "nature", "proCode", "fundSource"}) b.param("lines[" + n + "]." + f, l.get(f).asText());
                b.param("lines[" + n + "].amount", k == 0 ? l.get("amount").asText() : "0");
            }
        }
        assertThat(n).isGreaterThan(300);
        MockHttpServletResponse r = send(b);
        assertThat(r.getRedirectedUrl()).isEqualTo("/work/" + UNIT + "/2025?tab=lines");
        return n;
    }

    @Test
    void aLedgerOfHundredsOfLinesIsPostedAndSaved() throws Exception {
        Document d = fresh(2025);
        int n = saveLongLedger(d);
        Document after = documents.find(UNIT, 2025).orElseThrow();
        assertThat(workflow.evaluate(after).budget().lines()).hasSize(n);
        assertThat(workflow.evaluate(after).disclosure().tables()).as("zero lines add nothing").isEqualTo(workflow.evaluate(d).disclosure().tables());
    }

    /**
     * A ledger longer than a page is shown and saved a page at a time: a page's rows replace the stored rows it showed
     * (changed, deleted, added after its last row), the rest stays as stored; its problems are at its own fields with
     * the row's number in the whole list; a page that no longer fits the list is refused, nothing saved.
     */
    @Test
    void aLongLedgerIsEditedAPageAtATime() throws Exception {
        int n = saveLongLedger(fresh(2025));
        Document saved = documents.find(UNIT, 2025).orElseThrow();
        java.util.List<org.openbudget.core.ledger.LedgerLine> before = workflow.evaluate(saved).budget().lines();
        assertThat(before).hasSize(n);
        int pages = (n + 99) / 100;

        // page 2: rows 101–200, numbered so, with the whole ledger's total in the foot
        String page = send(get("/work/" + UNIT + "/2025").param("tab", "lines").param("page", "2")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("name=\"offset\" value=\"100\"", "name=\"count\" value=\"100\"", "第 2 / " + pages + " 页（共 " + n + " 行",
                "<td class=\"rn\">101</td>", "<td class=\"rn\">200</td>", "name=\"lines[99].amount\"").doesNotContain("<td class=\"rn\">201</td>");
        long fen = before.stream().mapToLong(org.openbudget.core.ledger.LedgerLine::amountFen).sum();
        assertThat(page).contains("id=\"total-all\">" + String.format("%,.2f", fen / 100.0));

        // sent back: row 101 changed, row 102 deleted, one row added
        MockHttpServletRequestBuilder p2 = post("/work/" + UNIT + "/2025/forms/lines").param("version", String.valueOf(saved.rowVersion()))
                .param("offset", "100").param("count", "100");
        for (int i = 0; i <= 100; i++) {
            org.openbudget.core.ledger.LedgerLine l = i < 100 ? before.get(100 + i) : before.get(0);
            p2.param("lines[" + i + "].funcCode", l.funcCode()).param("lines[" + i + "].ecoCode", l.ecoCode())
                    .param("lines[" + i + "].nature", l.nature().label())
                    .param("lines[" + i + "].proCode", l.projectCode() == null ? "" : l.projectCode()).param("lines[" + i + "].fundSource", l.fundSource())
                    .param("lines[" + i + "].amount", i == 0 ? "123.45" : i == 100 ? "7" : java.math.BigDecimal.valueOf(l.amountFen(), 2).toPlainString());
        }
        p2.param("lines[1].deleted", "true");
        MockHttpServletResponse r = send(p2);
        assertThat(r.getRedirectedUrl()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("/work/" + UNIT + "/2025?tab=lines");
        Document after = documents.find(UNIT, 2025).orElseThrow();
        java.util.List<org.openbudget.core.ledger.LedgerLine> now = workflow.evaluate(after).budget().lines();
        assertThat(now).hasSize(n);   // one deleted, one added
        assertThat(keys(now.subList(0, 100))).isEqualTo(keys(before.subList(0, 100)));
        assertThat(now.get(100).amountFen()).isEqualTo(12345);
        assertThat(keys(now.subList(101, 199))).isEqualTo(keys(before.subList(102, 200)));
        assertThat(now.get(199).amountFen()).isEqualTo(700);
        assertThat(keys(now.subList(200, n))).isEqualTo(keys(before.subList(200, n)));

        // a problem on the page: at its field, named by its row in the whole ledger
        MockHttpServletRequestBuilder bad = post("/work/" + UNIT + "/2025/forms/lines").param("version", String.valueOf(after.rowVersion()))
                .param("offset", "100").param("count", "2");
        for (int i = 0; i < 2; i++) {
            org.openbudget.core.ledger.LedgerLine l = now.get(100 + i);
            bad.param("lines[" + i + "].funcCode", l.funcCode()).param("lines[" + i + "].ecoCode", l.ecoCode()).param("lines[" + i + "].nature", l.nature().label())
                    .param("lines[" + i + "].proCode", l.projectCode() == null ? "" : l.projectCode()).param("lines[" + i + "].fundSource", l.fundSource())
                    .param("lines[" + i + "].amount", i == 1 ? "12O" : "1");
        }
        String refused = send(bad).getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("预算明细第 102 行 金额（元）", "lines[1].amount", "12O");
        // a page that does not fit the list as stored
        MockHttpServletResponse stale = send(post("/work/" + UNIT + "/2025/forms/lines").param("version", String.valueOf(after.rowVersion()))
                .param("offset", String.valueOf(n)).param("count", "5").param("lines[0].amount", "1"));
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains("对不上");
        assertThat(documents.find(UNIT, 2025).orElseThrow().rowVersion()).as("nothing saved").isEqualTo(after.rowVersion());
    }

    /** What a line says (not where in the YAML it was read). */
    static java.util.List<String> keys(java.util.List<org.openbudget.core.ledger.LedgerLine> lines) {
        return lines.stream().map(l -> l.funcCode() + "|" + l.ecoCode() + "|" + l.nature() + "|" + l.projectCode() + "|" + l.fundSource() + "|" + l.amountFen()).toList();
    }

    @Test
    void theRestApiReadsChecksAndSavesAForm() throws Exception {
        Document d = fresh(2025);
        String base = "/api/documents/" + UNIT + "/2025/forms";
        ObjectNode text = (ObjectNode) json(send(get(base + "/text")));
        assertThat(text.get("reasons").size()).isGreaterThan(10);
        assertThat(text.get("closingDate").asText()).isEqualTo("2024-02-22");
        text.put("closingDate", "2025年2月");
        JsonNode check = json(send(post(base + "/text/check").contentType("application/json").content(text.toString())));
        assertThat(check.get("readable").asBoolean()).isFalse();
        assertThat(check.get("problems").get(0).get("field").asText()).isEqualTo("closingDate");
        text.put("closingDate", "2025-02-20");
        check = json(send(post(base + "/text/check").contentType("application/json").content(text.toString())));
        assertThat(check.get("readable").asBoolean()).isTrue();
        assertThat(check.get("counts").get("errors").asInt()).isZero();
        assertThat(documents.find(UNIT, 2025).orElseThrow().rowVersion()).as("a check saves nothing").isEqualTo(d.rowVersion());

        ObjectNode lines = (ObjectNode) json(send(get(base + "/lines")));
        ((ObjectNode) lines.get("lines").get(0)).put("amount", "-1");
        MockHttpServletResponse bad = send(put(base + "/lines?version=" + d.rowVersion()).contentType("application/json").content(lines.toString()));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(json(bad).get("problems").get(0).get("field").asText()).isEqualTo("lines[0].amount");
        assertThat(json(bad).get("problems").get(0).get("message").asText()).contains("负数");

        MockHttpServletResponse ok = send(put(base + "/text?version=" + d.rowVersion()).contentType("application/json").content(text.toString()));
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(json(ok).get("version").asInt()).isEqualTo(d.rowVersion() + 1);
        MockHttpServletResponse stale = send(put(base + "/text?version=" + d.rowVersion()).contentType("application/json").content(text.toString()));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(json(stale).get("error").asText()).contains(PREPARER);

        JsonNode options = json(send(get(base + "/options")));
        assertThat(options.get("fundSources").toString()).contains("GPB").contains("本级一般财力");
        assertThat(((ArrayNode) options.get("funcItems")).size()).isGreaterThan(100);
        assertThat(options.get("projects").get(0).get("name").asText()).isEqualTo("信息化运维项目");
    }

    @Test
    void thePageShowsEachFormAndSaysWhenAWorkbookBecomesYaml() throws Exception {
        fresh(2025);
        for (String tab : new String[] {"lines", "projects", "text", "last-year", "yaml"}) {
            MockHttpServletResponse r = send(get("/work/" + UNIT + "/2025").param("tab", tab));
            assertThat(r.getStatus()).as(tab).isEqualTo(200);
            String page = r.getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(tab).contains("预算明细").contains("高级：直接编辑 YAML");
            if (!tab.equals("yaml")) assertThat(page).as(tab).contains("form-" + tab).contains("/forms/" + tab + "/check");
        }
        String lines = send(get("/work/" + UNIT + "/2025")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(lines).contains("name=\"lines[18].amount\" value=\"343300\"").contains("其他支持中小企业发展和管理支出").contains("信息化运维项目");
        byte[] book = workflow.workbook(as(PREPARER), UNIT, 2025);
        Document d = documents.find(UNIT, 2025).orElseThrow();
        workflow.saveDataset(as(PREPARER), UNIT, 2025, "b.xlsx", org.openbudget.web.db.repositories.Document.Source.workbook(book), d.rowVersion());
        String page = send(get("/work/" + UNIT + "/2025").param("tab", "text")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("workbook-note").contains("转为 YAML 保存").contains("按照相关规定，为全市中小企业发展提供信息");
    }
}
