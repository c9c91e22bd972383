package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./budget} records the classes of the one-shot commands once per build by running the hidden
 * {@code cds-train} on an example: every step must run (else the launcher falls back to recording whatever
 * command a person runs first), and nothing may stay behind in the temporary folder.
 */
class TrainCommandTest {
    /**
     * Run as ./budget runs it: in a JVM of its own on the one-shot commands' class path (cli/pom.xml: lib/ without the
     * web server's libraries), so that every one-shot command — check, tables, render in every format, workbook, compare,
     * text, audit of the PDF, the OFD and the text — is shown to need nothing of what that class path leaves out.
     */
    @Test
    void trainingRunsEveryOneShotCommandOnTheOneShotClassPath(@TempDir Path dir) throws Exception {
        List<String> entries = List.of(Files.readString(Path.of("target/one-shot-test.classpath")).trim().split(File.pathSeparator));
        assertThat(entries).as("the web server's libraries are left out")
                .noneMatch(e -> e.contains("spring") || e.contains("tomcat") || e.contains("budget-web") || e.contains("postgres") || e.contains("thymeleaf"))
                .anyMatch(e -> e.contains("pdfbox")).anyMatch(e -> e.contains("picocli")).anyMatch(e -> e.contains("poi-ooxml"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = "target/classes" + File.pathSeparator + String.join(File.pathSeparator, entries);
        Path keep = dir.resolve("documents");
        // as ./budget trains its two archives: the documents' commands, then in a JVM of its own the audit of what they wrote
        for (String part : List.of("documents", "audit")) {
            Path err = dir.resolve(part + ".stderr.txt"), out = dir.resolve(part + ".stdout.txt");
            Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-cp", classPath,
                    "org.openbudget.cli.BudgetCli", "cds-train", "--part", part, "--keep", keep.toString(),
                    BudgetCliTest.SME, BudgetCliTest.SME + "/../urumqi-sme-center-final-2024")
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(part + ": " + Files.readString(err)).isZero();
            assertThat(Files.readString(out)).isEmpty();
        }
        try (Stream<Path> files = Files.list(keep)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith(".pdf")).anyMatch(n -> n.endsWith(".ofd"))
                    .anyMatch(n -> n.endsWith(".txt")).contains("final", "workbook.xlsx");
        }
    }

    @Test
    void aPartMustBeKnownAndNeedsItsFolder() {
        StringWriter err = new StringWriter();
        assertThat(BudgetCli.execute(new String[] {"cds-train", "--part", "render", "--keep", "x", BudgetCliTest.SME},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(BudgetCli.BAD_INPUT);
        assertThat(err.toString()).contains("--part");
        assertThat(BudgetCli.execute(new String[] {"cds-train", "--part", "audit", BudgetCliTest.SME},
                new PrintWriter(new StringWriter()), new PrintWriter(err))).as("a part needs --keep").isEqualTo(BudgetCli.BAD_INPUT);
    }

    @Test
    void aMissingDatasetIsAnInternalFailureNotASilentSuccess() {
        StringWriter err = new StringWriter();
        int rc = BudgetCli.execute(new String[] {"cds-train", "no-such-dataset"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(rc).isNotZero();
    }
}
