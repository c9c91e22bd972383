package org.openbudget.audit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** poppler's {@code pdftotext -layout}, when installed: the text a user would make of a PDF and audit. */
public final class PdfToText {
    private static Boolean available;

    private PdfToText() {}

    /** pdftotext runs here. */
    public static synchronized boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        return available;
    }

    /** The PDF's text as {@code pdftotext -layout -enc UTF-8 FILE -} prints it (pages separated by form feeds). */
    public static String layout(Path pdf) {
        try {
            Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("pdftotext failed on " + pdf);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("pdftotext failed on " + pdf, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pdftotext interrupted on " + pdf, e);
        }
    }
}
