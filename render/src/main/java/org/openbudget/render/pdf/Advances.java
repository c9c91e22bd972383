package org.openbudget.render.pdf;

import java.util.Arrays;

/**
 * The vendored faces' metrics for another fixed-layout writer (OFD) that prints the pages the PDF lays out: each
 * character's advance as the PDF places it (the word space a third of an em, as {@link FontFace} sets it), and the
 * character printed for one the face has no glyph for (□), so both formats show the same glyphs at the same places.
 */
public final class Advances {
    private Advances() {}

    /** The text as printed in the regular or bold face: a character the face lacks becomes □. */
    public static String printable(boolean bold, String text) {
        FontFace f = bold ? FontFace.BOLD : FontFace.REGULAR;
        StringBuilder b = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (f.glyph(cp) == 0) {
                if (b == null) b = new StringBuilder(text.length()).append(text, 0, i);
                b.append((char) FontFace.MISSING);
            } else if (b != null) {
                b.appendCodePoint(cp);
            }
            i += n;
        }
        return b == null ? text : b.toString();
    }

    /**
     * The vendored face cut to {@code codePoints} (characters it has glyphs for: {@link #printable} first) as a TrueType
     * file with its character map — glyph outlines as the PDF embeds them.
     */
    public static byte[] subset(boolean bold, java.util.Collection<Integer> codePoints) {
        GlyphSet set = new GlyphSet(bold ? FontFace.BOLD : FontFace.REGULAR);
        int[] mapped = new int[codePoints.size()];
        int n = 0;
        for (int cp : codePoints) {
            set.cid(cp);
            mapped[n++] = cp;
        }
        return TrueTypeSubset.of(set, Arrays.copyOf(mapped, n));
    }

    /** Each character's advance in points at {@code size} (one number a code point, in order). */
    public static float[] of(boolean bold, String text, float size) {
        FontFace f = bold ? FontFace.BOLD : FontFace.REGULAR;
        float[] out = new float[text.codePointCount(0, text.length())];
        int k = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            out[k++] = f.width(cp) * size / 1000f;
            i += Character.charCount(cp);
        }
        return out;
    }
}
