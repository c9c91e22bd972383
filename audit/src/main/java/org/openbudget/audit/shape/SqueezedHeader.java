package org.openbudget.audit.shape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A table's header in a text laid out by spaces ({@code pdftotext -layout}) whose words pdftotext squeezed left: it
 * places a word one space after the word before it on its line, and gives a CJK character one column where it is two
 * digits wide on paper, so a run of labels printed cell after cell ("一般公共预 政府性基金 国有资本经 理资金收入", 烟台
 * 教育局's 收入总体情况表) drifts left of the amounts under them, each label standing over its left neighbour's column.
 * The words are read here in their order instead, and placed where they would be were each CJK character two columns
 * wide:
 * <ul>
 *   <li>a word printed one or two spaces after a word of the header (on any of its lines), both CJK, is <em>pushed</em>:
 *       its place is estimated as that word's estimated end and the same spaces; any other word stands where printed;</li>
 *   <li>the words printed over one another (overlapping as printed: a label wrapped in its cell, 一般公共预 / 算收入)
 *       make one label, a word over two words side by side being a heading of several columns, no label's;</li>
 *   <li>the labels are read left to right as printed (pdftotext keeps the order of what it squeezes), each spanning
 *       its words' estimated places.</li>
 * </ul>
 * The page's columns of amounts (only those some row fills) are given labels in that order, each column the label
 * nearest to it (middle against middle) with every column labelled, a label whose place is estimated giving way to one
 * standing where printed when both are as near (a column no row fills squeezed to nothing between its neighbours: its
 * label's estimate falls on the next column, whose own label is printed there).
 */
final class SqueezedHeader {
    /** A label of the header: its words top to bottom, where printed (its leftmost start), its estimated span, whether estimated. */
    record Label(String text, int printed, int start, int end, boolean estimated) {}

    private record Word(int line, int start, int end, String text) {}

    private SqueezedHeader() {}

    /**
     * The labels of a header (its lines as printed, top to bottom), left to right; the words ending left of
     * {@code stub} (where the page's first column of amounts starts: the stub's headings) left out. Empty when no
     * word of it is pushed (a header standing where printed: read by where its words are).
     */
    static List<Label> labels(List<String> header, int stub) {
        List<Word> words = new ArrayList<>();
        for (int k = 0; k < header.size(); k++) {
            for (SpacedColumns.Token t : SpacedColumns.words(header.get(k).replace('\u3000', ' '))) {
                if (t.end() < stub) continue;
                words.add(new Word(k, t.start(), t.end(), t.text()));
            }
        }
        words.sort(Comparator.comparingInt(Word::start).thenComparingInt(Word::line));
        int n = words.size();
        int[] start = new int[n], end = new int[n];
        boolean[] pushed = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            Word b = words.get(i);
            start[i] = b.start();
            for (int a = 0; a < i; a++) {
                Word w = words.get(a);
                int gap = b.start() - w.end();
                if (gap < 1 || gap > 2 || !SpacedColumns.cjk(w.text().charAt(w.text().length() - 1)) || !SpacedColumns.cjk(b.text().charAt(0))) continue;
                if (end[a] + gap > start[i]) start[i] = end[a] + gap;
                pushed[i] = true;
            }
            any |= start[i] != b.start();
            end[i] = start[i] + SpacedColumns.width(b.text());
        }
        if (!any) return List.of();
        // a heading: a word over two words of one line (財政拨款收入 over 一般公共预 and 政府性基金), as printed
        boolean[] heading = new boolean[n];
        for (int x = 0; x < n; x++) {
            for (int a = 0; a < n && !heading[x]; a++) {
                for (int b = a + 1; b < n && !heading[x]; b++) {
                    Word wa = words.get(a), wb = words.get(b);
                    heading[x] = a != x && b != x && wa.line() == wb.line() && wa.line() != words.get(x).line()
                            && over(words.get(x), wa) && over(words.get(x), wb);
                }
            }
        }
        int[] stack = new int[n];
        for (int i = 0; i < n; i++) stack[i] = i;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                if (heading[a] || heading[b] || words.get(a).line() == words.get(b).line()) continue;
                if (over(words.get(a), words.get(b))) SpacedColumns.union(stack, a, b);
            }
        }
        List<Label> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (heading[r] || SpacedColumns.find(stack, r) != r) continue;
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) if (!heading[i] && SpacedColumns.find(stack, i) == r) members.add(i);
            members.sort(Comparator.comparingInt((Integer i) -> words.get(i).line()).thenComparingInt(i -> words.get(i).start()));
            StringBuilder text = new StringBuilder();
            int printed = Integer.MAX_VALUE, lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            boolean estimated = false;
            for (int i : members) {
                text.append(words.get(i).text());
                printed = Math.min(printed, words.get(i).start());
                lo = Math.min(lo, start[i]);
                hi = Math.max(hi, end[i]);
                estimated |= pushed[i];
            }
            out.add(new Label(Cells.squeeze(text.toString()), printed, lo, hi, estimated));
        }
        out.sort(Comparator.comparingInt(Label::printed));
        return out;
    }

    /**
     * Each of the page's columns (its amounts spanning {@code from[j]} to {@code to[j]}) given one of {@code labels}
     * (their indices, in order: a column right of another takes a label right of the other's), the labels nearest in
     * all (twice the distance of the middles, one more for an estimated label's). Null when there are fewer labels than
     * columns.
     */
    static int[] align(List<Label> labels, int[] from, int[] to) {
        int m = from.length, k = labels.size();
        if (m == 0 || k < m) return null;
        long inf = Long.MAX_VALUE / 4;
        // best[j][i]: the least cost of labelling columns 0..j−1 with labels among 0..i−1
        long[][] best = new long[m + 1][k + 1];
        boolean[][] take = new boolean[m + 1][k + 1];
        for (int j = 1; j <= m; j++) best[j][0] = inf;
        for (int j = 0; j <= m; j++) {
            for (int i = 1; i <= k; i++) {
                if (j == 0) continue;
                long skip = best[j][i - 1];
                long with = best[j - 1][i - 1] >= inf ? inf : best[j - 1][i - 1] + cost(labels.get(i - 1), from[j - 1], to[j - 1]);
                best[j][i] = Math.min(skip, with);
                take[j][i] = with <= skip;
            }
        }
        if (best[m][k] >= inf) return null;
        int[] out = new int[m];
        for (int j = m, i = k; j > 0; i--) {
            if (take[j][i]) out[--j] = i - 1;
        }
        return out;
    }

    private static long cost(Label l, int from, int to) {
        return 2L * Math.abs((l.start() + l.end()) - (from + to)) + (l.estimated() ? 1 : 0);
    }

    /** Do the two words overlap as printed? */
    private static boolean over(Word a, Word b) {
        return a.start() < b.end() && b.start() < a.end();
    }
}
