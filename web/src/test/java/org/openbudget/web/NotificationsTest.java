package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.NotificationService;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In-app notifications: a unit's preparer and its department are told when the unit's budget is returned (with the
 * reason), approved and published — not the one who decided, not another unit; the header counts the unread, the page
 * lists them, and marking them read empties the count. The work page offers progress while uploading and publishing, and
 * the reviewer can ask how far a publication is.
 */
class NotificationsTest extends WebTestBase {
    static final String DEPT = "650100607", UNIT = "650100607001";
    @Autowired WorkflowService workflow;
    @Autowired AgencyRepository agencies;
    @Autowired NotificationService notifications;

    String page(BudgetUser who, String path) throws Exception {
        var r = mvc.perform(get(path).with(user(who))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void returnedApprovedPublished() throws Exception {
        agencies.upsert(new Agency(DEPT, "通知测试局", "部门", "行政", "650100", null, 0));
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", DEPT, 1));
        accounts.insert(new BudgetUser("nt-unit", "{noop}x", Role.PREPARER, UNIT, null, "u", true));
        accounts.insert(new BudgetUser("nt-dept", "{noop}x", Role.DEPARTMENT, DEPT, null, "d", true));
        BudgetUser unit = as("nt-unit"), dept = as("nt-dept"), reviewer = as("reviewer"), other = as("scitech");
        long otherBefore = notifications.unread(other);
        long reviewerBefore = notifications.unread(reviewer);
        String yaml = asUnit(smeDataset(), SME, UNIT);

        Document d = workflow.saveDataset(unit, UNIT, 2024, "u.yaml", yaml, null);
        d = workflow.submit(unit, UNIT, 2024, d.rowVersion(), "说明");
        assertThat(notifications.unread(unit)).isZero();
        d = workflow.returnDocument(reviewer, UNIT, 2024, d.rowVersion(), "请核对基本支出");
        assertThat(notifications.unread(unit)).isEqualTo(1);
        assertThat(notifications.unread(dept)).isEqualTo(1);
        assertThat(notifications.mine(unit).get(0).message()).contains("退回", "请核对基本支出");

        String work = page(unit, "/work");
        assertThat(work).contains("id=\"unread-count\"", ">1</span>");
        String list = page(unit, "/notifications");
        assertThat(list).contains("请核对基本支出", "未读", "/work/" + UNIT + "/2024");
        mvc.perform(post("/notifications/read").with(user(unit)).with(csrf()));
        assertThat(notifications.unread(unit)).isZero();
        assertThat(page(unit, "/work")).doesNotContain("id=\"unread-count\"");

        d = workflow.submit(unit, UNIT, 2024, d.rowVersion(), "已核对");
        d = workflow.approve(reviewer, UNIT, 2024, d.rowVersion(), "");
        workflow.publish(reviewer, UNIT, 2024, d.rowVersion(), null);
        assertThat(notifications.mine(unit)).extracting(n -> n.kind()).containsExactly("published", "approved", "returned");
        assertThat(notifications.mine(unit).get(0).message()).contains("已发布（第 1 版）");
        assertThat(notifications.unread(dept)).isEqualTo(3);
        var api = mvc.perform(get("/api/me/notifications").with(user(dept))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).contains("\"unread\":3", "\"kind\":\"approved\"");
        assertThat(mvc.perform(post("/api/me/notifications/read").with(user(dept)).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"marked\":3");
        // neither the one who decided nor another unit's preparer is told
        assertThat(notifications.unread(reviewer)).isEqualTo(reviewerBefore);
        assertThat(notifications.unread(other)).isEqualTo(otherBefore);

        // progress: the work page carries the upload and publish indicators and their script; nothing is being published now
        Document again = workflow.saveDataset(unit, UNIT, 2024, "u.yaml", yaml.replace("closing_date: 2024-02-22", "closing_date: 2024-02-23"),
                workflow.view(unit, UNIT, 2024).document().rowVersion());
        again = workflow.submit(unit, UNIT, 2024, again.rowVersion(), "更正");
        workflow.approve(reviewer, UNIT, 2024, again.rowVersion(), "");
        assertThat(page(unit, "/work/" + UNIT + "/2024")).contains("id=\"upload-progress\"", "/js/progress.js");
        assertThat(page(reviewer, "/work/" + UNIT + "/2024")).contains("id=\"publish-progress\"", "data-progress=\"/api/documents/" + UNIT + "/2024/publish-progress\"");
        assertThat(mvc.perform(get("/api/documents/" + UNIT + "/2024/publish-progress").with(user(reviewer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"running\":false");
    }
}
