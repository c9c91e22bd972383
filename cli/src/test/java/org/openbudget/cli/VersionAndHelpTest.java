package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The version needs no command built; help lists every command a person may run (and no hidden one). */
class VersionAndHelpTest {
    @Test
    void theVersionAloneIsPrinted() {
        for (String flag : new String[] {"-V", "--version"}) {
            StringWriter out = new StringWriter();
            assertThat(BudgetCli.execute(new String[] {flag}, new PrintWriter(out), new PrintWriter(new StringWriter()))).isZero();
            assertThat(out.toString().trim()).isEqualTo("budget 0.1.0");
        }
    }

    @Test
    void helpListsEveryCommandButTheHiddenOne() {
        StringWriter out = new StringWriter();
        assertThat(BudgetCli.execute(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()))).isZero();
        assertThat(out.toString()).contains("audit", "check", "render", "compare", "serve", "bench-audit").doesNotContain("cds-train");
    }
}
