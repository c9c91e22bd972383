package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 16 at the command line: the hostile-input suites' reproducers give exit code 2 and a located
 * Chinese message — no exception type, no stack trace, nothing from the libraries on the terminal —
 * and a file with thousands of problems prints the first hundred and the count.
 */
class HostileCliTest {
    static final Path YAML = Path.of("../io/src/test/resources/hostile/yaml");
    static final Path XLSX = Path.of("../io/src/test/resources/hostile/xlsx");
    static final Path PDF = Path.of("../audit/src/test/resources/hostile/pdf");
    static final Path TEXT = Path.of("../audit/src/test/resources/hostile/text");

    record Result(int code, String out, String err, String stderr) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream realErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = BudgetCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        } finally {
            System.setErr(realErr);
        }
        return new Result(code, out.toString(), err.toString(), captured.toString(StandardCharsets.UTF_8));
    }

    static void clean(Result r, String what) {
        for (String s : List.of(r.err(), r.stderr(), r.out())) {
            assertThat(s).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.").doesNotContain("内部错误");
        }
    }

    @Test
    void aKeyGivenTwiceIsExitTwoAtItsSecondLine() {
        Result r = run("check", YAML.resolve("duplicate-key-quoted.yaml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("duplicate-key-quoted.yaml:7").contains("budget_year").contains("重复");
        clean(r, "duplicate key");
    }

    @Test
    void anOverflowingLedgerIsExitTwoNeverATableOfNegativeTotals() {
        Result r = run("tables", YAML.resolve("overflow-three-lines-of-5e16.yaml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).doesNotContain("-");
        assertThat(r.err()).contains("超出上限");
        clean(r, "overflow");
    }

    @Test
    void thousandsOfProblemsPrintTheFirstHundredAndTheCount() {
        Result r = run("check", XLSX.resolve("two-thousand-bad-amounts.xlsx").toString());
        assertThat(r.code()).isEqualTo(2);
        long lines = r.err().lines().count();
        assertThat(lines).isLessThanOrEqualTo(102);
        assertThat(r.err()).contains("共发现").contains("前 100 个");
        clean(r, "2,000 bad amounts");
    }

    @Test
    void everyWorkbookAndPdfReproducerIsReadOrExitTwoCleanly() throws Exception {
        for (Path dir : List.of(XLSX, PDF, TEXT)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    Result r = run(dir == XLSX ? "check" : "audit", f.toString());
                    assertThat(r.code()).as(f.toString()).isIn(0, 1, 2);
                    clean(r, f.toString());
                }
            }
        }
    }
}
