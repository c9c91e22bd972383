package org.openbudget.audit.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;

/**
 * (The same contract as io's hostile-input tests.) The contract every reader keeps whatever the input (issue 16), checked for one input at a time:
 * it reads, or it refuses with an {@link InputException} whose every problem is located (a file)
 * and written for a person — no exception type, no Java or library name, no stack frame; at most
 * 100 problems and a count; never a time-out or out of memory (the bounds refuse first); never
 * another exception. A tally of the outcomes, and every breach with its input, for the report.
 */
public final class Contract {
    /** What must never reach a user: Java and library names, exception types, stack frames. */
    public static final Pattern INTERNAL = Pattern.compile(
            "(?:java|javax|jdk|sun|org\\.apache|org\\.yaml|org\\.openbudget|com\\.fasterxml)\\.[a-z]|[A-Za-z]Exception\\b|\\bError:|\\tat |\\.java:\\d|\\$[A-Z][a-z]");

    public int read, refused, timeouts, memory;
    public final List<String> breaches = new ArrayList<>();
    public long worstMs;
    public String worst = "";

    /**
     * As {@link #check(String, Callable)}; an input that breaches the contract is also written to
     * {@code target/hostile-reproducers/} to be kept as a regression fixture under
     * {@code src/test/resources/hostile/} once the reader is fixed.
     */
    public void check(String what, byte[] input, String extension, Callable<?> reading) {
        int before = breaches.size();
        check(what, reading);
        if (breaches.size() > before) {
            try {
                java.nio.file.Path dir = java.nio.file.Path.of("target/hostile-reproducers");
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.write(dir.resolve(what.replaceAll("[^A-Za-z0-9#._-]+", "_") + "." + extension), input);
            } catch (java.io.IOException e) {
                breaches.add(what + ": (the reproducer could not be written: " + e.getMessage() + ")");
            }
        }
    }

    /** Runs one input; a breach is recorded (not thrown) so that the report lists them all. */
    public void check(String what, Callable<?> reading) {
        long t0 = System.nanoTime();
        try {
            reading.call();
            read++;
        } catch (InputException e) {
            refused++;
            List<InputProblem> ps = e.problems();
            if (ps.isEmpty()) breaches.add(what + ": a refusal without a problem");
            if (ps.size() > 101) breaches.add(what + ": " + ps.size() + " problems listed (at most 100 and a count)");
            for (InputProblem p : ps) {
                String m = p.toString();
                if (p.message() == null || p.message().isBlank()) breaches.add(what + ": a problem without a message");
                else if (INTERNAL.matcher(m).find()) breaches.add(what + ": internal name in \"" + cut(m) + "\"");
                if (p.file() == null || p.file().isBlank()) breaches.add(what + ": a problem without its file: " + cut(m));
                if (m.contains("读取超时")) timeouts++;
                if (m.contains("内存")) memory++;
                if (m.contains("此文件无法读取") && m.contains("意外")) breaches.add(what + ": an unforeseen failure (see the log): " + cut(m));
            }
        } catch (Throwable t) {
            breaches.add(what + ": " + t);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // a hang past the bound: the time budget did not end the work (a refusal at the bound is clean)
        long bound = org.openbudget.io.guard.ReadLimits.current().seconds() * 1_000L + 5_000;
        if (ms > bound) breaches.add(what + ": " + ms + " ms, past the time bound");
        if (ms > worstMs) {
            worstMs = ms;
            worst = what;
        }
    }

    public int total() {
        return read + refused;
    }

    public String summary(String reader) {
        return reader + ": " + total() + " inputs, " + read + " read, " + refused + " refused cleanly, " + timeouts + " stopped at the time bound, "
                + memory + " out of memory, " + breaches.size() + " breaches; slowest " + worstMs + " ms (" + worst + ")";
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /**
     * Inputs of one reader ("yaml", "xlsx", "text", "pdf"): 2,000 in the ordinary run;
     * {@code -Dhostile.inputs.READER=N} or {@code -Dhostile.inputs=N} for all (the fuzz profile gives
     * 50,000 in all, more of the cheap ones: YAML 25,000, workbooks 10,000, texts 10,000, PDFs 5,000).
     */
    public static int inputs(String reader) {
        return Integer.getInteger("hostile.inputs." + reader, Integer.getInteger("hostile.inputs", 2_000));
    }

    /** The seed of the generators: fixed, so that a run is reproducible ({@code -Dhostile.seed=N} for another). */
    public static long seed() {
        return Long.getLong("hostile.seed", 20261205L);
    }
}
