package org.openbudget.audit.shape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openbudget.audit.origin.SourceLines;
import org.openbudget.core.classification.Classification;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

import static org.openbudget.audit.shape.Cells.*;

/**
 * One table being read, line by line, by its template's shape: its header (labels placed over the columns, header
 * lines repeated on later pages), then each line's row — 类/款/项 codes split, joined or printed with the name, the two
 * sides of a summary, fixed rows by their label, a project table's unit blocks told apart by their arithmetic, panels
 * side by side ({@link Panels}), a text laid out by spaces placed by its columns ({@link SpacedColumns}) or, where blank
 * cells leave no trace, by the table's own arithmetic — and the result as a {@link DisclosureTable}.
 */
final class TableReader {
    final TableTemplate t;
    final TableShape shape;
    final TemplateProfile profile;
    final ReferenceData ref;
    /** 万元 per printed unit: the profile's, or what the table's own unit line says (单位：元 / 单位：万元). */
    BigDecimal scale;
    final List<String> notes;
    final int n;
    final List<Row> rows = new ArrayList<>();
    final SourceLines source;
    /** The 1-based line being read. */
    private int currentLine;
    /** For the row just split: the cell of its line each column was read from (−1: none). */
    private int[] cellOf;
    String emptyNote;
    final boolean department;
    final String unitName;
    final int year;

    final DocumentContext doc;

    TableReader(TableTemplate t, TemplateProfile profile, ReferenceData ref, BigDecimal scale, List<String> notes, boolean department, String unitName, int year,
          SourceLines source, DocumentContext doc) {
        this.doc = doc;
        this.source = source;
        this.department = department;
        this.unitName = unitName;
        this.year = year;
        this.t = t;
        this.shape = t.shape();
        this.profile = profile;
        this.ref = ref;
        this.scale = scale;
        this.notes = notes;
        this.n = t.columns().size();
        this.panels = new Panels(n, source, header, this::number, this::totalLabel);
    }

    /** The words a header of this table prints: its columns' labels, headers and groups, and the stub's. */
    private java.util.Set<String> headerWords;

    /** A line of header cells only (a header repeated on the next page, with no amount): not a row. */
    boolean headerLine(List<String> cells) {
        String first = cells.stream().filter(c -> !c.isBlank()).findFirst().orElse("");
        if (totalLabel(squeeze(first)) || shape != null && shape.kind() == TableShape.Kind.FIXED && fixedLabel(cells).isPresent()) return false;
        if (headerWords == null) {
            headerWords = new java.util.HashSet<>();
            for (var c : t.columns()) {
                headerWords.add(squeeze(c.label()));
                headerWords.add(squeeze(c.header()));
                for (String g : c.group().split("/")) if (!g.isBlank()) headerWords.add(squeeze(g));
            }
            if (shape != null) {
                TableShape.Print print = shape.print();
                headerWords.add(squeeze(print.heading()));
                headerWords.add(squeeze(print.stubHeading()));
                for (String h : print.sideHeadings()) headerWords.add(squeeze(h));
                headerWords.remove("");
            }
        }
        int words = 0;
        for (String c : cells) {
            String whole = squeeze(c);
            if (whole.isEmpty() || whole.equals("※")) continue;
            if (headerWord(whole)) {
                words++;
                continue;
            }
            // header cells a PDF joins with spaces ("经济分类科目名称 合计 人员经费", "类 款")
            for (String w : c.trim().split("[\\s\u3000]++")) {
                if (!headerWord(squeeze(w)) && !headerWords(squeeze(w))) return false;
                words++;
            }
        }
        return words > 0;
    }

    /**
     * Header words run together where a PDF joins the lines of a merged header cell without a space ("项目支出类":
     * 项目支出 over 类 款 项): the word is cut into header words, each at least one level word or two characters.
     */
    private boolean headerWords(String sq) {
        int len = sq.length();
        if (len < 3 || len > 40) return false;
        boolean[] ok = new boolean[len + 1];
        ok[0] = true;
        for (int i = 1; i <= len; i++) {
            for (int j = 0; j < i && !ok[i]; j++) ok[i] = ok[j] && headerWord(sq.substring(j, i));
        }
        return ok[len];
    }

    private boolean headerWord(String sq) {
        return headerWords.contains(sq) || levelWord(sq) || sq.endsWith("科目编码") || sq.endsWith("科目名称") || sq.equals("科目")
                || sq.endsWith("编码") && sq.length() <= 10 || sq.equals("项目") || sq.equals("单位名称") || sq.equals("预算单位");
    }

    /** The row, read from the line being read: its page, line and the boxes of its row and cells. */
    private Row located(Row r) {
        return r == null ? null : r.withOrigin(source.origin(currentLine, cellOf));
    }

    /**
     * A name wrapped onto the line between two rows, given to the wrong one (规划和自然资源局 决算: "机关事业单位基本养老保险缴"
     * and "费支出机关事业单位职业年金缴费支出"; "行政运行城乡社区规划" and "与管理"): where one row's name is its code's
     * official name cut short and the next row's begins with the rest (or one's runs on past its official name into
     * the beginning of the next's), the words are given back to the row whose official name they complete.
     */
    private void namesByMeaning() {
        Classification list = classification();
        for (int i = 0; i + 1 < rows.size(); i++) {
            Row a = rows.get(i), b = rows.get(i + 1);
            if (a.kind() != RowKind.CLASS || b.kind() != RowKind.CLASS || a.code().isEmpty() || b.code().isEmpty()) continue;
            String oa = list.name(a.code()).map(Cells::squeeze).orElse(null), ob = list.name(b.code()).map(Cells::squeeze).orElse(null);
            String na = squeeze(a.name()), nb = squeeze(b.name());
            if (oa == null || ob == null || na.equals(oa) && nb.equals(ob)) continue;
            if (oa.length() > na.length() && oa.startsWith(na) && nb.startsWith(oa.substring(na.length()))
                    && nb.substring(oa.length() - na.length()).equals(ob)) {
                rows.set(i, a.withName(oa));
                rows.set(i + 1, b.withName(ob));
            } else if (na.length() > oa.length() && na.startsWith(oa) && (na.substring(oa.length()) + nb).equals(ob)) {
                rows.set(i, a.withName(oa));
                rows.set(i + 1, b.withName(ob));
            }
        }
    }

    /** A table printed as panels side by side: its lines cut into them, each panel's rows. */
    private final Panels panels;
    /** The line being read, as printed (its words' places part a line's panels). */
    private String lineRaw = "";

    /** The title this table is printed under when it is one of the template's aliases; null: the template's title. */
    String printedTitle;

    /** How notes name this table: as {@link #name} does, by the title it is printed under. */
    private String named() {
        return printedTitle == null || !t.mark().isBlank() ? ShapeReader.name(t, year) : "《" + printedTitle.replace("{year}", String.valueOf(year)) + "》";
    }

    DisclosureTable result(String kindLabel, String unit, int year) {
        if (plain && !rows.isEmpty()) placePlain();
        // the title as the document prints it: a reader names the table it sees
        String title = (printedTitle == null ? t.title(kindLabel) : printedTitle.replace("{kind}", kindLabel)).replace("{year}", String.valueOf(year));
        // the columns as printed: "{year} 年预算数" is this document's "2026 年预算数", as a derived table has it
        List<String> columns = t.columnLabels().stream().map(this::years).toList();
        if (!panels.panels.isEmpty()) {
            // panels side by side: the panels' rows in code order (each panel a class of its own), the total line
            // where the profile puts totals — the order a derived table has
            List<Row> all = new ArrayList<>();
            for (List<Row> p : panels.panels.values()) all.addAll(p);
            all.sort(java.util.Comparator.comparing(Row::code));
            if (profile.totalFirst()) all.addAll(0, rows);
            else all.addAll(rows);
            rows.clear();
            rows.addAll(all);
        }
        // (after the panels are put together: a panel's name wrapped onto its next row's line, 普陀财政局 决算's
        // "机关事业单位基本养老保险缴" / "费职业年金缴费")
        if (source.text() && shape != null) namesByMeaning();
        if (rows.isEmpty() && !turned.isEmpty()) {
            Row r = turnedRow();
            if (r != null) rows.add(r);
        }
        if (rows.isEmpty()) return new DisclosureTable(t.no(), title, columns, List.of(), true, emptyNote, t.id(), t.mark());
        if (t.unitsOnly() && source.text()) {
            // a unit's name wrapped around its amounts, its code among the name's lines
            List<Row> units = UnitNames.join(rows);
            rows.clear();
            rows.addAll(units);
        }
        int printed = printedSummaryColumns();
        if (printed < columns.size()) {
            columns = columns.subList(0, printed);
            notes.add(named() + "：支出方只印出「" + String.join("、", columns) + "」列，模板的其余列（"
                    + String.join("、", t.columnLabels().subList(printed, t.columnLabels().size())) + "）未印出，不据以核对");
        }
        List<Row> body = shape != null && shape.kind() == TableShape.Kind.PROJECTS && !blocked ? unitBlocks(rows) : rows;
        if (shape != null && shape.kind() == TableShape.Kind.SUMMARY) {
            // read line by line the two sides interleave; a Disclosure keeps the income side first
            List<Row> sides = new ArrayList<>(body.stream().filter(r -> r.side() == Side.INCOME).toList());
            sides.addAll(body.stream().filter(r -> r.side() != Side.INCOME).toList());
            body = sides;
        }
        return new DisclosureTable(t.no(), title, columns, body, false, emptyNote, t.id(), t.mark());
    }

    /**
     * How many of the template's columns a summary table prints, from the left: a 部门 document's 收支总表 prints its
     * expense side as one 预算数 column where a 单位's splits it (合计 | 人员经费 | 公用经费 | 项目支出). The columns
     * after the last one whose label (or header, or group) the header prints and which no row fills are not
     * printed: they are no zero cells to hold against other tables. All of them when the header was not seen.
     */
    private int printedSummaryColumns() {
        if (shape == null || shape.kind() != TableShape.Kind.SUMMARY || n < 2) return n;
        StringBuilder head = new StringBuilder();
        for (List<String> h : header) for (String c : h) head.append(squeeze(c)).append('|');
        for (String h : plainHeader) head.append(squeeze(h)).append('|');
        // a label wrapped in its header cell ("政府性基金" over "预算"), in a text laid out by spaces
        if (spaced != null) head.append(spaced.stackedHeaderWords());
        String text = head.toString();
        // the header was seen when it prints the side headings (本年收入 … 本年支出)
        List<String> sides = shape.print().sideHeadings();
        if (sides.isEmpty() || sides.stream().anyMatch(s -> !text.contains(squeeze(s)))) return n;
        int keep = n;
        while (keep > 1) {
            var col = t.columns().get(keep - 1);
            List<String> words = new ArrayList<>(List.of(squeeze(col.label()), squeeze(col.header())));
            for (String g : col.group().split("/")) words.add(squeeze(g));
            boolean named = words.stream().anyMatch(w -> !w.isEmpty() && text.contains(w));
            int c = keep - 1;
            boolean filled = rows.stream().anyMatch(r -> r.side() != Side.INCOME && r.values().size() > c && r.values().get(c) != null);
            if (named || filled) break;
            keep--;
        }
        return keep;
    }

