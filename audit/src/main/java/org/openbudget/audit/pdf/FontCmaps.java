package org.openbudget.audit.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A composite font's embedded TrueType program read without its 'cmap' table. PDFBox parses every table of the program
 * when it loads the font, the cmap (from characters to glyphs) into boxed maps, though reading the text never goes from
 * a character to a glyph: the glyph's character comes from the font's ToUnicode map, its width from the /W array. With
 * documents that embed a subset font per page (烟台's, some 70 CJK fonts in 36 pages) that was a third of what reading
 * them allocated. So, as the reader first meets a Type 0 font with a CIDFontType2 program, the program is swapped in
 * this reader's copy of the document for the same bytes with the cmap's entry renamed in the table directory (fontbox
 * reads an unknown table as nothing); the original stays at hand for the one use PDFBox makes of the cmap in reading
 * text: a code the ToUnicode map lacks, taken back from its glyph to a character ({@link #unmapped}), as
 * {@code PDType0Font.toUnicode} does. Anything unexpected leaves the font as it is.
 *
 * <p>One per document copy: a reader's own (PDFBox's objects are not shared between threads).
 */
final class FontCmaps extends DefaultResourceCache {
    /** The stripped program's key to the original program. */
    private static final COSName ORIGINAL = COSName.getPDFName("OpenBudgetCmapOf");
    private static final COSName CID_FONT_TYPE2 = COSName.getPDFName("CIDFontType2");

    /** A program longer than this (a whole CJK font is some 10 to 20 MB) is left to PDFBox: its bytes are not copied. */
    private static final int MAX_PROGRAM = 32 << 20;

    /** Each program stripped once, however many fonts share it. */
    private final Map<COSStream, COSStream> stripped = new IdentityHashMap<>();

    private FontCmaps() {}

    /** Has the fonts of {@code doc}'s pages, those not yet met, loaded without their programs' cmaps. */
    static void install(PDDocument doc) {
        doc.setResourceCache(new FontCmaps());
    }

    /** A font not loaded yet (PDFBox asks here first): its program stripped before PDFBox loads it. */
    @Override
    public PDFont getFont(COSObject indirect) {
        PDFont font = super.getFont(indirect);
        if (font == null && indirect != null) strip(indirect.getObject());
        return font;
    }

    private void strip(COSBase base) {
        try {
            if (!(base instanceof COSDictionary font) || !COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))) return;
            COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
            if (descendants == null || descendants.size() == 0 || !(descendants.getObject(0) instanceof COSDictionary cid)
                    || !CID_FONT_TYPE2.equals(cid.getCOSName(COSName.SUBTYPE))) return;
            COSDictionary fd = cid.getCOSDictionary(COSName.FONT_DESC);
            if (fd == null || !(fd.getDictionaryObject(COSName.FONT_FILE2) instanceof COSStream program) || program.containsKey(ORIGINAL)) return;
            COSStream without = stripped.get(program);
            if (without == null && !stripped.containsKey(program)) {
                without = withoutCmap(program);
                stripped.put(program, without);
            }
            if (without != null) fd.setItem(COSName.FONT_FILE2, without);
        } catch (IOException | RuntimeException e) {
            // PDFBox loads the font as it is, and meets whatever is wrong with it itself
        }
    }

    /** The program with its cmap's table entry renamed, or null: not a TrueType program, or one without a cmap. */
    private static COSStream withoutCmap(COSStream program) throws IOException {
        byte[] b;
        try (InputStream in = program.createInputStream()) {
            b = in.readNBytes(MAX_PROGRAM + 1);
        }
        if (b.length < 12 || b.length > MAX_PROGRAM) return null;
        int version = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
        if (version != 0x00010000 && version != 0x74727565) return null;   // 1.0 or 'true'; not 'OTTO' (PDFBox's OpenType parser)
        int tables = (b[4] & 0xff) << 8 | (b[5] & 0xff);
        if (12 + 16L * tables > b.length) return null;
        boolean found = false;
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (b[at] == 'c' && b[at + 1] == 'm' && b[at + 2] == 'a' && b[at + 3] == 'p') {
                b[at] = 'x';   // 'xmap': no table fontbox knows
                found = true;
            }
        }
        if (!found) return null;
        COSStream without = new COSStream();
        try (OutputStream out = without.createRawOutputStream()) {
            out.write(b);
        }
        without.setItem(ORIGINAL, program);
        return without;
    }

    /**
     * What {@code PDType0Font.toUnicode} answers last for a code its other maps lack, when its program's cmap was left
     * out here: the glyph's first character in the original program's cmap, or null. {@code parsed}: the caller's
     * (one reader's) original programs' cmaps, each parsed once.
     */
    static String unmapped(PDFont font, int code, Map<COSStream, CmapLookup> parsed) {
        if (!(font instanceof PDType0Font t0) || !(t0.getDescendantFont() instanceof PDCIDFontType2 cid)) return null;
        PDFontDescriptor fd = cid.getFontDescriptor();
        PDStream program = fd == null ? null : fd.getFontFile2();
        if (program == null || !(program.getCOSObject().getDictionaryObject(ORIGINAL) instanceof COSStream original)) return null;
        try {
            CmapLookup cmap = parsed.get(original);
            if (cmap == null && !parsed.containsKey(original)) {
                parsed.put(original, null);   // a program that fails to parse is not tried again
                cmap = new TTFParser(true).parse(new RandomAccessReadBuffer(original.createInputStream())).getUnicodeCmapLookup(false);
                parsed.put(original, cmap);
            }
            if (cmap == null) return null;
            List<Integer> codes = cmap.getCharCodes(cid.isEmbedded() ? cid.codeToGID(code) : cid.codeToCID(code));
            return codes != null && !codes.isEmpty() ? Character.toString((char) codes.get(0).intValue()) : null;
        } catch (IOException | RuntimeException e) {
            return null;   // as PDFBox: a program it cannot read gives no character
        }
    }
}
