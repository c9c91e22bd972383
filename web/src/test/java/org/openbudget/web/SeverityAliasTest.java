package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.web.db.repositories.SeverityRepository;
import org.openbudget.web.service.BudgetService;
import org.openbudget.web.service.SeverityOverrides;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A severity the administrator stored under an earlier check id ({@code T3.row-sum}, before the checks were named
 * by rule and table shape) still applies — to that rule's findings on that table — is listed on the administration
 * page under its earlier id, and can be changed and reset there.
 */
class SeverityAliasTest extends WebTestBase {
    @Autowired SeverityRepository severities;
    @Autowired BudgetService budgets;

    static Finding finding(String id, Severity s, int table) {
        return new Finding(id, s, table, null, null, null, null, "1", "2", "表" + table + " 合计不等");
    }

    @Test
    void anEarlierIdAppliesToItsTableOnly() {
        SeverityOverrides o = SeverityOverrides.of(Map.of("T3.row-sum", Severity.NOTICE));
        assertThat(o.of("row-sum", 3)).isEqualTo(Severity.NOTICE);
        assertThat(o.of("row-sum", 4)).isNull();
        assertThat(o.of("T3.row-sum", 3)).as("findings carry the current id").isNull();
        SeverityOverrides both = SeverityOverrides.of(Map.of("T3.row-sum", Severity.NOTICE, "row-sum", Severity.WARNING));
        assertThat(both.of("row-sum", 3)).as("the table's own comes first").isEqualTo(Severity.NOTICE);
        assertThat(both.of("row-sum", 5)).isEqualTo(Severity.WARNING);
    }

    @Test
    void storedUnderAnEarlierIdItStillAppliesAndIsListedAndReset() throws Exception {
        Severity catalogue = CheckCatalogue.check("row-sum").severity();
        Severity other = catalogue == Severity.NOTICE ? Severity.ERROR : Severity.NOTICE;
        // as an earlier version stored it
        severities.set("T3.row-sum", other, "admin");
        try {
            List<Finding> out = budgets.applySeverities(List.of(finding("row-sum", catalogue, 3), finding("row-sum", catalogue, 4)));
            assertThat(out.get(0).severity()).isEqualTo(other);
            assertThat(out.get(1).severity()).as("another table keeps the catalogue's severity").isEqualTo(catalogue);

            String listed = mvc.perform(get("/api/admin/checks").with(user(as("admin")))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(listed).contains("\"id\":\"T3.row-sum\"").contains("即现在的 row-sum，仅表3");
            assertThat(mvc.perform(get("/admin").with(user(as("admin")))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("T3.row-sum");

            // changed under its earlier id, then reset
            mvc.perform(put("/api/admin/checks/T3.row-sum").with(user(as("admin"))).with(csrf()).contentType("application/json")
                    .content("{\"severity\":\"WARNING\"}")).andExpect(status().isOk());
            assertThat(budgets.applySeverities(List.of(finding("row-sum", catalogue, 3))).get(0).severity()).isEqualTo(Severity.WARNING);
            mvc.perform(delete("/api/admin/checks/T3.row-sum").with(user(as("admin"))).with(csrf())).andExpect(status().isOk());
            assertThat(severities.overrides()).doesNotContainKey("T3.row-sum");
            assertThat(budgets.applySeverities(List.of(finding("row-sum", catalogue, 3))).get(0).severity()).isEqualTo(catalogue);
            mvc.perform(put("/api/admin/checks/T3.no-such").with(user(as("admin"))).with(csrf()).contentType("application/json")
                    .content("{\"severity\":\"WARNING\"}")).andExpect(status().isNotFound());
        } finally {
            severities.clear("T3.row-sum");
        }
    }
}
