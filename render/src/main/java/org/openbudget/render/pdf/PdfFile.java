package org.openbudget.render.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * The PDF file syntax: numbered objects written one after the other, Flate-compressed streams,
 * text strings, and the cross-reference table and trailer at the end (PDF 1.7, ISO 32000-1 §7).
 * Object numbers are handed out with {@link #reserve()} before the objects are written, so that
 * objects can refer to ones written later.
 */
final class PdfFile {
    private final OutputStream out;
    private long pos;
    private long[] offsets = new long[64];
    private int next = 1;
    private final Deflater deflater;
    private byte[] zbuf = new byte[64 * 1024];
    private final StringBuilder sb = new StringBuilder(256);

    PdfFile(OutputStream out, int compressionLevel) throws IOException {
        this.out = out;
        this.deflater = new Deflater(compressionLevel);
        // a binary comment after the header tells transfer programs the file is binary
        write("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
    }

    /** A new object number. */
    int reserve() {
        if (next == offsets.length) offsets = Arrays.copyOf(offsets, 2 * next);
        return next++;
    }

    /** Writes object {@code n} holding {@code body} (a dictionary or array in PDF syntax). */
    void object(int n, CharSequence body) throws IOException {
        offsets[n] = pos;
        sb.setLength(0);
        sb.append(n).append(" 0 obj\n").append(body).append("\nendobj\n");
        write(sb);
    }

    /**
     * Writes object {@code n} as a stream of {@code data[0, len)}, Flate-compressed; {@code dict}
     * holds the dictionary's other entries (without the brackets), e.g. "/Length1 1234".
     */
    void stream(int n, String dict, byte[] data, int len) throws IOException {
        deflater.reset();
        deflater.setInput(data, 0, len);
        deflater.finish();
        int zlen = 0;
        while (!deflater.finished()) {
            if (zlen == zbuf.length) zbuf = Arrays.copyOf(zbuf, 2 * zbuf.length);
            zlen += deflater.deflate(zbuf, zlen, zbuf.length - zlen);
        }
        offsets[n] = pos;
        sb.setLength(0);
        sb.append(n).append(" 0 obj\n<< /Filter /FlateDecode /Length ").append(zlen);
        if (!dict.isEmpty()) sb.append(' ').append(dict);
        sb.append(" >>\nstream\n");
        write(sb);
        out.write(zbuf, 0, zlen);
        pos += zlen;
        write("\nendstream\nendobj\n");
    }

    /** The cross-reference table and the trailer; then the file is complete. */
    void finish(int root, int info, byte[] id) throws IOException {
        long xref = pos;
        StringBuilder b = new StringBuilder(20 * next + 200);
        b.append("xref\n0 ").append(next).append('\n');
        b.append("0000000000 65535 f\r\n");
        for (int i = 1; i < next; i++) {
            String o = Long.toString(offsets[i]);
            for (int k = o.length(); k < 10; k++) b.append('0');
            b.append(o).append(" 00000 n\r\n");
        }
        String hex = hex(id);
        b.append("trailer\n<< /Size ").append(next).append(" /Root ").append(root).append(" 0 R /Info ").append(info)
                .append(" 0 R /ID [<").append(hex).append("> <").append(hex).append(">] >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(b);
        deflater.end();
    }

    /** "12 0 R". */
    static String ref(int n) {
        return n + " 0 R";
    }

    /** A text string: literal when plain ASCII, else UTF-16BE with its byte-order mark, in hex. */
    static String text(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) >= 0x20 && s.charAt(i) < 0x7F;
        StringBuilder b = new StringBuilder(s.length() * 4 + 8);
        if (ascii) {
            b.append('(');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '(' || c == ')' || c == '\\') b.append('\\');
                b.append(c);
            }
            return b.append(')').toString();
        }
        b.append("<FEFF");
        for (int i = 0; i < s.length(); i++) {
            String h = Integer.toHexString(s.charAt(i)).toUpperCase(java.util.Locale.ROOT);
            for (int k = h.length(); k < 4; k++) b.append('0');
            b.append(h);
        }
        return b.append('>').toString();
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(2 * b.length);
        for (byte x : b) s.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        return s.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private void write(CharSequence s) throws IOException {
        byte[] b = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        out.write(b);
        pos += b.length;
    }
}
