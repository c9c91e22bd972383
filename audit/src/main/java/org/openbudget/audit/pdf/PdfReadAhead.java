package org.openbudget.audit.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.openbudget.io.InputException;
import org.openbudget.io.guard.ReadGuard;
import org.openbudget.io.guard.ReadLimits;

/**
 * A PDF named on the command line read on the spare core while the command line is parsed: at a cold start the
 * parsing and the reading of the pages are each about a third of a one-file audit, and they need nothing of each
 * other. The reading is the same as {@link PdfLayout#read(java.io.File, ReadLimits)}, under its own
 * {@link ReadGuard} (time budget, limits); the audit takes its result only for the same file, unchanged since
 * (size and modification time), read under the same limits — otherwise, or when the reading ahead did not
 * finish normally, it reads the file itself, so every message and limit is the one it would have met anyway.
 */
public final class PdfReadAhead {
    private PdfReadAhead() {}

    /** At most two files are read ahead (a comparison's pair); more would only queue for the reading slots. */
    public static final int MAX_FILES = 2;

    private record Key(Path file, long size, long modified, ReadLimits limits) {}

    /** A reading's outcome: the text, or the reader's own refusal (an encrypted or broken PDF). */
    private record Outcome(PdfLayout.Text text, PdfLayout.PdfException refusal) {}

    private static final Map<Key, CompletableFuture<Outcome>> READS = new ConcurrentHashMap<>();

    /** Starts reading {@code file} on a daemon thread if it is a PDF; does nothing otherwise. Never throws. */
    public static void start(Path file) {
        try {
            if (READS.size() >= MAX_FILES || !Files.isRegularFile(file)) return;
            ReadLimits limits = ReadLimits.current();
            if (Files.size(file) > limits.pdfBytes() || !pdfHeader(file)) return;
            Key key = key(file, limits);
            CompletableFuture<Outcome> f = new CompletableFuture<>();
            if (READS.putIfAbsent(key, f) != null) return;
            Thread t = new Thread(() -> {
                try {
                    f.complete(ReadGuard.read(file.toString(), limits, () -> {
                        try {
                            return new Outcome(PdfLayout.read(file.toFile(), limits), null);
                        } catch (PdfLayout.PdfException e) {
                            return new Outcome(null, e);
                        }
                    }));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "pdf-read-ahead");
            t.setDaemon(true);
            t.start();
        } catch (IOException | RuntimeException e) {
            // best effort: the audit reads the file itself
        }
    }

    /**
     * The text read ahead for {@code file} under {@code limits}, waiting for it if the reading is still going on;
     * {@code null} when none was started for it, the file changed since, or the reading ahead failed for a reason
     * of its own (the caller then reads the file and meets that reason itself).
     *
     * @throws PdfLayout.PdfException the reader's refusal of the file, exactly as reading it now would give
     */
    public static PdfLayout.Text take(Path file, ReadLimits limits) throws PdfLayout.PdfException {
        if (READS.isEmpty()) return null;
        Key key;
        try {
            key = key(file, limits);
        } catch (IOException e) {
            return null;
        }
        CompletableFuture<Outcome> f = READS.remove(key);
        if (f == null) return null;
        Outcome o;
        try {
            o = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            // the guard's own verdict (out of time, over a limit) stands: reading again would only meet it again
            if (e.getCause() instanceof InputException ie) throw ie;
            return null;
        }
        if (o.refusal() != null) throw o.refusal();
        return o.text();
    }

    /** "%PDF-" within the first kilobyte, as the audit recognises a PDF. */
    private static boolean pdfHeader(Path file) throws IOException {
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.ISO_8859_1).contains("%PDF-");
    }

    private static Key key(Path file, ReadLimits limits) throws IOException {
        Path p = file.toAbsolutePath().normalize();
        return new Key(p, Files.size(p), Files.getLastModifiedTime(p).toMillis(), limits);
    }
}
