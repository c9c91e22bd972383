package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code ./budget} records the classes of the one-shot commands once per build by running the hidden
 * {@code cds-train} on an example: every step must run (else the launcher falls back to recording whatever
 * command a person runs first), and nothing may stay behind in the temporary folder.
 */
class TrainCommandTest {
    @Test
    void trainingRunsEveryOneShotCommandAndLeavesNothingBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = leftovers(tmp);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = BudgetCli.execute(new String[] {"cds-train", BudgetCliTest.SME}, new PrintWriter(out), new PrintWriter(err));
        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(leftovers(tmp)).isEqualTo(before);
    }

    @Test
    void aMissingDatasetIsAnInternalFailureNotASilentSuccess() {
        StringWriter err = new StringWriter();
        int rc = BudgetCli.execute(new String[] {"cds-train", "no-such-dataset"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(rc).isNotZero();
    }

    private static long leftovers(Path tmp) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("budget-train")).count();
        }
    }
}
