package org.openbudget.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * One vendored TrueType font (Noto Sans SC, OFL; render/src/main/resources/fonts/) read once per
 * JVM straight from its bytes: the tables the PDF needs (cmap, hmtx, loca, glyf, head, hhea, maxp),
 * a character → glyph array for the Basic Multilingual Plane and the advance widths. Immutable
 * after loading, so every thread shares it; a document's subset is cut from these bytes by
 * {@link TrueTypeSubset}. One metric is changed: the word space is a third of an em wide.
 */
final class FontFace {
    static final FontFace REGULAR = load("/fonts/NotoSansSC_400Regular.ttf", "NotoSansSC-Regular", 80);
    static final FontFace BOLD = load("/fonts/NotoSansSC_700Bold.ttf", "NotoSansSC-Bold", 140);

    /** The character printed for one the font has no glyph for (□). */
    static final int MISSING = 0x25A1;

    final String postScriptName;
    final int stemV;
    final byte[] data;
    final int unitsPerEm;
    final int numGlyphs;
    final int ascent, descent, capHeight;
    final short xMin, yMin, xMax, yMax;
    /** Ideographic em box (OS/2 typo ascender and descender): where CJK glyphs sit in a line. */
    final int typoAscent, typoDescent;
    /** Table offsets and lengths, by tag. */
    final int headOff, hheaOff, maxpOff, maxpLen, locaOff, glyfOff, hmtxOff, numberOfHMetrics;
    final int prepOff, prepLen, gaspOff, gaspLen;
    final boolean longLoca;
    /** BMP character → glyph (0: none). */
    private final char[] bmp = new char[0x10000];
    /** Format 12 groups for characters beyond the BMP: start, end, first glyph. */
    private final int[] groups;
    /** Advance widths in font units, by glyph. */
    private final short[] advance;
    /** Advance width of each BMP character in thousandths of an em (-1: no glyph). */
    private final short[] widthOfChar = new short[0x10000];
    /** Every table's offset and length, by tag. */
    private final java.util.Map<String, int[]> tables = new java.util.HashMap<>();

