package org.openbudget.audit.shape;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a table in a text laid out by spaces ({@code pdftotext -layout}), where a blank cell leaves no trace
 * but every printed amount stays where its column is: amounts are right-aligned, so the right edges of a column's
 * numbers line up over the rows of a page. The edges are measured in characters, one a character whatever its width:
 * pdftotext gives each character one column and moves a word right of every word left of it on the page, so a CJK
 * character (twice as wide on paper) takes one column like a digit, and the data rows line up in characters, not in
 * display width (measured on 广州, 上海, 深圳: to within two characters in characters, not at all in display width).
 * The header's words are placed less well (a line of wide header words squeezed left), so a column's label is read
 * from the words over its cell, and a word pushed left onto its neighbour's is put back in its own cell.
 *
 * <p>Pages are read each on its own (pdftotext lays out each page anew): a page begins at a form feed.
 */
final class SpacedColumns {
    /** An amount of a line, where it is (in characters, form feeds not counted). */
    record Token(int start, int end, String text) {}

    /** How far the right edges of one column's amounts may stray from the next (characters). */
    private static final int JITTER = 3;

    private final int from;
    /** The page (segment) of each line from {@code from} on. */
    private final int[] pageOf;
    /** Per page: the columns' right edges, left to right (each the rightmost edge of its cluster), and their lowest. */
    private final List<int[]> hi = new ArrayList<>(), lo = new ArrayList<>();
    /** Per page: its header lines (after its unit line, before its first line of amounts). */
    private final List<List<Integer>> headerLines = new ArrayList<>();

    private SpacedColumns(int from, int to) {
        this.from = from;
        this.pageOf = new int[Math.max(0, to - from)];
    }

    /** The table's columns, lines {@code from} (inclusive) to {@code to}. */
    static SpacedColumns of(List<String> lines, int from, int to) {
        SpacedColumns s = new SpacedColumns(from, to);
        int page = 0;
        List<Integer> edges = new ArrayList<>();
        List<Integer> header = new ArrayList<>();
        boolean amounts = false;
        for (int k = from; k < to; k++) {
            String raw = lines.get(k);
            if (raw.indexOf('\f') >= 0 && k > from) {
                s.close(edges, header);
                edges = new ArrayList<>();
                header = new ArrayList<>();
                amounts = false;
                page++;
            }
            s.pageOf[k - from] = page;
            List<Token> tok = trailingAmounts(raw);
            if (tok.isEmpty() || tok.size() == 1 && !separated(tok.get(0).text())) {
                if (!amounts) {
                    String sq = ShapeReader.squeeze(raw);
                    if (sq.contains("单位：") || sq.contains("单位:")) header.clear();
                    else if (!sq.isEmpty()) header.add(k);
                }
                continue;
            }
            amounts = true;
            for (Token t : tok) if (separated(t.text()) || t.text().length() >= 4) edges.add(t.end());
        }
        s.close(edges, header);
        return s;
    }

    /** An amount printed with its decimals or thousands separators: no code, serial or row number. */
    private static boolean separated(String t) {
        return t.indexOf('.') >= 0 || t.indexOf(',') >= 0;
    }

    /**
     * The page's columns: the right edges of its amounts, each within {@link #JITTER} of the next (a column's numbers
     * end where it ends, give or take what pdftotext's placing of the words around them moves them), a column at most
     * twice that wide. A column only one amount ends at is no column: a line laid out apart from the others on its
     * page (its last line, moved by a few characters) reads no column of its own.
     */
    private void close(List<Integer> edges, List<Integer> header) {
        edges.sort(null);
        List<Integer> h = new ArrayList<>(), l = new ArrayList<>();
        int count = 0;
        for (int e : edges) {
            if (!h.isEmpty() && e - h.get(h.size() - 1) <= JITTER && e - l.get(l.size() - 1) <= 2 * JITTER) {
                h.set(h.size() - 1, e);
                count++;
                continue;
            }
            if (count == 1) {
                h.remove(h.size() - 1);
                l.remove(l.size() - 1);
            }
            l.add(e);
            h.add(e);
            count = 1;
        }
        if (count == 1) {
            h.remove(h.size() - 1);
            l.remove(l.size() - 1);
        }
        // a page whose amounts mostly do not line up (a text whose amounts were rewritten in place, longer or shorter): no columns
        int placed = 0;
        for (int e : edges) {
            for (int j = 0; j < h.size(); j++) {
                if (e >= l.get(j) - 1 && e <= h.get(j) + 1) {
                    placed++;
                    break;
                }
            }
        }
        if (placed * 4 < edges.size() * 3) {
            h.clear();
            l.clear();
        }
        hi.add(h.stream().mapToInt(Integer::intValue).toArray());
        lo.add(l.stream().mapToInt(Integer::intValue).toArray());
        headerLines.add(header);
    }

    int page(int line) {
        int i = line - from;
        return i >= 0 && i < pageOf.length ? pageOf[i] : -1;
    }

    int columns(int page) {
        return page < 0 || page >= hi.size() ? 0 : hi.get(page).length;
    }

    /** The column of the page an amount ending at {@code end} is in, −1 when none. */
    int column(int page, int end) {
        int[] h = hi.get(page), l = lo.get(page);
        for (int j = 0; j < h.length; j++) if (end >= l[j] - 1 && end <= h[j] + 1) return j;
        return -1;
    }

    boolean hasHeader(int page) {
        return page >= 0 && page < headerLines.size() && !headerLines.get(page).isEmpty();
    }

