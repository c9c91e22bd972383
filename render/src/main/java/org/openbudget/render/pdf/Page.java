package org.openbudget.render.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * One page being drawn: its size, its ruling lines and its text (kept apart, since paths may not be
 * drawn inside a text object), and its links. Callers give positions top-down (y from the top
 * edge, as laid out); the page turns them into PDF user space.
 */
final class Page {
    /** A4 in points. */
    static final float A4_SHORT = 595.28f, A4_LONG = 841.89f;

    /** A link on the page to a place in the document: the rectangle (top-down) and the target's id. */
    record Link(float x1, float top, float x2, float bottom, String target) {}

    final boolean landscape;
    final float width, height;
    final int number;
    private final Fonts fonts;
    private final Content lines = new Content(2048);
    private final Content text = new Content(16 * 1024);
    private FontFace face;
    private float size;
    private boolean strokes;
    final List<Link> links = new ArrayList<>(0);
    /** What is drawn, kept as drawing for another fixed-layout format; null when only the PDF is written. */
    final List<org.openbudget.render.page.LaidOut.Op> ops;

    Page(int number, boolean landscape, Fonts fonts) {
        this(number, landscape, fonts, false);
    }

    Page(int number, boolean landscape, Fonts fonts, boolean record) {
        this.ops = record ? new ArrayList<>() : null;
        this.number = number;
        this.landscape = landscape;
        this.width = landscape ? A4_LONG : A4_SHORT;
        this.height = landscape ? A4_SHORT : A4_LONG;
        this.fonts = fonts;
    }

    /** Draws {@code s[from, to)} with its baseline at {@code baseline} (top-down). */
    void text(FontFace f, float sz, float x, float baseline, String s, int from, int to) {
        if (from >= to) return;
        if (ops != null) record(f, sz, x, baseline, s, from, to);
        if (text.length() == 0) text.raw("BT\n");
        if (f != face || sz != size) {
            text.raw(f == FontFace.BOLD ? "/B " : "/R ").num(sz).raw("Tf\n");
            face = f;
            size = sz;
        }
        text.raw("1 0 0 1 ").num(x).num(height - baseline).raw("Tm ");
        text.show(fonts.of(f), s, from, to);
    }

    /**
     * Keeps a run as drawing, its spaces in it: a reader of the other format copies and searches the text as printed
     * (the other format's writer measures a space by the font, a little narrower than this layout's).
     */
    private void record(FontFace f, float sz, float x, float baseline, String s, int from, int to) {
        ops.add(new org.openbudget.render.page.LaidOut.Run(f == FontFace.BOLD, sz, x, baseline, s.substring(from, to)));
    }

    void text(FontFace f, float sz, float x, float baseline, String s) {
        text(f, sz, x, baseline, s, 0, s.length());
    }

    /** A line of the page's ruling (top-down coordinates); stroked when the page is finished. */
    void rule(float x1, float y1, float x2, float y2) {
        if (ops != null) ops.add(new org.openbudget.render.page.LaidOut.Rule(x1, y1, x2, y2));
        if (!strokes) {
            lines.raw("0.75 w 2 J\n");
            strokes = true;
        }
        lines.line(x1, height - y1, x2, height - y2);
    }

    /** The page's content stream. */
    Content content() {
        Content c = new Content(lines.length() + text.length() + 16);
        if (strokes) c.append(lines).raw("S\n");
        c.append(text);
        if (text.length() > 0) c.raw("ET\n");
        return c;
    }
}
