package org.openbudget.audit.shape;

import static org.openbudget.audit.shape.Cells.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.openbudget.audit.origin.SourceLines;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;

/**
 * A table printed as panels side by side, one per column (a 决算's 基本支出表: 人员经费 rows on the left, 公用经费 rows on
 * the right): each line cut into its panels — by where the header prints each panel's 科目编码 in a text laid out by
 * spaces, else by the cells — and each panel's code, name and amount made a row with the amount in that panel's column;
 * names and codes wrapped around a row's line given to it. The rows of each panel are kept apart until the table is done.
 */
final class Panels {
    /** The template's columns: one panel each. */
    private final int n;
    private final SourceLines source;
    /** The table's header rows (tab layout), as the table reads them. */
    private final List<List<String>> header;
    /** An amount as the table reads it (in its unit), null for none. */
    private final Function<String, BigDecimal> number;
    /** A squeezed label that is the table's total line. */
    private final Predicate<String> totalLabel;

    Panels(int n, SourceLines source, List<List<String>> header, Function<String, BigDecimal> number, Predicate<String> totalLabel) {
        this.n = n;
        this.source = source;
        this.header = header;
        this.number = number;
        this.totalLabel = totalLabel;
    }

    /** A header line as printed (a text laid out by spaces): where its second 科目编码 stands parts the panels. */
    void headerLine(String raw) {
        headerRaw.add(raw);
    }

    /**
     * A line of a table printed as panels side by side, one per column (a 决算's 基本支出表: 人员经费 rows on the left,
     * 公用经费 rows on the right): each panel's code, name and amount become a row with the amount in that panel's
     * column; the panels' total labels (人员经费合计 | 公用经费合计) make one total row. The rows of each panel are kept
     * apart and put one panel after the other when the table is done.
     */
    List<Row> rows(String lineRaw, List<String> cells, int currentLine) {
        List<List<String>> slices = panelsByPlace(lineRaw);
        if (slices == null) slices = panelSlices(cells);
        List<Row> out = new ArrayList<>();
        List<BigDecimal> totals = null;
        String totalName = "";
        for (int k = 0; k < slices.size() && (k < n || byPlace || slices.size() == printedPanels()); k++) {
            List<String> slice = slices.get(k);
            // a panel after the template's last column continues it (公用经费's classes over two panels)
            int col = Math.min(k, n - 1);
            StringBuilder code = new StringBuilder();
            String name = "", more = "";
            BigDecimal value = null;
            for (String c : slice) {
                String x = c.trim();
                if (x.isEmpty()) continue;
                if (byPlace && code.length() == 0 && name.isEmpty() && more.isEmpty() && digits(x, 2, 2) && openCode(k).length() % 2 == 1) {
                    more = x;   // the 款 digits of the row above, printed on its name's line ("302" / "01   办公费")
                } else if (name.isEmpty() && (code.length() == 0 ? codeDigits(x) : code.length() < 7 && digits(x, 2, 2))) {
                    code.append(x);
                } else if (amount(x) && !name.isEmpty() || amount(x) && code.length() == 0 && !codeDigits(x)
                        || byPlace && code.length() >= 3 && x.indexOf('.') > 0 && amount(x)) {   // its name wrapped around its line
                    value = number.apply(x);
                } else if (name.isEmpty()) {
                    name = x;
                }
            }
            if (code.length() == 0 && !name.isEmpty()) {
                String[] split = splitCode(name);
                if (split != null) {
                    code.append(split[0]);
                    name = split[1];
                }
            }
            if (code.length() == 0 && name.isEmpty()) {
                // an amount alone in its panel: the row whose code is printed on a line below it (普陀财政局 决算)
                if (byPlace && value != null && more.isEmpty()) amountAbove.put(k, value);
                if (!more.isEmpty()) wrapped(k, col, more, "", null);
                continue;
            }
            if (byPlace && value == null && (code.length() > 0 || totalLabel.test(squeeze(name)) || squeeze(name).endsWith("合计"))) value = amountAbove.get(k);
            amountAbove.remove(k);
            List<BigDecimal> v = new ArrayList<>(Collections.nCopies(n, (BigDecimal) null));
            v.set(col, value);
            if (code.length() == 0) {
                String sq = squeeze(name);
                if (totalLabel.test(sq) || sq.endsWith("合计")) {
                    if (totals == null) totals = new ArrayList<>(Collections.nCopies(n, (BigDecimal) null));
                    totals.set(col, value);
                    totalName = totalName.isEmpty() ? name : totalName + "、" + name;
                } else if (byPlace) {
                    wrapped(k, col, more, name, value);
                }
                continue;
            }
            List<Row> panel = panels.computeIfAbsent(k, x -> new ArrayList<>());
            boolean above = false;
            if (byPlace && name.isEmpty() && nameAbove.containsKey(k)) {
                name = nameAbove.get(k);
                above = true;
            }
            nameAbove.remove(k);
            panel.add(new Row(null, RowKind.CLASS, "", code.toString(), name, "", "", v, source.origin(currentLine, null)));
            // a row whose name is not on its line: the rest of it (or all of it) on the panel's next line; so too a
            // 类's code printed again: a 款's, its digits on the next line ("302  因公出国（境）费" / "12" / "用")
            String own = code.toString();
            boolean again = byPlace && own.length() == 3 && panel.stream().limit(panel.size() - 1).anyMatch(r -> r.code().equals(own));
            if (byPlace && name.isEmpty() || above || again) open.put(k, panel.size() - 1);
            else open.remove(k);
        }
        if (totals != null) out.add(new Row(null, RowKind.TOTAL, "", "", totalName, "", "", totals, source.origin(currentLine, null)));
        return out;
    }

