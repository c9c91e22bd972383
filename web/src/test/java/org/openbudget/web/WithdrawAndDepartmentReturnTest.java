package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Status;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.RuleViolation;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A unit takes back its submission; its department returns it with a comment. */
class WithdrawAndDepartmentReturnTest extends WebTestBase {
    static final String DEPT = "650100495", UNIT = "650100495001";
    @Autowired WorkflowService workflow;
    @Autowired AgencyRepository agencies;

    @Test
    void aUnitWithdrawsAndItsDepartmentReturnsIt() {
        agencies.upsert(new Agency(DEPT, "撤回测试局", "部门", "行政", "650100", null, 0));
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", DEPT, 1));
        accounts.insert(new BudgetUser("wd-unit", "{noop}x", Role.PREPARER, UNIT, null, "u", true));
        accounts.insert(new BudgetUser("wd-dept", "{noop}x", Role.DEPARTMENT, DEPT, null, "d", true));
        String yaml = asUnit(forYear(smeDataset(), 2025), SME, UNIT);
        var d = workflow.saveDataset(as("wd-unit"), UNIT, 2025, "u.yaml", yaml, null);
        assertThatThrownBy(() -> workflow.withdraw(as("wd-unit"), UNIT, 2025, d.rowVersion())).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("只有已提交");
        var s = workflow.submit(as("wd-unit"), UNIT, 2025, d.rowVersion(), "说明");
        assertThatThrownBy(() -> workflow.withdraw(as("sme"), UNIT, 2025, s.rowVersion())).isInstanceOf(AccessDeniedException.class);
        var w = workflow.withdraw(as("wd-unit"), UNIT, 2025, s.rowVersion());
        assertThat(w.status()).isEqualTo(Status.DRAFT);

        var again = workflow.submit(as("wd-unit"), UNIT, 2025, w.rowVersion(), "再次提交");
        assertThatThrownBy(() -> workflow.returnByDepartment(as("industry"), UNIT, 2025, again.rowVersion(), "x"))
                .as("another department").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workflow.returnByDepartment(as("wd-dept"), UNIT, 2025, again.rowVersion(), " "))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("退回意见");
        var returned = workflow.returnByDepartment(as("wd-dept"), UNIT, 2025, again.rowVersion(), "请补充项目说明");
        assertThat(returned.status()).isEqualTo(Status.RETURNED);
        assertThat(returned.reviewComment()).isEqualTo("主管部门：请补充项目说明");
        assertThat(workflow.view(as("wd-unit"), UNIT, 2025).history()).extracting(h -> h.action()).contains("撤回提交", "主管部门退回");
    }
}