    void read(List<String> lines, List<String> squeezed, int from, int to) {
        boolean body = false;
        // a 序号 column's numbers blanked where they stand: no part of a row's label or code
        SerialColumn.Numbered numbered = source.text() && shape != null && noTab(lines, from, to) ? SerialColumn.of(lines, from, to)
                : new SerialColumn.Numbered(java.util.Map.of(), java.util.Set.of());
        if (!numbered.rows().isEmpty()) {
            lines = changed(lines, numbered.blanked(), false);
            squeezed = changed(squeezed, numbered.blanked(), true);
            serialsBlanked = true;
        }
        // the last table runs on to the document's next part (its 说明, whose sentences put a word a space before an
        // amount: "年初预算为 1560.05 万元"), no line of the table: a table is laid out as its own lines say, and a table
        // printing no amount as the tables before it are (普陀 决算's 国有资本 table, blank, after eight laid out by spaces)
        int own = from;
        while (own < to && !org.openbudget.core.profile.TextTemplate.Parts.starts(squeezed.get(own), doc.partMarks)) own++;
        int[] layout = layoutLines(lines, from, own);
        boolean says = layout[0] + layout[1] + layout[2] > 0;
        if (says || own == to) plain = plain(layout);
        else plain = doc.plainTables != null ? doc.plainTables : plainLayout(lines, from, to);
        if (says) doc.plainTables = plain;
        java.util.Map<Integer, String> unwrapped = java.util.Map.of();
        boolean summary = shape != null && shape.kind() == TableShape.Kind.SUMMARY;
        if (plain && summary && !numbered.rows().isEmpty()) {
            // a summary read by the order of its words: a numbered row's lines below its first joined to it
            java.util.Map<Integer, String> rowLines = SerialColumn.joined(lines, numbered.rows(), from, to, l -> {
                String sq = squeeze(l);
                return footer(sq) || otherTable(sq) || org.openbudget.core.profile.TextTemplate.Parts.starts(sq, doc.partMarks);
            });
            lines = changed(lines, rowLines, false);
            squeezed = changed(squeezed, rowLines, true);
        }
        if (!plain && source.text() && shape != null && !shape.panels() && noTab(lines, from, to)) {
            java.util.Map<Integer, String> joined = SpacedColumns.joinSplitRows(lines, from, to);
            java.util.Map<Integer, String> parted = SpacedColumns.partGluedAmounts(lines, from, to);
            // (a numbered row's amounts on the line below its first: when no other join takes its lines)
            java.util.Map<Integer, String> coded = SerialColumn.amountsBelow(lines, numbered.rows(), from, to, joined.keySet());
            if (!parted.isEmpty() || !coded.isEmpty()) {
                // (a name printed up to its amount parted from it; a row over two lines joined as it stands)
                joined = new java.util.HashMap<>(joined);
                for (var e : parted.entrySet()) joined.putIfAbsent(e.getKey(), e.getValue());
                for (var e : coded.entrySet()) joined.putIfAbsent(e.getKey(), e.getValue());
            }
            // a row printed over two lines read as one, where its amounts are printed
            lines = changed(lines, joined, false);
            squeezed = changed(squeezed, joined, true);
            spaced = SpacedColumns.of(lines, from, to, summary);
            // a fixed table's lines are named by the template: a line naming one of them is its row, no part of another's name
            boolean fixed = shape.kind() == TableShape.Kind.FIXED;
            if (!summary) unwrapped = spaced.unwrap(lines, label -> fixed && fixedLabel(List.of(label)).isPresent());
        }
        for (int k = from; k < to; k++) {
            String raw = unwrapped.getOrDefault(k, lines.get(k));
            if (spaced != null && !summary) raw = SpacedColumns.withoutTail(raw);
            String sq = unwrapped.containsKey(k) || raw != lines.get(k) ? squeeze(raw) : squeezed.get(k);
            if (sq.isEmpty()) continue;
            if (org.openbudget.core.profile.TextTemplate.Parts.starts(sq, doc.partMarks)) break;   // 第三部分 … (any part's, or the profile's own): the tables are over
            if (sq.contains("没有") && !sq.contains("空表")) {
                // the empty table's sentence wrapped over two lines ("…政府性基金预算支出情" / "况表为空表。")
                int next = k + 1;
                while (next < to && squeezed.get(next).isEmpty()) next++;
                if (next < to && squeezed.get(next).contains("为空表")) {
                    emptyNote = (raw.trim() + lines.get(next).trim()).replaceAll("\\s+", "");
                    k = next;
                    continue;
                }
            }
            if (sq.contains("为空表") || sq.contains("本表本年无发生额") || sq.contains("本表无数据")) {   // "说明：…故本表无数据。" too
                emptyNote = raw.trim().replaceAll("\\s+", "");
                continue;
            }
            boolean panelDigits = shape != null && shape.panels() && panels.digitsLine(sq, k, lines, to);
            if (footer(sq) && !panelDigits) continue;
            // a mark just under the title, before the header, is the table's own however it numbers it (西安 决算: 表7 printed 公开09表)
            if (otherTable(sq) && (body || k - from >= 3 || markNumber(sq) == null)) break;
            // a mark alone on its line in the body (its own, printed again on the next page, or the next table's in
            // a style the profile does not list: 表六 for 表6) is no row
            if (body && markNumber(sq) != null) continue;
            if (plain) {
                body = plainLine(k, raw, sq, body);
                continue;
            }
            List<String> cells = spilled(cells(raw));
            // a summary's amount printed one space before the other side's label ("304.15 201 一般公共服务支出"):
            // no cell of its own, but an amount in its column
            boolean amounts = hasAmount(cells) || summary && spaced != null && spaced.placed(k, lines);
            // the title, unit line and header printed again at the top of the next page: not rows
            if (body && !amounts && repeated.contains(sq)) continue;
            if (!body) {
                repeated.add(sq);
                if (sq.contains("单位：万元")) scale = BigDecimal.ONE;
                else if (sq.contains("单位：元")) scale = BigDecimal.valueOf(10_000);
                // (not a header line naming a column like the fixed row, above the page's first amounts: 西安 表13's
                // "合计  因公出国  会议费  培训费  合计 …")
                boolean fixedRow = shape != null && shape.kind() == TableShape.Kind.FIXED && fixedLabel(cells).isPresent()
                        && !(spaced != null && spaced.inHeader(k) && cells.stream().filter(c -> !c.isBlank()).count() > 1)
                        || blankTotal(cells);
                if (numberRow(cells) || !amounts && !fixedRow) { // title, unit line, header rows
                    if (raw.indexOf('\t') >= 0) header.add(cells);
                    else {
                        plainHeader.add(raw.replace("\f", "").stripTrailing());
                        panels.headerLine(raw);
                    }
                    if (sq.contains("行次")) rowNumbers = true;
                    if (sq.equals("序") || sq.startsWith("序号") || cells.stream().anyMatch(c -> squeeze(c).equals("序号") || squeeze(c).equals("序"))
                            || SerialColumn.heading(SpacedColumns.words(raw)) >= 0) serials = !serialsBlanked;
                    continue;
                }
                body = true;
                if (raw.indexOf('\t') >= 0) columnsByHeader(cells);
            }
            if (numberRow(cells) && !panelDigits || !amounts && (!isLabelOnly(cells) || headerLine(cells))) continue;
            currentLine = k + 1;
            List<Row> read = summary && spaced != null ? spacedSummaryRows(k, lines) : null;
            if (read == null) {
                spacedValues = spaced == null || summary ? null : spacedValues(k, lines);
                spacedBlanks = spaced == null || summary ? 0 : spacedBlanks(k, lines);
                lineRaw = raw;
                read = rows(cells);
            }
            for (Row r : read) {
                if (crossed && merged(r)) continue;
                rows.add(r);
            }
        }
        if (plain) flushPlain();
    }

    /** The lines with those {@code changed} put in (squeezed: as compared), the same list when none is. */
    private static List<String> changed(List<String> lines, java.util.Map<Integer, String> changed, boolean squeezed) {
        if (changed.isEmpty()) return lines;
        List<String> out = new ArrayList<>(lines);
        changed.forEach((k, v) -> out.set(k, squeezed ? squeeze(v) : v));
        return out;
    }

    // ------------------------------------------------------------ the plain layout: blank cells leave no trace

    private static final java.util.regex.Pattern PLAIN_CODE = java.util.regex.Pattern.compile("^(\\d{3})(?:\\s++(\\d{2}))?(?:\\s++(\\d{2}))?(?:\\s++(.*))?$");
    private static final java.util.regex.Pattern PLAIN_TOTAL = java.util.regex.Pattern.compile("(总\\s*+计|合\\s*+计)(\\s++-?+(?:\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,18})\\.\\d{2})++");

    private static final java.util.regex.Pattern CODE_LINE = java.util.regex.Pattern.compile("^\\d{3}(?:\\s.*)?$");
    private static final java.util.regex.Pattern JOINED_CODE = java.util.regex.Pattern.compile("^[\\[【［]?\\d{5,7}");

    /** The table is printed as plain text: no tab anywhere, and a row's cells separated by single spaces. */
    private boolean plain;
    /** Plain layout: the visible amounts of each row of {@link #rows}, in order (null: the row's values are known). */
    private final List<List<BigDecimal>> numbers = new ArrayList<>();
    /**
     * The plain rows' amounts put in their columns ({@link PlainPlacement}); a project table's unit blocks told apart first.
     */
    private void placePlain() {
        List<Row> base = rows;
        if (shape != null && shape.kind() == TableShape.Kind.PROJECTS) {
            base = unitBlocks(rows);
            blocked = true;
        }
        List<Row> placed = new PlainPlacement(t, profile, ref, doc, notes, named()).place(base, numbers);
        rows.clear();
        rows.addAll(placed);
    }

    /** Plain layout: a row wrapped over several lines, joined until its amounts. */
    private final StringBuilder buf = new StringBuilder();
    private int bufLine;
    /** The unit blocks of a project table are already told apart (before its amounts were placed). */
    private boolean blocked;

    /**
     * A table laid out plain: its cells run together (a word, one space, an amount) — on a tenth of its lines laid
     * out by spaces at least (two amounts each two spaces or more after the word before), not on a line or two of a
     * text that follows the table within its pages (广州 气象局's list of projects and their 绩效目标 after its 项目支出
     * table: "2026年-2027年信息化运维项 568.42").
     */
    private static boolean plainLayout(List<String> lines, int from, int to) {
        return plain(layoutLines(lines, from, to));
    }

    /** Plain, as the counts of {@link #layoutLines} say. */
    private static boolean plain(int[] layout) {
        return layout[2] == 0 && layout[0] > 0 && layout[0] * 10 >= layout[1];
    }

    /** How lines are laid out: how many run cells together, how many are laid out by spaces, and whether one has a tab (1). */
    private static int[] layoutLines(List<String> lines, int from, int to) {
        int together = 0, spacedOut = 0;
        for (int k = from; k < to; k++) {
            String l = lines.get(k);
            if (l.indexOf('\t') >= 0) return new int[] {together, spacedOut, 1};
            if (runTogether(l) && !tight(l)) together++;
            else if (spacedOut(l)) spacedOut++;
        }
        return new int[] {together, spacedOut, 0};
    }

    /**
     * Amounts a space apart that are columns laid out tight, not cells run together: an amount then a negative one (西安
     * 表13: "210,000.00 -194,000.00", the minus taking the second space), or any two on a line whose label stands apart
     * from its amounts (广州 交通运输局's 收入总表: "合计  632,065.70 456,990.37 175,075.32"; 西安 收入总表: "92,165,133.99
     * 7,100,000.00") — a word run together with its amount still is, and a line of amounts alone does not say (普陀 决算's
     * 三公: "2.85 0.39 0.00").
     */
    private static boolean tight(String l) {
        java.util.regex.Pattern apart = labelApart(l) ? AMOUNT_THEN_AMOUNT : AMOUNT_THEN_NEGATIVE;
        return !runTogether(apart.matcher(l).replaceAll("$1  "));
    }

    /** A line whose words before its first amount end two spaces or more before it (a label printed apart). */
    private static boolean labelApart(String line) {
        int end = -1;
        for (SpacedColumns.Token w : SpacedColumns.words(line)) {
            if (amountToken(w.text())) return end >= 0 && w.start() - end >= 2;
            end = w.end();
        }
        return false;
    }

    /** An amount (its decimals) then one space before a negative amount. */
    private static final java.util.regex.Pattern AMOUNT_THEN_NEGATIVE = java.util.regex.Pattern.compile("(\\d\\.\\d{2}) (?=-\\d)");

    /** A line of two amounts or more, each two spaces or more after the word before it (pdftotext -layout's). */
    private static boolean spacedOut(String line) {
        int count = 0, end = -10;
        for (SpacedColumns.Token w : SpacedColumns.words(line)) {
            if (amountToken(w.text()) && w.start() - end >= 2) count++;
            end = w.end();
        }
        return count >= 2;
    }

    /** An amount (its decimals) then one space before another amount (a negative one's minus in the second space). */
    private static final java.util.regex.Pattern AMOUNT_THEN_AMOUNT = java.util.regex.Pattern.compile("(\\d\\.\\d{2}) (?=-?\\d)");