    /**
     * A panel's code or 款 digits alone on its line, more of its row on the line below (普陀财政局 决算: "302  其他商品和服务支"
     * / "99" / "出"): no page number, no row of column numbers.
     */
    boolean digitsLine(String sq, int k, List<String> lines, int to) {
        return source.text() && digits(sq, 2, 3) && k + 1 < to && !lines.get(k + 1).isBlank() && lines.get(k + 1).indexOf('\f') < 0;
    }


    /** The header's lines as printed (a text laid out by spaces). */
    private final List<String> headerRaw = new ArrayList<>();

    /** Whether the panels of the line being read were cut by where its words are printed. */
    private boolean byPlace;

    /** Per panel: the words of a name printed on the lines above its row's code (the code's line names nothing). */
    private final Map<Integer, String> nameAbove = new HashMap<>();

    /** Where each panel after the first begins on the page being read, as its last line with a code in each panel says (empty: not known). */
    private List<Integer> panelCuts = List.of();

    /** Per panel: an amount printed alone, above the line of its row's code. */
    private final Map<Integer, BigDecimal> amountAbove = new HashMap<>();

    /** The code of the panel's row left open ({@link #open}), "" when none. */
    private String openCode(int k) {
        Integer at = open.get(k);
        return at == null ? "" : panels.get(k).get(at).code();
    }

    /** Per panel: its last row, when its name (its rest, or all of it) and its amount may be on the panel's next line. */
    private final Map<Integer, Integer> open = new HashMap<>();

    /**
     * A panel's line without a code (nor a total): the name of a row wrapped around its code's line, or the name
     * and amount of a row whose code is on the line above (普陀 决算: "机关事业单位基本" / "30108   6.18" / "养老保险缴费";
     * "30299" / "其他商品和服务支出   0.20"). It goes to the row left open above it, else waits for the next row's code.
     */
    private void wrapped(int k, int col, String more, String name, BigDecimal value) {
        Integer at = open.remove(k);
        if (at != null) {
            List<Row> panel = panels.get(k);
            Row r = panel.get(at);
            if (!more.isEmpty()) r = r.withCode(r.code() + more);
            if (name.isEmpty() && value == null) {
                // the 款 digits alone: the name still to come on the next line
                panel.set(at, r);
                open.put(k, at);
                return;
            }
            if (value != null && r.value(col) == null) {
                List<BigDecimal> v = new ArrayList<>(r.values());
                v.set(col, value);
                r = r.withValues(v);
            }
            panel.set(at, r.withName(r.name() + name));
            return;
        }
        if (value == null) nameAbove.merge(k, name, String::concat);
    }