    private FontFace(String postScriptName, int stemV, byte[] data) {
        this.postScriptName = postScriptName;
        this.stemV = stemV;
        this.data = data;
        int numTables = u16(4);
        int head = -1, hhea = -1, maxp = -1, loca = -1, glyf = -1, hmtx = -1, cmap = -1, os2 = -1, prep = -1, gasp = -1;
        int prepL = 0, gaspL = 0, maxpL = 0;
        for (int i = 0; i < numTables; i++) {
            int rec = 12 + 16 * i;
            String tag = new String(data, rec, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int off = s32(rec + 8), len = s32(rec + 12);
            tables.put(tag, new int[] {off, len});
            switch (tag) {
                case "head" -> head = off;
                case "hhea" -> hhea = off;
                case "maxp" -> { maxp = off; maxpL = len; }
                case "loca" -> loca = off;
                case "glyf" -> glyf = off;
                case "hmtx" -> hmtx = off;
                case "cmap" -> cmap = off;
                case "OS/2" -> os2 = off;
                case "prep" -> { prep = off; prepL = len; }
                case "gasp" -> { gasp = off; gaspL = len; }
                default -> { }
            }
        }
        if (head < 0 || hhea < 0 || maxp < 0 || loca < 0 || glyf < 0 || hmtx < 0 || cmap < 0) {
            throw new IllegalStateException(postScriptName + ": not a TrueType font with glyf outlines");
        }
        headOff = head;
        hheaOff = hhea;
        maxpOff = maxp;
        maxpLen = maxpL;
        locaOff = loca;
        glyfOff = glyf;
        hmtxOff = hmtx;
        prepOff = prep;
        prepLen = prepL;
        gaspOff = gasp;
        gaspLen = gaspL;
        unitsPerEm = u16(head + 18);
        xMin = (short) u16(head + 36);
        yMin = (short) u16(head + 38);
        xMax = (short) u16(head + 40);
        yMax = (short) u16(head + 42);
        longLoca = u16(head + 50) == 1;
        numGlyphs = u16(maxp + 4);
        ascent = (short) u16(hhea + 4);
        descent = (short) u16(hhea + 6);
        numberOfHMetrics = u16(hhea + 34);
        if (os2 >= 0) {
            typoAscent = (short) u16(os2 + 68);
            typoDescent = (short) u16(os2 + 70);
            capHeight = u16(os2) >= 2 ? (short) u16(os2 + 88) : ascent;
        } else {
            typoAscent = ascent;
            typoDescent = descent;
            capHeight = ascent;
        }
        advance = new short[numGlyphs];
        int last = 0;
        for (int g = 0; g < numGlyphs; g++) {
            if (g < numberOfHMetrics) last = u16(hmtx + 4 * g);
            advance[g] = (short) last;
        }
        groups = readCmap(cmap);
        // the word space: a third of an em (the font's is 0.22 em), so that a Latin word or a code
        // stands apart from the Chinese text beside it ("201 一般公共服务支出") for a reader too
        int space = bmp[' '];
        if (space != 0) advance[space] = (short) Math.max(advance[space], unitsPerEm / 3);
        Arrays.fill(widthOfChar, (short) -1);
        for (int c = 0; c < 0x10000; c++) {
            int g = bmp[c];
            if (g >= numGlyphs) bmp[c] = (char) (g = 0);
            if (g != 0) widthOfChar[c] = (short) Math.round(advance[g] * 1000f / unitsPerEm);
        }
    }

    private static FontFace load(String resource, String name, int stemV) {
        try (InputStream in = FontFace.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font resource missing: " + resource);
            return new FontFace(name, stemV, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vendored font " + resource, e);
        }
    }

    /** The glyph of a character, 0 when the font has none. */
    int glyph(int cp) {
        if (cp < 0x10000) return cp >= 0 ? bmp[cp] : 0;
        int lo = 0, hi = groups.length / 3 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int start = groups[3 * mid], end = groups[3 * mid + 1];
            if (cp < start) hi = mid - 1;
            else if (cp > end) lo = mid + 1;
            else {
                int g = groups[3 * mid + 2] + cp - start;
                return g < numGlyphs ? g : 0;
            }
        }
        return 0;
    }

    /** Advance width of a character in thousandths of an em (the width of □ for one without a glyph). */
    int width(int cp) {
        if (cp < 0x10000 && cp >= 0) {
            int w = widthOfChar[cp];
            return w >= 0 ? w : widthOfChar[MISSING];
        }
        int g = glyph(cp);
        return g == 0 ? widthOfChar[MISSING] : Math.round(advance[g] * 1000f / unitsPerEm);
    }

    /** A copy of the table {@code tag}, or null when the font has none. */
    byte[] table(String tag) {
        int[] t = tables.get(tag);
        return t == null ? null : Arrays.copyOfRange(data, t[0], t[0] + t[1]);
    }

    /** Advance width of a glyph in font units. */
    int advance(int glyph) {
        return advance[glyph];
    }

    /** Width of a string in points at the given size. */
    float width(CharSequence s, float size) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sum += width(Character.toCodePoint(c, s.charAt(++i)));
            } else {
                sum += width(c);
            }
        }
        return sum * size / 1000f;
    }

    /** Start and end (exclusive) of a glyph's outline in {@link #data}. */
    int glyphStart(int g) {
        return glyfOff + (longLoca ? s32(locaOff + 4 * g) : 2 * u16(locaOff + 2 * g));
    }

    int glyphEnd(int g) {
        return glyphStart(g + 1);
    }

    int leftSideBearing(int g) {
        if (g < numberOfHMetrics) return (short) u16(hmtxOff + 4 * g + 2);
        return (short) u16(hmtxOff + 4 * numberOfHMetrics + 2 * (g - numberOfHMetrics));
    }

    /** Reads the Unicode cmap: the BMP into {@link #bmp}; returns the format 12 groups beyond it. */
    private int[] readCmap(int cmap) {
        int n = u16(cmap + 2);
        int fmt4 = -1, fmt12 = -1;
        for (int i = 0; i < n; i++) {
            int rec = cmap + 4 + 8 * i;
            int platform = u16(rec), encoding = u16(rec + 2), off = cmap + s32(rec + 4);
            int format = u16(off);
            boolean unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (!unicode) continue;
            if (format == 12 && fmt12 < 0) fmt12 = off;
            if (format == 4 && fmt4 < 0) fmt4 = off;
        }
        if (fmt12 >= 0) {
            int count = s32(fmt12 + 12);
            int[] beyond = new int[3 * count];
            int k = 0;
            for (int i = 0; i < count; i++) {
                int rec = fmt12 + 16 + 12 * i;
                int start = s32(rec), end = s32(rec + 4), g = s32(rec + 8);
                for (int c = start; c <= Math.min(end, 0xFFFF); c++) bmp[c] = (char) (g + c - start);
                if (end > 0xFFFF) {
                    int s = Math.max(start, 0x10000);
                    beyond[k++] = s;
                    beyond[k++] = end;
                    beyond[k++] = g + s - start;
                }
            }
            return Arrays.copyOf(beyond, k);
        }
        if (fmt4 < 0) throw new IllegalStateException(postScriptName + ": no Unicode cmap");
        int segX2 = u16(fmt4 + 6);
        int ends = fmt4 + 14, starts = ends + segX2 + 2, deltas = starts + segX2, ranges = deltas + segX2;
        for (int s = 0; s < segX2 / 2; s++) {
            int end = u16(ends + 2 * s), start = u16(starts + 2 * s), delta = (short) u16(deltas + 2 * s);
            int rangeAt = ranges + 2 * s, range = u16(rangeAt);
            for (int c = start; c <= end && c != 0xFFFF; c++) {
                int g;
                if (range == 0) {
                    g = (c + delta) & 0xFFFF;
                } else {
                    g = u16(rangeAt + range + 2 * (c - start));
                    if (g != 0) g = (g + delta) & 0xFFFF;
                }
                bmp[c] = (char) g;
            }
        }
        return new int[0];
    }

    int u16(int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    int s32(int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
    }
}