    private static List<String> tokens(String raw) {
        String t = raw.replace('\u3000', ' ').trim();
        return t.isEmpty() ? List.of() : splitSpaces(t);
    }

    /**
     * A line of a plain table: the header up to its ※ 1 2 3 row or its first row; then its rows, one a line
     * for a summary and a fixed table, else a row wrapped over several lines joined up to its amounts.
     * Returns whether the body has begun.
     */
    private boolean plainLine(int k, String raw, String sq, boolean body) {
        List<String> tokens = tokens(raw);
        if (!body) {
            repeated.add(sq);
            if (sq.contains("单位：万元")) scale = BigDecimal.ONE;
            else if (sq.contains("单位：元")) scale = BigDecimal.valueOf(10_000);
            if (numberRow(tokens)) return true;
            if (!plainRowStart(raw.trim(), sq)) return false;
        } else if (numberRow(tokens) || repeated.contains(sq) && !PLAIN_AMOUNT.matcher(raw).find()) {
            return true;
        }
        if (shape == null) return true;
        if (shape.kind() == TableShape.Kind.SUMMARY || shape.kind() == TableShape.Kind.FIXED) {
            flushPlain();
            bufLine = k + 1;
            buf.append(raw.trim());
            flushPlain();
            return true;
        }
        if (buf.length() > 0 && plainRowStart(raw.trim(), sq)) flushPlain();
        if (buf.length() == 0) bufLine = k + 1;
        join(buf, raw.trim());
        if (trailingAmount(buf) >= 0) flushPlain();
        return true;
    }

    /** Does a plain line begin a row: a code, a total with its amounts, a template row's label, a unit's name? */
    private boolean plainRowStart(String line, String sq) {
        if (CODE_LINE.matcher(line).matches() || PLAIN_TOTAL.matcher(line).matches()) return true;
        List<String> tokens = tokens(line);
        String first = tokens.isEmpty() ? "" : tokens.get(0);
        if (JOINED_CODE.matcher(first).lookingAt() && splitCode(first) != null) return true;
        if (shape != null && shape.kind() == TableShape.Kind.SUMMARY) return incomePrefix(tokens) > 0;
        if (shape != null && shape.kind() == TableShape.Kind.FIXED) {
            StringBuilder label = new StringBuilder();
            for (String tok : tokens) {
                if (amountToken(tok)) break;
                label.append(tok);
            }
            return fixedLabel(List.of(label.toString())).isPresent();
        }
        for (String u : doc.units) if (!u.isBlank() && sq.startsWith(squeeze(u))) return true;
        return false;
    }

    /** How many leading tokens make a summary's income label (a row of the template's, or its total); 0: none. */
    private int incomePrefix(List<String> tok) {
        String total = squeeze(profile.incomeTotalLabel());
        for (int len = Math.min(8, tok.size()); len >= 1; len--) {
            if (amountToken(tok.get(len - 1))) continue;
            String cand = String.join("", tok.subList(0, len));
            String sq = squeeze(cand);
            if (sq.equals(total) || sq.equals("收入总计") || incomeLabel(cand, false).isPresent()) return len;
        }
        return 0;
    }

    /** Joins a wrapped row's lines: a space only where a code or amount meets the next part. */
    private static void join(StringBuilder buf, String next) {
        if (next.isEmpty()) return;
        if (buf.length() > 0) {
            char a = buf.charAt(buf.length() - 1), b = next.charAt(0);
            if (ascii(a) || ascii(b)) buf.append(' ');
        }
        buf.append(next);
    }

    private static boolean ascii(char c) {
        return c < 128 && Character.isLetterOrDigit(c) || c == '-';
    }

    /** The row (or the two rows of a summary's line) the buffer holds. */
    private void flushPlain() {
        if (buf.length() == 0) return;
        String text = buf.toString().trim();
        buf.setLength(0);
        currentLine = bufLine;
        cellOf = null;
        if (shape == null) return;
        if (shape.kind() == TableShape.Kind.SUMMARY) {
            plainSummary(text);
            return;
        }
        List<BigDecimal> nums = new ArrayList<>();
        String label = text;
        for (int at; (at = trailingAmount(label)) >= 0; ) {
            nums.add(0, plainNumber(label.substring(at)));
            label = label.substring(0, at).trim();
        }
        Row r = switch (shape.kind()) {
            case FIXED -> {
                Optional<LineSpec> spec = fixedLabel(List.of(noSpace(label)));
                if (spec.isEmpty()) {
                    notes.add(named() + "：行「" + label + "」不是模板的行");
                    yield null;
                }
                LineSpec sp = spec.get();
                yield new Row(null, sp.key().equals("total") ? RowKind.TOTAL : RowKind.LINE, sp.key(), "", sp.label(), "", "", blank());
            }
            case PROJECTS -> projectRow(List.of(oneSpace(label)));
            default -> plainClassRow(label);
        };
        if (r == null) return;
        if (nums.isEmpty() && shape.kind() != TableShape.Kind.FIXED) notes.add(named() + " 第" + currentLine + "行：「" + text + "」没有数，按无数行读入");
        addPlain(r, nums);
    }

    private BigDecimal plainNumber(String s) {
        BigDecimal b = new BigDecimal(s.replace(",", ""));
        // a table in 元 keeps the decimals it prints (2,087,959.00 元 → 208.795900 万元): its checks compare to them
        return scale.equals(BigDecimal.ONE) ? b : b.movePointLeft(scale.precision() - 1);
    }

    private void addPlain(Row r, List<BigDecimal> nums) {
        List<BigDecimal> v = blank();
        if (nums != null) {
            if (nums.size() > n) {
                notes.add(named() + " 第" + currentLine + "行：" + nums.size() + " 个数多于 " + n + " 列，多余的略去");
                nums = new ArrayList<>(nums.subList(0, n));
            }
            for (int i = 0; i < nums.size(); i++) v.set(i, nums.get(i));
            r = r.withValues(v);
        }
        rows.add(r.withOrigin(source.origin(currentLine, null)));
        numbers.add(nums);
    }

    /** A summary's line: the income label (a template row's, the longest that fits) and its amount, then the expense label and amounts. */
    private void plainSummary(String text) {
        List<String> tok = new ArrayList<>();
        for (String t : tokens(text)) {
            // a label printed up to its amount, no space between ("其中：纳入财政专户管理的收费0.00", "（一）0.00"): two words
            java.util.regex.Matcher g = LABEL_THEN_AMOUNT.matcher(t);
            if (g.matches()) tok.addAll(List.of(g.group(1), g.group(2)));
            else tok.add(t);
        }
        int p = incomePrefix(tok);
        if (p == 0) p = unlistedIncome(tok);
        String income = String.join("", tok.subList(0, p));
        BigDecimal incomeValue = null;
        if (p > 0 && p < tok.size() && amountToken(tok.get(p))) incomeValue = plainNumber(tok.get(p++));
        StringBuilder expense = new StringBuilder();
        while (p < tok.size() && !amountToken(tok.get(p))) {
            if (expense.length() > 0 && digits(tok.get(p - 1), 3, 3)) expense.append(' ');
            expense.append(tok.get(p++));
        }
        List<BigDecimal> nums = new ArrayList<>();
        while (p < tok.size() && amountToken(tok.get(p))) nums.add(plainNumber(tok.get(p++)));
        if (p < tok.size()) notes.add(named() + " 第" + currentLine + "行：行尾「" + String.join(" ", tok.subList(p, tok.size())) + "」未读");
        if (!income.isEmpty()) {
            Row r = incomeRow(income, List.of(), 0);
            if (r != null) {
                List<BigDecimal> v = blank();
                v.set(0, incomeValue);
                rows.add(r.withValues(v).withOrigin(source.origin(currentLine, null)));
                numbers.add(null);
            }
        }
        if (expense.length() > 0) {
            Row r = expenseRow(expense.toString(), List.of(), 0);
            for (Row q : pending) addPlain(q, List.of());
            pending.clear();
            if (r != null) addPlain(r, nums);
        }
    }

    /** A word ending in a CJK character or a bracket, then an amount with its decimals. */
    private static final java.util.regex.Pattern LABEL_THEN_AMOUNT = java.util.regex.Pattern.compile(
            "(.*[\\u4e00-\\u9fff）)])(-?(?:\\d{1,3}(?:,\\d{3})++|\\d++)\\.\\d{2})");

    /**
     * A summary's line that starts with an income label the template does not list (其中：专项资金列入部门预算的项目,
     * 用事业基金弥补收支差额), its amount, then the expense side's label: how many words the income label is, when it
     * names no expense row (a class, a closing line, a total); 0 otherwise. The row is the income side's, noted as no
     * template row, and the line's expense side read after it.
     */
    private int unlistedIncome(List<String> tok) {
        int p = 0;
        while (p < tok.size() && !amountToken(tok.get(p))) p++;
        if (p == 0 || p + 1 >= tok.size() || amountToken(tok.get(p + 1))) return 0;
        String label = String.join("", tok.subList(0, p));
        String sq = squeeze(label);
        if (sq.equals(squeeze(profile.expenseTotalLabel())) || sq.equals("支出总计") || totalLabel(sq)) return 0;
        for (String c : shape.expenseClosing()) if (!c.isBlank() && plainLabel(c).equals(plainLabel(label))) return 0;
        return splitCode(label) == null && codeOf(label, ref.functional()).isEmpty() ? p : 0;
    }

    /** A classification row of the plain layout: "206 04 99 其他技术研究与开发支出 信息化运维项目" (a project after the 项's name). */
    private Row plainClassRow(String label) {
        java.util.regex.Matcher m = PLAIN_CODE.matcher(label.trim());
        String code = null, rest = "";
        if (m.matches()) {
            code = m.group(1) + (m.group(2) == null ? "" : m.group(2)) + (m.group(3) == null ? "" : m.group(3));
            rest = m.group(4) == null ? "" : m.group(4).trim();
        } else {
            String[] split = splitCode(label);
            if (split != null) {
                code = split[0];
                rest = split[1];
            }
        }
        if (code == null) {
            crossed = false;
            return classRow(List.of(oneSpace(label.trim())));
        }
        String project = "";
        if (shape.projectRows() && code.length() == 7) {
            String[] np = splitNameProject(code, rest);
            rest = np[0];
            project = oneSpace(np[1]);
        }
        String name = noSpace(rest);
        if (!project.isEmpty()) return new Row(null, RowKind.PROJECT, "", code, name, project, currentUnit, blank());
        return seen(new Row(null, RowKind.CLASS, "", code, name, "", currentUnit, blank()));
    }

    /** "其他技术研究与开发支出 信息化运维项目" → name, project: by the 项's official name, else at the first space. */
    private String[] splitNameProject(String code, String rest) {
        String official = ref.functional().name(code).orElse(null);
        if (official != null) {
            String target = squeeze(official).replace('（', '(').replace('）', ')');
            int consumed = 0, idx = 0;
            while (idx < rest.length() && consumed < target.length()) {
                char ch = rest.charAt(idx++);
                if (Character.isWhitespace(ch)) continue;
                char c = ch == '（' ? '(' : ch == '）' ? ')' : ch;
                if (c == target.charAt(consumed)) consumed++;
                else break;
            }
            if (consumed == target.length()) return new String[]{rest.substring(0, idx), rest.substring(idx).trim()};
        }
        int sp = rest.indexOf(' ');
        if (sp < 0) return new String[]{rest, ""};
        return new String[]{rest.substring(0, sp), rest.substring(sp + 1).trim()};
    }

    private List<Row> rows(List<String> cells) {
        if (shape == null) return List.of();
        if (shape.panels() && shape.kind() == TableShape.Kind.CLASSIFICATION) return panels.rows(lineRaw, cells, currentLine);
        Row one = switch (shape.kind()) {
            case CLASSIFICATION -> classRow(cells);
            case SUMMARY -> null;
            case FIXED -> fixedRow(cells);
            case PROJECTS -> projectRow(cells);
        };
        if (shape.kind() == TableShape.Kind.SUMMARY) return summaryRows(cells);
        return one == null ? List.of() : List.of(located(one));
    }

