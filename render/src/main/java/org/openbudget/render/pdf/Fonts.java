package org.openbudget.render.pdf;

import java.io.IOException;

/**
 * The two faces of one document (resource names /R and /B) and their embedding: each face used
 * becomes a Type 0 font with Identity-H encoding over a CIDFontType2 whose font program is the
 * subset of the glyphs printed (glyph id = CID), widths in a W array, and a ToUnicode map.
 */
final class Fonts {
    final GlyphSet regular = new GlyphSet(FontFace.REGULAR);
    final GlyphSet bold = new GlyphSet(FontFace.BOLD);

    GlyphSet of(FontFace f) {
        return f == FontFace.BOLD ? bold : regular;
    }

    /** "/Font << /R 5 0 R /B 10 0 R >>" for the faces used, writing their objects. */
    String write(PdfFile pdf) throws IOException {
        StringBuilder b = new StringBuilder("/Font <<");
        if (regular.used()) b.append(" /R ").append(PdfFile.ref(write(pdf, regular)));
        if (bold.used()) b.append(" /B ").append(PdfFile.ref(write(pdf, bold)));
        return b.append(" >>").toString();
    }

    private static int write(PdfFile pdf, GlyphSet set) throws IOException {
        FontFace f = set.face;
        int type0 = pdf.reserve(), cid = pdf.reserve(), descriptor = pdf.reserve(), file = pdf.reserve(), toUnicode = pdf.reserve();
        String name = tag(set) + "+" + f.postScriptName;
        float k = 1000f / f.unitsPerEm;
        pdf.object(type0, "<< /Type /Font /Subtype /Type0 /BaseFont /" + name + " /Encoding /Identity-H /DescendantFonts ["
                + PdfFile.ref(cid) + "] /ToUnicode " + PdfFile.ref(toUnicode) + " >>");
        pdf.object(cid, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + name
                + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "
                + PdfFile.ref(descriptor) + " /DW 1000 /W " + widths(set) + " /CIDToGIDMap /Identity >>");
        pdf.object(descriptor, "<< /Type /FontDescriptor /FontName /" + name + " /Flags 4 /FontBBox [" + Math.round(f.xMin * k) + ' '
                + Math.round(f.yMin * k) + ' ' + Math.round(f.xMax * k) + ' ' + Math.round(f.yMax * k) + "] /ItalicAngle 0 /Ascent "
                + Math.round(f.ascent * k) + " /Descent " + Math.round(f.descent * k) + " /CapHeight " + Math.round(f.capHeight * k)
                + " /StemV " + f.stemV + " /FontFile2 " + PdfFile.ref(file) + " >>");
        byte[] program = TrueTypeSubset.of(set);
        pdf.stream(file, "/Length1 " + program.length, program, program.length);
        byte[] cmap = toUnicode(set);
        pdf.stream(toUnicode, "", cmap, cmap.length);
        return type0;
    }

    /** The widths that differ from the default 1000, as runs of consecutive CIDs: [3 [278 555] 9 [224]]. */
    private static String widths(GlyphSet set) {
        StringBuilder b = new StringBuilder("[");
        int n = set.count();
        for (int c = 1; c <= n; ) {
            if (set.width(c) == 1000) {
                c++;
                continue;
            }
            b.append(c).append(" [");
            while (c <= n && set.width(c) != 1000) b.append(set.width(c++)).append(' ');
            b.setCharAt(b.length() - 1, ']');
            b.append(' ');
        }
        return b.append(']').toString();
    }

    /** The ToUnicode CMap: each CID to the character printed with it. */
    private static byte[] toUnicode(GlyphSet set) {
        int n = set.count();
        StringBuilder b = new StringBuilder(64 + 20 * n + 400);
        b.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int from = 1; from <= n; from += 100) {
            int to = Math.min(n, from + 99);
            b.append(to - from + 1).append(" beginbfchar\n");
            for (int c = from; c <= to; c++) {
                b.append('<');
                hex4(b, c);
                b.append("> <");
                int u = set.unicode(c);
                if (u >= 0x10000) {
                    hex4(b, Character.highSurrogate(u));
                    hex4(b, Character.lowSurrogate(u));
                } else {
                    hex4(b, u);
                }
                b.append(">\n");
            }
            b.append("endbfchar\n");
        }
        b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return b.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void hex4(StringBuilder b, int v) {
        for (int shift = 12; shift >= 0; shift -= 4) b.append(Character.toUpperCase(Character.forDigit((v >> shift) & 0xF, 16)));
    }

    /** The subset's six-letter tag, from the glyphs it holds (the same glyphs give the same tag). */
    private static String tag(GlyphSet set) {
        long h = 1125899906842597L;
        for (int c = 1; c <= set.count(); c++) h = 31 * h + set.glyph(c);
        char[] t = new char[6];
        for (int i = 0; i < 6; i++) {
            t[i] = (char) ('A' + Math.floorMod(h, 26));
            h /= 26;
        }
        return new String(t);
    }
}
