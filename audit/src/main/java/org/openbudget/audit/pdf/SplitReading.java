package org.openbudget.audit.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.openbudget.io.guard.ReadGuard;

/**
 * A document's pages read by two readers at once: this thread from the first page on, a second from the last page back,
 * each on its own copy of the document (PDFBox's objects are not shared between threads), until they meet. The pages
 * are laid out in their order as before, so the text is the one a single reader gives: the second reader only hands
 * over each page's glyphs and ruling lines. A page the second reader did not finish (it failed, or could not open its
 * copy) is read by the first, which then meets whatever the single reader would have met there.
 *
 * <p>At a cold start reading the pages is the longest step of a one-file audit, and it is interpreted code: the second
 * reader uses the core the command line's parsing leaves idle once it is done. The second reader works within the
 * first's {@link ReadGuard} (its time budget, its cancellation).
 */
final class SplitReading {
    private SplitReading() {}

    /** Another copy of the same document, for the second reader. */
    interface Copy {
        PDDocument open() throws IOException;
    }

    /** Documents shorter than this are read by one reader: a second copy would cost more than it saves. */
    static final int MIN_PAGES = 6;

    static boolean worth(int pages) {
        return pages >= MIN_PAGES;
    }

    /** What the second reader hands over for one page: a copy of its glyphs, its ruling lines. */
    private record Page(List<PdfLayout.Glyph> glyphs, PdfLayout.Paths paths) {}

    /** The pages not yet claimed: [front, back). */
    private static final class Claims {
        int front;
        int back;
        volatile boolean abandoned;

        Claims(int pages) {
            back = pages;
        }

        synchronized int front() {
            return front < back ? front++ : -1;
        }

        /** Where the readers met: the second reader's pages start here. */
        synchronized int met() {
            return front;
        }

        synchronized int back() {
            return !abandoned && front < back ? --back : -1;
        }
    }

    /**
     * Reads the first {@code pages} pages of {@code doc}: those this thread reads go to {@code inOrder} as they are read,
     * the second reader's after them, in order. Returns the path errors and the pages cut, both readers' together.
     */
    static int[] read(PDDocument doc, int pages, PdfLayout.GlyphEngine engine, PdfLayout.PageSink inOrder, Copy copy) throws IOException {
        List<PDPage> list = pagesOf(doc, pages);
        Claims claims = new Claims(list.size());
        Page[] handed = new Page[list.size()];
        int[] second = new int[2];
        Thread reader = new Thread(ReadGuard.within(new Second(claims, handed, second, pages, doc.getNumberOfPages(), copy)), "pdf-second-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            int i;
            while ((i = claims.front()) >= 0) engine.page(list.get(i), i + 1);
            join(reader);
        } finally {
            claims.abandoned = true;   // on a failure here the second reader stops after its page
        }
        // the second reader's pages, in order; one it did not finish is read here
        for (int i = claims.met(); i < list.size(); i++) {
            Page p;
            synchronized (handed) {
                p = handed[i];
            }
            if (p != null) inOrder.page(i + 1, p.glyphs(), p.paths());
            else engine.page(list.get(i), i + 1);
        }
        synchronized (handed) {
            return new int[] {engine.pathErrors + second[0], engine.pagesCut + second[1]};
        }
    }

    /** The first {@code pages} pages in the document's order, as the single reader walks them. */
    private static List<PDPage> pagesOf(PDDocument doc, int pages) {
        List<PDPage> list = new ArrayList<>(pages);
        for (PDPage p : doc.getPages()) {
            if (list.size() >= pages) break;
            list.add(p);
        }
        return list;
    }

    /** Waits for the second reader, within this reading's budget (a checkpoint between waits). */
    private static void join(Thread reader) {
        while (reader.isAlive()) {
            ReadGuard.checkpointNow();
            try {
                reader.join(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ReadGuard.checkpointNow();   // the guard's cancellation: ends the reading
                return;
            }
        }
    }

    /** The second reader: opens its copy, reads pages from the back until the readers meet. */
    private static final class Second implements Runnable {
        final Claims claims;
        final Page[] handed;
        final int[] counts;
        final int pages;
        final int first;
        final Copy copy;

        Second(Claims claims, Page[] handed, int[] counts, int pages, int first, Copy copy) {
            this.claims = claims;
            this.handed = handed;
            this.counts = counts;
            this.pages = pages;
            this.first = first;
            this.copy = copy;
        }

        @Override
        public void run() {
            try (PDDocument doc = copy.open()) {
                if (doc.getNumberOfPages() != first) return;   // not the same document after all: the first reader reads all
                FontCmaps.install(doc);
                List<PDPage> list = pagesOf(doc, pages);
                if (list.size() != handed.length) return;
                PdfLayout.GlyphEngine[] self = new PdfLayout.GlyphEngine[1];
                self[0] = new PdfLayout.GlyphEngine((no, glyphs, paths) -> {
                    synchronized (handed) {
                        handed[no - 1] = new Page(new ArrayList<>(glyphs), paths);
                        // the notes' counts as of the last page handed over (a page it fails on is read again by the first)
                        counts[0] = self[0].pathErrors;
                        counts[1] = self[0].pagesCut;
                    }
                });
                int i;
                while ((i = claims.back()) >= 0) self[0].page(list.get(i), i + 1);
            } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // the first reader reads what is missing and meets this itself (or its guard has ended the reading)
            }
        }
    }
}