    /** 类/款/项 code (split across cells, joined, or before the name), the name (and a project), then the amounts. */
    private Row classRow(List<String> cells) {
        crossed = false;
        Split sp = split(cells);
        List<String> text = new ArrayList<>(sp.text());
        // the header's 类 | 款 | 项 cells printed on the total's line (上海 决算: "类 款 项 合计 2,946.25 …")
        while (text.size() > 1 && levelWord(text.get(0).trim()) && text.stream().skip(1).anyMatch(c -> total(squeeze(c)))) text.remove(0);
        // a 序号 column (西安 2021/2022: "2  208  社会保障和就业支出 …"): the row's number is neither code nor name
        if (serials) {
            int first = 0;
            while (first < text.size() && text.get(first).isBlank()) first++;
            if (first < text.size() - 1 && digits(text.get(first).trim(), 1, 3)) text.remove(first);
            else if (first < text.size() && NUMBER_THEN_WORDS.matcher(text.get(first).trim()).matches()) text.set(first, text.get(first).trim().replaceFirst("^\\d{1,3}\\s+", ""));
        }
        int i = 0;
        StringBuilder code = new StringBuilder();
        int blanks = spacedBlanks;
        while (i < text.size() && code.length() < 7) {
            String c = text.get(i).trim();
            if (c.isEmpty() && i < 3) { i++; blanks++; continue; }
            if (code.length() == 0 && codeDigits(c)) { code.append(c); i++; continue; }
            // a code split by single spaces in one cell of a text laid out by spaces ("201 40", "201 40 01")
            if (code.length() == 0 && SPLIT_CODE.matcher(c).matches()) { code.append(noSpace(c)); i++; continue; }
            // a 款 or 项 printed without the codes above it (类 and 款 cells left blank): under the rows above
            if (code.length() == 0 && blanks > 0 && digits(c, 2, 2)) {
                String parent = blanks == 1 ? lastClass : lastKuan;
                if (parent.isEmpty() || blanks > 2) break;
                code.append(parent).append(c);
                i++;
                continue;
            }
            if (code.length() >= 3 && digits(c, 2, 2)) { code.append(c); i++; continue; }
            // the 款's own digits printed in the name's cell ("301 | 01 基本工资")
            if (code.length() >= 3 && KUAN_THEN_WORDS.matcher(c).matches()) {
                code.append(c, 0, 2);
                text.set(i, c.substring(2).trim());
            }
            break;
        }
        List<String> words = new ArrayList<>();
        String spacedTotal = code.length() == 0 ? letterSpacedTotal(text.subList(i, text.size())) : null;
        if (spacedTotal != null) words.add(spacedTotal);
        else for (int k = i; k < text.size(); k++) if (!text.get(k).isBlank()) words.add(text.get(k).trim());
        // a unit's own code before its name in a table of units only (西安 表2: "234001 | 西安市气象局"): the name is the unit's
        if (t.unitsOnly() && code.length() == 0 && words.size() >= 2 && digits(words.get(0), 4, Integer.MAX_VALUE)) words.remove(0);
        // (one space between them, in a text laid out by spaces: "204001 西安市科学技术局")
        else if (t.unitsOnly() && code.length() == 0 && !words.isEmpty()) {
            java.util.regex.Matcher uc = UNIT_CODE_THEN_NAME.matcher(words.get(0));
            if (uc.matches()) words.set(0, uc.group(1));
        }
        // a second classification's code one space after the name, as long as the row's own, its own name after it (a text:
        // 西安 2021 "其他商品和服务 50299", 西安 2022 表6 "其他对个人和家庭的补助 50999 | 其他对个人和家庭补助"): no part of the name
        if (source.text() && code.length() > 0 && !words.isEmpty()) {
            String[] second = CrossedStub.trailingCode(words.get(0), code.length());
            if (second != null) {
                words.set(0, second[0]);
                words.add(1, second[1]);
            }
        }
        String name = words.isEmpty() ? "" : words.get(0);
        String project = words.size() > 1 ? words.get(1) : "";
        // a second classification's code after the name (烟台 公开表6: 部门经济分类 × 政府经济分类 on one row)
        crossed = code.length() > 0 && words.size() >= 3 && codeDigits(words.get(1));
        if (code.length() == 0) {
            String[] split = splitCode(name);
            if (split != null) {
                code.append(split[0]);
                name = split[1];
            }
        }
        List<BigDecimal> values = sp.values();
        String sq = squeeze(name);
        if (code.length() == 0) {
            if (totalLabel(sq)) return new Row(null, RowKind.TOTAL, "", "", name, "", "", values);
            // a table of units only: a row without a code is a unit, even one named as its department (西安 表2's 234001 西安市气象局)
            Optional<String> byName = t.unitsOnly() ? Optional.empty() : codeOf(name, classification());
            if (byName.isPresent()) return seen(new Row(null, RowKind.CLASS, "", byName.get(), stripNumbering(name), "", currentUnit, values));
            currentUnit = name;
            lastClass = lastKuan = "";
            return new Row(null, RowKind.UNIT, "", "", name, "", name, values);
        }
        // a table of units only (西安 表2/表3: "204 | 西安市科学技术局" over "204001 | …"): the coded row is the department's,
        // its code the department's, never a 功能分类 class (204 公共安全支出) to hold against the other tables
        if (t.unitsOnly() && !totalLabel(sq)) return new Row(null, RowKind.CLASS, "", code.toString(), name, "", name, values);
        if (shape.projectRows() && code.length() == 7 && !project.isEmpty()) {
            return new Row(null, RowKind.PROJECT, "", code.toString(), name, project, currentUnit, values);
        }
        return seen(new Row(null, RowKind.CLASS, "", code.toString(), name, "", currentUnit, values));
    }

    /**
     * A line that starts what is no more this table: another table's mark (a table the template does not list,
     * 烟台 公开表12 政府采购预算表, after the last one it does) or a part heading (第三部分). The mark in any style a
     * region prints it (表5, 表 5, 表五, 公开表5, 部门公开表5, 预算05表, 表5-1) whose number is not this table's own —
     * its own mark repeated on a continuation page is no end.
     */
    private boolean otherTable(String sq) {
        if (PART_LINE.matcher(sq).matches()) return true;
        String own = squeeze(t.mark());
        if (own.isEmpty() || sq.equals(own)) return false;
        String number = markNumber(sq);
        return number != null && !number.equals(markNumber(own));
    }

    /** The row just read names a second classification beside the table's own. */
    private boolean crossed;
    /** The rows read with a second classification beside them, by unit and code of the table's own. */
    private final Map<String, Integer> crossedAt = new HashMap<>();

    /**
     * A table that crosses two classifications prints a code of its own once per code of the other
     * (301 工资福利支出 with 501 and again with 505): the table's own rows are their sums, so a row of a
     * code already read is added into it.
     */
    private boolean merged(Row r) {
        if (r.kind() != RowKind.CLASS) return false;
        String key = r.unit() + "\u0000" + r.code();
        Integer at = crossedAt.get(key);
        if (at == null) {
            crossedAt.put(key, rows.size());
            return false;
        }
        Row first = rows.get(at);
        List<BigDecimal> sum = new ArrayList<>(first.values());
        for (int c = 0; c < sum.size(); c++) {
            BigDecimal a = sum.get(c), b = r.value(c);
            sum.set(c, a == null ? b : b == null ? a : a.add(b));
        }
        rows.set(at, first.withValues(sum));
        return true;
    }

    /** An empty table's total row: its label (合计 …) and blank cells only. */
    private boolean blankTotal(List<String> cells) {
        int labels = 0;
        boolean total = false;
        for (String c : cells) {
            if (c.isBlank() || amount(c)) continue;
            labels++;
            total = totalLabel(squeeze(c));
        }
        return labels == 1 && total && shape != null && shape.kind() != TableShape.Kind.SUMMARY;
    }

    /** The header lines above the first row (tab layout), cell by cell. */
    private final List<List<String>> header = new ArrayList<>();
    /** The header lines above the first row printed without cell borders (words separated by spaces, where printed). */
    private final List<String> plainHeader = new ArrayList<>();
    /** The lines above the first row (title, mark, unit line, header), squeezed: printed again on the next page, they are skipped. */
    final java.util.Set<String> repeated = new java.util.HashSet<>();
    /** For each template column, the cell it is printed in (counted on a row as wide as the header), -1 when not printed; null: not known. */
    private int[] at;
    private int width;

    /**
     * The template's columns found by their printed header labels: the header lines as wide as the
     * table's rows give each cell its label (the lines of a header cell joined); each column takes
     * the cell whose label is its header or label (the k-th column of a label repeated under several
     * groups takes the k-th such cell). Columns the document prints and the template does not are
     * skipped, columns the template has and the document does not stay blank. Only when most of the
     * template's columns are found; else the columns are taken from the right as before.
     */
    private void columnsByHeader(List<String> firstRow) {
        // a first row that is the total, its label merged over the stub's cells (西安 表6: "合计 | 92,165,133.99 | …" under
        // "部门经济科目编码 | 部门经济科目名称 | 政府经济科目编码 | 政府经济科目名称 | 合计 | …"): as wide as the header, the stub's cells blank
        if (!firstRow.isEmpty() && totalLabel(squeeze(firstRow.get(0)))) {
            int wide = firstRow.size();
            for (List<String> h : header) if (h.size() > wide && h.size() - firstRow.size() <= 3) wide = h.size();
            if (wide > firstRow.size()) {
                List<String> padded = new ArrayList<>();
                padded.add(firstRow.get(0));
                for (int k = firstRow.size(); k < wide; k++) padded.add("");
                padded.addAll(firstRow.subList(1, firstRow.size()));
                firstRow = padded;
            }
        }
        int rowWidth = firstRow.size();
        int firstAmount = 0;
        while (firstAmount < rowWidth && !(amount(firstRow.get(firstAmount)) && !firstRow.get(firstAmount).isBlank())) firstAmount++;
        String[] label = new String[rowWidth];
        java.util.Arrays.fill(label, "");
        boolean any = false;
        for (List<String> h : header) {
            if (h.size() != rowWidth) continue;
            any = true;
            for (int j = 0; j < rowWidth; j++) label[j] += squeeze(h.get(j));
        }
        if (!any) any = plainHeaderLabels(firstRow, label);
        if (!any || n == 0) return;
        int[] pos = byLabels(label, firstAmount);
        if (pos == null) return;
        at = pos;
        width = rowWidth;
    }

    /**
     * Each template column's cell among cells labelled {@code label} (the amounts from cell {@code firstAmount} on):
     * the cell whose label is its header or label; a run of columns not found between two found takes the free
     * cells between when as many. Null unless most columns are found, in the order printed.
     */
    private int[] byLabels(String[] label, int firstAmount) {
        return byLabels(label, firstAmount, false);
    }

    /** As above; {@code few}: a few columns found will do (a text laid out by spaces labels only the columns some row fills). */
    private int[] byLabels(String[] label, int firstAmount, boolean few) {
        int rowWidth = label.length;
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        boolean[] taken = new boolean[rowWidth];
        int found = 0;
        int passes = few ? 5 : 3;
        for (int c = 0; c < n; c++) {
            for (int pass = 0; pass < passes && pos[c] < 0; pass++) {
                for (int j = 0; j < rowWidth; j++) {
                    if (taken[j] || label[j].isEmpty() || !labelMatch(c, label[j], pass)) continue;
                    pos[c] = j;
                    taken[j] = true;
                    found++;
                    break;
                }
            }
        }
        if (found * 2 <= n && !few || found == 0) return null;
        int[] inOrder = fillBetween(pos, taken, label, firstAmount);
        if (inOrder != null) return inOrder;
        // a label that heads several columns (西安 表13's 合计 and 小计 in each of 上年 | 当年 | 增减) taken by the
        // first column of the template it names, left of a column found before: each column matched in the order
        // printed instead, the most and best matches the one way they can be (LabelOrder)
        int[][] weight = new int[n][rowWidth];
        for (int c = 0; c < n; c++) {
            for (int j = 0; j < rowWidth; j++) {
                if (label[j].isEmpty()) continue;
                for (int pass = 0; pass < passes && weight[c][j] == 0; pass++) if (labelMatch(c, label[j], pass)) weight[c][j] = passes - pass;
            }
        }
        int[] aligned = LabelOrder.align(weight);
        if (aligned == null || java.util.Arrays.stream(aligned).filter(j -> j >= 0).count() * 2 <= n && !few) return null;
        boolean[] used = new boolean[rowWidth];
        for (int j : aligned) if (j >= 0) used[j] = true;
        return fillBetween(aligned, used, label, firstAmount);
    }

