package org.openbudget.render.pdf;

import java.util.Arrays;

/**
 * Cuts a TrueType subset out of a {@link FontFace}: glyph 0 (.notdef), then the glyphs of a
 * {@link GlyphSet} in CID order (so glyph id = CID), then the components of composite glyphs.
 * Written tables: the ones a PDF viewer needs to draw a CIDFontType2 (head, hhea, maxp, hmtx,
 * loca, glyf, and the hinting tables prep and gasp when present); glyph outlines are copied byte
 * for byte, component references renumbered. For a format that finds glyphs by character (OFD), the subset also
 * carries a character map of the characters given (formats 4 and 12) and the OS/2, name and post tables (post as
 * version 3, without glyph names).
 */
final class TrueTypeSubset {
    private TrueTypeSubset() {}

    static byte[] of(GlyphSet set) {
        return of(set, null);
    }

    /** The subset, with a character map of {@code mapped} (characters of the set) when it is not null. */
    static byte[] of(GlyphSet set, int[] mapped) {
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
        java.util.TreeMap<String, byte[]> byTag = new java.util.TreeMap<>();
        if (f.gaspOff >= 0) byTag.put("gasp", Arrays.copyOfRange(f.data, f.gaspOff, f.gaspOff + f.gaspLen));
        if (f.prepOff >= 0) byTag.put("prep", Arrays.copyOfRange(f.data, f.prepOff, f.prepOff + f.prepLen));
        byTag.put("glyf", glyf);
        byTag.put("head", head);
        byTag.put("hhea", hhea);
        byTag.put("hmtx", hmtx);
        byTag.put("loca", loca);
        byTag.put("maxp", maxp);
        if (mapped != null) {
            byTag.put("cmap", cmap(set, mapped));
            for (String tag : new String[] {"OS/2", "name"}) {
                byte[] t = f.table(tag);
                if (t != null) byTag.put(tag, t);
            }
            byte[] post = f.table("post");
            if (post != null && post.length >= 32) {
                post = Arrays.copyOf(post, 32);
                put32(post, 0, 0x00030000);   // version 3: no glyph names
                byTag.put("post", post);
            }
        }
        String[] tags = byTag.keySet().toArray(new String[0]);
        byte[][] tables = byTag.values().toArray(new byte[0][]);
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

    /**
     * A character map of {@code mapped} to the subset's glyphs (a glyph's id in the subset is its CID): Windows Unicode
     * BMP (format 4, one segment per run of characters whose glyphs follow each other) and full repertoire (format 12).
     */
    private static byte[] cmap(GlyphSet set, int[] mapped) {
        int[] cps = mapped.clone();
        Arrays.sort(cps);
        int[] gid = new int[cps.length];
        for (int i = 0; i < cps.length; i++) gid[i] = set.cid(cps[i]);
        // runs: consecutive characters whose glyphs are consecutive too
        int[] runStart = new int[cps.length + 1], runEnd = new int[cps.length + 1];
        int runs = 0;
        for (int i = 0; i < cps.length; i++) {
            if (i > 0 && cps[i] == cps[i - 1]) continue;
            if (runs > 0 && cps[i] == cps[runEnd[runs - 1]] + 1 && gid[i] == gid[runEnd[runs - 1]] + 1) runEnd[runs - 1] = i;
            else {
                runStart[runs] = i;
                runEnd[runs++] = i;
            }
        }
        // format 12: every run
        byte[] f12 = new byte[16 + 12 * runs];
        put16(f12, 0, 12);
        put32(f12, 4, f12.length);
        put32(f12, 12, runs);
        for (int r = 0; r < runs; r++) {
            put32(f12, 16 + 12 * r, cps[runStart[r]]);
            put32(f12, 20 + 12 * r, cps[runEnd[r]]);
            put32(f12, 24 + 12 * r, gid[runStart[r]]);
        }
        // format 4: the runs in the BMP (below U+FFFF), then the closing segment
        int bmp = 0;
        while (bmp < runs && cps[runEnd[bmp]] < 0xFFFF) bmp++;
        int segs = bmp + 1;
        byte[] f4 = 16 + 8 * segs <= 0xFFFF ? new byte[16 + 8 * segs] : null;
        if (f4 != null) {
            put16(f4, 0, 4);
            put16(f4, 2, f4.length);
            put16(f4, 6, 2 * segs);
            int pow = Integer.highestOneBit(segs);
            put16(f4, 8, 2 * pow);
            put16(f4, 10, Integer.numberOfTrailingZeros(pow));
            put16(f4, 12, 2 * segs - 2 * pow);
            int ends = 14, starts = 16 + 2 * segs, deltas = starts + 2 * segs;
            for (int r = 0; r < segs; r++) {
                int start = r < bmp ? cps[runStart[r]] : 0xFFFF, end = r < bmp ? cps[runEnd[r]] : 0xFFFF;
                int delta = r < bmp ? gid[runStart[r]] - start : 1;
                put16(f4, ends + 2 * r, end);
                put16(f4, starts + 2 * r, start);
                put16(f4, deltas + 2 * r, delta & 0xFFFF);
                // idRangeOffset: 0 (the glyph is the character plus the delta)
            }
        }
        int subtables = f4 == null ? 1 : 2;
        byte[] out = new byte[4 + 8 * subtables + (f4 == null ? 0 : f4.length) + f12.length];
        put16(out, 2, subtables);
        int rec = 4, at = 4 + 8 * subtables;
        if (f4 != null) {
            put16(out, rec, 3);
            put16(out, rec + 2, 1);
            put32(out, rec + 4, at);
            System.arraycopy(f4, 0, out, at, f4.length);
            rec += 8;
            at += f4.length;
        }
        put16(out, rec, 3);
        put16(out, rec + 2, 10);
        put32(out, rec + 4, at);
        System.arraycopy(f12, 0, out, at, f12.length);
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
