package org.openbudget.render.pdf;

import java.util.Arrays;

/**
 * A page's content stream as bytes: numbers with at most two decimals, path operators, and text
 * shown as two-byte CIDs of the document's {@link GlyphSet}s. Coordinates given to it are PDF
 * user space (points, origin bottom left).
 */
final class Content {
    private byte[] buf;
    private int len;

    Content(int capacity) {
        buf = new byte[capacity];
    }

    int length() {
        return len;
    }

    byte[] bytes() {
        return buf;
    }

    Content raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) buf[len++] = (byte) ascii.charAt(i);
        return this;
    }

    Content raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** A number followed by a space: rounded to hundredths, without trailing zeros. */
    Content num(float v) {
        ensure(24);
        long h = Math.round(v * 100.0);
        if (h < 0) {
            buf[len++] = '-';
            h = -h;
        }
        long whole = h / 100;
        int frac = (int) (h % 100);
        digits(whole);
        if (frac != 0) {
            buf[len++] = '.';
            buf[len++] = (byte) ('0' + frac / 10);
            if (frac % 10 != 0) buf[len++] = (byte) ('0' + frac % 10);
        }
        buf[len++] = ' ';
        return this;
    }

    Content num(int v) {
        ensure(16);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        digits(v);
        buf[len++] = ' ';
        return this;
    }

    private void digits(long v) {
        if (v == 0) {
            buf[len++] = '0';
            return;
        }
        int start = len;
        while (v > 0) {
            buf[len++] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    /** A line segment (a subpath; stroked by {@code S}). */
    Content line(float x1, float y1, float x2, float y2) {
        num(x1).num(y1).raw("m ").num(x2).num(y2).raw("l\n");
        return this;
    }

    /** Shows {@code s[from, to)} in the given glyph set as a literal string of CIDs: {@code (…) Tj}. */
    Content show(GlyphSet glyphs, CharSequence s, int from, int to) {
        ensure(2 * 4 * (to - from) + 8);
        buf[len++] = '(';
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            int cp = ch;
            if (Character.isHighSurrogate(ch) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(ch, s.charAt(++i));
            }
            int cid = glyphs.cid(Text.printable(cp));
            put((byte) (cid >>> 8));
            put((byte) cid);
        }
        buf[len++] = ')';
        buf[len++] = ' ';
        buf[len++] = 'T';
        buf[len++] = 'j';
        buf[len++] = '\n';
        return this;
    }

    private void put(byte b) {
        switch (b) {
            case '(', ')', '\\' -> {
                buf[len++] = '\\';
                buf[len++] = b;
            }
            case '\r' -> {
                buf[len++] = '\\';
                buf[len++] = 'r';
            }
            default -> buf[len++] = b;
        }
    }

    Content append(Content other) {
        ensure(other.len);
        System.arraycopy(other.buf, 0, buf, len, other.len);
        len += other.len;
        return this;
    }

    private void ensure(int more) {
        if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + more));
    }
}
