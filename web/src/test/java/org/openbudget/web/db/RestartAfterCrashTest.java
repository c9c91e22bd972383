package org.openbudget.web.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.web.db.embedded.StalePostmaster;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code kill -9} of a serve leaves its PostgreSQL running on the data directory; the next start used to
 * fail with "connection refused" (shown as "请检查 --db-url"). Now it stops the orphan and starts.
 */
class RestartAfterCrashTest {

    @Test
    void aStartAfterKillMinusNineStopsTheOrphanAndStarts(@TempDir Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process crashed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashedServerMain.class.getName(),
                data.toString()).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(crashed.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) output.add(line);
            assertThat(line).as("the first server started: %s", output).startsWith("READY");
        }
        crashed.destroyForcibly();                                   // SIGKILL: no shutdown hook runs
        assertThat(crashed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path pid = data.resolve("pg/postmaster.pid");
        assertThat(pid).as("the crashed run's PostgreSQL lives on").exists();
        long orphan = Long.parseLong(Files.readAllLines(pid).get(0).trim());
        Optional<ProcessHandle> before = ProcessHandle.of(orphan);
        assertThat(before).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        try (var db = new DatabaseConfig().embeddedDb("", data.toString(), false, false);
             var pool = new DatabaseConfig().dataSource(db, "", "", "", 2)) {
            assertThat(new JdbcTemplate(pool).queryForObject("select current_user", String.class)).isEqualTo("budget_app");
            assertThat(before.get().isAlive()).as("the orphan was stopped").isFalse();
        }
    }

    @Test
    void aPidFileNamingAnotherProgramIsStaleAndOneNamingNoProcessIsLeftToPostgres(@TempDir Path pg) throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(pg.resolve("postmaster.pid"), other.pid() + "\n" + pg + "\n");
            assertThat(StalePostmaster.clear(pg, Duration.ofSeconds(5))).isEqualTo(StalePostmaster.Outcome.STALE_PID_REMOVED);
            assertThat(pg.resolve("postmaster.pid")).doesNotExist();
            assertThat(other.isAlive()).as("another program is never stopped").isTrue();
        } finally {
            other.destroy();
        }
        other.waitFor();
        Files.writeString(pg.resolve("postmaster.pid"), other.pid() + "\n");
        assertThat(StalePostmaster.clear(pg, Duration.ofSeconds(5))).isEqualTo(StalePostmaster.Outcome.NONE);
        assertThat(pg.resolve("postmaster.pid")).exists();
    }
}
