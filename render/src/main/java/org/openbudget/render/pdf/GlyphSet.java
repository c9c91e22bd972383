package org.openbudget.render.pdf;

import java.util.Arrays;

/**
 * The glyphs one document prints in one face. Each glyph gets a character id (CID) on first use —
 * 1, 2, 3 … in the order they appear — which is also its glyph id in the embedded subset
 * ({@link TrueTypeSubset} writes the glyphs in this order), so the font needs no CID-to-glyph map.
 * The character first printed with a glyph is what the PDF's ToUnicode map gives for it, so
 * copying, searching and reading aloud give the characters printed (门, not the radical ⻔ that
 * the font maps to the same glyph).
 */
final class GlyphSet {
    final FontFace face;
    /** Font glyph → CID (0: not used yet). */
    private final char[] cidOfGlyph;
    /** CID → font glyph; CID 0 is .notdef. */
    private int[] glyphOfCid = new int[512];
    private int[] unicodeOfCid = new int[512];
    private int count;

    GlyphSet(FontFace face) {
        this.face = face;
        this.cidOfGlyph = new char[face.numGlyphs];
    }

    /** The CID of a character (□ when the font has no glyph for it). */
    int cid(int cp) {
        int g = face.glyph(cp);
        if (g == 0) {
            cp = FontFace.MISSING;
            g = face.glyph(cp);
        }
        int c = cidOfGlyph[g];
        if (c != 0) return c;
        c = ++count;
        if (c >= 0xFFFF) throw new IllegalStateException("more than 65,534 glyphs in one font");
        if (c >= glyphOfCid.length) {
            glyphOfCid = Arrays.copyOf(glyphOfCid, 2 * c);
            unicodeOfCid = Arrays.copyOf(unicodeOfCid, 2 * c);
        }
        glyphOfCid[c] = g;
        unicodeOfCid[c] = cp;
        cidOfGlyph[g] = (char) c;
        return c;
    }

    /** Number of CIDs in use (they are 1 … count). */
    int count() {
        return count;
    }

    boolean used() {
        return count > 0;
    }

    int glyph(int cid) {
        return glyphOfCid[cid];
    }

    int unicode(int cid) {
        return unicodeOfCid[cid];
    }

    /** Width of a CID in thousandths of an em, as the PDF's W array gives it. */
    int width(int cid) {
        return Math.round(face.advance(glyphOfCid[cid]) * 1000f / face.unitsPerEm);
    }
}
