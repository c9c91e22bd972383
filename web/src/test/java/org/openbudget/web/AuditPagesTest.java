package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.PublicationRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.PublishedAuditService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit of a published PDF says on which page each finding is: on the audit page and in /api/audit. */
class AuditPagesTest extends WebTestBase {
    @Autowired PublicationRepository publications;
    @Autowired PublishedAuditService auditor;
    @Autowired org.openbudget.web.service.WorkflowService workflow;
    @Autowired org.openbudget.web.db.repositories.AgencyRepository agencies;
    static final String UNIT = "650100603001";

    @Test
    void findingsCarryTheirPage() throws Exception {
        // a document published with notices: 2060598 is well-formed but not in the (partial) 2025 list
        agencies.upsert(new Agency("650100603", "审核页码测试局", "部门", "行政", "650100", null, 0));
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", "650100603", 1));
        accounts.insert(new BudgetUser("ap-unit", "{noop}x", Role.PREPARER, UNIT, null, "u", true));
        String yaml = asUnit(forYear(example("urumqi-sci-tech-info-center-2024/dataset.yaml"), 2025), SCITECH, UNIT)
                .replace("2060599", "2060598");
        Document d = workflow.saveDataset(as("ap-unit"), UNIT, 2025, "u.yaml", yaml, null);
        d = workflow.submit(as("ap-unit"), UNIT, 2025, d.rowVersion(), "新增科目");
        d = workflow.approve(as("reviewer"), UNIT, 2025, d.rowVersion(), "");
        long id = workflow.publish(as("reviewer"), UNIT, 2025, d.rowVersion()).id();
        byte[] pdf = publications.file(id, "pdf").orElseThrow().content();
        PublishedAuditService.Report r = auditor.audit("sme.pdf", pdf);
        assertThat(r.located()).hasSameSizeAs(r.findings());
        assertThat(r.located()).as("a published document with findings (rounding notices at least)").isNotEmpty();
        assertThat(r.located()).anySatisfy(l -> assertThat(l.page()).isPositive());
        for (PublishedAuditService.Located l : r.located()) {
            if (l.line() > 0) assertThat(l.page()).as(l.toString()).isPositive();
            if (l.page() > 0) assertThat(l.where()).isEqualTo("第 " + l.page() + " 页" + (l.line() > 0 ? "，第 " + l.line() + " 行" : ""));
        }

        String page = mvc.perform(multipart("/audit").file(new MockMultipartFile("file", "sme.pdf", "application/pdf", pdf))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"audit-findings\"", "<th scope=\"col\">页码</th>");
        PublishedAuditService.Located first = r.located().stream().filter(l -> l.page() > 0).findFirst().orElseThrow();
        int pageNo = first.page();
        assertThat(page).contains("<td class=\"where\">第 " + pageNo + " 页，第 " + first.line() + " 行</td>");
        // the findings shown, exported without sending the file again: with their page and the text they were read from
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"audit-xlsx\" href=\"(/audit/[0-9a-f]{32}/findings\\.xlsx)\"").matcher(page);
        assertThat(link.find()).as("the export link").isTrue();
        var xlsx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(link.group(1))).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("页码");
            assertThat(sheet.getLastRowNum()).isEqualTo(r.located().size() + 1);
            java.util.List<String> pages = new java.util.ArrayList<>();
            for (int i = 2; i <= sheet.getLastRowNum(); i++) pages.add(sheet.getRow(i).getCell(6).getStringCellValue());
            assertThat(pages).contains(first.where());
        }
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/audit/" + "0".repeat(32) + "/findings.xlsx"))
                .andReturn().getResponse().getStatus()).as("an unknown or expired result").isEqualTo(404);

        JsonNode api = new ObjectMapper().readTree(mvc.perform(multipart("/api/audit").file(new MockMultipartFile("file", "sme.pdf", "application/pdf", pdf)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(api.get("findings")).hasSize(r.findings().size());
        assertThat(api.get("findings")).anySatisfy(f -> assertThat(f.get("page").asInt()).isEqualTo(pageNo));
    }
}
