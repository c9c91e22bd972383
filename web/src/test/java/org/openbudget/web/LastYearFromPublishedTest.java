package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.BudgetService;
import org.openbudget.web.service.Evaluation;
import org.openbudget.web.service.LastYearPublished;
import org.openbudget.web.service.RuleViolation;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 上年数 from last year's published version: with 2024 published, 2025's text compares with it without a figure typed;
 * a hand-typed 上年数 that differs is an error naming both figures (and blocks submission), one that agrees is none; a
 * dataset cannot make the server read a file for last year's; a department's published bundle is read back in memory.
 */
class LastYearFromPublishedTest extends WebTestBase {
    static final String DEPT = "650100606", UNIT = "650100606001";
    @Autowired WorkflowService workflow;
    @Autowired AgencyRepository agencies;
    @Autowired LastYearPublished lastYear;
    @Autowired BudgetService budgets;

    static BigDecimal fact(Evaluation e, String key, FactKind kind) {
        return e.disclosure().text().fact(key, kind).map(TextFact::value).orElse(null);
    }

    @Test
    void fromThePublishedVersion() throws Exception {
        agencies.upsert(new Agency(DEPT, "上年数测试局", "部门", "行政", "650100", null, 0));
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", DEPT, 1));
        accounts.insert(new BudgetUser("ly-unit", "{noop}x", Role.PREPARER, UNIT, null, "u", true));
        BudgetUser unit = as("ly-unit");
        String y2024 = asUnit(smeDataset(), SME, UNIT);
        String y2025 = forYear(withoutLastYear(y2024), 2025);
        assertThat(y2025).doesNotContain("last_year").contains("class_notes:");

        // before 2024 is published: no figure of last year, so everything is new this year
        Document d = workflow.saveDataset(unit, UNIT, 2025, "u.yaml", y2025, null);
        assertThat(workflow.evaluate(d).findings()).noneMatch(f -> f.id().equals(BudgetService.LAST_YEAR_PUBLISHED));

        Document d24 = workflow.saveDataset(unit, UNIT, 2024, "u.yaml", y2024, null);
        d24 = workflow.submit(unit, UNIT, 2024, d24.rowVersion(), "说明");
        d24 = workflow.approve(as("reviewer"), UNIT, 2024, d24.rowVersion(), "");
        Evaluation e24 = workflow.evaluate(d24);
        workflow.publish(as("reviewer"), UNIT, 2024, d24.rowVersion(), null);
        BigDecimal local24 = fact(e24, "income.gpb.local", FactKind.AMOUNT);
        assertThat(local24).isNotNull().isNotEqualByComparingTo("239.95");

        // 2025, the same ledger, nothing typed: compared with 2024 as published, so no change
        Evaluation e25 = workflow.evaluate(workflow.view(unit, UNIT, 2025).document());
        assertThat(e25.findings()).noneMatch(f -> f.id().equals(BudgetService.LAST_YEAR_PUBLISHED));
        assertThat(fact(e25, "income.gpb.local", FactKind.CHANGE)).isEqualByComparingTo("0");
        assertThat(e25.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        // the 上年数 form says where the figures come from, and shows them
        String form = mvc.perform(get("/work/" + UNIT + "/2025").param("tab", "last-year").with(user(unit))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("2024 年的预算已在本系统发布（第 1 版）", "2024 年已发布：" + local24.toPlainString() + " 万元");

        // hand-typed 2023 figures (the example's) now differ from 2024 as published: an error naming both, submission refused
        String typed = forYear(y2024, 2025);
        d = workflow.saveDataset(unit, UNIT, 2025, "u.yaml", typed, workflow.view(unit, UNIT, 2025).document().rowVersion());
        Evaluation wrong = workflow.evaluate(d);
        String words = org.openbudget.web.forms.FormOptions.fixedKeyLabel(budgets.library(), "income.gpb.local");
        assertThat(words).isNotBlank().doesNotContain("income");
        Finding f = wrong.findings().stream().filter(x -> x.id().equals(BudgetService.LAST_YEAR_PUBLISHED) && x.code().equals(words))
                .findFirst().orElseThrow();
        assertThat(f.location()).contains(words, "上年数").doesNotContain("income.gpb.local");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("239.95", local24.toPlainString(), "2024 年已发布的版本").doesNotContain("income.gpb.local");
        // the text still states the published figure, not the typed one
        assertThat(fact(wrong, "income.gpb.local", FactKind.CHANGE)).isEqualByComparingTo("0");
        Document stale = d;
        assertThatThrownBy(() -> workflow.submit(unit, UNIT, 2025, stale.rowVersion(), "说明")).isInstanceOf(RuleViolation.class);

        // a typed figure that agrees is no error
        String agreeing = forYear(y2024.replace("income.gpb.local: \"239.95\"", "income.gpb.local: \"" + local24.toPlainString() + "\""), 2025);
        d = workflow.saveDataset(unit, UNIT, 2025, "u.yaml", agreeing, d.rowVersion());
        assertThat(workflow.evaluate(d).findings()).noneMatch(x -> x.id().equals(BudgetService.LAST_YEAR_PUBLISHED) && x.code().equals(words));

        // a reason for a 项 only 2024 had (as published): 2060499, whose line 2025 no longer has
        String dropped = y2025.replaceAll("(?m)^  - \\{exp_func_code: \"2060499\".*\\n", "").replaceAll("(?m)^  \"206\": .*\\n", "");
        assertThat(dropped).doesNotContain("exp_func_code: \"2060499\"").contains("gpb.item:2060499: ");
        d = workflow.saveDataset(unit, UNIT, 2025, "u.yaml", dropped, d.rowVersion());
        assertThat(fact(workflow.evaluate(d), "gpb.item:2060499", FactKind.CHANGE)).as("fell by the whole of 2024's").isNotNull();

        // a dataset cannot name a file on the server as last year's
        String pointing = y2025.replace("class_notes:", "last_year:\n  dataset: /etc/passwd\nclass_notes:");
        Document before = d;
        assertThatThrownBy(() -> workflow.saveDataset(unit, UNIT, 2025, "u.yaml", pointing, before.rowVersion()))
                .isInstanceOfSatisfying(org.openbudget.web.service.InvalidDatasetException.class, x -> assertThat(x.problems())
                        .singleElement().satisfies(p -> assertThat(p.message()).contains("在线填报不引用上年数据集文件").doesNotContain("passwd")));
    }

    @Test
    void aDepartmentsPublishedBundleIsReadInMemory() {
        // the demo's 2024 industry bureau: its zip of dataset.yaml and three units' files
        var v = lastYear.of(BUREAU, 2024).orElseThrow();
        assertThat(v.budget().isDepartment()).isTrue();
        assertThat(v.budget().units()).extracting(b -> b.agency().code()).containsExactly(BENJI, ENERGY, SME, PROJECTS);
        var published = lastYear.amounts(v, 2025, budgets.library().profile("xinjiang-2025"));
        assertThat(published.get("expense.basic")).isNotNull().isPositive();
    }
}