    /**
     * Does label {@code l} name the template's column {@code c}, at the strictness of {@code pass} (0 the strictest):
     * its header or label, then as their end, as a part of it, taking in a neighbour's words?
     */
    private boolean labelMatch(int c, String l, int pass) {
        var col = t.columns().get(c);
        String head = squeeze(col.header()), lab = squeeze(col.label());
        // the label with a heading of its group over it: the nearest (…预算公务接待费), or one centred over the
        // group's columns and standing right over this one (西安 表13: 上年 | 当年 over "小计" of 公务用车…)
        List<String> groups = col.group().isBlank() ? List.of() : java.util.Arrays.stream(col.group().split("/")).map(Cells::squeeze).toList();
        return switch (pass) {
            case 0 -> l.equals(head) || l.equals(lab) || groups.stream().anyMatch(g -> l.equals(g + head));
            case 1 -> l.endsWith(head) && head.length() >= 2 || l.endsWith(lab) && lab.length() >= 2;
            case 2 -> lab.endsWith(l) && l.length() >= 2 && !l.matches(".*(科目|编码|名称)$");
            // a text laid out by spaces: the words over a column may take in a neighbour's that no row fills
            case 3 -> l.contains(lab) && lab.length() >= 4;
            // … or a word squeezed right of them, from a column no row fills (西安 表13: 培训费 | 公务用车运行)
            default -> l.startsWith(head) && head.length() >= 3;
        };
    }

    /**
     * The columns found ({@code pos}), with each run of columns not found between two found given the free cells
     * between when as many; null when the columns found are not in the order printed.
     */
    private int[] fillBetween(int[] pos, boolean[] taken, String[] label, int firstAmount) {
        int rowWidth = label.length;
        pos = pos.clone();
        taken = taken.clone();
        // columns whose header cell is blank on the lines as wide as the rows (a label printed on a merged line
        // above): a run of them between two columns found takes the free cells between, when as many
        for (int c = 0; c < n; ) {
            if (pos[c] >= 0) { c++; continue; }
            int end = c;
            while (end < n && pos[end] < 0) end++;
            int lo = c == 0 ? firstAmount - 1 : pos[c - 1], hi = end == n ? rowWidth : pos[end];
            List<Integer> free = new ArrayList<>();
            for (int j = lo + 1; j < hi; j++) if (j >= 0 && !taken[j]) free.add(j);
            if (free.size() == end - c) {
                for (int k = 0; k < free.size(); k++) {
                    pos[c + k] = free.get(k);
                    taken[free.get(k)] = true;
                }
            }
            c = end;
        }
        // in the order printed: a column found left of an earlier one is a misreading — then not by header
        int last = -1;
        for (int c = 0; c < n; c++) {
            if (pos[c] < 0) continue;
            if (pos[c] < last) return null;
            last = pos[c];
        }
        return pos;
    }

    /**
     * A header printed without borders above ruled rows (烟台 公开表3: "科目名称 合计 基本支出 项目支出 结转下年"):
     * when a header line's words after the stub's (科目名称, 类 款 项 …) are exactly as many as the row's cells
     * from its first amount on, they label those cells in order.
     */
    private boolean plainHeaderLabels(List<String> firstRow, String[] label) {
        // the amounts start at the first amount after the row's last text cell (its codes, "208", are no amounts)
        int lastText = -1;
        for (int j = 0; j < firstRow.size(); j++) if (!firstRow.get(j).isBlank() && !amount(firstRow.get(j))) lastText = j;
        int firstAmount = lastText + 1;
        while (firstAmount < firstRow.size() && firstRow.get(firstAmount).isBlank()) firstAmount++;
        int cellsRight = firstRow.size() - firstAmount;
        if (cellsRight <= 0) return false;
        List<List<String>> lines = new ArrayList<>();
        for (String h : plainHeader) {
            List<String> words = new ArrayList<>();
            for (String w : h.split("[\\s\u3000]++")) {
                String sq = squeeze(w);
                if (sq.isEmpty() || stubWord(sq)) continue;
                words.add(sq);
            }
            lines.add(words);
            // as many words as cells, the first of them a column of the template's (not a stub heading the count matched by chance)
            if (words.size() != cellsRight || !anyOwnLabel(words.get(0))) continue;
            for (int k = 0; k < cellsRight; k++) label[firstAmount + k] = words.get(k);
            return true;
        }
        // the first columns' labels on one line, the columns after them wrapped over several (深圳 表3:
        // "支出总计 基本支出 项目支出 上缴上级支出 中预留给小…"): the leading words that are the template's own
        // labels, in its order, label the first cells; the cells after them stay unlabelled (not the template's)
        for (List<String> words : lines) {
            int k = 0;
            while (k < words.size() && k < cellsRight && k < n && ownLabel(k, words.get(k))) k++;
            if (k * 2 <= n || k == 0) continue;
            for (int j = 0; j < k; j++) label[firstAmount + j] = words.get(j);
            return true;
        }
        return false;
    }

    /** Is {@code word} the printed header or label of any of the template's columns? */
    private boolean anyOwnLabel(String word) {
        for (int c = 0; c < n; c++) if (ownLabel(c, word)) return true;
        return false;
    }

    /** Is {@code word} the printed header or label of the template's column {@code c}? */
    private boolean ownLabel(int c, String word) {
        var col = t.columns().get(c);
        return word.equals(squeeze(col.header())) || word.equals(squeeze(col.label()));
    }

    private static boolean stubWord(String sq) {
        return levelWord(sq) || sq.endsWith("科目编码") || sq.endsWith("科目名称") || sq.equals("科目") || sq.equals("项目")
                || sq.endsWith("功能分类") || sq.endsWith("经济分类")   // the stub's heading (上海 决算: 功能分类 over 科目编码)
                || sq.equals("单位名称") || sq.equals("预算单位") || sq.endsWith("编码") && sq.length() <= 10;
    }

    // ------------------------------------------------------------ a text laid out by spaces: amounts by where they are

    /** The table's columns in a text laid out by spaces (pdftotext -layout), null in any other layout. */
    private SpacedColumns spaced;
    /** Per page of {@link #spaced}: each template column's column there (−1: not printed); null: not known. */
    private final Map<Integer, int[]> spacedAt = new HashMap<>();
    /** The amounts of the line being read, in the template's columns by where they are printed; null: not placed so. */
    private List<BigDecimal> spacedValues;
    /** How many amounts the line being read ends with (its cells from the right). */
    private int spacedCount;

    private static boolean noTab(List<String> lines, int from, int to) {
        for (int k = from; k < to; k++) if (lines.get(k).indexOf('\t') >= 0) return false;
        return true;
    }

    /**
     * A line's amounts put in the template's columns by where they are printed: each amount in the column whose
     * right edge it ends at (the page's columns, {@link SpacedColumns}), each column labelled by the header's
     * words over it and matched to the template's as a ruled table's header is ({@link #byLabels}). Columns the
     * template does not have are left out, a blank cell stays blank. Null when the page's columns are not known,
     * or an amount ends at no column or shares one with another (then the amounts are taken from the right).
     */
    private List<BigDecimal> spacedValues(int k, List<String> lines) {
        int page = spaced.page(k);
        if (page < 0) return null;
        int[] pos = spacedAt.computeIfAbsent(page, p -> FundedColumns.moved(spacedColumns(p, lines), FundedColumns.of(t, profile, ref, doc.sourcesInUse)));
        List<SpacedColumns.Token> tok = SpacedColumns.trailingAmounts(spaced.positioned(k, lines));
        if (tok.isEmpty()) return null;
        // a row printing every cell of the template's, its blank ones as 0 (西安 2022: "936647884.3 874160000 0 0 …",
        // the zeros making no column of the page), even under a header too squeezed to name the page's columns
        // (气象局's 表13: 27 whole numbers under words cut over twelve lines; 西安 2021 宣传部's 表2: 12 amounts under a
        // header of 12 columns whose words, cut over eight lines, name none): its k-th amount is the k-th column's
        boolean everyCell = tok.size() == n && spaced.columns(page) <= n;
        if (pos.length == 0 && !everyCell) return null;
        List<BigDecimal> v = blank();
        int last = -1;
        // a line with as many amounts as the page has columns lost no blank cell: its k-th amount is the k-th column's
        boolean full = pos.length > 0 && tok.size() == spaced.columns(page);
        int[] placed = full || pos.length == 0 ? null : spaced.place(page, tok);
        if (!full && placed == null && everyCell) {
            placed = new int[n];
            for (int i = 0; i < n; i++) placed[i] = i;
            pos = placed;
        }
        if (!full && placed == null) return null;
        for (int i = 0; i < tok.size(); i++) {
            SpacedColumns.Token x = tok.get(i);
            if (dash(x.text())) continue;
            int j = full ? i : placed[i];
            if (j <= last) return null;
            last = j;
            for (int c = 0; c < n; c++) if (pos[c] == j) v.set(c, number(x.text()));
        }
        spacedCount = tok.size();
        return v;
    }

    /** The code cells left blank before a row's two-digit code, by where it is printed (0: not such a row, or not known). */
    private int spacedBlanks;

    private int spacedBlanks(int k, List<String> lines) {
        List<SpacedColumns.Token> w = SpacedColumns.words(lines.get(k));
        if (w.isEmpty() || !digits(w.get(0).text(), 2, 2)) return 0;
        return spaced.blanksBefore(Math.max(0, spaced.page(k)), w.get(0).start(), lines);
    }

    /** The template's columns on a page ({@link #spacedValues}); a page without a header has its previous page's when as many. */
    private int[] spacedColumns(int page, List<String> lines) {
        int m = spaced.columns(page);
        if (m == 0) return new int[0];
        if (spaced.columnsByHeader(page)) {
            // the header's last line names each column, one word a column: the template's columns when as many
            if (m != n) return new int[0];
            int[] pos = new int[n];
            for (int c = 0; c < n; c++) pos[c] = c;
            return pos;
        }
        if (spaced.hasHeader(page)) {
            // every column some row fills labelled: the template's, or one it does not have (its amounts left out)
            String[] label = spaced.labels(page, lines);
            int[] pos = byLabels(label, 0, true);
            // a column some row fills left unnamed by the words over it: perhaps a header pdftotext squeezed left
            // (each label over its left neighbour's column), read in its words' order instead
            int[] inOrder = pos == null || unnamed(pos, m) ? squeezedHeaderColumns(page, lines) : null;
            if (inOrder != null) return inOrder;
            if (pos == null) return new int[0];
            for (int j = 0; j < m; j++) {
                final int col = j;
                if (label[j].isEmpty() && java.util.Arrays.stream(pos).noneMatch(p -> p == col)) return new int[0];
            }
            return pos;
        }
        for (int p = page - 1; p >= 0; p--) {
            int[] before = spacedAt.get(p);
            if (before == null || before.length == 0) continue;
            if (spaced.columns(p) == m) return before;
            return m < spaced.columns(p) ? new ColumnSums(spaced, n, this::number, this::totalLabel).choose(rows, page, lines, before, spaced.columns(p)) : new int[0];
        }
        return new int[0];
    }

    /** Is one of a page's {@code m} columns the template's column of none ({@code pos}: each template column's)? */
    private static boolean unnamed(int[] pos, int m) {
        boolean[] named = new boolean[m];
        for (int p : pos) if (p >= 0 && p < m) named[p] = true;
        for (boolean b : named) if (!b) return true;
        return false;
    }

