package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.ledger.Origin;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.forms.BudgetYaml;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A property: no dataset the readers accept makes a page or the API answer 500 — random budgets of the year's
 * classifications, with many projects and 主要职能 lines (past a hundred, where the numbering used to fail),
 * checked anonymously, saved, previewed and shown on the work page.
 */
class NoServerErrorTest extends WebTestBase {
    static final String UNIT = "650100494001";
    @Autowired AgencyRepository agencies;

    static Budget withProjects(Budget b, Random rnd, int count) {
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < count; i++) projects.add(new Project(UNIT + "P" + String.format("%04d", i), "随机项目" + i, UNIT, false));
        List<LedgerLine> lines = new ArrayList<>();
        for (LedgerLine l : b.lines()) {
            String pro = l.projectCode() == null ? null : projects.get(rnd.nextInt(count)).code();
            lines.add(new LedgerLine(UNIT, l.funcCode(), l.ecoCode(), l.nature(), pro, l.fundSource(), l.amountFen(), Origin.NONE));
        }
        List<String> functions = new ArrayList<>();
        for (int i = 0; i < count; i++) functions.add("职能" + i);
        Narrative n = new Narrative(functions, List.of("综合科"), null, Narrative.LastYear.NONE, java.util.Map.of(), java.util.Map.of(),
                List.of(), List.of(), null, null, null, List.of(), List.of(), "");
        var agency = new org.openbudget.core.ledger.Agency(UNIT, "随机测试中心", org.openbudget.core.ledger.AgencyKind.UNIT,
                org.openbudget.core.ledger.AgencyType.PUBLIC_INSTITUTION);
        return new Budget(agency, b.year(), b.profileId(), projects, lines, List.of(), Origin.NONE).withNarrative(n);
    }

    @Test
    void randomAcceptedDatasetsNeverMakeAServerError() throws Exception {
        agencies.upsert(new Agency(UNIT, "随机测试中心", "单位", "事业", "650100", null, 0));
        if (accounts.find("random-unit").isEmpty()) accounts.insert(new BudgetUser("random-unit", "{noop}x", Role.PREPARER, UNIT, null, "r", true));
        ReferenceLibrary lib = ReferenceLibrary.standard();
        SyntheticBudgets gen = new SyntheticBudgets(lib.year(2025), "xinjiang-2025");
        Integer version = null;
        int savedCount = 0;
        for (int seed = 1; seed <= 12; seed++) {
            Random rnd = new Random(seed);
            int projects = seed == 12 ? 130 : 1 + rnd.nextInt(seed * 10);
            String yaml = BudgetYaml.write(withProjects(gen.unit(rnd, seed, 20 + rnd.nextInt(200)), rnd, projects));
            var check = mvc.perform(MockMvcRequestBuilders.post("/api/check").contentType("application/yaml").content(yaml)).andReturn().getResponse();
            assertThat(check.getStatus()).as("check of seed %d: %s", seed, check.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
            var saved = mvc.perform(MockMvcRequestBuilders.put("/api/documents/" + UNIT + "/2025/dataset" + (version == null ? "" : "?version=" + version))
                    .with(user(as("random-unit"))).with(csrf()).contentType("application/yaml").content(yaml)).andReturn().getResponse();
            assertThat(saved.getStatus()).as("save of seed %d: %s", seed, saved.getContentAsString(StandardCharsets.UTF_8)).isIn(200, 400);
            if (saved.getStatus() == 200) savedCount++;
            if (saved.getStatus() == 200) version = new com.fasterxml.jackson.databind.ObjectMapper().readTree(saved.getContentAsString()).get("version").asInt();
            for (String page : List.of("/work/" + UNIT + "/2025", "/work/" + UNIT + "/2025/preview", "/api/documents/" + UNIT + "/2025/preview",
                    "/work/" + UNIT + "/2025?tab=text", "/work/" + UNIT + "/2025/workbook")) {
                int status = mvc.perform(MockMvcRequestBuilders.get(page).with(user(as("random-unit")))).andReturn().getResponse().getStatus();
                assertThat(status).as("%s after seed %d (%d projects)", page, seed, projects).isLessThan(500);
            }
        }
        assertThat(savedCount).as("datasets saved, so the pages showed them").isGreaterThanOrEqualTo(6);
    }
}