    /**
     * A line of a text laid out by spaces cut into the table's panels by where its words are printed: the words from
     * where the header prints each further 经济分类 / 科目编码 on are that panel's — a line may print the later panels
     * only (their rows after the first panel's last). The header may print more panels than the template has columns
     * (西安 决算's 表6: 人员经费 | 公用经费 | 公用经费 continued), its 科目代码 wrapped in its cell ("科目代" / "码"). Null
     * when the table has tabs or its header does not say where the panels begin.
     */
    private List<List<String>> panelsByPlace(String raw) {
        byPlace = false;
        if (n < 2 || raw.indexOf('\t') >= 0 || !source.text()) return null;
        List<Integer> heads = List.of();
        for (String h : headerRaw) {
            List<Integer> starts = SpacedColumns.words(h).stream().filter(w -> panelHead(w.text())).map(SpacedColumns.Token::start).toList();
            if (starts.size() >= n) {
                heads = starts;
                break;
            }
        }
        if (heads.size() < 2) return null;
        String plain = raw.replace("\f", "");
        List<SpacedColumns.Token> words = SpacedColumns.words(plain);
        // a line with a code in each panel says where the panels begin on its page (a page laid out anew moves them)
        List<Integer> found = new ArrayList<>();
        for (int i = 1; i < words.size() && codeDigits(words.get(0).text()) && found.size() < heads.size() - 1; i++) {
            if (codeDigits(words.get(i).text()) && (!codeDigits(words.get(i - 1).text()) || i >= 2)) found.add(Math.max(1, words.get(i).start() - 4));
        }
        if (found.size() == heads.size() - 1) panelCuts = found;
        List<Integer> cuts = new ArrayList<>(panelCuts);
        if (cuts.size() != heads.size() - 1) {
            cuts.clear();
            for (int k = 1; k < heads.size(); k++) cuts.add(Math.max(1, heads.get(k) - 4));
        }
        List<Integer> splits = new ArrayList<>();
        for (int cut : cuts) {
            int split = plain.length();
            for (SpacedColumns.Token w : words) {
                if (w.start() >= cut) {
                    split = w.start();
                    break;
                }
            }
            splits.add(Math.max(split, splits.isEmpty() ? 0 : splits.get(splits.size() - 1)));
        }
        byPlace = true;
        // a line of a page laid out anew (its panels closer together): cut as before, at a code or total label
        // (or whose second panel is an amount alone: its label the first panel's last words, "公用经费合计   184.65")
        if (heads.size() == 2) {
            String left = plain.substring(0, splits.get(0)), right = plain.substring(splits.get(0));
            if (left.contains("合计") && SpacedColumns.words(right).stream().allMatch(w -> amount(w.text()) && w.text().indexOf('.') > 0)) {
                return panelSlices(cells(plain));
            }
        }
        List<List<String>> out = new ArrayList<>();
        int at = 0;
        for (int k = 0; k <= splits.size(); k++) {
            String part = plain.substring(at, k < splits.size() ? splits.get(k) : plain.length());
            out.add(part.isBlank() ? List.of() : cells(part));
            if (k < splits.size()) at = splits.get(k);
        }
        return out;
    }

    /** A header word naming a panel's codes: 经济分类, 科目编码, 科目代码, or the last two cut by their cell ("科目代" / "码"). */
    private static boolean panelHead(String word) {
        return word.contains("经济分类") || word.contains("科目编码") || word.contains("科目代码") || word.equals("科目代") || word.equals("科目编");
    }

    /** How many panels the header prints side by side (科目代码 … once per panel); 0 when it does not say. */
    private int printedPanels = -1;

    /** The cells from one panel's 科目代码 to the next's in the header; 0 when it does not say. */
    private int panelWidth;

    private int printedPanels() {
        if (printedPanels < 0) {
            printedPanels = 0;
            for (List<String> h : header) {
                List<Integer> codes = new ArrayList<>();
                for (int c = 0; c < h.size(); c++) {
                    String sq = squeeze(h.get(c));
                    if (sq.equals("科目代码") || sq.equals("科目编码") || sq.equals("代码") || sq.equals("编码")) codes.add(c);
                }
                if (codes.size() > printedPanels) {
                    printedPanels = codes.size();
                    panelWidth = codes.size() > 1 ? codes.get(1) - codes.get(0) : 0;
                }
            }
        }
        return printedPanels;
    }

    /** Each panel's rows, by panel, in the order read. */
    final Map<Integer, List<Row>> panels = new java.util.TreeMap<>();

    /**
     * A line's cells cut into the panels: as many equal slices as the table has columns when the cells divide evenly
     * (the tab layout keeps blank cells), else cut before each code or total label that follows an amount or a name.
     */
    private List<List<String>> panelSlices(List<String> cells) {
        List<List<String>> out = new ArrayList<>();
        int printed = printedPanels();
        if (printed > n && panelWidth > 0) {
            // more panels printed than the template has columns (the national 表6: 人员经费 | 公用经费 | 公用经费 continued):
            // slices as wide as the header's (科目代码 to the next), blank cells kept, trailing ones the line lost put back
            int m = cells.size();
            while (m > printed * panelWidth && cells.get(m - 1).isBlank()) m--;
            if (m <= printed * panelWidth) {
                List<String> all = new ArrayList<>(cells.subList(0, m));
                while (all.size() < printed * panelWidth) all.add("");
                for (int k = 0; k < printed; k++) out.add(all.subList(k * panelWidth, (k + 1) * panelWidth));
                return out;
            }
        }
        if (cells.stream().anyMatch(String::isEmpty) && cells.size() % n == 0) {
            int w = cells.size() / n;
            for (int k = 0; k < n; k++) out.add(cells.subList(k * w, (k + 1) * w));
            return out;
        }
        List<String> current = new ArrayList<>();
        boolean text = false;
        for (String c : cells) {
            String x = c.trim();
            boolean starts = codeDigits(x) || !amount(x) && (squeeze(x).endsWith("合计") || splitCode(x) != null);
            if (starts && text && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
                text = false;
            }
            current.add(c);
            if (!x.isEmpty() && !(digits(x, 2, 3) || digits(x, 5, 5) || digits(x, 7, 7))) text = true;
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }
}
