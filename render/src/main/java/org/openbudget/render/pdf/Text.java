package org.openbudget.render.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Line breaking of Chinese text mixed with Latin words and numbers: a line may break between two
 * Chinese characters, between Chinese and Latin, and after a space, but not inside a Latin word or
 * a number ("2,103.00", "0310016Y"); closing punctuation (，。、；：）” …) never starts a line and
 * opening punctuation (（“《 …) never ends one — when a word fills a line, the punctuation after it hangs
 * in the margin. A word longer than the line is cut where it must.
 */
final class Text {
    private Text() {}

    /** A run of text in one face and size. */
    record Span(String text, FontFace face, float size) {}

    /** A part of a line in one face: {@code text[from, to)} of its span, drawn at {@code x} from the line's start. */
    record Piece(String text, int from, int to, FontFace face, float size, float x) {}

    /** One line: its pieces and its width. */
    record Line(List<Piece> pieces, float width) {}

    /** Closing punctuation: never at the start of a line. */
    private static final String NO_START = "，。、；：？！）》」』】〕〉”’…—％‰·,.;:?!)]}%℃・～";
    /** Opening punctuation: never at the end of a line. */
    private static final String NO_END = "（《「『【〔〈“‘([{￥$";

    /** Tabs and other control characters print as spaces. */
    static int printable(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ? ' ' : cp;
    }

    /** Chinese (and other East Asian) characters and their punctuation: a line may break around them. */
    static boolean wide(int cp) {
        return cp >= 0x2E80 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xB7;
    }

    static List<Line> wrap(String s, FontFace face, float size, float width) {
        return wrap(List.of(new Span(s, face, size)), width, width);
    }

    /**
     * Breaks the spans into lines: the first at most {@code firstWidth} wide, the others
     * {@code width}; a newline always breaks. Spaces at the end of a line are dropped, and so are
     * spaces at the start of a line that follows a break.
     */
    static List<Line> wrap(List<Span> spans, float firstWidth, float width) {
        int total = 0;
        for (Span sp : spans) total += sp.text.length();
        char[] cs = new char[total];
        float[] w = new float[total];
        int[] spanOf = new int[total];
        int k = 0;
        for (int si = 0; si < spans.size(); si++) {
            Span sp = spans.get(si);
            String t = sp.text;
            float scale = sp.size / 1000f;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                cs[k] = c;
                spanOf[k] = si;
                if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                    w[k] = sp.face.width(Character.toCodePoint(c, t.charAt(i + 1))) * scale;
                    k++;
                    i++;
                    cs[k] = t.charAt(i);
                    spanOf[k] = si;
                    w[k] = 0;
                } else {
                    w[k] = c == '\n' ? 0 : sp.face.width(printable(c)) * scale;
                }
                k++;
            }
        }
        List<Line> lines = new ArrayList<>();
        int start = 0;
        boolean first = true;
        while (start < total) {
            float avail = first ? firstWidth : width;
            int i = start;
            float x = 0;
            int lastBreak = -1;
            int end = total;
            int next = total;
            for (; i < total; i++) {
                char c = cs[i];
                if (c == '\n') {
                    end = i;
                    next = i + 1;
                    break;
                }
                if (i > start && breakBefore(cs, i)) lastBreak = i;
                if (x + w[i] > avail + 0.01f && i > start && c != ' ') {
                    if (lastBreak > start) {
                        end = lastBreak;
                    } else if (NO_START.indexOf(c) >= 0) {
                        // a word filling the line, then closing punctuation: the punctuation hangs in the margin
                        end = i + 1;
                        while (end < total && NO_START.indexOf(cs[end]) >= 0) end++;
                    } else {
                        end = i;
                        if (Character.isLowSurrogate(cs[i]) && end - 1 > start) end--;
                    }
                    next = end;
                    break;
                }
                x += w[i];
            }
            int e = end;
            while (e > start && cs[e - 1] == ' ') e--;
            lines.add(line(spans, cs, w, spanOf, start, e));
            boolean forced = next < total && next > 0 && cs[next - 1] == '\n';
            start = next;
            if (!forced) while (start < total && cs[start] == ' ') start++;
            first = false;
            if (forced && start == total) lines.add(new Line(List.of(), 0)); // a trailing newline: an empty line
        }
        if (lines.isEmpty()) lines.add(new Line(List.of(), 0));
        return lines;
    }

    private static boolean breakBefore(char[] cs, int i) {
        char a = cs[i - 1], b = cs[i];
        if (Character.isLowSurrogate(b)) return false;
        if (b == ' ') return false;
        if (a == ' ') return true;
        if (NO_START.indexOf(b) >= 0) return false;
        if (NO_END.indexOf(a) >= 0) return false;
        int ca = Character.isLowSurrogate(a) && i >= 2 ? Character.toCodePoint(cs[i - 2], a) : a;
        return wide(ca) || wide(b);
    }

    private static Line line(List<Span> spans, char[] cs, float[] w, int[] spanOf, int from, int to) {
        List<Piece> pieces = new ArrayList<>(2);
        float x = 0;
        int i = from;
        // offsets of each span's first char in the combined array
        while (i < to) {
            int si = spanOf[i];
            int j = i;
            float pw = 0;
            while (j < to && spanOf[j] == si) pw += w[j++];
            int spanStart = 0;
            for (int s = 0; s < si; s++) spanStart += spans.get(s).text.length();
            Span sp = spans.get(si);
            pieces.add(new Piece(sp.text, i - spanStart, j - spanStart, sp.face, sp.size, x));
            x += pw;
            i = j;
        }
        return new Line(pieces, x);
    }
}
