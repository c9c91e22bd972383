package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.DocumentRepository;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The reviewer's list: 待审核 and search filters; each saved version's findings counted once and kept. */
class WorkListTest extends WebTestBase {
    @Autowired WorkflowService workflow;
    @Autowired DocumentRepository documents;

    String list(String query) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/work" + query).with(user(as("reviewer")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theReviewerFiltersByStateAndSearchesByCodeOrName() throws Exception {
        assertThat(list("")).contains("乌鲁木齐科技信息服务中心", "乌鲁木齐市中小企业服务中心");
        String published = list("?status=PUBLISHED&q=科技信息");
        assertThat(published).contains("href=\"/work/" + SCITECH + "/2024\"").doesNotContain("href=\"/work/" + SME + "/");
        assertThat(list("?q=650100416003")).contains("href=\"/work/" + SCITECH + "/2024\"").doesNotContain("href=\"/work/" + SME + "/");
        assertThat(list("?status=RETURNED&q=不存在的单位")).contains("暂无预算");
    }

    @Test
    void aSavedVersionsFindingsAreCountedOnceAndKept() {
        var d = documents.find(SCITECH, 2024).orElseThrow();
        var first = workflow.counts(d);
        assertThat(first.readable()).isTrue();
        assertThat(workflow.counts(d)).as("kept, not checked again").isSameAs(first);
        assertThat(workflow.counts(documents.find(SCITECH, 2024).orElseThrow())).isSameAs(first);
    }

    @Test
    void publishingOnThePageNeedsItsConfirmation() throws Exception {
        var r = mvc.perform(MockMvcRequestBuilders.post("/work/" + SME + "/2024/publish").param("version", "-1")
                .with(user(as("reviewer"))).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andReturn();
        assertThat(r.getFlashMap().get("error").toString()).contains("请先勾选确认");
        var confirmed = mvc.perform(MockMvcRequestBuilders.post("/work/" + SME + "/2024/publish").param("version", "-1").param("confirm", "true")
                .with(user(as("reviewer"))).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andReturn();
        assertThat(String.valueOf(confirmed.getFlashMap().get("error"))).as("then the usual rules: a stale version").contains("保存冲突");
    }

    @Test
    void thePublicSearchesByAnyPartOfANameOrByCode() throws Exception {
        String byCode = mvc.perform(MockMvcRequestBuilders.get("/api/public/documents").param("q", "650100416003")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(byCode).contains("乌鲁木齐科技信息服务中心").doesNotContain("乌鲁木齐市中小企业服务中心");
        String byPart = mvc.perform(MockMvcRequestBuilders.get("/api/public/documents").param("q", "信息服务")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(byPart).contains("乌鲁木齐科技信息服务中心");
        String byDepartmentCode = mvc.perform(MockMvcRequestBuilders.get("/api/public/documents").param("q", "650100417").param("year", "2024"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(byDepartmentCode).contains("乌鲁木齐市中小企业服务中心", "工业和信息化局").doesNotContain("乌鲁木齐科技信息服务中心");
    }

    @Test
    void theFindingsAreExportedAsAWorkbookOfTextCells() throws Exception {
        var r = mvc.perform(MockMvcRequestBuilders.get("/work/" + SME + "/2024/findings.xlsx").with(user(as("sme")))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(r.getContentAsByteArray()))) {
            var s = wb.getSheet("审核结果");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("乌鲁木齐市中小企业服务中心", "审核结果");
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("审核公式");
            var e = workflow.view(as("sme"), SME, 2024).evaluation();
            assertThat(s.getLastRowNum() - 1).isEqualTo(e.findings().size());
            for (var row : s) for (var c : row) assertThat(c.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        }
    }
}
