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

import org.junit.jupiter.api.Test;
import org.openbudget.core.ledger.Budget;
import org.openbudget.io.dataset.DatasetReader;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.workbook.WorkbookReader;
import org.openbudget.io.workbook.WorkbookWriter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12 in the web: a unit prepares its 决算 the way it prepares its 预算 — the year's second document, at
 * {@code 2024-final} — uploads its workbook (the 年初预算数 in it, as the blank 决算 workbook gives them from the 预算),
 * submits; its department consolidates its units' 决算; the bureau approves and publishes an immutable version of basis
 * 决算; the public reads it, and the year's 预算 against its 决算 (core/compare) with the chart. Bad input answers 4xx.
 */
class FinalAccountsFlowTest extends WebTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API = "/api/documents/" + SME + "/2024-final";

    MockHttpServletResponse send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b, String who) throws Exception {
        if (who != null) b.with(user(as(who)));
        return mvc.perform(b.with(csrf())).andReturn().getResponse();
    }

    JsonNode json(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    String decision(int version, String comment) throws Exception {
        return JSON.writeValueAsString(java.util.Map.of("version", version, "comment", comment));
    }

    /** The SME center's 2024 决算 (the example) as the workbook a unit uploads: its 年初预算数 rows from the 预算. */
    static byte[] finalWorkbook() throws Exception {
        ReferenceLibrary lib = ReferenceLibrary.standard();
        Budget example = new DatasetReader(lib).read(Path.of("../examples/urumqi-sme-center-final-2024"));
        // 100 元 less 办公费 than the example: this test publishes its own document, never the one other tests render and
        // upload as "the SME center's 决算" (a batch that meets a document published here is another story)
        java.util.List<org.openbudget.core.ledger.LedgerLine> lines = example.lines().stream().map(l -> l.ecoCode().equals("30201")
                ? new org.openbudget.core.ledger.LedgerLine(l.agencyCode(), l.funcCode(), l.ecoCode(), l.nature(), l.projectCode(), l.fundSource(),
                        l.amountFen() - 10_000, l.origin()) : l).toList();
        Budget fin = new Budget(example.agency(), example.year(), example.profileId(), example.projects(), lines, example.units(), example.origin(),
                example.narrative(), example.accounts());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WorkbookWriter(lib.year(2024), lib.profile(fin.profileId())).write(fin, out);
        return out.toByteArray();
    }

    @Test
    void prepareSubmitConsolidateApprovePublishAndPublicRead() throws Exception {
        // the blank 决算 workbook of the unit carries the year's 预算 (published in the demo) as its 年初预算数
        MockHttpServletResponse blank = send(get("/work/" + SME + "/2024-final/workbook/blank"), "sme");
        assertThat(blank.getStatus()).isEqualTo(200);
        Budget blankRead = new WorkbookReader(ReferenceLibrary.standard()).read("blank.xlsx", new java.io.ByteArrayInputStream(blank.getContentAsByteArray()));
        assertThat(blankRead.isFinal()).isTrue();
        assertThat(blankRead.accounts().flow("budget.initial")).isNotEmpty();

        // a 预算 dataset saved as the 决算 is refused at its basis, nothing saved
        MockHttpServletResponse wrong = send(put(API + "/dataset").contentType("application/yaml").content(smeDataset()), "sme");
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("决算");
        assertThat(json(send(get(API), "sme")).get("status").isNull()).isTrue();

        // 1. prepared: the workbook uploaded, derived and checked under the region's 决算 template
        MockHttpServletResponse up = send(multipart(API + "/upload")
                .file(new MockMultipartFile("file", "sme-final-2024.xlsx", "application/octet-stream", finalWorkbook())), "sme");
        assertThat(up.getStatus()).as(up.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode d = json(up);
        assertThat(d.get("basis").asText()).isEqualTo("决算");
        assertThat(d.get("status").asText()).isEqualTo("DRAFT");
        assertThat(d.get("check").get("counts").get("errors").asInt()).as(d.get("check").toString()).isZero();
        // the year's 预算 is untouched: still the demo's published document
        assertThat(json(send(get("/api/documents/" + SME + "/2024"), "sme")).get("status").asText()).isEqualTo("PUBLISHED");
        // the page of the 决算, and the editor's 决算明细 form with its live check
        String page = page("sme", "/work/" + SME + "/2024-final");
        assertThat(page).contains("单位决算").contains("收支与结转").contains("预算与决算对比");
        assertThat(send(get(API + "/forms/lines"), "sme").getStatus()).isEqualTo(200);
        // the 收支与结转 form: the accounts as rows; a bad amount is found at its row and field by the live check, nothing saved
        JsonNode accounts = json(send(get(API + "/forms/accounts"), "sme"));
        assertThat(accounts.get("entries").toString()).contains("received").contains("budget.initial");
        com.fasterxml.jackson.databind.node.ObjectNode edited = accounts.deepCopy();
        int received = 0;
        while (!edited.get("entries").get(received).get("flow").asText().equals("received")) received++;
        ((com.fasterxml.jackson.databind.node.ObjectNode) edited.get("entries").get(received)).put("amount", "-5");
        JsonNode check = json(send(post(API + "/forms/accounts/check").contentType("application/json").content(edited.toString()), "sme"));
        assertThat(check.toString()).contains("entries[" + received + "].amount").contains("负数");
        assertThat(page("sme", "/work/" + SME + "/2024-final?tab=accounts")).contains("form-accounts").contains("本年收入");

        // 2. submitted (its warnings explained)
        MockHttpServletResponse sub = send(post(API + "/submit").contentType("application/json").content(decision(d.get("version").asInt(), "决算已核对")), "sme");
        assertThat(sub.getStatus()).as(sub.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json(sub).get("status").asText()).isEqualTo("SUBMITTED");

        // 3. the department consolidates its units' 决算: the SME center in, the others listed as missing
        MockHttpServletResponse cons = send(post("/api/documents/" + BUREAU + "/2024-final/consolidate").contentType("application/json")
                .content("{\"version\":null}"), "industry");
        assertThat(cons.getStatus()).as(cons.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode units = json(cons);
        assertThat(units.toString()).contains(SME).contains("尚未填报 2024 年决算");
        JsonNode dept = json(send(get("/api/documents/" + BUREAU + "/2024-final"), "industry"));
        assertThat(dept.get("basis").asText()).isEqualTo("决算");
        assertThat(dept.get("status").asText()).isEqualTo("DRAFT");

        // 4. approved and published by the bureau: a frozen version of basis 决算, its own version 1
        int v = json(send(get(API), "reviewer")).get("version").asInt();
        MockHttpServletResponse ok = send(post(API + "/approve").contentType("application/json").content(decision(v, "")), "reviewer");
        assertThat(ok.getStatus()).as(ok.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        v = json(ok).get("version").asInt();
        MockHttpServletResponse pub = send(post(API + "/publish").contentType("application/json").content(decision(v, "")), "reviewer");
        assertThat(pub.getStatus()).as(pub.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        long id = json(pub).get("id").asLong();
        assertThat(json(pub).get("versionNo").asInt()).isEqualTo(1);

        // 5. the public: the version, listed as a 决算 beside the 预算, and the comparison with its chart
        JsonNode pd = json(send(get("/api/public/documents/" + id), null));
        assertThat(pd.get("basis").asText()).isEqualTo("决算");
        // its open data: listed with every published version's package, as executed spending (the FDP's phase)
        JsonNode listed = null;
        for (JsonNode n : json(send(get("/api/public/opendata?year=2024"), null))) if (n.get("id").asLong() == id) listed = n;
        assertThat(listed).as("the 决算 in the open-data listing").isNotNull();
        assertThat(listed.get("basis").asText()).isEqualTo("决算");
        byte[] fdp = send(get(listed.get("url").asText()), null).getContentAsByteArray();
        String model = null;
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(fdp))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith("datapackage.json")) model = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        assertThat(model).isNotNull().contains("\"phase\"").contains("executed").doesNotContain("\"approved\"");
        String pubPage = page(null, "/p/" + id);
        assertThat(pubPage).contains("2024年度决算").contains("预算与决算对比");
        String compare = page(null, "/p/compare/" + SME + "/2024");
        assertThat(compare).contains("compare-chart").contains("完成率").contains("一般公共预算").contains("查看决算");
        // the working comparison on the unit's year page says the same
        assertThat(page("sme", "/work/" + SME + "/2024/compare")).contains("compare-lines").contains("完成率");
    }

    @Test
    void badAddressesAndInputAnswerWithoutServerErrors() throws Exception {
        for (String path : new String[] {"/work/" + SME + "/20x4-final", "/api/documents/" + SME + "/2024-finale", "/p/compare/" + SME + "/9999",
                "/p/compare/" + SME + "/abcd", "/work/" + SME + "/2024-final/preview"}) {
            MockHttpServletResponse r = send(get(path), "sme");
            assertThat(r.getStatus()).as(path).isBetween(400, 499);
        }
        MockHttpServletResponse junk = send(multipart("/api/documents/" + SME + "/2023-final/upload")
                .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", new byte[] {1, 2, 3})), "sme");
        assertThat(junk.getStatus()).isBetween(400, 499);
    }
}
