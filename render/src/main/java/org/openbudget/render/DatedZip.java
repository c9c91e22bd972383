package org.openbudget.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip written for publication (Word and Excel packages, OFD, the open-data package): every entry dated 1 January of
 * the document's year and deflated at zlib's default level, in the order given, so the same document gives the same
 * bytes. {@link #finish} ends the zip and leaves the underlying stream open.
 */
public final class DatedZip {
    private final ZipOutputStream zip;
    private final LocalDateTime time;

    public DatedZip(OutputStream out, int year) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.zip.setLevel(6);
        this.time = LocalDateTime.of(year, 1, 1, 0, 0);
    }

    public void put(String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(time);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    public void put(String name, CharSequence text) throws IOException {
        put(name, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void finish() throws IOException {
        zip.finish();
    }
}
