package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openbudget.web.service.BudgetService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Request, upload and ledger limits answered clearly, never with a bare error. */
class LimitsTest extends WebTestBase {
    @Autowired BudgetService budgets;

    @Test
    void anAnonymousCheckOfMoreThanTwoMegabytesIsRefusedUnread() throws Exception {
        byte[] big = ("# " + "x".repeat(100) + "\n").repeat(22_000).getBytes(StandardCharsets.UTF_8);
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.post("/api/check").contentType("application/yaml").content(big))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(413);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("提交的内容太大：至多 2 MB");
    }

    @Test
    void aLedgerOverTheLimitIsRefusedSayingTheLimit() throws Exception {
        ReflectionTestUtils.invokeMethod(budgets, "limits", 10, 8L);
        try {
            MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.put("/api/documents/" + SME + "/2024/dataset?version=-1")
                    .with(user(as("sme"))).with(csrf()).contentType("application/yaml").content(smeDataset())).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(400);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("账本行数太多：每个单位至多 10 行");
            var check = mvc.perform(MockMvcRequestBuilders.post("/api/check").contentType("application/yaml").content(smeDataset())).andReturn().getResponse();
            assertThat(check.getContentAsString(StandardCharsets.UTF_8)).contains("账本行数太多");
        } finally {
            ReflectionTestUtils.invokeMethod(budgets, "limits", 20_000, 8L);
        }
    }

    @Test
    void anUploadOverTheLimitGetsAClearPage() throws Exception {
        var filter = new org.openbudget.web.limits.RequestSizeLimit(1, 2048, 256);
        var req = new org.springframework.mock.web.MockHttpServletRequest("POST", "/work/" + SME + "/2024/upload");
        req.setContent(new byte[1024 * 1024 + 1]);
        var res = new org.springframework.mock.web.MockHttpServletResponse();
        filter.doFilter(req, res, (a, b) -> { throw new AssertionError("the body was passed on"); });
        assertThat(res.getStatus()).isEqualTo(413);
        assertThat(res.getContentType()).startsWith("text/html");
        assertThat(res.getContentAsString(StandardCharsets.UTF_8)).contains("内容太大", "至多 1 MB").doesNotContain("<script").doesNotContain("onclick");
    }

    @Test
    void aBlankWorkbookForAYearWithoutClassificationsIsARefusalNotAnError() throws Exception {
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get("/work/" + SME + "/2031/workbook/blank").with(user(as("sme"))))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("没有 2031 年的分类科目");
        String work = mvc.perform(MockMvcRequestBuilders.get("/work").with(user(as("sme")))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        int offered = Integer.parseInt(work.replaceAll("(?s).*id=\"year\" name=\"year\" value=\"(\\d{4})\".*", "$1"));
        assertThat(budgets.library().hasYear(offered)).as("the year offered has classifications: " + offered).isTrue();
    }
}