    /**
     * Each column's label on the page: the header's words over its cell (from the right edge of the column before to
     * its own), line by line from the top. A word squeezed left onto the cell of the word before it on its line (one
     * space between them, both CJK) is put in the next cell. Where a cell holds words of two columns one over the
     * other (a column no row fills, then the column of the amounts: their labels side by side, neither over the
     * other), the column's label is the rightmost of them, the amounts being right-aligned; words above or below it
     * (a group's heading centred over several columns) are part of its label.
     */
    String[] labels(int page, List<String> lines) {
        int[] h = hi.get(page);
        int m = h.length;
        List<List<int[]>> words = new ArrayList<>();   // per cell: {line, start, end, pushed}
        List<List<String>> texts = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            words.add(new ArrayList<>());
            texts.add(new ArrayList<>());
        }
        for (int k : headerLines.get(page)) {
            String raw = lines.get(k).replace('\f', ' ').replace('\u3000', ' ');
            int prevCell = -1, prevEnd = -10;
            char prevLast = ' ';
            for (Token w : words(raw)) {
                int center = (w.start() + w.end() - 1) / 2;
                int cell = 0;
                while (cell < m && center > h[cell]) cell++;
                boolean pushed = false;
                if (cell <= prevCell && w.start() - prevEnd == 1 && cjk(prevLast) && cjk(w.text().charAt(0))) {
                    cell = prevCell + 1;
                    pushed = true;
                }
                prevCell = cell;
                prevEnd = w.end();
                prevLast = w.text().charAt(w.text().length() - 1);
                if (cell >= m) continue;
                words.get(cell).add(new int[]{k, w.start(), w.end(), pushed ? 1 : 0});
                texts.get(cell).add(w.text());
            }
        }
        String[] out = new String[m];
        for (int j = 0; j < m; j++) {
            List<int[]> ws = words.get(j);
            // the cell's words in stacks (words over one another); pushed words join the rightmost stack
            int[] stack = new int[ws.size()];
            for (int a = 0; a < ws.size(); a++) stack[a] = a;
            for (int a = 0; a < ws.size(); a++) {
                if (ws.get(a)[3] == 1) continue;
                for (int b = 0; b < a; b++) {
                    if (ws.get(b)[3] == 1) continue;
                    if (ws.get(a)[1] < ws.get(b)[2] + 1 && ws.get(b)[1] < ws.get(a)[2] + 1) union(stack, a, b);
                }
            }
            // the column's own stack is the rightmost; a stack beside it (on lines it also spans) is another column's,
            // a stack above or below it (a group's heading over several columns) is part of its label
            int best = -1, bestRight = -1;
            for (int a = 0; a < ws.size(); a++) {
                if (ws.get(a)[3] == 1) continue;
                if (ws.get(a)[2] > bestRight) {
                    bestRight = ws.get(a)[2];
                    best = find(stack, a);
                }
            }
            java.util.Map<Integer, int[]> rows = new java.util.HashMap<>();   // stack → {first line, last line}
            for (int a = 0; a < ws.size(); a++) {
                if (ws.get(a)[3] == 1) continue;
                int[] r = rows.computeIfAbsent(find(stack, a), x -> new int[]{Integer.MAX_VALUE, Integer.MIN_VALUE});
                r[0] = Math.min(r[0], ws.get(a)[0]);
                r[1] = Math.max(r[1], ws.get(a)[0]);
            }
            int[] own = best < 0 ? null : rows.get(best);
            StringBuilder sb = new StringBuilder();
            for (int a = 0; a < ws.size(); a++) {
                boolean in = ws.get(a)[3] == 1 || own == null;
                if (!in) {
                    int[] r = rows.get(find(stack, a));
                    in = find(stack, a) == best || r[1] < own[0] || r[0] > own[1];
                }
                if (in) sb.append(ShapeReader.squeeze(texts.get(j).get(a)));
            }
            out[j] = sb.toString();
        }
        return out;
    }

    private static int find(int[] p, int a) {
        while (p[a] != a) a = p[a] = p[p[a]];
        return a;
    }

    private static void union(int[] p, int a, int b) {
        p[find(p, a)] = find(p, b);
    }

    private static boolean cjk(char c) {
        return c >= '\u3000' && c <= '\u9fff' || c >= '\uff00' && c <= '\uffef';
    }

    /** A line's words (runs of non-space), where they are. */
    static List<Token> words(String raw) {
        List<Token> out = new ArrayList<>();
        String s = raw.replace("\f", "");
        int i = 0, n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i)) || i < n && s.charAt(i) == '\u3000') i++;
            int st = i;
            while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\u3000') i++;
            if (i > st) out.add(new Token(st, i, s.substring(st, i)));
        }
        return out;
    }

    /**
     * The amounts a line ends with, where they are: the last run of words that are amounts; the codes a row starts
     * with (205 03 02, 2080505: digits without separators) are not among them.
     */
    static List<Token> trailingAmounts(String raw) {
        List<Token> w = words(raw);
        int k = w.size();
        while (k > 0 && ShapeReader.amount(w.get(k - 1).text())) k--;
        if (k == 0) {
            // a line of codes and amounts only (the name wrapped onto the lines around it): the codes are no amounts
            while (k < w.size() && w.get(k).text().matches("\\d{2,7}")) k++;
        }
        return new ArrayList<>(w.subList(k, w.size()));
    }
}