    /**
     * The template's columns on a page whose header pdftotext squeezed left ({@link SqueezedHeader}): when its
     * labels, read left to right, are each a column of the template's, in its order, each of the page's columns is
     * given the label nearest to it in that order. Null when the header is not squeezed or a label is no column of
     * the template's (then the words over each column name it).
     */
    private int[] squeezedHeaderColumns(int page, List<String> lines) {
        List<SqueezedHeader.Label> heads = spaced.squeezedLabels(page, lines);
        if (heads.isEmpty()) return null;
        String[] label = heads.stream().map(SqueezedHeader.Label::text).toArray(String[]::new);
        int[] byLabel = byLabels(label, 0);
        if (byLabel == null || unnamed(byLabel, label.length)) return null;
        int[] col = spaced.alignLabels(page, lines, heads);
        if (col == null) return null;
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        for (int c = 0; c < n; c++) for (int j = 0; j < col.length; j++) if (byLabel[c] >= 0 && col[j] == byLabel[c]) pos[c] = j;
        return pos;
    }

    /** A row's text cells and its amounts placed by where they are printed ({@link #spacedValues}); null when its cells do not part as its amounts do. */
    private Split spacedSplit(List<String> cells) {
        int first = cells.size(), tokens = 0;
        while (first > 0 && tokens < spacedCount) {
            String c = cells.get(first - 1).trim();
            if (c.isEmpty()) { first--; continue; }
            String[] parts = SPACES.split(c);
            for (String part : parts) if (!amount(part)) return null;
            tokens += parts.length;
            first--;
        }
        if (tokens != spacedCount) return null;
        cellOf = null;
        return new Split(new ArrayList<>(cells.subList(0, first)), spacedValues);
    }

    /** A row's text cells and its n amounts: by the header's columns, else the last n cells in the tab layout (blanks are cells), else the last n amounts. */
    private Split split(List<String> cells) {
        if (spacedValues != null) {
            Split sp = spacedSplit(cells);
            if (sp != null) return sp;
        }
        if (at != null && cells.size() <= width && cells.size() >= width - 3) {
            int shift = width - cells.size(); // a row whose first cells are merged (合计 over the code columns)
            int first = Integer.MAX_VALUE;
            for (int p : at) if (p >= 0) first = Math.min(first, p - shift);
            if (first >= 0 && first != Integer.MAX_VALUE) {
                List<BigDecimal> v = new ArrayList<>(Collections.nCopies(n, (BigDecimal) null));
                int[] from = new int[n];
                java.util.Arrays.fill(from, -1);
                boolean ok = true;
                for (int c = 0; c < n && ok; c++) {
                    if (at[c] < 0) continue;
                    String cell = cells.get(at[c] - shift);
                    if (!cell.isBlank() && !amount(cell)) ok = false;
                    else {
                        v.set(c, number(cell));
                        from[c] = at[c] - shift;
                    }
                }
                if (ok) {
                    cellOf = from;
                    return new Split(new ArrayList<>(cells.subList(0, first)), v);
                }
            }
        }
        boolean tab = cells.stream().anyMatch(String::isEmpty);
        int firstValue;
        if (tab && cells.size() >= n) {
            firstValue = cells.size() - n;
        } else {
            firstValue = cells.size();
            int found = 0;
            while (firstValue > 0 && found < n && (amount(cells.get(firstValue - 1)) || cells.get(firstValue - 1).isBlank())) {
                firstValue--;
                found++;
            }
        }
        List<String> text = new ArrayList<>(cells.subList(0, firstValue));
        List<BigDecimal> v = new ArrayList<>(Collections.nCopies(n, (BigDecimal) null));
        List<String> vs = cells.subList(firstValue, cells.size());
        int offset = n - vs.size();
        cellOf = new int[n];
        java.util.Arrays.fill(cellOf, -1);
        for (int k = 0; k < vs.size(); k++) {
            if (offset + k < 0) continue;
            v.set(offset + k, number(vs.get(k)));
            cellOf[offset + k] = firstValue + k;
        }
        return new Split(text, v);
    }

    private record Split(List<String> text, List<BigDecimal> values) {}

    /** Per page of {@link #spaced}, a summary's: the side (block) of each column, from 0 (income); null: not known. */
    private final Map<Integer, int[]> spacedBlocks = new HashMap<>();

    /**
     * A summary's line in a text laid out by spaces, read by where its words are: each amount in its column
     * ({@link SpacedColumns}, every amount of the page's lines marking one), each label heading the columns right of
     * it up to the next label's (the page's labelled columns start its sides: income, expense, and 西安's further
     * expense blocks, which are not the table's). A side's amounts are its columns' from the left, blank cells kept
     * blank. Null when the page's columns are not known (then the line is read by its cells).
     */
    private List<Row> spacedSummaryRows(int k, List<String> lines) {
        int page = spaced.page(k);
        int m = spaced.columns(page);
        if (page < 0 || m == 0) return null;
        SummaryLine line = summaryLine(k, lines, page);
        int sides = line.label().length;
        for (int b = 0; b < Math.min(2, sides); b++) if (line.label()[b] != null) continueLabel(line, b, k, lines, page);
        List<Row> out = new ArrayList<>();
        cellOf = null;
        // a page whose income side is blank (西安 2021 收支总表's second page: "12、城乡社区 / 0.00 / 支出" first): its
        // first block's label a functional class and no income line, the blocks are the expense side's and those
        // right of it (further classifications, not the table's)
        String first = line.label()[0] == null ? null : line.label()[0].toString();
        boolean noIncome = sides > 1 && first != null && incomeLabel(first, false).isEmpty()
                && !squeeze(first).equals(squeeze(profile.incomeTotalLabel())) && codeOf(first, ref.functional()).isPresent();
        for (int b = 0; b < Math.min(noIncome ? 1 : 2, sides); b++) {
            if (line.label()[b] == null) continue;
            String label = line.label()[b].toString();
            // one side printed on the page (a continuation of the expense side alone): the side its labels are
            boolean income = noIncome ? false : sides > 1 ? b == 0 : incomeLabel(label, false).isPresent()
                    || squeeze(label).equals(squeeze(profile.incomeTotalLabel()));
            Row r = income ? incomeRow(label, line.values().get(b)) : expenseRow(label, line.values().get(b));
            for (Row p : pending) out.add(p.withOrigin(source.origin(currentLine, null)));
            pending.clear();
            if (r != null) out.add(located(r));
        }
        return out;
    }

    /**
     * A summary's line read by where its words are: per side (block), its label's words (from {@code labelStart}),
     * its amounts, whether it prints any, and where its words start.
     */
    private record SummaryLine(StringBuilder[] label, int[] labelStart, List<List<BigDecimal>> values, boolean[] filled, List<List<Integer>> starts) {}

    /** Per line of a summary, the words (by where they start) taken into a row above: its label's wrapped part, its amounts. */
    private final Map<Integer, java.util.Set<Integer>> spacedTaken = new HashMap<>();

    private SummaryLine summaryLine(int k, List<String> lines, int page) {
        int m = spaced.columns(page);
        int[] block = spacedBlocks.computeIfAbsent(page, p -> {
            boolean[] labelled = spaced.labelled(p, lines);
            int[] b = new int[m];
            int side = -1;
            for (int j = 0; j < m; j++) {
                if (labelled[j]) side++;
                b[j] = Math.max(0, side);
            }
            return b;
        });
        int sides = block[m - 1] + 1;
        StringBuilder[] label = new StringBuilder[sides];
        int[] labelStart = new int[sides];
        List<List<BigDecimal>> values = new ArrayList<>(sides);
        List<List<Integer>> starts = new ArrayList<>(sides);
        boolean[] filled = new boolean[sides];
        int[] first = new int[sides];
        for (int b = 0; b < sides; b++) {
            values.add(blank());
            starts.add(new ArrayList<>());
        }
        for (int j = m - 1; j >= 0; j--) first[block[j]] = j;
        java.util.Set<Integer> taken = spacedTaken.getOrDefault(k, java.util.Set.of());
        for (SpacedColumns.Token w : SpacedColumns.words(lines.get(k))) {
            if (taken.contains(w.start())) continue;
            String x = w.text();
            int col = amount(x) ? spaced.column(page, w.end()) : -1;
            if (col >= 0) {
                int c = col - first[block[col]];
                if (c < n) values.get(block[col]).set(c, number(x));
                filled[block[col]] = true;
                starts.get(block[col]).add(w.start());
                continue;
            }
            // a 行次 column (西安 决算): the line's number beside its label is no label
            if (rowNumbers && digits(x, 1, 3)) continue;
            int j = spaced.after(page, w.end());
            int b = j < m ? block[j] : sides - 1;
            if (label[b] == null) {
                label[b] = new StringBuilder();
                labelStart[b] = w.start();
            } else label[b].append(' ');
            label[b].append(x);
            starts.get(b).add(w.start());
        }
        return new SummaryLine(label, labelStart, values, filled, starts);
    }

    /** How far left of a label's first line its rest may start in its cell (characters): an indent. */
    private static final int INDENT = 6;

    /**
     * A side's label wrapped in its cell (207 文化旅游体育与传媒支 / 出): pdftotext prints the label's last words on
     * the line below, and the row's amounts, when any, on the line between (215 资源勘探工业信息等支 / 226.56 226.56
     * / 出), the other side's words beside them or not. The side's words on the lines below — its amounts alone while
     * the row has none, then words that are no row of their own (no code, numbering or template line) starting where
     * its label starts (the cell's left edge: a word there may end in a column of the side on its left) — are the
     * row's, and no words of their lines.
     */
    private void continueLabel(SummaryLine line, int b, int k, List<String> lines, int page) {
        Map<Integer, List<Integer>> taken = new HashMap<>();
        List<BigDecimal> amounts = null;
        boolean passed = false;
        for (int next = k + 1; next < lines.size() && spaced.page(next) == page; next++) {
            if (lines.get(next).isBlank()) break;
            SummaryLine below = summaryLine(next, lines, page);
            if (below.label().length <= b) break;
            if (below.label()[b] == null && below.filled()[b]) {
                if (amounts != null || line.filled()[b]) break;
                amounts = below.values().get(b);
                taken.put(next, below.starts().get(b));
                continue;
            }
            // the side whose label starts where the row's does (the words' start says the side, not their end)
            int side = -1;
            for (int c = 0; c < below.label().length; c++) {
                if (below.label()[c] != null && Math.abs(below.labelStart()[c] - line.labelStart()[b]) <= 2) side = c;
            }
            // (a label indented in its cell, its rest at the cell's left edge: "     (2)政府性基金拨" / "款", "4、公共安全支" / "出")
            if (side < 0 && below.label()[b] != null && below.labelStart()[b] < line.labelStart()[b]) side = b;
            // (or under the side on its left, blank on both lines: 表4's page of expense alone, "26、转移性支" / "出")
            if (side < 0 && b > 0 && below.label()[b] == null && below.label()[b - 1] != null && line.label()[b - 1] == null
                    && !line.filled()[b - 1] && !below.filled()[b - 1] && below.labelStart()[b - 1] < line.labelStart()[b]
                    && below.labelStart()[b - 1] >= line.labelStart()[b] - INDENT) side = b - 1;
            // a line printing another side's words only, between the label's lines (西安 2021 表9: "二、文化旅游体育" /
            // "工资福利支出" of the side right of it / "与传媒支出"): passed over, once
            if (side < 0 && !passed && below.label()[b] == null && !below.filled()[b]) {
                passed = true;
                continue;
            }
            if (side < 0 || below.filled()[side] || side != b && (below.label()[b] != null || below.filled()[b])) break;
            String words = below.label()[side].toString();
            boolean income = b == 0 && line.label().length > 1;
            // (a label that is a line as it stands, unless its words below make another: 其中：财政拨款 / 资金结转)
            boolean longer = income && incomeLabel(line.label()[b] + words, false).isPresent();
            if (!labelPart(words, income) || complete(line.label()[b].toString(), income) && !longer) break;
            line.label()[b].append(words);
            taken.put(next, below.starts().get(side));
            taken.forEach((l, st) -> spacedTaken.computeIfAbsent(l, x -> new java.util.HashSet<>()).addAll(st));
            taken.clear();
            if (amounts != null) {
                line.values().set(b, amounts);
                line.filled()[b] = true;
                amounts = null;
            }
        }
    }

