package org.apache.fontbox.ttf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A TTF parser whose fonts answer "which characters does this glyph show?" with the CJK unified
 * ideograph first. Noto Sans SC maps both 门 (U+95E8) and the radical ⻔ (U+2ED4), or 二 and ⼆
 * (Kangxi radical U+2F06), to one glyph; PDFBox writes the first code point of a glyph into the
 * PDF's ToUnicode map, which is the radical (the lower code point) — so text copied or extracted
 * from the PDF, and what a screen reader says, would be radicals instead of the characters printed.
 * Its fonts also skip glyph substitution (see {@code getGsubData}).
 * Characters that normalise to another (U+2329 〈 is canonically U+3008 〈) rank after it too.
 * This class lives in fontbox's package because fontbox only lets its own package create fonts.
 */
public final class UnifiedFirstTTFParser extends TTFParser {
    @Override
    TrueTypeFont newFont(TTFDataStream raf) {
        return new TrueTypeFont(raf) {
            private CmapLookup strict, lenient;

            @Override
            public CmapLookup getUnicodeCmapLookup() throws IOException {
                return getUnicodeCmapLookup(true);
            }

            @Override
            public synchronized CmapLookup getUnicodeCmapLookup(boolean isStrict) throws IOException {
                if (isStrict) {
                    if (strict == null) strict = preferUnified(super.getUnicodeCmapLookup(true));
                    return strict;
                }
                if (lenient == null) lenient = preferUnified(super.getUnicodeCmapLookup(false));
                return lenient;
            }

            /**
             * No glyph substitution: the documents are horizontal Chinese, which needs none, and
             * PDFBox's substitution pass (written for Latin ligatures) took a quarter of the time
             * of writing a PDF.
             */
            @Override
            public org.apache.fontbox.ttf.model.GsubData getGsubData() {
                return org.apache.fontbox.ttf.model.GsubData.NO_DATA_FOUND;
            }
        };
    }

    /**
     * Rank of a code point as the text of a glyph: ordinary characters first; then characters that
     * Unicode normalises to another one (〈 U+2329 → 〈 U+3008, CJK compatibility ideographs → unified
     * ideographs); radicals last.
     */
    static int rank(int cp) {
        if (cp >= 0x2E80 && cp <= 0x2FDF) return 2;   // CJK radicals supplement, Kangxi radicals
        String s = new String(Character.toChars(cp));
        if (!java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC).equals(s)) return 1;
        return 0;
    }

    private static CmapLookup preferUnified(CmapLookup base) {
        if (base == null) return null;
        // the font's code point → glyph map is a HashMap of 30,000 boxed entries; the BMP answers are kept in an array
        int[] bmp = new int[0x10000];
        java.util.Arrays.fill(bmp, -1);
        return new CmapLookup() {
            @Override
            public int getGlyphId(int codePointAt) {
                if (codePointAt < 0 || codePointAt >= bmp.length) return base.getGlyphId(codePointAt);
                int g = bmp[codePointAt];
                if (g < 0) {
                    g = base.getGlyphId(codePointAt);
                    bmp[codePointAt] = g;
                }
                return g;
            }

            @Override
            public List<Integer> getCharCodes(int gid) {
                List<Integer> codes = base.getCharCodes(gid);
                if (codes == null || codes.size() < 2) return codes;
                List<Integer> sorted = new ArrayList<>(codes);
                sorted.sort(Comparator.comparingInt(UnifiedFirstTTFParser::rank)); // stable: keeps the font's order within a rank
                return sorted;
            }
        };
    }
}
