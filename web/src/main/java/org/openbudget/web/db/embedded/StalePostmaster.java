package org.openbudget.web.db.embedded;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After {@code kill -9} of a {@code ./budget serve}, its PostgreSQL server lives on (pg_ctl started it in
 * the background) and holds the data directory, so the next start could not start its own and failed
 * with "connection refused". Before a start: when no other {@code serve} holds the directory (its lock file
 * {@code epg-lock} is free), a PostgreSQL still running on it is an orphan, asked to stop (fast shutdown);
 * a {@code postmaster.pid} naming a process that is not PostgreSQL (the id reused after a reboot or in a
 * container) is stale and removed, since PostgreSQL would refuse to start over it.
 */
public final class StalePostmaster {
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    public enum Outcome { NONE, IN_USE, ORPHAN_STOPPED, STALE_PID_REMOVED }

    private StalePostmaster() {
    }

    public static Outcome clear(Path pgDir, Duration wait) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Outcome.NONE;
        Path lockFile = pgDir.resolve("epg-lock");
        try (FileOutputStream lockStream = new FileOutputStream(lockFile.toFile(), true);
             FileLock lock = lockStream.getChannel().tryLock()) {
            if (lock == null) return Outcome.IN_USE;      // another serve runs on this directory: not ours to touch
            Optional<Long> pid = pid(pidFile);
            if (pid.isEmpty()) {
                Files.deleteIfExists(pidFile);
                return Outcome.STALE_PID_REMOVED;
            }
            Optional<ProcessHandle> p = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
            if (p.isEmpty()) return Outcome.NONE;          // PostgreSQL itself sees a dead id and starts (crash recovery)
            if (!isPostgres(p.get())) {
                log.warn("数据目录的 postmaster.pid 指向的进程 {} 不是 PostgreSQL，已作废 (stale postmaster.pid removed)", pid.get());
                Files.deleteIfExists(pidFile);
                return Outcome.STALE_PID_REMOVED;
            }
            log.warn("上次运行异常结束，遗留的数据库进程 {} 仍占用数据目录，正在停止它 (stopping the orphaned PostgreSQL of a crashed run)", pid.get());
            stop(p.get(), wait);
            return Outcome.ORPHAN_STOPPED;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return Outcome.IN_USE;                           // this very process holds it
        }
    }

    static Optional<Long> pid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isPostgres(ProcessHandle p) {
        String command = p.info().command().orElse("");
        String name = command.substring(command.lastIndexOf('/') + 1);
        if (name.equals("postgres") || name.equals("postmaster")) return true;
        // the command may be unreadable (another user): the kernel's name of the process
        try {
            Path comm = Path.of("/proc", String.valueOf(p.pid()), "comm");
            if (Files.exists(comm)) {
                String c = Files.readString(comm).trim();
                return c.equals("postgres") || c.equals("postmaster");
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return false;
    }

    /** SIGINT is PostgreSQL's fast shutdown; Java sends SIGTERM (smart: waits for clients, of which an orphan has none), then SIGKILL. */
    private static void stop(ProcessHandle p, Duration wait) throws IOException {
        p.destroy();
        try {
            p.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            try {
                p.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception again) {
                throw new IOException("遗留的数据库进程 " + p.pid() + " 无法停止，请手动结束它后再启动", again);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL " + p.pid(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        }
    }
}