    /**
     * A summary's label that is a row as it stands: the template's income line, a total, a closing line, a class
     * named as the year's classification names it (its code's name, or its name without a code).
     */
    private boolean complete(String label, boolean income) {
        String sq = squeeze(label);
        if (sq.equals(squeeze(profile.incomeTotalLabel())) || sq.equals(squeeze(profile.expenseTotalLabel()))) return true;
        if (income) return incomeLabel(label, false).isPresent();
        for (String c : shape.expenseClosing()) if (!c.isBlank() && plainLabel(c).equals(plainLabel(label))) return true;
        String[] split = splitCode(label);
        if (split != null) return ref.functional().name(split[0]).map(x -> squeeze(x).equals(squeeze(split[1]))).orElse(false);
        return codeOf(label, ref.functional()).isPresent();
    }

    /** Words of a summary's side that are no row of their own: no code or numbering (七、), no template line, no total. */
    private boolean labelPart(String words, boolean income) {
        String sq = squeeze(words);
        if (sq.isEmpty() || splitCode(words) != null || !stripNumbering(words).equals(words.trim()) || sq.startsWith("（") || sq.startsWith("(") || sq.equals(squeeze(profile.incomeTotalLabel()))
                || sq.equals(squeeze(profile.expenseTotalLabel())) || sq.endsWith("总计") || sq.endsWith("合计")) return false;
        if (income) return incomeLabel(words, false).isEmpty();
        for (String c : shape.expenseClosing()) if (!c.isBlank() && plainLabel(c).equals(plainLabel(words))) return false;
        return codeOf(words, ref.functional()).isEmpty();
    }

    /** Does the header (tab layout) print 行次 over the line's cell {@code j}? */
    private boolean rowNumberCell(int j) {
        return header.stream().anyMatch(h -> j < h.size() && squeeze(h.get(j)).equals("行次"));
    }

