package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.Evaluation;
import org.openbudget.web.service.PublicationService;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A department's text takes its units' project texts and performance tables as they are: the department writes only its
 * own text (here 第一部分), and its document describes the unit's project with the unit's words and target.
 */
class DepartmentProjectTextsTest extends WebTestBase {
    static final String DEPT = "650100608", UNIT = "650100608001";
    @Autowired WorkflowService workflow;
    @Autowired AgencyRepository agencies;
    @Autowired PublicationService publisher;

    @Test
    void theUnitsProjectTextsAsTheyAre() {
        Agency dept = new Agency(DEPT, "项目说明测试局", "部门", "行政", "650100", null, 0);
        agencies.upsert(dept);
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", DEPT, 1));
        accounts.insert(new BudgetUser("pt-unit", "{noop}x", Role.PREPARER, UNIT, null, "u", true));
        accounts.insert(new BudgetUser("pt-dept", "{noop}x", Role.DEPARTMENT, DEPT, null, "d", true));
        String yaml = asUnit(smeDataset(), SME, UNIT);
        assertThat(yaml).contains("根据乌编办【2019】232号", "通过精细化运维管理");
        Document d = workflow.saveDataset(as("pt-unit"), UNIT, 2024, "u.yaml", yaml, null);
        workflow.submit(as("pt-unit"), UNIT, 2024, d.rowVersion(), "说明");
        workflow.consolidate(as("pt-dept"), DEPT, 2024, null);
        Document dd = workflow.view(as("pt-dept"), DEPT, 2024).document();
        String own = dd.datasetYaml() + "overview:\n  functions:\n    - 负责本部门的测试工作。\nclosing_date: 2024-02-20\n";
        assertThat(own).doesNotContain("project_texts");
        dd = workflow.saveDepartmentDataset(as("pt-dept"), DEPT, 2024, own, dd.rowVersion(), "保存部门文字");

        Evaluation e = workflow.evaluate(dd);
        assertThat(e.readable()).isTrue();
        String html = new String(publisher.previewHtml(dept, e), StandardCharsets.UTF_8);
        assertThat(html).contains("负责本部门的测试工作", "信息化运维项目", "根据乌编办【2019】232号", "通过精细化运维管理");
    }
}
