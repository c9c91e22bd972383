package org.openbudget.audit.shape;

import static org.openbudget.audit.shape.Cells.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A one-row fixed table printed turned (rows 预算数 / 决算数, a column per item: 西安 2022 决算's 三公 table) in a text laid
 * out by spaces, where a blank cell leaves no trace: its printed columns are the header's row of column numbers
 * ("栏次  1  2 … 8"), each number centred over its column; an amount, printed flush right, is in the last column whose
 * number stands at or before its right end, and the header's words over a column are those nearest its number. The
 * result is what a ruled table gives: per column its header words, per turned row its cells, blank ones kept.
 */
final class TurnedColumns {
    /** Per printed column, the header's words over it (top line first). */
    final List<List<String>> heads;
    /** Per turned row's label (squeezed), its cells, one per printed column ("" when blank). */
    final Map<String, List<String>> cells;

    private TurnedColumns(List<List<String>> heads, Map<String, List<String>> cells) {
        this.heads = heads;
        this.cells = cells;
    }

    /**
     * The columns of a turned table from its header lines and its rows as printed (by label); null when the header
     * prints no row of column numbers, or an amount falls before the first column or in a column another amount of its
     * row is in.
     */
    static TurnedColumns of(List<String> headerLines, Map<String, String> rows) {
        List<Double> centre = new ArrayList<>();
        int numbers = -1;
        for (int i = 0; i < headerLines.size() && numbers < 0; i++) {
            List<SpacedColumns.Token> words = SpacedColumns.words(headerLines.get(i));
            List<Double> c = new ArrayList<>();
            boolean all = !words.isEmpty();
            for (SpacedColumns.Token w : words) {
                if (w.text().equals("栏次") || w.text().equals("行次") || w.text().equals("※")) continue;
                // 1 2 3 … in order
                if (!digits(w.text(), 1, 2) || Integer.parseInt(w.text()) != c.size() + 1) {
                    all = false;
                    break;
                }
                c.add((w.start() + w.end()) / 2.0);
            }
            if (all && c.size() >= 2) {
                centre = c;
                numbers = i;
            }
        }
        if (numbers < 0) return null;
        List<List<String>> heads = new ArrayList<>();
        for (int j = 0; j < centre.size(); j++) heads.add(new ArrayList<>());
        for (int i = 0; i < numbers; i++) {
            for (SpacedColumns.Token w : SpacedColumns.words(headerLines.get(i))) {
                double mid = (w.start() + w.end()) / 2.0;
                int best = 0;
                for (int j = 1; j < centre.size(); j++) if (Math.abs(centre.get(j) - mid) < Math.abs(centre.get(best) - mid)) best = j;
                heads.get(best).add(w.text());
            }
        }
        Map<String, List<String>> cells = new java.util.LinkedHashMap<>();
        for (var e : rows.entrySet()) {
            List<String> row = new ArrayList<>(java.util.Collections.nCopies(centre.size(), ""));
            int last = -1;
            for (SpacedColumns.Token w : SpacedColumns.words(e.getValue())) {
                if (!amount(w.text())) continue;
                int col = -1;
                for (int j = 0; j < centre.size(); j++) if (centre.get(j) <= w.end()) col = j;
                if (col <= last) return null;
                row.set(col, w.text());
                last = col;
            }
            cells.put(e.getKey(), row);
        }
        return new TurnedColumns(heads, cells);
    }
}