    /** Income label and amount(s), then expense label and amounts, on one line. */
    private List<Row> summaryRows(List<String> cells) {
        List<String> labels = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        List<Integer> blocks = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        // side-by-side blocks (西安: income | 功能分类 | 部门经济分类 | 政府经济分类), in the tab layout where each
        // block is a label cell and its amount cells: the income block and the first expense block are the table's
        boolean sideBySide = cells.size() > 2 * (n + 1) + 1 && cells.stream().anyMatch(String::isEmpty);
        boolean afterLabel = false;
        for (int j = 0; j < cells.size(); j++) {
            String c = cells.get(j);
            // a 行次 column (西安 决算: "本年收入合计 | 27 | 2,015,094.22"): the line's number beside its label is no amount,
            // nor under the header's 行次 when the label beside it is blank ("国有资本经营预算财政拨款 | 31 | | | 63")
            if (rowNumbers && (afterLabel || j == 1 && cells.get(0).isBlank() || rowNumberCell(j)) && digits(c.trim(), 1, 3)) {
                afterLabel = false;
                continue;
            }
            afterLabel = false;
            if (!c.isBlank() && !amount(c)) {
                labels.add(c.trim());
                groups.add(new ArrayList<>());
                starts.add(j + 1);
                blocks.add(sideBySide ? j / (n + 1) : -1);
                afterLabel = true;
            } else if (!groups.isEmpty()) {
                groups.get(groups.size() - 1).add(c);
            }
        }
        List<Row> out = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            String label = labels.get(g);
            if (blocks.get(g) >= 2) continue;
            boolean income = blocks.get(g) == 0
                    || blocks.get(g) < 0 && (g == 0 && labels.size() > 1 || (labels.size() == 1 && incomeLabel(label, false).isPresent()));
            Row r = income ? incomeRow(label, groups.get(g), starts.get(g)) : expenseRow(label, groups.get(g), starts.get(g));
            for (Row p : pending) out.add(p.withOrigin(source.origin(currentLine, null)));
            pending.clear();
            if (r != null) out.add(located(r));
        }
        return out;
    }

    private Row incomeRow(String label, List<String> cellValues, int start) {
        return incomeRow(label, values(cellValues, start));
    }

    private Row incomeRow(String label, List<BigDecimal> v) {
        String sq = squeeze(label);
        if (sq.equals(squeeze(profile.incomeTotalLabel())) || sq.equals("收入总计")) {
            return new Row(Side.INCOME, RowKind.TOTAL, "income.total", "", label, "", "", v);
        }
        Optional<LineSpec> spec = incomeLabel(label, true);
        if (spec.isEmpty()) {
            notes.add(named() + "：收入方的行「" + label + "」不是模板的行");
            return null;
        }
        return new Row(Side.INCOME, RowKind.LINE, spec.get().key(), "", spec.get().label(), "", "", v);
    }

    private Row expenseRow(String label, List<String> cellValues, int start) {
        return expenseRow(label, values(cellValues, start));
    }

    private Row expenseRow(String label, List<BigDecimal> v) {
        String sq = squeeze(label);
        if (sq.equals(squeeze(profile.expenseTotalLabel())) || sq.equals("支出总计")) {
            return new Row(Side.EXPENSE, RowKind.TOTAL, "expense.total", "", label, "", "", v);
        }
        List<String> closing = shape.expenseClosing();
        for (int k = closingCursor; k < closing.size(); k++) {
            String printed = plainLabel(label);
            if (!plainLabel(closing.get(k)).equals(printed) && !printed.equals(unscoped(closing.get(k)))) continue;
            // a closing row printed without a label (a spacer) leaves no line: it is restored blank
            for (int skipped = closingCursor; skipped < k; skipped++) {
                if (closing.get(skipped).isBlank()) pending.add(closingRow(skipped, closing.get(skipped), blank()));
            }
            closingCursor = k + 1;
            return closingRow(k, label, v);
        }
        String[] split = splitCode(label);
        if (split != null) return seen(new Row(Side.EXPENSE, RowKind.CLASS, "", split[0], split[1], "", "", v));
        Optional<String> code = codeOf(label, ref.functional());
        if (code.isPresent()) return seen(new Row(Side.EXPENSE, RowKind.CLASS, "", code.get(), stripNumbering(label), "", "", v));
        notes.add(named() + "：支出方的行「" + label + "」不是功能分类的类");
        return null;
    }

    /** The next closing row of the expense side (本年支出合计, 结转下年 …) that may follow. */
    private int closingCursor;
    /** Rows restored before the row being read (a closing row printed blank). */
    private final List<Row> pending = new ArrayList<>();

    private Row closingRow(int k, String label, List<BigDecimal> v) {
        return new Row(Side.EXPENSE, RowKind.LINE, k == 0 ? "expense.current" : "expense.closing." + k, "", label, "", "", v);
    }

    private List<BigDecimal> blank() {
        return new ArrayList<>(Collections.nCopies(n, (BigDecimal) null));
    }

    /** The header has a 行次 column: a small number after a row's label is its line number. */
    private boolean rowNumbers;
    /** The header prints a 序号 column: each row starts with its number. */
    private boolean serials;
    /** The 序号 column's numbers are blanked from the text's lines ({@link SerialColumn}): no row starts with one. */
    private boolean serialsBlanked;

    /** Where the last income row matched: labels repeat under different groups (其中：一般公共预算拨款), so the next match is sought after it. */
    private int incomeCursor;

    /** Each income row's label and aliases as compared (built once: a plain line tries several prefixes). */
    private List<java.util.Set<String>> incomeLabels;

    /**
     * A line's label without the table's own scope, the words its title starts with (财政拨款收入支出决算总表: 财政拨款) —
     * a 西安 决算 prints 年初结转和结余 / 年末结转和结余 in the table of 财政拨款 where the national template says
     * 年初财政拨款结转和结余: null when the label does not hold the scope or too little is left.
     */
    private String unscoped(String label) {
        String title = squeeze(t.title(""));
        int end = title.length();
        for (String w : List.of("收入支出", "收支", "支出", "收入")) {
            int at = title.indexOf(w);
            if (at > 0) end = Math.min(end, at);
        }
        if (end < 2 || end == title.length()) return null;
        String scope = title.substring(0, end).replaceAll("^\\{year}年度?|^\\d{4}年度?", "");
        String own = plainLabel(label);
        if (scope.length() < 2 || !own.contains(scope)) return null;
        String rest = own.replace(scope, "");
        return rest.length() >= 4 ? rest : null;
    }

    private Optional<LineSpec> incomeLabel(String label, boolean advance) {
        String sq = plainLabel(label);
        List<LineSpec> specs = t.incomeRows();
        if (incomeLabels == null) {
            incomeLabels = new ArrayList<>(specs.size());
            java.util.Set<String> all = new java.util.HashSet<>();
            for (LineSpec s : specs) all.add(plainLabel(s.label()));
            for (LineSpec s : specs) {
                java.util.Set<String> own = new java.util.HashSet<>();
                own.add(plainLabel(s.label()));
                for (String a : s.aliases()) own.add(plainLabel(a));
                String unscoped = unscoped(s.label());
                if (unscoped != null && !all.contains(unscoped)) own.add(unscoped);
                incomeLabels.add(own);
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int k = pass == 0 ? incomeCursor : 0; k < specs.size(); k++) {
                LineSpec s = specs.get(k);
                boolean match = incomeLabels.get(k).contains(sq);
                if (match) {
                    if (advance) incomeCursor = k + 1;
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    private Row fixedRow(List<String> cells) {
        Split sp = split(cells);
        String label = sp.text().stream().filter(c -> !c.isBlank()).findFirst().orElse("").trim();
        List<BigDecimal> v = sp.values();
        Optional<LineSpec> spec = fixedLabel(List.of(label));
        // its label after a serial number (西安 2022's 序号 column: "1 | | 合计 | 17159700 | ")
        if (spec.isEmpty() && amount(label)) spec = fixedLabel(sp.text());
        // its amounts before a text column left blank (说明, 项目简介) under a header not read in cells (西安 表12:
        // "合计 | 4 | … | 4,020,000.00 | "): the row's last amounts, as many as the template's columns
        if (spec.isPresent() && v.stream().allMatch(java.util.Objects::isNull)) v = lastAmounts(cells, v);
        // a row printed without its label (its profile's alias "": 烟台 公开表7's “三公” amounts under the header alone),
        // in a text, only when its amounts are placed in their cells (its tab layout's, or by where they are printed) or
        // fill them all — not taken from the right, its blank cells lost
        if (label.isEmpty() && spec.isPresent() && source.text() && spacedValues == null && cells.stream().noneMatch(String::isEmpty)
                && v.stream().filter(java.util.Objects::nonNull).count() < n) {
            spec = Optional.empty();
        }
        if (spec.isPresent()) {
            LineSpec s = spec.get();
            return new Row(null, s.key().equals("total") ? RowKind.TOTAL : RowKind.LINE, s.key(), "", s.label(), "", "", v);
        }
        if (transposed(label, cells)) return null;
        notes.add(named() + "：行「" + label + "」不是模板的行");
        return null;
    }

    /** The row's last {@code n} amount cells, in the template's last columns; {@code none} when it prints none. */
    private List<BigDecimal> lastAmounts(List<String> cells, List<BigDecimal> none) {
        List<String> amounts = cells.stream().filter(c -> !c.isBlank() && amount(c)).toList();
        if (amounts.isEmpty()) return none;
        List<BigDecimal> v = new ArrayList<>(Collections.nCopies(n, (BigDecimal) null));
        for (int k = 0; k < Math.min(n, amounts.size()); k++) v.set(n - 1 - k, number(amounts.get(amounts.size() - 1 - k)));
        return v;
    }

    /** A fixed table of one row printed turned (西安 2022 决算's 三公 table): its rows by column label (预算数, 决算数), their cells. */
    private final Map<String, List<String>> turned = new java.util.LinkedHashMap<>();
    /** Those rows as printed (a text laid out by spaces: their amounts placed by {@link TurnedColumns}). */
    private final Map<String, String> turnedLines = new java.util.LinkedHashMap<>();
    /** Where the first of those rows is printed: the row read from them is placed there. */
    private org.openbudget.core.disclosure.Origin turnedAt;

    /**
     * A fixed table of one row whose columns are labels under groups (预算数 | 决算数 of 因公出国（境）费 …) printed
     * turned: a row per label, a column per group. The row's cells are kept to be put in the template's columns by
     * the groups the header names (see {@link #turnedRow}).
     */
    private boolean transposed(String label, List<String> cells) {
        if (t.rows().size() != 1 || turned.containsKey(squeeze(label))) return false;
        String sq = squeeze(label);
        boolean grouped = t.columns().stream().anyMatch(c -> squeeze(c.label()).equals(sq) && !c.group().isBlank());
        if (!grouped) return false;
        if (turned.isEmpty()) turnedAt = source.origin(currentLine, null);
        turned.put(sq, cells);
        turnedLines.put(sq, lineRaw);
        return true;
    }

    /**
     * The one row of a turned fixed table: each template column's cell is the cell of the row printed for its label
     * (预算数) under the header cell that names its group's last part (因公出国（境）费 / 因公出国（境）费用; a group
     * 合计 or 小计 under 小计 or 合计), the header's cells taken left to right in the groups' order. Null (with a
     * note) when the header does not name every group.
     */
    private Row turnedRow() {
        List<List<String>> head = header.stream().filter(h -> !numberRow(h)).max(java.util.Comparator.comparingInt(h -> (int) h.stream().filter(c -> !c.isBlank()).count()))
                .orElse(List.<String>of()).stream().map(List::of).toList();
        Map<String, List<String>> turned = this.turned;
        // a text laid out by spaces, its blank cells lost: the columns its header numbers (栏次 1 2 …), each amount in its own
        TurnedColumns spacedOut = header.isEmpty() && source.text() ? TurnedColumns.of(plainHeader, turnedLines) : null;
        if (spacedOut != null) {
            head = spacedOut.heads;
            turned = spacedOut.cells;
        }
        List<String> groups = new ArrayList<>();
        for (var c : t.columns()) if (!groups.contains(c.group())) groups.add(c.group());
        int[] cellOfGroup = new int[groups.size()];
        int from = 0;
        for (int g = 0; g < groups.size(); g++) {
            String[] parts = groups.get(g).split("/");
            String last = squeeze(parts[parts.length - 1]);
            boolean subtotal = last.equals("合计") || last.equals("小计");
            cellOfGroup[g] = -1;
            for (int k = from; k < head.size() && cellOfGroup[g] < 0; k++) {
                for (String word : head.get(k)) {
                    String h = squeeze(word);
                    if (h.isEmpty()) continue;
                    if (subtotal ? h.equals("小计") || h.equals("合计") : h.startsWith(last) || last.startsWith(h) && h.length() >= 4) {
                        cellOfGroup[g] = k;
                        from = k + 1;
                        break;
                    }
                }
            }
            if (cellOfGroup[g] < 0) {
                notes.add(named() + "：表按行印出「" + String.join("、", turned.keySet()) + "」，表头找不到「" + last + "」列，未能读出");
                return null;
            }
        }
        List<BigDecimal> v = new ArrayList<>(java.util.Collections.nCopies(n, (BigDecimal) null));
        for (int c = 0; c < n; c++) {
            var col = t.columns().get(c);
            List<String> cells = turned.get(squeeze(col.label()));
            int k = cellOfGroup[groups.indexOf(col.group())];
            if (cells != null && k < cells.size() && amount(cells.get(k))) v.set(c, number(cells.get(k)));
        }
        LineSpec s = t.rows().get(0);
        return new Row(null, s.key().equals("total") ? RowKind.TOTAL : RowKind.LINE, s.key(), "", s.label(), "", "", v, turnedAt);
    }

    private String years(String label) {
        return label.replace("{year}", String.valueOf(year)).replace("{prev_year}", String.valueOf(year - 1));
    }

    /** The template row a line's first text cell names. */
    private Optional<LineSpec> fixedLabel(List<String> cells) {
        String label = cells.stream().filter(c -> !c.isBlank() && !amount(c)).findFirst().orElse("").trim();
        String sq = plainLabel(label);
        for (LineSpec s : t.rows()) {
            if (plainLabel(years(s.label())).equals(sq) || s.aliases().stream().anyMatch(a -> plainLabel(years(a)).equals(sq))) return Optional.of(s);
        }
        return Optional.empty();
    }

    private Row projectRow(List<String> cells) {
        Split sp = split(cells);
        String label = letterSpacedTotal(sp.text());
        if (label == null) label = sp.text().stream().filter(c -> !c.isBlank()).findFirst().orElse("").trim();
        List<BigDecimal> v = sp.values();
        String sq = squeeze(label);
        if (totalLabel(sq)) return new Row(null, RowKind.TOTAL, "", "", label, "", "", v);
        if (sq.equals("基本支出")) return new Row(null, RowKind.LINE, "basic", "", label, "", "", v);
        return new Row(null, RowKind.PROJECT, "", "", label, label, "", v);
    }

    /**
     * A project table's rows grouped into unit blocks where the template prints unit rows: a row
     * starts a unit's block when the block before it is complete (its rows add up to its unit row,
     * within rounding); a unit's own rows carry its name.
     */
    private List<Row> unitBlocks(List<Row> in) {
        if (!t.unitRowsFor(department)) return in;
        // a department of one unit prints its projects right under the total (深圳 表5 of 信访局): when the rows
        // below the total add up to it, none of them is a unit's subtotal
        BigDecimal total = null, sum = BigDecimal.ZERO;
        int rows = 0;
        for (Row r : in) {
            if (r.kind() == RowKind.TOTAL) {
                if (total == null) total = r.value(0) == null ? BigDecimal.ZERO : r.value(0);
                continue;
            }
            sum = sum.add(r.value(0) == null ? BigDecimal.ZERO : r.value(0));
            rows++;
        }
        if (total != null && rows > 0 && total.signum() != 0 && total.subtract(sum).abs().compareTo(tolerance(rows)) <= 0) return in;
        List<Row> out = new ArrayList<>();
        Row unit = null;
        BigDecimal left = null;
        int parts = 0;
        for (Row r : in) {
            if (r.kind() == RowKind.TOTAL) {
                out.add(r);
                continue;
            }
            BigDecimal v = r.value(0) == null ? BigDecimal.ZERO : r.value(0);
            if (unit == null || left.abs().compareTo(tolerance(parts)) <= 0) {
                unit = new Row(null, RowKind.UNIT, "", "", r.name(), "", r.name(), r.values(), r.origin());
                out.add(unit);
                left = v;
                parts = 0;
                continue;
            }
            left = left.subtract(v);
            parts++;
            out.add(new Row(r.side(), r.kind(), r.key(), r.code(), r.name(), r.project(), unit.unit(), r.values(), r.origin()));
        }
        return out;
    }

    private static BigDecimal tolerance(int parts) {
        return new BigDecimal("0.005").multiply(BigDecimal.valueOf(parts + 1L));
    }

    private Classification classification() {
        return shape.economic() ? ref.economic() : ref.functional();
    }

    /** Squeezed name → codes of that name, per classification. */
    private final Map<Classification, Map<String, List<String>>> byName = new HashMap<>();
    /** The codes of the 类 and 款 read last: a name printed without its code is sought under them first. */
    private String lastClass = "", lastKuan = "";
    /** The unit whose block of rows is being read (a department's table with a row per unit), "" before any. */
    private String currentUnit = "";

    /**
     * A 类/款/项 printed by its name only ("一、一般公共服务支出", an indented "公安"): its code, from the
     * year's classification — a 项 of the 款 above, else a 款 of the 类 above, else a 类.
     */
    private Optional<String> codeOf(String label, Classification c) {
        Map<String, List<String>> names = byName.computeIfAbsent(c, k -> {
            Map<String, List<String>> m = new HashMap<>();
            for (var item : k.items()) m.computeIfAbsent(squeeze(item.name()), x -> new ArrayList<>()).add(item.code());
            return m;
        });
        String key = squeeze(stripNumbering(label));
        // with the codes the document's own coded tables print beside the name, for a name the shipped list lacks
        // (it is partial: 深圳 表7 "2080104 综合业务管理" for 表1's "综合业务管理"; a 项 named as its 款, 2089999
        // 其他社会保障和就业支出 under 20899): the deepest level that fits the rows above wins, the list's code first
        List<String> codes = new ArrayList<>(names.getOrDefault(key, List.of()));
        for (String p : doc.printedCodes(c == ref.economic()).getOrDefault(key, List.of())) if (!codes.contains(p)) codes.add(p);
        return under(codes);
    }

    /** The code among {@code codes} of a 项 of the 款 above, else of a 款 of the 类 above, else of a 类. */
    private Optional<String> under(List<String> codes) {
        if (codes.isEmpty()) return Optional.empty();
        for (String parent : new String[]{lastKuan, lastClass, ""}) {
            int len = parent.length() + 2;
            for (String code : codes) {
                if (parent.isEmpty() ? code.length() == 3 : code.length() == len && code.startsWith(parent)) return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** Remembers the 类 and 款 a row names, for the rows below it printed by name only. */
    private Row seen(Row r) {
        String code = r.code();
        if (code.length() == 3) {
            lastClass = code;
            lastKuan = "";
        } else if (code.length() == 5) {
            lastClass = code.substring(0, 3);
            lastKuan = code;
        }
        return r;
    }

    /**
     * A total's label printed letter-spaced wide enough that a text laid out by spaces parts it into cells ("合   计",
     * 烟台): the label joined, null when the row's text cells are not a total's so.
     */
    private String letterSpacedTotal(List<String> text) {
        StringBuilder b = null;
        int parts = 0;
        for (String c : text) {
            // every row's text cells pass here: a cell of more than two characters (most names) ends the look at once
            int chars = 0;
            for (int i = 0; i < c.length() && chars <= 2; i++) if (!white(c.charAt(i))) chars++;
            if (chars == 0) continue;
            if (chars > 2) return null;
            if (b == null) b = new StringBuilder(4);
            b.append(squeeze(c));
            parts++;
        }
        return parts > 1 && totalLabel(b.toString()) ? b.toString() : null;
    }

    /** The table's total row by its label: 合计, 总计 …, or the profile's total label (the unit's name where the template prints that). */
    private boolean totalLabel(String sq) {
        if (total(sq)) return true;
        String label = profile.totalLabel();
        if (label == null || label.isBlank()) return false;
        return squeeze(label.replace("{unit}", unitName)).equals(sq) && rows.isEmpty();
    }

    /** The amounts of a summary's group of cells, the first of which is cell {@code start} of its line. */
    private List<BigDecimal> values(List<String> cells, int start) {
        List<BigDecimal> v = new ArrayList<>(Collections.nCopies(n, (BigDecimal) null));
        List<String> amounts = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int j = 0; j < cells.size(); j++) {
            String c = cells.get(j);
            if (c.isBlank() || amount(c)) {
                amounts.add(c.trim());
                at.add(start + j);
            }
        }
        // tab layout: the cells are the columns from the left (blank cells kept, trailing ones dropped);
        // plain layout, where blanks leave no cell: the last n amounts
        while (!amounts.isEmpty() && amounts.get(amounts.size() - 1).isEmpty()) amounts.remove(amounts.size() - 1);
        int offset = Math.max(0, amounts.size() - n);
        cellOf = new int[n];
        java.util.Arrays.fill(cellOf, -1);
        for (int i = 0; i < n && offset + i < amounts.size(); i++) {
            v.set(i, number(amounts.get(offset + i)));
            cellOf[i] = at.get(offset + i);
        }
        return v;
    }

    private BigDecimal number(String s) {
        String c = s.replace(",", "").replace("，", "").trim();
        if (c.isEmpty() || c.equals("-") || c.equals("—") || c.equals("－")) return null;
        if (c.length() > 24) return null;
        try {
            BigDecimal b = new BigDecimal(c);
            return b.signum() == 0 ? null : (scale.equals(BigDecimal.ONE) ? b : b.movePointLeft(scale.precision() - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // the reader's hot tests, compiled once (String.matches compiles its expression on every call)
    private static final java.util.regex.Pattern NUMBER_THEN_WORDS = java.util.regex.Pattern.compile("\\d{1,3}\\s+\\S.*");
    private static final java.util.regex.Pattern UNIT_CODE_THEN_NAME = java.util.regex.Pattern.compile("\\d{4,} (\\S.*)");
    private static final java.util.regex.Pattern KUAN_THEN_WORDS = java.util.regex.Pattern.compile("\\d{2}\\s+\\S.*");
    private static final java.util.regex.Pattern SPLIT_CODE = java.util.regex.Pattern.compile("\\d{3}(?: \\d{2}){1,2}");
}
