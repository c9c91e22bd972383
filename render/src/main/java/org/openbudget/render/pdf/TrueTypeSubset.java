package org.openbudget.render.pdf;

import java.util.Arrays;

/**
 * Cuts a TrueType subset out of a {@link FontFace}: glyph 0 (.notdef), then the glyphs of a
 * {@link GlyphSet} in CID order (so glyph id = CID), then the components of composite glyphs.
 * Written tables: the ones a PDF viewer needs to draw a CIDFontType2 (head, hhea, maxp, hmtx,
 * loca, glyf, and the hinting tables prep and gasp when present); glyph outlines are copied byte
 * for byte, component references renumbered.
 */
final class TrueTypeSubset {
    private TrueTypeSubset() {}

    static byte[] of(GlyphSet set) {
        FontFace f = set.face;
        int[] order = new int[Math.max(16, set.count() + 1)];
        int n = 0;
        order[n++] = 0;
        for (int cid = 1; cid <= set.count(); cid++) order[n++] = set.glyph(cid);
        // components of composite glyphs are appended after the printed glyphs
        int[] newOf = new int[f.numGlyphs];
        Arrays.fill(newOf, -1);
        for (int i = 0; i < n; i++) newOf[order[i]] = i;
        for (int i = 0; i < n; i++) {
            int g = order[i], s = f.glyphStart(g), e = f.glyphEnd(g);
            if (e - s < 10 || (short) f.u16(s) >= 0) continue;
            for (int at = s + 10; ; ) {
                int flags = f.u16(at), component = f.u16(at + 2);
                if (component < f.numGlyphs && newOf[component] < 0) {
                    if (n == order.length) order = Arrays.copyOf(order, 2 * n);
                    newOf[component] = n;
                    order[n++] = component;
                }
                at = next(flags, at);
                if ((flags & 0x20) == 0 || at + 4 > e) break;
            }
        }

        // glyf and loca
        int glyfLen = 0;
        for (int i = 0; i < n; i++) glyfLen += pad4(f.glyphEnd(order[i]) - f.glyphStart(order[i]));
        byte[] glyf = new byte[glyfLen];
        byte[] loca = new byte[4 * (n + 1)];
        int at = 0;
        for (int i = 0; i < n; i++) {
            put32(loca, 4 * i, at);
            int g = order[i], s = f.glyphStart(g), len = f.glyphEnd(g) - s;
            System.arraycopy(f.data, s, glyf, at, len);
            if (len >= 10 && (short) f.u16(s) < 0) {
                for (int p = at + 10; ; ) {
                    int flags = u16(glyf, p), component = u16(glyf, p + 2);
                    if (component < f.numGlyphs && newOf[component] >= 0) put16(glyf, p + 2, newOf[component]);
                    p = next(flags, p);
                    if ((flags & 0x20) == 0 || p + 4 > at + len) break;
                }
            }
            at += pad4(len);
        }
        put32(loca, 4 * n, at);

        byte[] hmtx = new byte[4 * n];
        for (int i = 0; i < n; i++) {
            put16(hmtx, 4 * i, f.advance(order[i]));
            put16(hmtx, 4 * i + 2, f.leftSideBearing(order[i]));
        }
        byte[] head = Arrays.copyOfRange(f.data, f.headOff, f.headOff + 54);
        put32(head, 8, 0);
        put16(head, 50, 1); // long loca offsets
        byte[] hhea = Arrays.copyOfRange(f.data, f.hheaOff, f.hheaOff + 36);
        put16(hhea, 34, n);
        byte[] maxp = Arrays.copyOfRange(f.data, f.maxpOff, f.maxpOff + f.maxpLen);
        put16(maxp, 4, n);

        // tables in tag order
        String[] tags = {"gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"};
        byte[][] tables = {
                f.gaspOff >= 0 ? Arrays.copyOfRange(f.data, f.gaspOff, f.gaspOff + f.gaspLen) : null,
                glyf, head, hhea, hmtx, loca, maxp,
                f.prepOff >= 0 ? Arrays.copyOfRange(f.data, f.prepOff, f.prepOff + f.prepLen) : null};
        int count = 0, size = 0;
        for (byte[] t : tables) {
            if (t == null) continue;
            count++;
            size += pad4(t.length);
        }
        int dir = 12 + 16 * count;
        byte[] out = new byte[dir + size];
        put32(out, 0, 0x00010000);
        put16(out, 4, count);
        int pow = Integer.highestOneBit(count);
        put16(out, 6, 16 * pow);
        put16(out, 8, Integer.numberOfTrailingZeros(pow));
        put16(out, 10, 16 * count - 16 * pow);
        int rec = 12, off = dir, headAt = -1;
        for (int i = 0; i < tags.length; i++) {
            byte[] t = tables[i];
            if (t == null) continue;
            for (int k = 0; k < 4; k++) out[rec + k] = (byte) tags[i].charAt(k);
            put32(out, rec + 4, (int) checksum(t, 0, t.length));
            put32(out, rec + 8, off);
            put32(out, rec + 12, t.length);
            System.arraycopy(t, 0, out, off, t.length);
            if (tags[i].equals("head")) headAt = off;
            rec += 16;
            off += pad4(t.length);
        }
        put32(out, headAt + 8, (int) (0xB1B0AFBAL - checksum(out, 0, out.length)));
        return out;
    }

    /** The offset after one component record of a composite glyph. */
    private static int next(int flags, int at) {
        at += 4;
        at += (flags & 0x0001) != 0 ? 4 : 2;
        if ((flags & 0x0008) != 0) at += 2;
        else if ((flags & 0x0040) != 0) at += 4;
        else if ((flags & 0x0080) != 0) at += 8;
        return at;
    }

    private static long checksum(byte[] b, int from, int len) {
        long sum = 0;
        for (int i = 0; i < len; i += 4) {
            long word = 0;
            for (int k = 0; k < 4; k++) word = (word << 8) | (i + k < len ? b[from + i + k] & 0xFF : 0);
            sum += word;
        }
        return sum & 0xFFFFFFFFL;
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
