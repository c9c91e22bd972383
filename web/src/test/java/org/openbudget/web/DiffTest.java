package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.DiffService;
import org.openbudget.web.service.VersionDiff;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What changed: a cell, a row, a table between two renderings; a working document against its published version and
 * against last year's; a correction against the version it superseded — on the pages, for their readers.
 */
class DiffTest extends WebTestBase {
    static final String DEPT = "650100604", UNIT = "650100604001";
    @Autowired WorkflowService workflow;
    @Autowired AgencyRepository agencies;
    @Autowired DiffService diffs;

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cellsRowsAndTables() throws Exception {
        var a = JSON.readTree("""
                {"tables":[{"no":1,"title":"收支总表","columns":["合计","财政拨款"],"rows":[
                  {"side":null,"code":"201","name":"一般公共服务支出","project":null,"values":["10.00","8.00"]},
                  {"side":null,"code":"208","name":"社会保障和就业支出","project":null,"values":["5.00",null]}]},
                 {"no":9,"title":"空表","columns":[],"rows":[]}]}""");
        var b = JSON.readTree("""
                {"tables":[{"no":1,"title":"收支总表","columns":["合计","财政拨款"],"rows":[
                  {"side":null,"code":"201","name":"一般公共服务支出","project":null,"values":["12.50","8.0"]},
                  {"side":null,"code":"213","name":"农林水支出","project":null,"values":["1.00",null]},
                  {"side":null,"code":"234","name":"抗疫特别国债安排的支出","project":null,"values":[null,null]}]},
                 {"no":10,"title":"“三公”经费","columns":[],"rows":[]}]}""");
        List<VersionDiff.Change> c = VersionDiff.of(a, b);
        assertThat(c).extracting(VersionDiff.Change::kind, VersionDiff.Change::row, VersionDiff.Change::column, VersionDiff.Change::before,
                VersionDiff.Change::after).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("删去表", null, null, "有", null),
                org.assertj.core.groups.Tuple.tuple("新增表", null, null, null, "有"),
                org.assertj.core.groups.Tuple.tuple("删去行", "208 社会保障和就业支出", null, "5.00", null),
                org.assertj.core.groups.Tuple.tuple("新增行", "213 农林水支出", null, null, "1.00"),
                org.assertj.core.groups.Tuple.tuple("数字变动", "201 一般公共服务支出", "合计", "10.00", "12.50"));
        assertThat(c.stream().filter(x -> x.kind().equals("数字变动")).findFirst().orElseThrow().delta()).isEqualTo("2.50");
        assertThat(VersionDiff.of(a, a)).isEmpty();
    }

    long publish(int year, String yaml, String reason) {
        Document d = workflow.view(as("df-unit"), UNIT, year).document();
        d = workflow.saveDataset(as("df-unit"), UNIT, year, "u.yaml", yaml, d == null ? null : d.rowVersion());
        d = workflow.submit(as("df-unit"), UNIT, year, d.rowVersion(), "说明");
        d = workflow.approve(as("reviewer"), UNIT, year, d.rowVersion(), "");
        return workflow.publish(as("reviewer"), UNIT, year, d.rowVersion(), reason).id();
    }

    @Test
    void aCorrectionAndTheYearBefore() throws Exception {
        agencies.upsert(new Agency(DEPT, "比较测试局", "部门", "行政", "650100", null, 0));
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", DEPT, 1));
        accounts.insert(new BudgetUser("df-unit", "{noop}x", Role.PREPARER, UNIT, null, "u", true));
        String y2024 = asUnit(smeDataset(), SME, UNIT);
        String y2025 = forYear(withoutLastYear(y2024), 2025);
        String changed = y2025.replace("fund_source: GPB, amount: \"186300\"", "fund_source: GPB, amount: \"196300\"");
        assertThat(changed).isNotEqualTo(y2025);

        assertThat(page("df-unit", "/work/" + UNIT + "/2025/diff?against=last-year")).contains("尚无已发布的版本");
        long last = publish(2024, y2024, null);
        long v1 = publish(2025, y2025, null);
        assertThat(page(null, "/p/" + v1 + "/diff")).contains("这是第一版");
        // the same figures as last year's (a class printed empty in one year only is no change)
        assertThat(page("df-unit", "/work/" + UNIT + "/2025/diff?against=last-year")).contains("各表数字没有变化");

        // a correction of 1 万元: the working document against the published version, then the new version against the old
        Document d = workflow.view(as("df-unit"), UNIT, 2025).document();
        workflow.saveDataset(as("df-unit"), UNIT, 2025, "u.yaml", changed, d.rowVersion());
        DiffService.Comparison working = diffs.working(as("df-unit"), UNIT, 2025, "published");
        assertThat(working.changes()).isNotEmpty().allSatisfy(x -> assertThat(x.kind()).isEqualTo("数字变动"))
                .allSatisfy(x -> assertThat(x.delta()).isIn("1.00", "-1.00", "0.01", "-0.01", "0.02", "-0.02"));
        assertThat(working.changes()).anySatisfy(x -> assertThat(x.delta()).isEqualTo("1.00"));
        String html = page("reviewer", "/work/" + UNIT + "/2025/diff");
        assertThat(html).contains("id=\"diff\"", "2025 年已发布的第 1 版", "数字变动");
        assertThat(page("df-unit", "/work/" + UNIT + "/2025/diff?against=last-year")).contains("2024 年已发布的第 1 版", "数字变动");
        long v2 = publish(2025, changed, "一般公共预算拨款更正");
        String versions = page(null, "/p/" + v2 + "/diff");
        assertThat(versions).contains("第 1 版", "第 2 版", "数字变动");
        assertThat(diffs.versions(v2, null).changes()).isEqualTo(working.changes());
        assertThat(page(null, "/p/" + v2)).contains("/p/" + v2 + "/diff");
        // another document's version is not a version of this one
        assertThat(mvc.perform(get("/p/" + v2 + "/diff").param("from", String.valueOf(last))).andReturn().getResponse().getStatus()).isEqualTo(404);
        // a stranger does not see the working document's comparison
        assertThat(mvc.perform(get("/work/" + UNIT + "/2025/diff").with(user(as("sme")))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
