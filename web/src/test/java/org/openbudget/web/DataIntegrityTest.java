package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.RuleViolation;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;

/** Data that cannot lie: the registry's name and type; a department approved and published only on approved units. */
class DataIntegrityTest extends WebTestBase {
    static final String DEPT = "650100498";
    static final String UNIT = "650100498001";
    static final String NAME = ownName(UNIT);

    @Autowired WorkflowService workflow;
    @Autowired AgencyRepository agencies;

    @BeforeEach
    void registry() {
        agencies.upsert(new Agency(DEPT, "数据一致性测试局", "部门", "行政", "650100", null, 0));
        agencies.upsert(new Agency(UNIT, NAME, "单位", "事业", "650100", DEPT, 1));
        if (accounts.find("integrity-unit").isEmpty()) {
            accounts.insert(new BudgetUser("integrity-unit", "{noop}x", Role.PREPARER, UNIT, null, "u", true));
            accounts.insert(new BudgetUser("integrity-dept", "{noop}x", Role.DEPARTMENT, DEPT, null, "d", true));
        }
    }

    String dataset() {
        return asUnit(forYear(smeDataset(), 2025), SME, UNIT);
    }

    @Test
    void aUnitCannotSaveUnderAnotherNameOrType() {
        String yaml = dataset();
        String renamed = yaml.replace("agency_name: " + NAME, "agency_name: 乌鲁木齐市财政局");
        assertThat(renamed).isNotEqualTo(yaml);
        assertThatThrownBy(() -> workflow.saveDataset(as("integrity-unit"), UNIT, 2025, "sme.yaml", renamed, null))
                .isInstanceOfSatisfying(InvalidDatasetException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).endsWith("agency_name");
                    assertThat(p.line()).isEqualTo(WorkflowServiceTest.lineOf(renamed, "agency_name:"));
                    assertThat(p.message()).contains(NAME, "乌鲁木齐市财政局");
                }));
        String retyped = yaml.replace("agency_type: 事业", "agency_type: 行政");
        assertThat(retyped).isNotEqualTo(yaml);
        assertThatThrownBy(() -> workflow.saveDataset(as("integrity-unit"), UNIT, 2025, "sme.yaml", retyped, null))
                .isInstanceOfSatisfying(InvalidDatasetException.class, e ->
                        assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).endsWith("agency_type");
                            assertThat(p.message()).contains("应为登记的“事业”", "实际为“行政”");
                        }));
    }

    @Test
    void aDepartmentIsApprovedAndPublishedOnlyOnApprovedUnits() {
        int year = 2025;
        var d = workflow.saveDataset(as("integrity-unit"), UNIT, year, "unit.yaml", dataset(), null);
        workflow.submit(as("integrity-unit"), UNIT, year, d.rowVersion(), "说明");
        workflow.consolidate(as("integrity-dept"), DEPT, year, null);
        var dept = workflow.view(as("integrity-dept"), DEPT, year).document();
        dept = workflow.submit(as("integrity-dept"), DEPT, year, dept.rowVersion(), "说明");
        int v = dept.rowVersion();
        assertThatThrownBy(() -> workflow.approve(as("reviewer"), DEPT, year, v, "同意")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("尚未审核通过的单位").hasMessageContaining(NAME + "（已提交待审核）");
        var unit = workflow.view(as("reviewer"), UNIT, year).document();
        workflow.approve(as("reviewer"), UNIT, year, unit.rowVersion(), "同意");
        assertThat(workflow.view(as("reviewer"), DEPT, year).units()).allSatisfy(s -> assertThat(s.problem()).as("approval changes no data").isNull());
        dept = workflow.approve(as("reviewer"), DEPT, year, v, "同意");
        // the unit starts a correction before its department is published: publishing waits for it
        unit = workflow.view(as("integrity-unit"), UNIT, year).document();
        workflow.saveDataset(as("integrity-unit"), UNIT, year, "unit.yaml", dataset() + "\n# 更正\n", unit.rowVersion());
        int dv = dept.rowVersion();
        assertThatThrownBy(() -> workflow.publish(as("reviewer"), DEPT, year, dv)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining(NAME);
    }

    @Test
    void aUnitCorrectedAfterItsDepartmentWasPublishedMarksThePublishedDepartment() throws Exception {
        String dept = "650100496", unit = "650100496001";
        agencies.upsert(new Agency(dept, "更正标记测试局", "部门", "行政", "650100", null, 0));
        agencies.upsert(new Agency(unit, ownName(unit), "单位", "事业", "650100", dept, 1));
        if (accounts.find("marked-unit").isEmpty()) {
            accounts.insert(new BudgetUser("marked-unit", "{noop}x", Role.PREPARER, unit, null, "u", true));
            accounts.insert(new BudgetUser("marked-dept", "{noop}x", Role.DEPARTMENT, dept, null, "d", true));
        }
        String yaml = asUnit(forYear(smeDataset(), 2025), SME, unit);
        var d = workflow.saveDataset(as("marked-unit"), unit, 2025, "u.yaml", yaml, null);
        d = workflow.submit(as("marked-unit"), unit, 2025, d.rowVersion(), "说明");
        workflow.approve(as("reviewer"), unit, 2025, d.rowVersion(), "同意");
        workflow.consolidate(as("marked-dept"), dept, 2025, null);
        var dd = workflow.view(as("marked-dept"), dept, 2025).document();
        dd = workflow.submit(as("marked-dept"), dept, 2025, dd.rowVersion(), "说明");
        dd = workflow.approve(as("reviewer"), dept, 2025, dd.rowVersion(), "同意");
        long v1 = workflow.publish(as("reviewer"), dept, 2025, dd.rowVersion()).id();
        assertThat(page(v1)).doesNotContain("更正中");

        var u = workflow.view(as("marked-unit"), unit, 2025).document();
        workflow.saveDataset(as("marked-unit"), unit, 2025, "u.yaml", yaml + "\n# 更正\n", u.rowVersion());
        assertThat(page(v1)).as("the kept page is rendered again").contains("更正中", ownName(unit) + "：该单位开始更正其预算数据");

        u = workflow.view(as("marked-unit"), unit, 2025).document();
        u = workflow.submit(as("marked-unit"), unit, 2025, u.rowVersion(), "更正");
        workflow.approve(as("reviewer"), unit, 2025, u.rowVersion(), "同意");
        dd = workflow.view(as("marked-dept"), dept, 2025).document();
        workflow.consolidate(as("marked-dept"), dept, 2025, dd.rowVersion());
        dd = workflow.view(as("marked-dept"), dept, 2025).document();
        dd = workflow.submit(as("marked-dept"), dept, 2025, dd.rowVersion(), "更正");
        dd = workflow.approve(as("reviewer"), dept, 2025, dd.rowVersion(), "同意");
        long v2 = workflow.publish(as("reviewer"), dept, 2025, dd.rowVersion(), "所属单位数据更正").id();
        assertThat(page(v2)).doesNotContain("更正中");
        assertThat(page(v1)).doesNotContain("更正中：").contains("已被更正版本取代");
    }

    String page(long id) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/p/" + id)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
