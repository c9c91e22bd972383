package org.openbudget.audit.pdf;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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

    /** The pages read by two readers ({@link SplitReading}); {@code -Dbudget.pdf.readers=1} reads them with one (to compare). */
    static final boolean TWO_READERS = !"1".equals(System.getProperty("budget.pdf.readers"));

    /*
     * Written with java.io.File and plain classes: it runs in the first tens of milliseconds, before the command line
     * is parsed. What made its start slow at first was its classes missing from the class-data archive (cds-train
     * runs the command lines as main does, so that they are in it).
     */

    /** A reading ahead: of which file (absolute path, size, modification time), under which limits, and its task. */
    private static final class Reading implements Callable<Outcome> {
        final String path;
        final long size;
        final long modified;
        final ReadLimits limits;
        final FutureTask<Outcome> task = new FutureTask<>(this);

        Reading(File file, ReadLimits limits) {
            this.path = file.getPath();
            this.size = file.length();
            this.modified = file.lastModified();
            this.limits = limits;
        }

        boolean isFor(File file, ReadLimits limits) {
            return path.equals(file.getPath()) && size == file.length() && modified == file.lastModified() && this.limits.equals(limits);
        }

        /** The task: the reading under its own guard. */
        @Override
        public Outcome call() {
            return ReadGuard.read(path, limits, this::read);
        }

        /** {@link PdfLayout#read(File, ReadLimits, boolean)}, its refusal kept as an outcome. */
        private Outcome read() {
            try {
                return new Outcome(PdfLayout.read(new File(path), limits, TWO_READERS), null);
            } catch (PdfLayout.PdfException e) {
                return new Outcome(null, e);
            }
        }
    }

    /** A reading's outcome: the text, or the reader's own refusal (an encrypted or broken PDF). */
    private record Outcome(PdfLayout.Text text, PdfLayout.PdfException refusal) {}

    private static final List<Reading> READS = new ArrayList<>(MAX_FILES);

    /** Starts reading {@code file} on a daemon thread if it is a PDF; does nothing otherwise. Never throws. */
    public static void start(Path path) {
        try {
            File file = path.toFile().getAbsoluteFile();
            if (!file.isFile()) return;
            ReadLimits limits = ReadLimits.current();
            if (file.length() > limits.pdfBytes() || !pdfHeader(file)) return;
            Reading r = new Reading(file, limits);
            synchronized (READS) {
                if (READS.size() >= MAX_FILES) return;
                for (Reading o : READS) if (o.isFor(file, limits)) return;
                READS.add(r);
            }
            Thread t = new Thread(r.task, "pdf-read-ahead");
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
    public static PdfLayout.Text take(Path path, ReadLimits limits) throws PdfLayout.PdfException {
        Reading r = null;
        synchronized (READS) {
            if (READS.isEmpty()) return null;
            File file = path.toFile().getAbsoluteFile();
            for (Reading o : READS) {
                if (o.isFor(file, limits)) {
                    r = o;
                    break;
                }
            }
            if (r == null) return null;
            READS.remove(r);
        }
        Outcome o;
        try {
            o = r.task.get();
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

    /** A PDF by its first kilobyte, as the audit tells one ({@link PdfLayout#isPdf}). */
    private static boolean pdfHeader(File file) throws IOException {
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = new FileInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return PdfLayout.isPdf(head, n);
    }
}
