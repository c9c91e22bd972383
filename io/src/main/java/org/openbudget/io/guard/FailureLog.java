package org.openbudget.io.guard;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The developers' record of reading failures nobody foresaw: each with an incident number (the
 * user's message gives it), the file, the position reached and the stack trace — in a log file,
 * never on the user's terminal or in a web answer. The directory is {@code budget.log.dir} (system
 * property) or {@code BUDGET_LOG_DIR}, else {@code <tmp>/openbudget-logs}; the file is
 * {@code read-failures.log} (16 MB at most, and the one before as {@code .1}). Logging never fails the caller.
 */
public final class FailureLog {
    /** Incident numbers' source, made at the first failure (a secure generator's start costs a command's first milliseconds). */
    private static final class Incidents {
        static final SecureRandom RANDOM = new SecureRandom();
    }
    /** A stack trace written at most this long (a deep recursion's stack is repetitive). */
    private static final int MAX_TRACE_CHARS = 64 * 1024;
    private static final long MAX_BYTES = 16L << 20;

    private FailureLog() {}

    public static Path file() {
        String dir = System.getProperty("budget.log.dir");
        if (dir == null || dir.isBlank()) dir = System.getenv("BUDGET_LOG_DIR");
        Path base = dir == null || dir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "openbudget-logs") : Path.of(dir);
        return base.resolve("read-failures.log");
    }

    /** Logs a failure with its stack; returns its incident number. */
    public static String log(String file, String position, Throwable t) {
        String id = HexFormat.of().formatHex(bytes());
        StringWriter trace = new StringWriter();
        try {
            t.printStackTrace(new PrintWriter(trace));
        } catch (Throwable ignored) {
            trace.append(String.valueOf(t));
        }
        String all = trace.toString();
        String stack = all.length() > MAX_TRACE_CHARS ? all.substring(0, MAX_TRACE_CHARS) + "\n\t... (truncated)" : all;
        write(Instant.now() + " [" + id + "] " + file + " at " + position + "\n" + stack + "\n");
        return id;
    }

    /** Logs a line without a stack (a reading stopped at its time budget). */
    public static void note(String file, String message) {
        write(Instant.now() + " " + file + ": " + message + "\n");
    }

    private static byte[] bytes() {
        byte[] b = new byte[4];
        Incidents.RANDOM.nextBytes(b);
        return b;
    }

    private static synchronized void write(String entry) {
        try {
            Path f = file();
            Files.createDirectories(f.getParent());
            // bounded too: past 16 MB the log becomes read-failures.log.1 (the one before is dropped)
            if (Files.exists(f) && Files.size(f) > MAX_BYTES) {
                Files.move(f, f.resolveSibling(f.getFileName() + ".1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(f, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException | Error ignored) {
            // the user's message stands without it
        }
    }
}
