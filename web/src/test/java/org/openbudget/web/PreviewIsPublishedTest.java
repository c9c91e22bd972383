package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.PublicationRepository;
import org.openbudget.web.pages.WorkPages;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/** The preview of a working document is the web page it is then published as: the same bytes, under a bar saying it is a preview. */
class PreviewIsPublishedTest extends WebTestBase {
    static final String DEPT = "650100602", UNIT = "650100602001";
    @Autowired WorkflowService workflow;
    @Autowired AgencyRepository agencies;
    @Autowired PublicationRepository publications;

    @Test
    void thePreviewIsThePublishedPage() throws Exception {
        agencies.upsert(new Agency(DEPT, "预览测试局", "部门", "行政", "650100", null, 0));
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", DEPT, 1));
        accounts.insert(new BudgetUser("pv-unit", "{noop}x", Role.PREPARER, UNIT, null, "u", true));
        String yaml = asUnit(forYear(smeDataset(), 2025), SME, UNIT);
        Document d = workflow.saveDataset(as("pv-unit"), UNIT, 2025, "u.yaml", yaml, null);

        MockHttpServletResponse r = mvc.perform(get("/work/" + UNIT + "/2025/preview").with(user(as("pv-unit")))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/html");
        assertThat(r.getHeader("Cache-Control")).contains("no-store");
        String preview = r.getContentAsString(StandardCharsets.UTF_8);
        int bar = preview.indexOf(WorkPages.PREVIEW_BAR_START);
        assertThat(bar).isPositive();
        int end = preview.indexOf(WorkPages.PREVIEW_BAR_END, bar) + WorkPages.PREVIEW_BAR_END.length();
        assertThat(preview.substring(bar, end)).contains("预览（未发布）", "错误 0", "href=\"/work/" + UNIT + "/2025\"");
        String withoutBar = preview.substring(0, bar) + preview.substring(end);
        // the cover and the parts the earlier preview left out
        assertThat(withoutBar).contains("class=\"cover\"", "第一部分", "第四部分", "表1", "表11");

        // published as it was previewed
        Document s = workflow.submit(as("pv-unit"), UNIT, 2025, d.rowVersion(), "说明");
        Document a = workflow.approve(as("reviewer"), UNIT, 2025, s.rowVersion(), "");
        workflow.publish(as("reviewer"), UNIT, 2025, a.rowVersion());
        long id = publications.current(UNIT, 2025).orElseThrow().id();
        String published = new String(publications.file(id, "html").orElseThrow().content(), StandardCharsets.UTF_8);
        assertThat(withoutBar.replace("<body>\n\n", "<body>\n")).isEqualTo(published);
    }
}
