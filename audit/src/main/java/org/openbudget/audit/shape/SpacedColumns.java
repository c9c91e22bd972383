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

    /** How far right of a header word its column's amounts may end (characters): about a column's width. */
    private static final int LABEL_REACH = 16;
    /** How far left of its column's edge pdftotext's squeeze may leave a label (a character and a half: three columns). */
    private static final int SQUEEZE_DRIFT = 3;
    /** How far the right edges of one column's amounts may stray from the next (characters). */
    private static final int JITTER = 3;

    private final int from;
    /** The document's lines (the header's words: {@link #headerColumns}). */
    private List<String> linesRef;
    /** Each amount marks its column (a summary's), not only a line's last run: a column one amount ends at is one too. */
    private boolean every;
    /** The page (segment) of each line from {@code from} on. */
    private final int[] pageOf;
    /** Per page: the columns' right edges, left to right (each the rightmost edge of its cluster), and their lowest. */
    private final List<int[]> hi = new ArrayList<>(), lo = new ArrayList<>();
    /** Per page: its header lines (after its unit line, before its first line of amounts). */
    private final List<List<Integer>> headerLines = new ArrayList<>();
    /** Per page: where its first column of amounts starts (the leftmost start of an amount), MAX_VALUE when none. */
    private final List<Integer> stub = new ArrayList<>();
    /** The header's words joined with those under them ({@link #stackedHeaderWords}). */
    private String stacked = "";

    private SpacedColumns(int from, int to) {
        this.from = from;
        this.pageOf = new int[Math.max(0, to - from)];
    }

    /** The table's columns, lines {@code from} (inclusive) to {@code to}. */
    static SpacedColumns of(List<String> lines, int from, int to) {
        return of(lines, from, to, false);
    }

    /**
     * As above; {@code every}: each amount of a line marks its column, not only the run it ends with — a summary prints
     * its two sides side by side (本年收入 | 本年支出, 西安: three expense blocks), an income amount with the expense
     * side's label after it.
     */
    static SpacedColumns of(List<String> lines, int from, int to, boolean every) {
        SpacedColumns s = new SpacedColumns(from, to);
        s.every = every;
        s.linesRef = lines;
        int page = 0;
        List<Integer> edges = new ArrayList<>();
        List<int[]> lineEdges = new ArrayList<>();
        List<Integer> header = new ArrayList<>();
        boolean amounts = false;
        s.stub.add(Integer.MAX_VALUE);
        for (int k = from; k < to; k++) {
            String raw = lines.get(k);
            if (raw.indexOf('\f') >= 0 && k > from) {
                s.close(edges, lineEdges, header);
                edges = new ArrayList<>();
                lineEdges = new ArrayList<>();
                header = new ArrayList<>();
                amounts = false;
                page++;
                s.stub.add(Integer.MAX_VALUE);
            }
            s.pageOf[k - from] = page;
            List<Token> tok = every ? amounts(raw) : trailingAmounts(raw);
            if (tok.isEmpty() || tok.size() == 1 && !separated(tok.get(0).text())) {
                if (!amounts) {
                    String sq = Cells.squeeze(raw);
                    if (sq.contains("单位：") || sq.contains("单位:")) header.clear();
                    else if (!sq.isEmpty()) header.add(k);
                }
                continue;
            }
            amounts = true;
            int before = edges.size();
            for (Token t : tok) {
                // a summary's amounts anywhere on a line: only those with decimals or separators (a header's 2026 年预算数 is none)
                if (separated(t.text()) || !every && t.text().length() >= 4 || !every && WholeZeros.underColumn(t, tok, header, lines)) {
                    edges.add(t.end());
                    if (t.start() < s.stub.get(page)) s.stub.set(page, t.start());
                }
            }
            lineEdges.add(edges.subList(before, edges.size()).stream().mapToInt(Integer::intValue).toArray());
        }
        s.close(edges, lineEdges, header);
        s.stacked = stacked(s.headerLines, lines);
        return s;
    }

    /**
     * A row printed over two lines: some of its cells a little higher on the page than the others, pdftotext puts them
     * on a line of their own just above the row's line (普陀 决算's 支出决算表: "1,503.52   603.14" over
     * "201  一般公共服务支出  2,106.66", its 基本支出 and 项目支出 over its 合计; its 合计 row's amounts on two lines over
     * its label; a summary's 决算数 over its label). A line of amounts only joins the line below it when that line
     * starts left of them, has amounts too and leaves blank every place the amounts are printed at — a row of its own
     * would fill the same columns as the row below it (its 合计 at least). Returns the lines changed (the amounts put
     * where they are printed on the line below, their own line left blank); none when no line joins.
     */
    static java.util.Map<Integer, String> joinSplitRows(List<String> lines, int from, int to) {
        java.util.Map<Integer, String> out = new java.util.HashMap<>();
        for (int k = from; k + 1 < to; k++) {
            String upper = out.getOrDefault(k, lines.get(k)), lower = lines.get(k + 1);
            if (upper.indexOf('\f') >= 0 || lower.indexOf('\f') >= 0) continue;
            List<Token> up = words(upper);
            if (up.isEmpty() || up.stream().anyMatch(w -> !Cells.amount(w.text())) || up.stream().noneMatch(w -> separated(w.text()))) continue;
            // (an amount cut after one decimal is the first part of an amount wrapped in its cell: joinWrappedAmounts's)
            if (up.stream().anyMatch(w -> ONE_DECIMAL.matcher(w.text()).matches())) continue;
            List<Token> below = words(lower);
            if (below.isEmpty() || below.get(0).start() >= up.get(0).start() || amounts(lower).stream().noneMatch(w -> separated(w.text()))) continue;
            boolean free = true;
            for (Token t : up) {
                for (int c = Math.max(0, t.start() - 1); free && c < Math.min(lower.length(), t.end() + 1); c++) free = lower.charAt(c) == ' ';
            }
            if (!free) continue;
            StringBuilder joined = new StringBuilder(lower);
            for (Token t : up) {
                while (joined.length() < t.end()) joined.append(' ');
                joined.replace(t.start(), t.end(), t.text());
            }
            out.put(k, "");
            out.put(k + 1, joined.toString());
        }
        return out;
    }

    /**
     * A name printed up to its row's first amount, no space between (西安 2022 表5: "2080506   机关事业单位职业年金缴费支出43608.96
     * 43608.96  0  0", the name as wide as its cell): the amount parted from the name, where it is printed — a space put
     * before it and one of the spaces after it taken (it then ends a character further right, within its column). Only
     * an amount with its decimals or separators, after a CJK character, followed by two spaces or more and another
     * amount. Returns the lines changed.
     */
    static java.util.Map<Integer, String> partGluedAmounts(List<String> lines, int from, int to) {
        java.util.Map<Integer, String> out = new java.util.HashMap<>();
        for (int k = from; k < to; k++) {
            String raw = lines.get(k);
            java.util.regex.Matcher g = GLUED_AMOUNT.matcher(raw);
            if (!g.find()) continue;
            out.put(k, raw.substring(0, g.start(1)) + " " + g.group(1) + raw.substring(g.end(1) + 1));
        }
        return out;
    }

    /** A CJK character, then an amount with its decimals or separators, then two spaces or more and another amount. */
    private static final java.util.regex.Pattern GLUED_AMOUNT = java.util.regex.Pattern.compile(
            "[\\u4e00-\\u9fff）)](-?\\d{1,3}(?:,\\d{3})++(?:\\.\\d++)?|-?\\d++\\.\\d++)(?= {2,}-?\\d)");

    /** An amount printed with one decimal: cut where its cell wraps ("175,400.5" over "9"). */
    private static final java.util.regex.Pattern ONE_DECIMAL = java.util.regex.Pattern.compile("\\d{1,3}(?:,\\d{3})*\\.\\d|\\d+\\.\\d");

    /** A line with amounts: a row's (its amounts, beyond a lone number without separators: a serial, a line number). */
    static boolean amountLine(String raw) {
        List<Token> tok = trailingAmounts(raw);
        return !(tok.isEmpty() || tok.size() == 1 && !separated(tok.get(0).text()));
    }

    /**
     * A row whose name is wrapped in its cell: pdftotext prints the amounts on the middle line of the cell, the name's
     * lines above and below it (机关事业单位基本养老保险缴 / 2080505  527.05 … / 费支出), the lines of a name of two
     * lines around a line of amounts alone. Each row takes as many of the name's lines below it as above it (one
     * below at least when its own line names nothing); the lines between two rows not taken by the upper one are the
     * lower one's. A name line is a line without amounts whose words start left of the page's first column of amounts
     * (the words right of it, another column's text, are left out), no code, total, note or mark. Returns the lines
     * changed: a row's line with its whole name (its code first, then the name, then its amounts as printed), each
     * name line taken blank. A line whose words are a row of their own ({@code ownRow}: a fixed table's template line
     * printed blank, 公务接待费 above 公务用车购置及运行费) is no name line.
     */
    java.util.Map<Integer, String> unwrap(List<String> lines, java.util.function.Predicate<String> ownRow) {
        java.util.Map<Integer, String> out = new java.util.HashMap<>();
        int k = from, to = from + pageOf.length;
        List<String> work = joinWrappedAmounts(lines, out);
        while (k < to) {
            int page = pageOf[k - from], end = k;
            while (end < to && pageOf[end - from] == page) end++;
            int[] l = lo.get(page);
            // (another column's text right of the amounts starts where the last column's amounts end, or after)
            unwrapPage(work, k, end, stub.get(page), l.length == 0 ? Integer.MAX_VALUE : l[l.length - 1], ownRow, out);
            k = end;
        }
        codesBetweenNames(lines, from, to, out);
        return out;
    }

    /**
     * An amount wrapped in its cell: pdftotext prints its last digits on the line below the line above the row's
     * amounts ("深圳市交通运输局（本   376,936.6" / "           372,569.82 …" / "级）        0"; "175,400.5" / "轨道交通管理 …
     * 175,204.09" / "9"). An amount with one decimal ending a line, the line below it a row's amounts with nothing
     * under it, the line after ending with one or two digits under it: the whole amount (376,936.60) is put on the
     * row's line where its first part is printed, and taken off the lines around. Returns the lines as joined; the
     * lines changed are put in {@code out}.
     */
    private List<String> joinWrappedAmounts(List<String> lines, java.util.Map<Integer, String> out) {
        List<String> work = new ArrayList<>(lines);
        int to = from + pageOf.length;
        for (int b = from + 1; b + 1 < to; b++) {
            if (pageOf[b - 1 - from] != pageOf[b + 1 - from] || !amountLine(work.get(b))) continue;
            List<Token> above = words(work.get(b - 1)), below = words(work.get(b + 1));
            if (above.isEmpty() || below.isEmpty()) continue;
            Token x = above.get(above.size() - 1), y = below.get(below.size() - 1);
            if (!ONE_DECIMAL.matcher(x.text()).matches() || !y.text().matches("\\d{1,2}")) continue;
            String whole = x.text() + y.text();
            if (y.start() < x.start() || y.start() > x.end() || !whole.matches("\\d{1,3}(?:,\\d{3})*\\.\\d{2}|\\d+\\.\\d{2}")) continue;
            String row = work.get(b).replace("\f", "");
            int end = x.start() + whole.length();
            if (row.length() > x.start() && !row.substring(x.start(), Math.min(row.length(), end + 1)).isBlank()) continue;
            StringBuilder line = new StringBuilder(row);
            while (line.length() < end) line.append(' ');
            line.replace(x.start(), end, whole);
            work.set(b, (work.get(b).indexOf('\f') >= 0 ? "\f" : "") + line);
            work.set(b - 1, blankOut(work.get(b - 1), x));
            work.set(b + 1, blankOut(work.get(b + 1), y));
            for (int k = b - 1; k <= b + 1; k++) {
                out.put(k, work.get(k));
                joined.put(k, work.get(k));
            }
        }
        return work;
    }

    /** Lines whose amount wrapped in its cell was joined ({@link #joinWrappedAmounts}), as joined: words where printed. */
    private final java.util.Map<Integer, String> joined = new java.util.HashMap<>();

    /** Line {@code k} with its words where they are printed (an amount wrapped in its cell joined). */
    String positioned(int k, List<String> lines) {
        return joined.getOrDefault(k, lines.get(k));
    }

    /** The line with a word of it blanked (its form feed kept). */
    private static String blankOut(String raw, Token w) {
        String plain = raw.replace("\f", "");
        return (raw.indexOf('\f') >= 0 ? "\f" : "") + (plain.substring(0, w.start()) + " ".repeat(w.end() - w.start()) + plain.substring(w.end())).stripTrailing();
    }

    /**
     * A row without amounts whose name is wrapped around its code's line (a template's rows, printed blank: "其他文化旅游体育与传媒支"
     * / "20799" / "出"; "其他文化旅游" / "20799  体育与传媒支" / "出"): a line of a code, alone or with the name's middle
     * words, between two lines of words only, all starting right of the code and at the same place, is the code then
     * the name. The lines taken are left blank.
     */
    private static void codesBetweenNames(List<String> lines, int from, int to, java.util.Map<Integer, String> out) {
        for (int k = from + 1; k + 1 < to; k++) {
            if (out.containsKey(k - 1) || out.containsKey(k) || out.containsKey(k + 1)) continue;
            List<Token> code = words(lines.get(k));
            if (code.isEmpty() || !Cells.digits(code.get(0).text(), 3, 7) || code.get(0).text().length() % 2 == 0) continue;
            List<Token> above = words(lines.get(k - 1)), below = words(lines.get(k + 1)), middle = code.subList(1, code.size());
            if (!nameOnly(above) || !nameOnly(below) || !middle.isEmpty() && !nameOnly(middle) || lines.get(k).indexOf('\f') >= 0 || lines.get(k + 1).indexOf('\f') >= 0) continue;
            int at = above.get(0).start();
            if (at <= code.get(0).end() || Math.abs(below.get(0).start() - at) > 2 || !middle.isEmpty() && Math.abs(middle.get(0).start() - at) > 2) continue;
            String mid = middle.isEmpty() ? "" : lines.get(k).replace("\f", "").substring(middle.get(0).start()).trim();
            out.put(k - 1, "");
            out.put(k, code.get(0).text() + "  " + lines.get(k - 1).trim() + mid + lines.get(k + 1).trim());
            out.put(k + 1, "");
        }
    }

    /** Words of a name only: no amount, no code, not a total, a level word or a note. */
    private static boolean nameOnly(List<Token> w) {
        if (w.isEmpty()) return false;
        for (Token t : w) {
            String x = t.text();
            if (Cells.amount(x) || !cjk(x.charAt(0)) || x.contains("合计") || x.contains("总计") || x.startsWith("注") || levelWords(x)) return false;
        }
        return true;
    }

    /** A stub's heading naming its projects: 项目 first, or followed by what it heads (项目类别, 项目名称). */
    private static final java.util.regex.Pattern PROJECT_HEADING = java.util.regex.Pattern.compile("^项目|项目(?:类别|名称|编码|代码)");

    /** Two spaces or more: where a line's cells part. */
    private static final java.util.regex.Pattern CELL_GAP = java.util.regex.Pattern.compile("\\s{2,}");

    private static final java.util.regex.Pattern LEADING_CODE = java.util.regex.Pattern.compile("^\\s*+(?:\\d{3}(?:\\s++\\d{2}(?=\\s|$)){0,2}|\\d{5}|\\d{7}|\\d{2})(?=\\s|$)");

    private void unwrapPage(List<String> lines, int from, int to, int limit, int textFrom, java.util.function.Predicate<String> ownRow, java.util.Map<Integer, String> out) {
        if (limit == Integer.MAX_VALUE) return;
        // kinds: 'A' a row's line, 'F' a name line, 'T' a line of another column's text only, 'X' anything else
        char[] kind = new char[to - from];
        String[] part = new String[to - from];
        int[] partStart = new int[to - from], partEnd = new int[to - from];
        String[] codeOf = new String[to - from];
        boolean body = false;
        for (int k = from; k < to; k++) {
            String raw = lines.get(k);
            if (amountLine(raw)) {
                if (!body) textAbove(lines, from, k, limit, textFrom, kind, out);
                kind[k - from] = 'A';
                body = true;
                continue;
            }
            kind[k - from] = 'X';
            if (!body) continue;
            List<Token> w = words(raw);
            if (w.isEmpty()) continue;
            // the words left of the first column of amounts, spaced as printed
            int cut = 0;
            for (Token t : w) if (t.start() < limit - 1) cut = t.end();
            String left = raw.replace("\f", "").substring(0, cut).trim();
            if (left.isEmpty()) {
                kind[k - from] = 'T';
                out.put(k, "");   // another column's text (广州's 绩效目标 beside its projects): no row
                continue;
            }
            String sq = Cells.squeeze(left);
            String plain = raw.replace("\f", "");
            java.util.regex.Matcher code = LEADING_CODE.matcher(plain);
            if (code.find()) {
                // a code on a line of its own, or with the name's last words (西安 2021: "2013302       事务" under
                // "一般行政管理    30,964,000.00 …"): perhaps the code of the row above, printed at the foot of its cell
                String digits = Cells.noSpace(code.group());
                if (digits.length() == 3 || digits.length() == 5 || digits.length() == 7) {
                    kind[k - from] = 'C';
                    codeOf[k - from] = digits;
                    part[k - from] = cut > code.end() ? plain.substring(code.end(), cut).trim() : "";
                }
                continue;
            }
            if (sq.equals("合计") || sq.equals("总计")) {
                // a total's label alone, its amounts on a line above it (普陀 决算: "2,946.25  2,940.05 … 6.20" / "类 款 项" / "合计")
                kind[k - from] = 'S';
                part[k - from] = sq;
                continue;
            }
            if (levelWords(sq) && printsLevels(lines, this.from, this.from + pageOf.length)) {
                // the header's 类 款 项 printed among the rows (between a total's amounts and its label): no row (but a
                // name's last character in a table without level columns: 广州 表12's "财政出资项目的结算专" / amounts / "项")
                kind[k - from] = 'T';
                out.put(k, "");
                continue;
            }
            if (sq.startsWith("注") || sq.contains("：") || sq.contains(":") || sq.contains("合计") || sq.contains("总计")
                    || Cells.markNumber(sq) != null || sq.matches("[—–\\-－]*\\d{1,4}[—–\\-－]*") || ownRow.test(left)) continue;
            kind[k - from] = 'F';
            part[k - from] = left;
            partEnd[k - from] = cut;
            partStart[k - from] = cut - left.length();
        }
        // the width a name wraps at: its name lines' widest (a wrapped line fills its cell; a line narrower by more
        // than a character ends its name)
        int wrap = 0;
        for (int k = from; k < to; k++) {
            if (kind[k - from] == 'F') wrap = Math.max(wrap, width(part[k - from]));
            // a row's own name with a name line under it (烟台统计局: "99  其他行政事业单位医疗支  18.99 …" / "出")
            if (kind[k - from] == 'A' && k + 1 < to && kind[k + 1 - from] == 'F') {
                List<Token> tok = trailingAmounts(lines.get(k));
                String stubText = lines.get(k).replace("\f", "").substring(0, tok.get(0).start());
                java.util.regex.Matcher code = LEADING_CODE.matcher(stubText);
                // (its name cell only: a second classification's code and name may follow, two spaces or more apart)
                String own = stubText.substring(code.find() ? code.end() : 0).trim().split("\\s{2,}")[0];
                wrap = Math.max(wrap, width(own));
            }
        }
        // a row whose code is printed at the foot of its cell, below its amounts (西安 2021): the page's rows are read
        // from their amounts' line down, a name wrapped below its amounts the row's own (not the next row's)
        int[] foot = new int[to - from];
        java.util.Arrays.fill(foot, -1);
        boolean footCodes = false;
        // where those codes end: a code printed right of it is a crossed table's second classification's (CrossedStub)
        int codesEnd = -1;
        for (int k = from; k < to; k++) {
            java.util.regex.Matcher m = kind[k - from] == 'C' ? LEADING_CODE.matcher(lines.get(k).replace("\f", "")) : null;
            if (m != null && m.find()) codesEnd = Math.max(codesEnd, m.end());
        }
        for (int k = from; k < to; k++) {
            if (kind[k - from] != 'C') continue;
            int a = k - 1;
            while (a >= from && (kind[a - from] == 'F' || kind[a - from] == 'T')) a--;
            if (a < from || kind[a - from] != 'A' || !stubCode(lines.get(a)).isEmpty() && !secondOnly(lines.get(a), codesEnd)) continue;
            foot[a - from] = k;
            footCodes = true;
        }
        boolean[] bare = new boolean[to - from];
        for (int k = from; k < to; k++) {
            if (kind[k - from] != 'A') continue;
            String plain = lines.get(k).replace("\f", "");
            bare[k - from] = plain.substring(0, trailingAmounts(plain).get(0).start()).isBlank();
        }
        boolean[] first = FirstLineIndent.of(kind, partStart, bare);
        int takenBelow = 0;   // name lines the row above took below it
        int prev = -1;
        for (int a = from; a < to; a++) {
            if (kind[a - from] != 'A') continue;
            List<Integer> up = new ArrayList<>(), down = new ArrayList<>();
            if (prev >= 0) {
                for (int k = a - 1; k > prev; k--) {
                    char c = kind[k - from];
                    if (c == 'F') up.add(0, k);
                    else if (c != 'T') break;
                }
                // the ones the row above took are not this one's (when its lines below run on to this row)
                boolean run = true;
                for (int k = prev + 1; k < a; k++) if (kind[k - from] == 'X' || kind[k - from] == 'C') run = false;
                if (run) up = new ArrayList<>(up.subList(Math.min(up.size(), takenBelow), up.size()));
                up = new ArrayList<>(FirstLineIndent.fromLastStart(up, from, first));
            }
            for (int k = a + 1; k < to; k++) {
                char c = kind[k - from];
                if (c == 'F') down.add(k);
                else if (c != 'T') break;
            }
            String raw = lines.get(a), plain = raw.replace("\f", "");
            List<Token> tok = trailingAmounts(raw);
            String stubText = plain.substring(0, tok.get(0).start());
            java.util.regex.Matcher code = LEADING_CODE.matcher(stubText);
            String codePart = code.find() ? code.group().trim() : "";
            String own = stubText.substring(codePart.isEmpty() ? 0 : code.end()).trim();
            if (footCodes && foot[a - from] < 0) {
                // its lines below run to a code at the foot of its cell (the row's code printed on its own last line)
                for (int k = a + 1; k < to && foot[a - from] < 0 && codePart.isEmpty(); k++) {
                    if (kind[k - from] == 'C') foot[a - from] = k;
                    else if (kind[k - from] != 'F' && kind[k - from] != 'T') break;
                }
            }
            if (own.isEmpty() && codePart.isEmpty()) {
                // a line of amounts alone whose label is printed below it, under the header's 类 款 项 (a total's)
                int k = a + 1;
                while (k < to && kind[k - from] == 'T') k++;
                if (k < to && kind[k - from] == 'S') {
                    String amounts = plain.substring(tok.get(0).start());
                    out.put(a, (raw.indexOf('\f') >= 0 ? "\f" : "") + part[k - from] + "  " + amounts.trim());
                    out.put(k, "");
                    prev = a;
                    takenBelow = 0;
                    continue;
                }
            }
            int footLine = foot[a - from];
            // a crossed table's second classification's code on the row's line, as long as the row's own (at the foot of
            // its cell, or before its name): the row's name is left of it, on each of its lines (CrossedStub)
            boolean secondFirst = !codePart.isEmpty() && secondOnly(raw, codesEnd);
            String ownCode = footLine >= 0 ? codeOf[footLine - from] : secondFirst ? "" : Cells.noSpace(codePart);
            int after = footLine >= 0 && (codePart.isEmpty() || secondFirst) ? codesEnd : codePart.isEmpty() || secondFirst ? -1 : code.end();
            int second = after >= 0 && !ownCode.isEmpty() ? CrossedStub.secondCode(stubText, after, ownCode.length()) : -1;
            String secondText = "";
            if (second >= 0) {
                if (secondFirst) codePart = "";
                own = stubText.substring(codePart.isEmpty() ? 0 : code.end(), second).trim();
                secondText = stubText.substring(second).trim();
            }
            // (or its own line the name's end, narrower than the wrap, and the line above as wide as it: 烟台统计局
            // "其他行政事业单位养老支" / "99   出   2.24 …")
            int ownStart = own.isEmpty() ? -1 : plain.indexOf(own, codePart.isEmpty() ? 0 : code.end());
            boolean ends = !own.isEmpty() && wrap > 0 && width(own) < wrap - 2 && !LEADING_CODE.matcher(own).find();
            // (the line above it: another column's text passed over, 广州's 绩效目标 printed between a name's lines)
            int over = a - 1;
            while (over > from && kind[over - from] == 'T') over--;
            List<Token> above = over >= from ? words(lines.get(over)) : List.of();
            if (prev < 0 && (own.isEmpty() && footLine >= 0 || !down.isEmpty()
                    || ends && !above.isEmpty() && width(lines.get(over)) >= wrap - 2 && Math.abs(above.get(0).start() - ownStart) <= 2 * JITTER) && over >= from) {
                // the page's first row, its name's first line above its amounts (西安 2021: "机关事业单位" over a line of
                // amounts alone, "2080505  基本养老保险缴费支出" under it; 深圳人社: "深圳市社会保险基金管理局" / amounts /
                // "（本级）"; 广州 交通运输局: "广州市交通工程质量监督" / "站（广州市交通工程造价   2,121.07 …" / "管理站）"),
                // as many lines of it above as below (广州 交通运输局: "城维计划-车陂路-新滘" / "东路隧道工程（黄埔大道至" /
                // amounts / "新港东路）可用性服务及维" / "护绩效服务项目"), another column's text between them passed over
                for (int n = 0; n < Math.max(1, down.size()) && over >= from; n++) {
                    String left = stubName(lines.get(over), limit, textFrom);
                    if (left == null) break;
                    part[over - from] = left;
                    up.add(0, over);
                    over--;
                    while (over > from && kind[over - from] == 'T') over--;
                }
            }
            // (a name's end on its own line: the lines under it in its cell are the next row's; not those of another
            // column, a project's name beside it: 乌鲁木齐's 项目支出 tables)
            int below = ends && startsUnder(partStart, down, from, ownStart) ? 0 : Math.min(down.size(), own.isEmpty() ? Math.max(up.size(), 1) : up.size());
            if (below < down.size() && down.get(down.size() - 1) + 1 < to && kind[down.get(down.size() - 1) + 1 - from] == 'A') {
                // the name lines between this row and the next: those down to the last that ends a name (narrower than
                // the wrap) and is followed by another are this row's, the next row's name starting after it (烟台司法局: "05  机关事业单位基本养老保
                // 511.71 …" / "险缴费支出" / "机关事业单位职业年金缴" / "06  74.00 …" / "费支出")
                for (int i = down.size() - 2; i >= below; i--) {
                    if (width(part[down.get(i) - from]) < wrap - 2) {
                        below = i + 1;
                        break;
                    }
                }
            }
            if (below < down.size() && !down.isEmpty() && nobodyElses(kind, down.get(down.size() - 1) + 1 - from)
                    && ownStart >= 0 && startsUnder(partStart, down, from, ownStart)) {
                // the name's lines below it, a blank line after them: the next row cannot take them (烟台: "03  政府办公厅（室）及相关机
                // 8,105.31 …" / "构事务" / ""), they are its own when they start where its name does
                below = down.size();
            }
            // codes at the foot of the cells: the name's lines below the amounts, down to the code, are the row's own;
            // so too a row's whole name below its code and amounts (普陀 决算: "208 05 05  160.75 …" / "机关事业单位基本养老保险" / "缴费支出")
            // (not the page's first row, whose lines above are not looked at: its name may run above it too)
            if (footCodes || own.isEmpty() && up.isEmpty() && !codePart.isEmpty() && prev >= 0 && a > from && kind[a - 1 - from] != 'F') below = down.size();
            below = Math.min(below, FirstLineIndent.before(down, from, first));   // (not the next name's first line, indented)
            if (own.isEmpty() && up.isEmpty() && below == 0 && footLine < 0) { prev = a; takenBelow = 0; continue; }
            if (!up.isEmpty() || below > 0 || footLine >= 0) {
                StringBuilder name = new StringBuilder(), secondName = new StringBuilder(secondText);
                for (int k : up) {
                    if (second < 0) name.append(part[k - from].trim());
                    else name.append(crossed(lines.get(k), partStart[k - from], partEnd[k - from], second, secondName));
                }
                // the row's own words another cell's, a code and its name right of its name's lines (烟台 公开表10: "301   08" and the 政府预算支出经济分类's
                // "501   02   社会保障缴费" on the line of amounts, "机关事业单位基本养老保" / "险缴费" above and below it)
                int partsEnd = -1;
                for (int k : up) partsEnd = Math.max(partsEnd, partEnd[k - from]);
                for (int i = 0; i < below; i++) partsEnd = Math.max(partsEnd, partEnd[down.get(i) - from]);
                boolean apart = ownStart > partsEnd + 1 && partsEnd >= 0 && LEADING_CODE.matcher(own).find();
                // (the further cells of its own line right of where its name's lines end: 烟台 公开表11's 项目类别, "…随班就读残疾学
                // 特定目标类  94.50 …" / "生生均公用经费" — the lines join its name, the 项目类别 stays a cell after it)
                java.util.regex.Matcher gap = CELL_GAP.matcher(own);
                int rest = !apart && partsEnd >= 0 && gap.find() && ownStart + gap.end() > partsEnd + 1 ? gap.start() : own.length();
                if (!apart) name.append(own, 0, rest);
                for (int i = 0; i < below; i++) {
                    int k = down.get(i);
                    if (second < 0) name.append(part[k - from].trim());
                    else name.append(crossed(lines.get(k), partStart[k - from], partEnd[k - from], second, secondName));
                }
                if (apart) name.append("  ").append(own);
                else if (rest < own.length()) name.append("  ").append(own.substring(rest).trim());
                if (footLine >= 0) {
                    java.util.regex.Matcher fc = LEADING_CODE.matcher(lines.get(footLine).replace("\f", ""));
                    if (second < 0 || !fc.find()) name.append(part[footLine - from]);
                    else name.append(crossed(lines.get(footLine), fc.end(), CrossedStub.stubEnd(lines.get(footLine), limit), second, secondName));
                    codePart = codeOf[footLine - from];
                    out.put(footLine, "");
                }
                if (second >= 0) name.append("  ").append(secondName);
                String amounts = plain.substring(tok.get(0).start());
                out.put(a, (raw.indexOf('\f') >= 0 ? "\f" : "") + (codePart.isEmpty() ? "" : codePart + "  ") + name + "  " + amounts.trim());
                for (int k : up) out.put(k, "");
                for (int i = 0; i < below; i++) out.put(down.get(i), "");
            }
            takenBelow = below;
            prev = a;
        }
    }

    /** A line of a crossed row's stub between {@code from} and {@code to}: its name's words, those from {@code second} on added to the second's. */
    private static String crossed(String line, int from, int to, int second, StringBuilder secondName) {
        String[] p = CrossedStub.part(line, from, to, second);
        secondName.append(p[1]);
        return p[0];
    }

    /** Does the line's stub start with a code printed right of where the page's own codes end (a second classification's only)? */
    private static boolean secondOnly(String line, int codesEnd) {
        String plain = line.replace("\f", "");
        return codesEnd >= 0 && plain.length() - plain.stripLeading().length() >= codesEnd;
    }

    /**
     * A line of a stub's name: its words (those from {@code textFrom} on, another column's text, left out) all left of
     * the page's first column of amounts {@code limit}, no amount, not the header's (a stub's heading, the levels' 类 款 项,
     * a total). Its words as printed; null when it is none.
     */
    private static String stubName(String line, int limit, int textFrom) {
        boolean stubOnly = false;
        int cut = 0;
        for (Token t : words(line)) {
            if (t.start() >= textFrom) continue;
            stubOnly = t.end() < limit && !Cells.amount(t.text()) && (stubOnly || cut == 0);
            cut = t.end();
            if (!stubOnly) break;
        }
        if (!stubOnly) return null;
        String left = line.replace("\f", "").substring(0, cut).trim();
        String sq = Cells.squeeze(left);
        // (a stub's heading is none: 项目, 项目名称, 支出项目类别 — but a name may hold 项目: 广州市中心区交通项目管理 / 中心)
        boolean heading = sq.contains("科目") || sq.contains("编码") || sq.contains("名称") || sq.contains("单位：")
                || PROJECT_HEADING.matcher(sq).find() || levelWords(sq) || sq.contains("合计") || sq.contains("总计");
        return heading ? null : left;
    }

    /**
     * Another column's text printed above a page's first row (广州's 绩效目标, a paragraph beside the project whose
     * amounts are on the page's first line of amounts, its first lines above them): the lines just above the page's
     * first line of amounts {@code first} whose words all start where its last column's amounts end or right of it
     * ({@code textFrom}: pdftotext prints such a line a character left of the text beside the amounts), up to the header
     * (a line with a word left of that column that is no name of the stub's: a stub's line, its words left of the first
     * column of amounts, is the first row's name and is passed over). They are no rows and no part of a name: kind 'T',
     * blanked.
     */
    private static void textAbove(List<String> lines, int from, int first, int limit, int textFrom, char[] kind, java.util.Map<Integer, String> out) {
        for (int k = first - 1; k >= from; k--) {
            List<Token> w = words(lines.get(k));
            if (w.isEmpty() || lines.get(k).indexOf('\f') >= 0) break;
            if (w.get(0).start() >= textFrom) {
                kind[k - from] = 'T';
                out.put(k, "");
                continue;
            }
            // a stub's line (the first row's name), perhaps with another column's text right of the amounts
            boolean stub = true;
            for (Token t : w) stub &= t.end() < limit || t.start() >= textFrom;
            if (!stub) break;
        }
    }

    /** A text's width on paper, in half-width characters (a CJK character two). */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) w += cjk(s.charAt(i)) ? 2 : 1;
        return w;
    }

    /** Whether the lines from {@code i} on (another column's text skipped) reach a blank line or the page's end before a row. */
    private static boolean nobodyElses(char[] kind, int i) {
        while (i < kind.length && kind[i] == 'T') i++;
        return i >= kind.length || kind[i] == 'X';
    }

    /** Whether each of the name's lines {@code down} starts within a few characters of the row's name at {@code start} (no note). */
    private static boolean startsUnder(int[] partStart, List<Integer> down, int from, int start) {
        for (int k : down) if (Math.abs(partStart[k - from] - start) > 2 * JITTER) return false;
        return true;
    }

    /** Whether a line of the table names two level columns or more (类 款 项 as words of their own, "类款项"). */
    private static boolean printsLevels(List<String> lines, int from, int to) {
        for (int k = from; k < to; k++) {
            int chars = 0;
            for (Token t : words(lines.get(k))) if (levelWords(t.text())) chars += t.text().length();
            if (chars >= 2) return true;
        }
        return false;
    }

    /** 类, 款 and 项 only (the level columns' header words), one or more. */
    private static boolean levelWords(String sq) {
        if (sq.isEmpty()) return false;
        for (int i = 0; i < sq.length(); i++) if ("类款项".indexOf(sq.charAt(i)) < 0) return false;
        return true;
    }

    /** The code a row's line starts with, before its amounts ("" when none). */
    private static String stubCode(String raw) {
        List<Token> tok = trailingAmounts(raw);
        String plain = raw.replace("\f", "");
        java.util.regex.Matcher code = LEADING_CODE.matcher(tok.isEmpty() ? plain : plain.substring(0, tok.get(0).start()));
        return code.find() ? code.group().trim() : "";
    }

    /** An amount printed with its decimals or thousands separators: no code, serial or row number. */
    static boolean separated(String t) {
        return t.indexOf('.') >= 0 || t.indexOf(',') >= 0;
    }

    /**
     * The page's columns: the right edges of its amounts, each within {@link #JITTER} of the next (a column's numbers
     * end where it ends, give or take what pdftotext's placing of the words around them moves them), a column at most
     * twice that wide. A column only one amount ends at is no column: a line laid out apart from the others on its
     * page (its last line, moved by a few characters) reads no column of its own — but for a summary's, whose income
     * side may print one amount on a page (烟台 公开表4: 一般公共预算收入 alone, its total on the next page).
     */
    private void close(List<Integer> edges, List<int[]> lineEdges, List<Integer> header) {
        byHeader.add(false);
        edges = new ArrayList<>(edges);
        edges.sort(null);
        // a page with a header and one line of amounts (深圳's 支出总表 ending with its 2210203 alone on a page): no other
        // line to line up with, its amounts are its columns
        boolean oneLine = lineEdges.stream().filter(e -> e.length > 0).count() == 1 && !header.isEmpty();
        List<Integer> h = new ArrayList<>(), l = new ArrayList<>();
        if (oneLine && !this.every) {
            // (its header's last line's words, when they give each of its amounts a column of its own: a 三公 table's
            // one row, most of its cells blank, 普陀 决算)
            if (headerColumns(header, h, l) && eachInItsOwn(edges, h, l)) {
                byHeader.set(byHeader.size() - 1, true);
                keep(h, l, header);
                return;
            }
            h.clear();
            l.clear();
        }
        boolean every = this.every || oneLine;
        int count = 0;
        for (int e : edges) {
            if (!h.isEmpty() && e - h.get(h.size() - 1) <= JITTER && e - l.get(l.size() - 1) <= 2 * JITTER) {
                h.set(h.size() - 1, e);
                count++;
                continue;
            }
            if (count == 1 && !every) {
                h.remove(h.size() - 1);
                l.remove(l.size() - 1);
            }
            l.add(e);
            h.add(e);
            count = 1;
        }
        if (count == 1 && !every) {
            h.remove(h.size() - 1);
            l.remove(l.size() - 1);
        }
        // a column only one amount ends at, on a line whose other amounts are in their columns (烟台教育局's 政府性基金,
        // filled by the 合计 row alone on its page; its 公开表5's second page, whose first row alone fills 人员支出 and
        // the two columns after it): the line is laid out with the others, each of its lone amounts makes a column
        if (!every) {
            for (int[] line : lineEdges) {
                List<Integer> lone = new ArrayList<>();
                int inColumns = 0;
                for (int e : line) {
                    int j = near(h, l, e, 1);
                    if (j >= 0) inColumns++;
                    else if (near(h, l, e, 2 * JITTER) < 0) lone.add(e);
                }
                if (lone.isEmpty() || inColumns < 2 || inColumns != line.length - lone.size()) continue;
                for (int e : lone) {
                    int at = 0;
                    while (at < h.size() && h.get(at) < e) at++;
                    h.add(at, e);
                    l.add(at, e);
                }
            }
        }
        if (!every && !header.isEmpty()) headedLoneColumns(lineEdges, h, l, header);
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
        if (h.isEmpty() && !edges.isEmpty() && !header.isEmpty() && !every) {
            if (headerColumns(header, h, l)) byHeader.set(byHeader.size() - 1, true);
        } else if (placed * 4 < edges.size() * 3) {
            h.clear();
            l.clear();
        }
        keep(h, l, header);
    }

    /**
     * A column only one amount ends at, far from every other column, with a label of its own over it in the page's
     * header: a column the page's other rows leave blank (西安 表6's last page, its header printed again: 30399 alone
     * fills 人员经费支出, "498,000.00" under that label, between 合计's column and 公用经费支出's). Its label is a header
     * word standing over the amount (its middle left of the amount's right edge, right of the column before), and the
     * column right of it keeps a header word of its own between them.
     */
    private void headedLoneColumns(List<int[]> lineEdges, List<Integer> h, List<Integer> l, List<Integer> header) {
        List<Token> heads = new ArrayList<>();
        for (int k : header) for (Token w : words(linesRef.get(k))) if (cjk(w.text().charAt(0))) heads.add(w);
        for (int[] line : lineEdges) {
            for (int e : line) {
                if (near(h, l, e, 2 * JITTER) >= 0) continue;
                int at = 0;
                while (at < h.size() && h.get(at) < e) at++;
                int left = at == 0 ? -1 : h.get(at - 1), right = at == h.size() ? -1 : h.get(at);
                boolean over = false, next = right < 0;
                for (Token w : heads) {
                    int middle = (w.start() + w.end() - 1) / 2;
                    over |= middle > left && w.end() <= e + 1;
                    next |= right >= 0 && middle > e && middle <= right;
                }
                if (!over || !next) continue;
                h.add(at, e);
                l.add(at, e);
            }
        }
    }

    /** The page's columns (right and left edges) and its header's lines, kept. */
    private void keep(List<Integer> h, List<Integer> l, List<Integer> header) {
        hi.add(h.stream().mapToInt(Integer::intValue).toArray());
        lo.add(l.stream().mapToInt(Integer::intValue).toArray());
        headerLines.add(header);
    }

    /** Does each of the amounts' right edges fall in a column of its own? */
    private static boolean eachInItsOwn(List<Integer> edges, List<Integer> h, List<Integer> l) {
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int e : edges) {
            int j = near(h, l, e, 0);
            if (j < 0 || !taken.add(j)) return false;
        }
        return true;
    }

    /** Does line {@code k} print an amount (with its decimals or separators) in a column of its page? */
    boolean placed(int k, List<String> lines) {
        int page = page(k);
        if (page < 0) return false;
        for (Token t : amounts(lines.get(k))) if (separated(t.text()) && column(page, t.end()) >= 0) return true;
        return false;
    }

    /** Per page: whether its columns are its header's last line's words ({@link #headerColumns}). */
    private final List<Boolean> byHeader = new ArrayList<>();

    /**
     * A page whose amounts make no column, each column filled by one amount at most (a 三公 table's one row, most of
     * its cells blank): the columns are the words of its header's last line, one word a column ("预算数  决算数  预算数 …"),
     * each cell reaching halfway to the next word: its label is centred over it, its amounts end at its right edge.
     * None (false) when that line holds an amount, a stub's heading (类, 款, 科目, …名称) or fewer than two words.
     */
    private boolean headerColumns(List<Integer> header, List<Integer> h, List<Integer> l) {
        String last = linesRef.get(header.get(header.size() - 1));
        List<Token> w = words(last);
        // (not a stub's headings: 烟台 公开表10's last page, one row under "类  款  类  款 … 余", its amounts in 合计 …)
        if (w.size() < 2 || w.stream().anyMatch(t -> Cells.amount(t.text()) || STUB_HEADING.matcher(t.text()).find())) return false;
        int left = 0;
        for (int j = 0; j < w.size(); j++) {
            int center = (w.get(j).start() + w.get(j).end()) / 2;
            int right = j == w.size() - 1 ? Integer.MAX_VALUE / 2 : (center + (w.get(j + 1).start() + w.get(j + 1).end()) / 2) / 2 + 1;
            l.add(left);
            h.add(right);
            left = right + 1;
        }
        return true;
    }

    /** Are the page's columns its header's words ({@link #headerColumns})? */
    boolean columnsByHeader(int page) {
        return page >= 0 && page < byHeader.size() && byHeader.get(page);
    }

    /** The first column of the page whose amounts end at or right of {@code end}: the column a label ending there heads; the columns' count when none. */
    int after(int page, int end) {
        int[] h = hi.get(page);
        int j = 0;
        while (j < h.length && h[j] < end) j++;
        return j;
    }

    /**
     * The columns of a page a label heads (a side of a summary begins with its label, then its amounts): for each
     * column, whether a word not in a column of amounts ends before it and after the column on its left, on a line of
     * the page's body (from its first line of amounts on).
     */
    boolean[] labelled(int page, List<String> lines) {
        int m = columns(page);
        boolean[] out = new boolean[m];
        boolean body = false;
        for (int k = from; k < from + pageOf.length; k++) {
            if (pageOf[k - from] != page) {
                if (pageOf[k - from] > page) break;
                continue;
            }
            String raw = lines.get(k);
            if (!body) {
                for (Token w : amounts(raw)) body |= separated(w.text()) && column(page, w.end()) >= 0;
                if (!body) continue;
            }
            for (Token w : words(raw)) {
                if (Cells.amount(w.text()) && column(page, w.end()) >= 0) continue;
                int j = after(page, w.end());
                if (j < m) out[j] = true;
            }
        }
        return out;
    }

    /** The column (of right edges {@code h}, lowest {@code l}) an amount ending at {@code e} is in, give or take {@code slack}; −1 when none. */
    private static int near(List<Integer> h, List<Integer> l, int e, int slack) {
        for (int j = 0; j < h.size(); j++) if (e >= l.get(j) - slack && e <= h.get(j) + slack) return j;
        return -1;
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

    /**
     * The columns of a row's amounts: each in the column its right edge is in; an amount in none (pdftotext moves a
     * line's words left where the line prints no name: a name wrapped around its amounts, "229   04      25,800.00"
     * under "229   其他支出   25,800.00") in the column nearest to it between its neighbours', a column right of it
     * nearer than one left of it. Null when no amount is in a column, or the amounts' columns are not in order.
     */
    int[] place(int page, List<Token> tok) {
        int m = columns(page), n = tok.size();
        int[] col = new int[n];
        int last = -1, fixed = 0;
        for (int i = 0; i < n; i++) {
            col[i] = column(page, tok.get(i).end());
            if (col[i] < 0) continue;
            if (col[i] <= last) return null;
            last = col[i];
            fixed++;
        }
        if (fixed == 0) return null;
        if (fixed == n) return col;
        int[] h = hi.get(page);
        int before = -1;
        for (int i = 0; i < n; i++) {
            if (col[i] >= 0) {
                before = col[i];
                continue;
            }
            int next = m, between = 0;
            for (int k = i + 1; k < n; k++) {
                if (col[k] >= 0) {
                    next = col[k];
                    break;
                }
                between++;
            }
            int lo = before + 1, hiCol = next - 1 - between, best = -1, cost = Integer.MAX_VALUE;
            int end = tok.get(i).end();
            for (int c = lo; c <= hiCol; c++) {
                int d = h[c] >= end ? h[c] - end : 2 * (end - h[c]);
                if (d < cost) {
                    cost = d;
                    best = c;
                }
            }
            if (best < 0) return null;
            col[i] = best;
            before = best;
        }
        return col;
    }

    /**
     * How many code cells a row starting with a two-digit code at {@code start} leaves blank before it: 1 under the
     * header's 款, 2 under its 项 (烟台: "      03   政府办公厅…" under "类  款  项"); 0 when the header does not say.
     */
    int blanksBefore(int page, int start, List<String> lines) {
        for (int p = page; p >= 0; p--) {
            int kuan = -1, xiang = -1;
            for (int k : headerLines.get(p)) {
                for (Token w : words(lines.get(k))) {
                    if (w.text().equals("款")) kuan = w.start();
                    else if (w.text().equals("项")) xiang = w.start();
                }
            }
            if (kuan < 0 || xiang <= kuan) continue;
            return Math.abs(start - kuan) <= Math.abs(start - xiang) ? 1 : 2;
        }
        return 0;
    }

    /** The words that head a table's stub: its codes, their levels, its names. */
    private static final java.util.regex.Pattern STUB_HEADING = java.util.regex.Pattern.compile("(?:编码|代码|名称)$|^(?:[类款项]|项目|科目)$");

    /** Is the line one of its page's header lines (after its unit line, before its first line of amounts)? */
    boolean inHeader(int line) {
        int page = page(line);
        return page >= 0 && page < headerLines.size() && headerLines.get(page).contains(line);
    }

    /** The header's words joined with the words printed under them (a label wrapped in its cell: 政府性基金 / 预算), each followed by '|'. */
    String stackedHeaderWords() {
        return stacked;
    }

    private static String stacked(List<List<Integer>> headerLines, List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (List<Integer> header : headerLines) {
            for (int i = 0; i < header.size(); i++) {
                for (Token a : words(lines.get(header.get(i)))) {
                    // the first word printed under it, on whichever header line below (another column's label between)
                    search:
                    for (int j = i + 1; j < header.size(); j++) {
                        for (Token b : words(lines.get(header.get(j)))) {
                            if (b.start() < a.end() && a.start() < b.end()) {
                                out.append(a.text()).append(b.text()).append('|');
                                break search;
                            }
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    boolean hasHeader(int page) {
        return page >= 0 && page < headerLines.size() && !headerLines.get(page).isEmpty();
    }

    /**
     * The page's header read in its words' order where pdftotext squeezed them ({@link SqueezedHeader}): its labels left
     * to right; empty when no word of the header is pushed (a summary's header is read by {@link #labelled}).
     */
    List<SqueezedHeader.Label> squeezedLabels(int page, List<String> lines) {
        if (page < 0 || page >= headerLines.size() || headerLines.get(page).isEmpty() || every) return List.of();
        List<String> header = new ArrayList<>();
        for (int k : headerLines.get(page)) header.add(lines.get(k).replace('\f', ' '));
        return SqueezedHeader.labels(header, stub.get(page));
    }

    /** Each of the page's columns given one of {@code labels} ({@link SqueezedHeader#align}), null when they cannot be. */
    int[] alignLabels(int page, List<String> lines, List<SqueezedHeader.Label> labels) {
        int[] h = hi.get(page), first = new int[h.length];
        java.util.Arrays.fill(first, Integer.MAX_VALUE);
        for (int k = from; k < from + pageOf.length; k++) {
            if (pageOf[k - from] != page) continue;
            for (Token t : trailingAmounts(positioned(k, lines))) {
                int j = column(page, t.end());
                if (j >= 0 && separated(t.text())) first[j] = Math.min(first[j], t.start());
            }
        }
        for (int j = 0; j < h.length; j++) if (first[j] == Integer.MAX_VALUE) first[j] = h[j] - 1;
        return SqueezedHeader.align(labels, first, h);
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
        List<List<int[]>> words = new ArrayList<>();   // per cell: {line, start, end, pushed, the cell it stands in}
        List<List<String>> texts = new ArrayList<>();
        // (one more: the words pushed past the last column, back in their cells if they stand stacked there)
        for (int j = 0; j <= m; j++) {
            words.add(new ArrayList<>());
            texts.add(new ArrayList<>());
        }
        List<int[]> pushedAbove = List.of();   // the line above's words pushed into a next cell: {start, end (inclusive), cell}
        for (int k : headerLines.get(page)) {
            String raw = lines.get(k).replace('\f', ' ').replace('\u3000', ' ');
            int prevCell = -1, prevEnd = -10, prevLen = 0;
            char prevLast = ' ';
            List<int[]> pushedHere = new ArrayList<>();
            for (Token w : words(raw)) {
                // a stub's heading left of where the page's amounts start (单位编码, 单位名称, 类 款), no column's
                if (w.end() <= stub.get(page) && STUB_HEADING.matcher(w.text()).find()) continue;
                int center = (w.start() + w.end() - 1) / 2;
                int cell = 0;
                while (cell < m && center > h[cell]) cell++;
                boolean pushed = false;
                // a label letter-spaced ("合 计", "小   计"): a character alone after a character alone, in its cell, is
                // one word with it (neither pushed into the next cell nor a stack beside it)
                boolean spacedOut = prevLen == 1 && w.text().length() == 1 && cjk(prevLast) && cjk(w.text().charAt(0)) && w.start() - prevEnd <= JITTER;
                if (spacedOut && prevCell < m && (cell == prevCell || cell == prevCell + 1)) {
                    List<int[]> cellWords = words.get(prevCell);
                    int last = cellWords.size() - 1;
                    cellWords.get(last)[2] = w.end();
                    texts.get(prevCell).set(last, texts.get(prevCell).get(last) + w.text());
                    prevEnd = w.end();
                    prevLen = 0;
                    continue;
                }
                int from = cell;
                if (cell <= prevCell && w.start() - prevEnd == 1 && cjk(prevLast) && cjk(w.text().charAt(0))) {
                    cell = prevCell + 1;
                    pushed = true;
                    // pushed into a column whose amounts end far right of it (烟台 公开表12's 政府性基金, its own column
                    // blank on the page, the next one filled 单位资金): it heads a column no row fills here
                    if (cell < m && h[cell] - w.end() > LABEL_REACH) cell = m;
                }
                // the rest of a label wrapped in its cell under a word pushed past the page's columns of amounts (烟台
                // 公开表12's 政府性基金 / 预算, a column no row fills on the page): no label of a column here either
                for (int[] a : pushedAbove) {
                    if (!pushed && a[2] >= m && w.start() <= a[1] && a[0] <= w.end() - 1) {
                        cell = a[2];
                        pushed = true;
                    }
                }
                if (pushed) pushedHere.add(new int[]{w.start(), w.end() - 1, cell});
                prevCell = cell;
                prevEnd = w.end();
                prevLast = w.text().charAt(w.text().length() - 1);
                prevLen = w.text().length();
                if (cell >= m && !(pushed && from < m)) continue;
                cell = Math.min(cell, m);
                words.get(cell).add(new int[]{k, w.start(), w.end(), pushed ? 1 : 0, from, 0});
                texts.get(cell).add(w.text());
            }
            pushedAbove = pushedHere;
        }
        keepStacked(words, texts, h);
        String[] out = new String[m];
        for (int j = 0; j < m; j++) {
            List<int[]> ws = words.get(j);
            // the cell's words in stacks (words over one another); pushed words join the rightmost stack. A word reaching
            // past the cell's right edge is a heading over it and the next cells, not its own label, when the cell has
            // words within it: no stack of its own, nor a bridge between two
            boolean within = false;
            for (int[] w : ws) within |= w[3] == 0 && w[2] <= h[j] + 1;
            final boolean[] heading = new boolean[ws.size()];
            for (int a = 0; a < ws.size(); a++) heading[a] = within && ws.get(a)[2] > h[j] + 1;
            int[] stack = new int[ws.size()];
            for (int a = 0; a < ws.size(); a++) stack[a] = a;
            for (int a = 0; a < ws.size(); a++) {
                if (ws.get(a)[3] == 1 || heading[a]) continue;
                for (int b = 0; b < a; b++) {
                    if (ws.get(b)[3] == 1 || heading[b]) continue;
                    if (ws.get(a)[1] < ws.get(b)[2] + 1 && ws.get(b)[1] < ws.get(a)[2] + 1) union(stack, a, b);
                }
            }
            // the column's own stack is the rightmost; a stack beside it (on lines it also spans) is another column's,
            // a stack above or below it (a group's heading over several columns) is part of its label
            int best = -1, bestRight = -1;
            for (int a = 0; a < ws.size(); a++) {
                if (ws.get(a)[3] == 1 || heading[a]) continue;
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
            // (a stack of words put back in the cell, not its own, is a blank column's label beside it, however low:
            // 西安 表13's "公务用车运行" / "维护费" left of 培训费)
            java.util.Set<Integer> blank = new java.util.HashSet<>();
            for (int a = 0; a < ws.size(); a++) if (ws.get(a)[5] == 1 && find(stack, a) != best) blank.add(find(stack, a));
            // a stack below it is part of its label when alone (the label under a heading the column's own stack is:
            // 财政拨款 over 一般公共预算), not when stacks stand side by side below it (the other columns' labels: 烟台
            // 公开表8's 小计 人员支出 日常公用支出 under the line of 项目支出), nor when it ends far left of where its amounts
            // end (the label of a column no row fills on the page: 烟台 审计局's 公开表12, 小计, 算, 预算 … under the
            // header's line, its one filled column 单位资金)
            java.util.Set<Integer> below = new java.util.HashSet<>();
            for (var e : rows.entrySet()) if (own != null && e.getValue()[0] > own[1] && !blank.contains(e.getKey())) below.add(e.getKey());
            StringBuilder sb = new StringBuilder();
            for (int a = 0; a < ws.size(); a++) {
                boolean in = ws.get(a)[3] == 1 || own == null;
                if (!in) {
                    int[] r = rows.get(find(stack, a));
                    in = find(stack, a) == best || (r[1] < own[0]
                            || r[0] > own[1] && below.size() == 1 && h[j] - stackEnd(ws, stack, find(stack, a)) <= LABEL_REACH)
                            && !blank.contains(find(stack, a));
                }
                if (in) sb.append(Cells.squeeze(texts.get(j).get(a)));
            }
            out[j] = sb.toString();
        }
        return out;
    }

    /** Where a stack of a cell's words ends (the rightmost end of its words). */
    private static int stackEnd(List<int[]> ws, int[] stack, int root) {
        int end = -1;
        for (int a = 0; a < ws.size(); a++) if (find(stack, a) == root) end = Math.max(end, ws.get(a)[2]);
        return end;
    }

    /**
     * A word pushed into the next cell ({@link #labels}) with a word of its cell printed over or under it on another
     * header line (not pushed): the two are one label wrapped in its cell, a column no row fills — it goes back to its
     * cell (西安 收入总表: "事业单位经营收 使用非财政拨 … 上年实户资金余" squeezed one space apart over "入  款结余 … 额";
     * 表13: "公务用车购置 公务用车运行" over "费  维护费"). Not when it ends within three columns of its cell's right edge
     * (a character and a half: pdftotext's squeeze drifts each label of a run left by up to a character) — squeezed left
     * from the next (烟台's "一般公共预 政府性基金" over "算  预算", 政府性基金 over the edge of 一般公共预算's amounts;
     * 教育局 公开表11's "国有资本经" / "营预算" ending two short of 政府性基金's; 司法局 公开表12's 政府性基金 three short).
     */
    private static void keepStacked(List<List<int[]>> words, List<List<String>> texts, int[] h) {
        int m = h.length;
        for (int j = 0; j <= m; j++) {
            List<int[]> ws = words.get(j);
            for (int a = ws.size() - 1; a >= 0; a--) {
                int[] w = ws.get(a);
                if (w[3] != 1 || w[4] == j || w[4] < 0 || w[4] >= m || w[2] >= h[w[4]] - SQUEEZE_DRIFT) continue;
                List<int[]> own = words.get(w[4]);
                boolean stacked = false;
                for (int[] o : own) stacked |= o[3] == 0 && o[0] != w[0] && o[1] < w[2] && w[1] < o[2];
                if (!stacked) continue;
                ws.remove(a);
                place(own, texts.get(w[4]), new int[]{w[0], w[1], w[2], 0, w[4], 1}, texts.get(j).remove(a));
            }
        }
    }

    /** A word put among a cell's words in the order read (line by line, left to right). */
    private static void place(List<int[]> cell, List<String> texts, int[] w, String text) {
        int at = 0;
        while (at < cell.size() && (cell.get(at)[0] < w[0] || cell.get(at)[0] == w[0] && cell.get(at)[1] < w[1])) at++;
        cell.add(at, w);
        texts.add(at, text);
    }

    static int find(int[] p, int a) {
        while (p[a] != a) a = p[a] = p[p[a]];
        return a;
    }

    static void union(int[] p, int a, int b) {
        p[find(p, a)] = find(p, b);
    }

    static boolean cjk(char c) {
        return c >= '\u3000' && c <= '\u9fff' || c >= '\uff00' && c <= '\uffef';
    }

    /** A line's amounts, wherever they are on it. */
    static List<Token> amounts(String raw) {
        List<Token> out = new ArrayList<>();
        for (Token w : words(raw)) if (Cells.amount(w.text())) out.add(w);
        return out;
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
     * with (205 03 02, 2080505: digits without separators) are not among them. A row may end with another column's
     * text after its amounts (广州's 绩效目标): a run of two amounts or more, then words parted from it by two spaces
     * or more, or by one before a CJK word.
     */
    static List<Token> trailingAmounts(String raw) {
        List<Token> w = words(raw);
        int end = w.size() - tail(w);
        int k = end;
        while (k > 0 && Cells.amount(w.get(k - 1).text())) k--;
        if (k == 0) {
            // a line of codes and amounts only (the name wrapped onto the lines around it): the codes are no amounts
            while (k < end && Cells.digits(w.get(k).text(), 2, 7)) k++;
        }
        return new ArrayList<>(w.subList(k, end));
    }

    /** How many words after a row's amounts are another column's text (0 when the line ends with its amounts). */
    private static int tail(List<Token> w) {
        int t = w.size();
        while (t > 0 && !Cells.amount(w.get(t - 1).text())) t--;
        if (t == w.size() || t == 0) return 0;
        int run = t;
        while (run > 0 && Cells.amount(w.get(run - 1).text())) run--;
        // two spaces or more before the text, or one before a CJK word (pdftotext leaves one where the columns are close)
        int gap = w.get(t).start() - w.get(t - 1).end();
        // (a CJK word: "0.00 2.信访件办结率达到85%；…", a paragraph's numbered sentence)
        if (t - run < 2 || !separated(w.get(t - 1).text()) || gap < 2 && w.get(t).text().chars().noneMatch(c -> cjk((char) c))) return 0;
        return w.size() - t;
    }

    /** The line without the text printed after its amounts (another column's: {@link #trailingAmounts}). */
    static String withoutTail(String raw) {
        List<Token> w = words(raw);
        int n = tail(w);
        if (n == 0) return raw;
        String plain = raw.replace("\f", "");
        return (raw.indexOf('\f') >= 0 ? "\f" : "") + plain.substring(0, w.get(w.size() - n - 1).end());
    }
}
