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
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * Reads a published document's tables back by the profile's shapes — the reading counterpart of the
 * generic derivation, for any template expressed as a profile. Works on lines of text: the tab layout
 * (cells separated by tabs, as PdfLayout rebuilds ruled tables) or the plain layout (cells separated
 * by runs of spaces, as pdftotext -layout prints them).
 *
 * <p>Each table is found by its title (the profile's, with the unit's name and the year wherever the
 * template puts them) on a line followed, within a few lines, by its unit line or header; its header
 * lines are skipped up to the first row with an amount; each row is read by the table's shape:
 * 类/款/项 codes split, joined or printed with the name, the two sides of a summary, fixed rows by
 * their label, a project table's unit blocks told apart by their arithmetic. Amounts are read in the
 * profile's unit and kept in 万元, as a derived Disclosure keeps them.
 */
public final class ShapeReader {
    private ShapeReader() {}

    /** The tables read (each row with its {@link org.openbudget.core.disclosure.Origin}) and what could not be read (in Chinese). */
    /**
     * The tables read (each row with its {@link org.openbudget.core.disclosure.Origin}), what could not be read (in Chinese),
     * and the 0-based line of the first table found (its mark, or its title; −1 when none): the text before it is the document's opening part.
     */
    public record Result(List<DisclosureTable> tables, List<String> notes, int firstTable, Map<Integer, Integer> places) {
        public Result(List<DisclosureTable> tables, List<String> notes) {
            this(tables, notes, -1);
        }

        public Result(List<DisclosureTable> tables, List<String> notes, int firstTable) {
            this(tables, notes, firstTable, Map.of());
        }

        /**
         * Where each table of the template is, by its number: the 1-based line of its title; for a table not found, the
         * last line of the table the template lists before it that was found (where it would have been printed).
         */
        public Result {
            places = Map.copyOf(places);
        }
    }

    /** How far below a title its unit line or header must start. */
    private static final int TITLE_REACH = 5;

    public static Result read(List<String> lines, TemplateProfile profile, ReferenceData ref, String unit, AgencyKind kind, int year) {
        return read(lines, SourceLines.text(lines.size()), profile, ref, unit, kind, year);
    }

    /** As above, each row read with where it is ({@code source}: a PDF's pages and boxes, or a text's lines). */
    public static Result read(List<String> lines, SourceLines source, TemplateProfile profile, ReferenceData ref, String unit, AgencyKind kind, int year) {
        return read(lines, null, source, profile, ref, unit, kind, year);
    }

    /** As above, with each line {@link #squeeze squeezed} already (the recognition squeezed them; null: squeezed here). */
    public static Result read(List<String> lines, List<String> squeezedLines, SourceLines source, TemplateProfile profile, ReferenceData ref,
                              String unit, AgencyKind kind, int year) {
        List<String> notes = new ArrayList<>();
        List<String> squeezed = squeezedLines != null && squeezedLines.size() == lines.size() ? squeezedLines : squeezedAll(lines);
        String kindLabel = kind.label();
        List<TableTemplate> templates = new ArrayList<>(profile.tables().values());
        int[] start = new int[templates.size()];
        // the title each table is printed under when it is one of its aliases (上海's 部门 document: 部门收入预算总表)
        String[] printedAs = new String[templates.size()];
        int from = 0;
        List<List<String>> titles = new ArrayList<>();
        for (TableTemplate t : templates) titles.add(title(t.title(), kindLabel, unit, year));
        // every title a table is printed under (its aliases too): a line holding a longer one is that table's
        List<List<String>> printedTitles = new ArrayList<>(titles);
        for (TableTemplate t : templates) for (String a : t.aliases()) printedTitles.add(title(a, kindLabel, unit, year));
        for (int i = 0; i < templates.size(); i++) {
            TableTemplate t = templates.get(i);
            List<List<String>> longer = longer(printedTitles, titles.get(i));
            start[i] = find(squeezed, from, titles.get(i), longer);
            // the title as another kind of document prints it (上海: 预算单位收入预算总表 / 部门收入预算总表)
            for (int a = 0; start[i] < 0 && a < t.aliases().size(); a++) {
                start[i] = find(squeezed, from, title(t.aliases().get(a), kindLabel, unit, year), longer);
                if (start[i] >= 0) printedAs[i] = t.aliases().get(a);
            }
            // its qualifier in brackets worded otherwise or cut at the line's end (西安 2022: "（按功能科目分）", 2021:
            // "（按支出功能分类科"): the title before it, then the qualifier's key word (功能, 经济)
            if (start[i] < 0) {
                List<String> loose = qualifierLoose(t.title(), kindLabel, unit, year);
                if (loose != null) start[i] = find(squeezed, from, loose, longer);
            }
            if (start[i] >= 0) from = start[i] + 1;
        }
        // a table is found by its title wherever it is printed: one the profile lists earlier printed after the next
        // (西安 2022 决算: its 三公 table after the 国有资本 one), or its title extended by what the table also holds
        // ("财政拨款“三公”经费及会议费、培训费支出决算表"): the whole document, at a line no other table starts at
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int s : start) if (s >= 0) taken.add(s);
        // where a table not read starts: the table before it ends there
        List<Integer> boundaries = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            if (start[i] >= 0) continue;
            TableTemplate t = templates.get(i);
            List<List<String>> names = new ArrayList<>();
            names.add(titles.get(i));
            for (String a : t.aliases()) names.add(title(a, kindLabel, unit, year));
            List<String> loose = qualifierLoose(t.title(), kindLabel, unit, year);
            if (loose != null) names.add(loose);
            List<List<String>> longer = longer(printedTitles, titles.get(i));
            for (int pass = 0; pass < 2 && start[i] < 0; pass++) {
                for (int k = 0; k < names.size(); k++) {
                    start[i] = find(squeezed, 0, names.get(k), longer, pass == 1, taken);
                    if (start[i] < 0) continue;
                    if (k >= 1 && k <= t.aliases().size()) printedAs[i] = t.aliases().get(k - 1);
                    break;
                }
            }
            // its title printed with one character left out (西安 2021's 表2: "2021年部综合预算收入总表"): the table is
            // not read under a title it does not print, but the table before it ends there, not running on over its pages
            if (start[i] < 0) {
                int misprinted = findMisprinted(squeezed, titles.get(i), longer, taken);
                if (misprinted >= 0) boundaries.add(misprinted);
            }
            if (start[i] >= 0) taken.add(start[i]);
            else notes.add(name(t, year) + "（" + t.title(kindLabel).replace("{year}", String.valueOf(year)) + "）：文档中找不到");
        }
        List<DisclosureTable> out = new ArrayList<>();
        int first = -1;
        Document doc = new Document(profile, ref, lines, unit);
        Map<Integer, Integer> places = new HashMap<>();
        int[] ends = new int[templates.size()];
        for (int i = 0; i < templates.size(); i++) {
            if (start[i] < 0) continue;
            // the table runs to the next table printed, whichever the profile lists it as
            int end = lines.size(), next = -1;
            for (int j = 0; j < templates.size(); j++) {
                if (start[j] > start[i] && start[j] < end) {
                    end = start[j];
                    next = j;
                }
            }
            for (int b : boundaries) {
                if (b > start[i] && b < end) {
                    end = b;
                    next = -1;
                }
            }
            ends[i] = end;
            if (next >= 0) {
                // the next table's mark on the line above its title ("表2") belongs to it
                String mark = squeeze(templates.get(next).mark());
                if (!mark.isEmpty() && end - 1 > start[i] && squeezed.get(end - 1).equals(mark)) end--;
            }
            TableTemplate t = templates.get(i);
            int at = start[i];
            if (at > 0 && !t.mark().isBlank() && squeezed.get(at - 1).equals(squeeze(t.mark()))) at--;
            if (first < 0 || at < first) first = at;
            BigDecimal scale = profile.amountFormat(t).yuan() ? BigDecimal.valueOf(10_000) : BigDecimal.ONE;
            Table table = new Table(t, profile, ref, scale, notes, kind == AgencyKind.DEPARTMENT, unit, year, source, doc);
            if (printedAs[i] != null) table.printedTitle = printedAs[i];
            table.repeated.add(squeezed.get(start[i]));
            table.repeated.add(squeeze(t.mark()));
            try {
                table.read(lines, squeezed, start[i] + 1, end);
                DisclosureTable read = table.result(kindLabel, unit, year);
                doc.learn(t, read);
                out.add(read);
            } catch (org.openbudget.io.guard.ReadGuard.Stop e) {
                throw e;
            } catch (RuntimeException e) {
                // one table this reader cannot make sense of is left out, the others still read
                String id = org.openbudget.io.guard.FailureLog.log(unit, name(t, year), e);
                notes.add(name(t, year) + "：无法读取（记录编号 " + id + "），略去此表");
            }
        }
        for (int i = 0; i < templates.size(); i++) {
            if (start[i] >= 0) {
                places.put(templates.get(i).no(), start[i] + 1);
                continue;
            }
            // a table not printed: after the last line (not blank) of the table the template lists before it
            for (int j = i - 1; j >= 0; j--) {
                if (start[j] < 0) continue;
                int last = ends[j] - 1;
                while (last > start[j] && squeezed.get(last).isEmpty()) last--;
                places.put(templates.get(i).no(), last + 1);
                break;
            }
        }
        return new Result(out, notes, first, places);
    }

    /** How notes name a table: its mark, or its title with the document's year (上海 numbers its tables only in the 目录). */
    private static String name(TableTemplate t, int year) {
        return t.mark().isBlank() ? "《" + t.title().replace("{year}", String.valueOf(year)) + "》" : t.mark();
    }

    /**
     * The title as printed for this document, in its literal parts: {kind} and {year} filled in, the
     * unit's name a gap (a document may print its full name or a short one), spaces removed.
     */
    static List<String> title(String title, String kindLabel, String unit, int year) {
        String filled = title.replace("{kind}", kindLabel).replace("{year}", String.valueOf(year))
                .replace("{prev_year}", String.valueOf(year - 1));
        List<String> parts = new ArrayList<>();
        for (String part : filled.split("\\{unit\\}", -1)) {
            String sq = squeeze(part);
            if (!sq.isEmpty()) parts.add(sq);
        }
        return parts;
    }

    /** A title "…表（按支出功能分类科目）" as its parts before the bracket and the qualifier's key word; null without a qualifier that has one. */
    static List<String> qualifierLoose(String title, String kindLabel, String unit, int year) {
        int open = title.lastIndexOf('（');
        if (open <= 0 || !title.endsWith("）")) return null;
        String qualifier = title.substring(open);
        String key = qualifier.contains("功能") ? "功能" : qualifier.contains("经济") ? "经济" : null;
        if (key == null) return null;
        List<String> parts = new ArrayList<>(title(title.substring(0, open), kindLabel, unit, year));
        parts.add("（");
        parts.add(key);
        return parts;
    }

    /** Does the line hold the title's parts, in order? */
    private static boolean holds(String line, List<String> parts) {
        int at = 0;
        for (String p : parts) {
            int i = line.indexOf(p, at);
            if (i < 0) return false;
            at = i + p.length();
        }
        return !parts.isEmpty();
    }

    /** What a title may be extended by: a conjunction and the further items the table holds (及会议费、培训费). */
    private static final int EXTENSION = 16;

    /**
     * Does the line hold the title with a few words joined into it after a conjunction ("财政拨款“三公”经费" +
     * "及会议费、培训费" + "支出决算表")? Both sides at least two characters, so the title is still there in its words.
     */
    static boolean extends_(String line, String title) {
        for (int k = 2; k <= title.length() - 2; k++) {
            String a = title.substring(0, k), b = title.substring(k);
            for (int i = line.indexOf(a); i >= 0; i = line.indexOf(a, i + 1)) {
                int x = i + a.length();
                if (x >= line.length() || "及和与、".indexOf(line.charAt(x)) < 0) continue;
                int j = line.indexOf(b, x + 1);
                if (j > x && j - x <= EXTENSION) return true;
            }
        }
        return false;
    }

    /** A 目录 entry without dot leaders: "二、收入总体情况表", "十一、部门预算基本支出预算表", "第三部分 …", or a row of a 报表目录 table ("表2 部门综合预算收入总表"). */
    private static final java.util.regex.Pattern TOC_ENTRY = java.util.regex.Pattern.compile(
            "^(?:[一二三四五六七八九十]{1,3}、.{2,60}表(?:（.{1,30}）)?\\d*|" + org.openbudget.core.text.Numbering.inline(org.openbudget.core.text.Numbering.PART) + ".*"
            + "|(?:部门)?(?:公开|预算)?表\\d{1,2}(?:-\\d{1,2})?(?:20\\d\\d年度?|[^\\d\\-]).{1,60}表(?:（.{1,30}）)?(?:是|否)?(?:不涉及)?)$");

    /** The other tables' titles that hold this one's (一般公共预算财政拨款支出决算表 holds 支出决算表): a line with one is theirs. */
    private static List<List<String>> longer(List<List<String>> titles, List<String> title) {
        List<List<String>> longer = new ArrayList<>();
        String own = String.join("", title);
        for (List<String> other : titles) {
            String o = String.join("", other);
            if (o.length() > own.length() && holds(o, title)) longer.add(other);
        }
        return longer;
    }

    private static int find(List<String> squeezed, int from, List<String> title, List<List<String>> longer) {
        return find(squeezed, from, title, longer, false, java.util.Set.of());
    }

    /**
     * The first line at or after {@code from} that holds the title and, within a few lines, a unit line or header;
     * {@code extended}: or the title with what else the table holds joined in ("…经费及会议费、培训费支出决算表");
     * never a line in {@code taken} (another table's).
     */
    private static int find(List<String> squeezed, int from, List<String> title, List<List<String>> longer,
                            boolean extended, java.util.Set<Integer> taken) {
        int length = title.stream().mapToInt(String::length).sum();
        for (int n = from; n < squeezed.size(); n++) {
            if (taken.contains(n)) continue;
            String l = squeezed.get(n);
            if (!(extended ? extends_(l, String.join("", title)) : holds(l, title)) || l.length() > length + 60) continue;
            String line = l;
            if (longer.stream().anyMatch(o -> holds(line, o) || extends_(line, String.join("", o)))) continue;
            if (tocDots(l)) continue; // a 目录 entry with its dots and page number
            // a row of a 目录 table under the one before it ("表8 国有资本…表 是 本部门不涉及"; "表9 …表 否")
            if (n > 0 && TOC_ENTRY.matcher(l).matches() && TOC_ENTRY.matcher(squeezed.get(n - 1)).matches()
                    && !PART_LINE.matcher(squeezed.get(n - 1)).matches()) continue;
            for (int k = n + 1; k <= n + TITLE_REACH && k < squeezed.size(); k++) {
                String h = squeezed.get(k);
                if (TOC_ENTRY.matcher(h).matches()) break; // the next entry of a 目录: this was one too
                if (h.contains("单位：") || h.contains("单位:") || h.contains("科目") || h.startsWith("项目") || h.startsWith("收入")
                        || h.contains("预算数") || h.contains("合计")) return n;
            }
        }
        return -1;
    }

    /**
     * The first line holding a title of one part, long enough to name a table alone, printed with one of its characters
     * left out (no year digit: a title of another year is no misprint), as {@link #find} finds a title; -1 when none.
     */
    private static int findMisprinted(List<String> squeezed, List<String> title, List<List<String>> longer, java.util.Set<Integer> taken) {
        if (title.size() != 1 || title.get(0).length() < 10) return -1;
        String whole = title.get(0);
        for (int j = 0; j < whole.length(); j++) {
            char c = whole.charAt(j);
            if (Character.isDigit(c) || j > 0 && whole.charAt(j - 1) == c) continue;
            int n = find(squeezed, 0, List.of(whole.substring(0, j) + whole.substring(j + 1)), longer, false, taken);
            if (n >= 0) return n;
        }
        return -1;
    }

    /** Without whitespace; ASCII colons and brackets as full-width. */
    public static String squeeze(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = !(c <= ' ' || c == ':' || c == '(' || c == ')' || white(c));
        }
        if (plain) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (white(c)) continue;
            b.append(switch (c) {
                case ':' -> '：';
                case '(' -> '（';
                case ')' -> '）';
                default -> c;
            });
        }
        return b.toString();
    }

    /**
     * {@link Character#isWhitespace} or the ideographic space: the Unicode spaces all lie at or below U+3000, so the
     * CJK text above it (every line of every table, many times over) is not looked up.
     */
    private static boolean white(char c) {
        return c <= '\u3000' && (c == '\u3000' || Character.isWhitespace(c));
    }

    /**
     * What the tables of one document tell the reading of the others: the funding sources it has money of
     * (the income rows of its first summary), the units it names, and the economic classes its projects'
     * texts name — a plain text's row, whose blank cells leave no trace, puts its amounts only where they can be.
     */
    static final class Document {
        final TemplateProfile profile;
        final ReferenceData ref;
        final List<String> lines;
        /** Funding sources (bits over the year's sources) with money on an income row of the first summary read; -1 before. */
        long sourcesInUse = -1;
        /** Unit names seen on unit rows, the document's own first. */
        final java.util.Set<String> units = new java.util.LinkedHashSet<>();
        private java.util.Set<String> projectEco;
        /** The marks the profile's part headings start with (第三部分 …): where a part starts, the tables are over. */
        final List<String> partMarks;
        /** Whether the last table whose own lines say how they are laid out is plain (null before one does). */
        Boolean plainTables;

        Document(TemplateProfile profile, ReferenceData ref, List<String> lines, String unit) {
            this.profile = profile;
            this.partMarks = profile.text().parts().marks();
            this.ref = ref;
            this.lines = lines;
            units.add(unit);
        }

        private Map<String, List<String>> printedFunctional, printedEconomic;

        /**
         * Name → the codes the document prints beside it (a cell of 3, 5 or 7 digits then the name's cell, or
         * "2080104 综合业务管理" in one), functional (2xx) or economic (3xx, 5xx) codes: what a table of names
         * only means by a name the shipped classification does not list.
         */
        Map<String, List<String>> printedCodes(boolean economic) {
            if (printedFunctional == null) {
                printedFunctional = new HashMap<>();
                printedEconomic = new HashMap<>();
                for (String line : lines) {
                    if (line.length() > 600) continue;
                    codesAndNames(line, (code, name) -> {
                        String sq = squeeze(stripNumbering(name));
                        if (sq.isEmpty()) return;
                        Map<String, List<String>> into = code.charAt(0) == '2' ? printedFunctional
                                : code.charAt(0) == '3' || code.charAt(0) == '5' ? printedEconomic : null;
                        if (into == null) return;
                        List<String> codes = into.computeIfAbsent(sq, x -> new ArrayList<>());
                        if (!codes.contains(code)) codes.add(code);
                    });
                }
            }
            return economic ? printedEconomic : printedFunctional;
        }

        /**
         * Each code of a line (a cell of its own, or before the name in one: a run of exactly 3, 5 or 7 ASCII digits not
         * part of an amount) then its name, up to the next cell (a tab, or two spaces in a text laid out by spaces) —
         * the expression {@code (?<![\\d,.])(\\d{3}|\\d{5}|\\d{7})[\\t ]++(\\p{IsHan}[^\\t]*?)(?=\\t| {2}|$)}, scanned by hand: the
         * document's every line is searched once, and the expression's look-behind at each character was a tenth of a
         * text's audit.
         */
        static void codesAndNames(String line, java.util.function.BiConsumer<String, String> each) {
            int n = line.length(), i = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (c < '0' || c > '9') {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') i++;
                int len = i - start;
                if (len != 3 && len != 5 && len != 7) continue;
                if (start > 0) {
                    char b = line.charAt(start - 1);
                    if (b == ',' || b == '.') continue;
                }
                int h = i;
                while (h < n && (line.charAt(h) == '\t' || line.charAt(h) == ' ')) h++;
                if (h == i || h == n || Character.UnicodeScript.of(line.codePointAt(h)) != Character.UnicodeScript.HAN) continue;
                int end = h + Character.charCount(line.codePointAt(h));
                while (end < n && line.charAt(end) != '\t' && !(line.charAt(end) == ' ' && end + 1 < n && line.charAt(end + 1) == ' ')) end++;
                each.accept(line.substring(start, i), line.substring(h, end));
                i = end;
            }
        }

        void learn(TableTemplate t, DisclosureTable read) {
            for (Row r : read.rows()) if (r.kind() == RowKind.UNIT && !r.unit().isBlank()) units.add(r.unit());
            if (sourcesInUse >= 0 || t.shape() == null || t.shape().kind() != TableShape.Kind.SUMMARY || t.incomeRows().isEmpty()) return;
            Map<String, LineSpec> specs = new HashMap<>();
            for (LineSpec s : t.incomeRows()) specs.put(s.key(), s);
            long used = 0;
            for (Row r : read.rows()) {
                LineSpec s = specs.get(r.key());
                if (r.side() != Side.INCOME || r.kind() != RowKind.LINE || s == null || !s.sumOf().isEmpty()) continue;
                if (r.value(0) == null || r.value(0).signum() == 0) continue;
                for (var term : org.openbudget.core.profile.MoneyCells.key(org.openbudget.core.profile.Bindings.row(s, profile.measures()), ref.sources())) {
                    used |= term.sources();
                }
            }
            if (used != 0) sourcesInUse = used;
        }

        /** The 经济分类 类 codes the projects' texts name after the template's words (资金分配情况…); empty when none. */
        java.util.Set<String> projectEco() {
            if (projectEco != null) return projectEco;
            projectEco = new java.util.HashSet<>();
            String words = profile.rules().projectItems();
            if (words.isEmpty()) return projectEco;
            List<org.openbudget.core.classification.ClassItem> items = ref.economic().items();
            for (String l : lines) {
                if (!l.contains(words)) continue;
                String sq = plainName(l);
                for (var c : items) if (c.code().length() == 5 && sq.contains(plainName(c.name()))) projectEco.add(c.code().substring(0, 3));
            }
            return projectEco;
        }

        private static String plainName(String s) {
            return squeeze(s).replace('（', '(').replace('）', ')');
        }
    }

    /** One table being read. */
    static final class Table {
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

        final Document doc;

        Table(TableTemplate t, TemplateProfile profile, ReferenceData ref, BigDecimal scale, List<String> notes, boolean department, String unitName, int year,
              SourceLines source, Document doc) {
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
                String oa = list.name(a.code()).map(ShapeReader::squeeze).orElse(null), ob = list.name(b.code()).map(ShapeReader::squeeze).orElse(null);
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

        /** The title this table is printed under when it is one of the template's aliases; null: the template's title. */
        String printedTitle;

        /** How notes name this table: as {@link #name} does, by the title it is printed under. */
        private String named() {
            return printedTitle == null || !t.mark().isBlank() ? name(t, year) : "《" + printedTitle.replace("{year}", String.valueOf(year)) + "》";
        }

        DisclosureTable result(String kindLabel, String unit, int year) {
            if (plain && !rows.isEmpty()) placePlain();
            // the title as the document prints it: a reader names the table it sees
            String title = (printedTitle == null ? t.title(kindLabel) : printedTitle.replace("{kind}", kindLabel)).replace("{year}", String.valueOf(year));
            // the columns as printed: "{year} 年预算数" is this document's "2026 年预算数", as a derived table has it
            List<String> columns = t.columnLabels().stream().map(this::years).toList();
            if (!panels.isEmpty()) {
                // panels side by side: the panels' rows in code order (each panel a class of its own), the total line
                // where the profile puts totals — the order a derived table has
                List<Row> all = new ArrayList<>();
                for (List<Row> p : panels.values()) all.addAll(p);
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
            plain = plainLayout(lines, from, to);
            // the last table runs on to the document's next part (its 说明, whose sentences put a word a space before an
            // amount: "年初预算为 1560.05 万元"), no line of the table: a table is laid out as its own lines say, and a table
            // printing no amount as the tables before it are (普陀 决算's 国有资本 table, blank, after eight laid out by spaces)
            int own = from;
            while (own < to && !org.openbudget.core.profile.TextTemplate.Parts.starts(squeezed.get(own), doc.partMarks)) own++;
            int[] layout = layoutLines(lines, from, own);
            boolean says = layout[0] + layout[1] + layout[2] > 0;
            if (own < to && (says || doc.plainTables != null)) plain = says ? plain(layout) : doc.plainTables;
            if (says) doc.plainTables = plain;
            java.util.Map<Integer, String> unwrapped = java.util.Map.of();
            boolean summary = shape != null && shape.kind() == TableShape.Kind.SUMMARY;
            if (!plain && source.text() && shape != null && !shape.panels() && noTab(lines, from, to)) {
                java.util.Map<Integer, String> joined = SpacedColumns.joinSplitRows(lines, from, to);
                if (!joined.isEmpty()) {
                    // a row printed over two lines read as one, where its amounts are printed
                    lines = new ArrayList<>(lines);
                    squeezed = new ArrayList<>(squeezed);
                    for (var e : joined.entrySet()) {
                        lines.set(e.getKey(), e.getValue());
                        squeezed.set(e.getKey(), squeeze(e.getValue()));
                    }
                }
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
                boolean panelDigits = panelDigits(sq, k, lines, to);
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
                            plainHeader.add(raw.trim());
                            headerRaw.add(raw);
                        }
                        if (sq.contains("行次")) rowNumbers = true;
                        if (sq.equals("序") || sq.startsWith("序号") || cells.stream().anyMatch(c -> squeeze(c).equals("序号") || squeeze(c).equals("序"))) serials = true;
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

        // ------------------------------------------------------------ the plain layout: blank cells leave no trace

        /** An amount token of the plain layout (two decimals: a code is no amount). */
        private static final java.util.regex.Pattern PLAIN_AMOUNT = java.util.regex.Pattern.compile("(?<![\\d,])-?+(?:\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,18})\\.\\d{2}");

        /** A token that is an amount (PLAIN_AMOUNT, whole), by hand. */
        static boolean amountToken(String tok) {
            int n = tok.length();
            if (n < 4 || tok.charAt(n - 3) != '.' || !digit(tok.charAt(n - 1)) || !digit(tok.charAt(n - 2))) return false;
            return wholePart(tok, tok.charAt(0) == '-' ? 1 : 0, n - 3);
        }

        /** Where the amount that begins at {@code from} ends (-12.00, 1,234.56: PLAIN_AMOUNT's shape), or -1. */
        private static int amountEnd(CharSequence s, int from) {
            int n = s.length(), i = from < n && s.charAt(from) == '-' ? from + 1 : from, k = i;
            while (k < n && (digit(s.charAt(k)) || s.charAt(k) == ',')) k++;
            if (k + 2 >= n || s.charAt(k) != '.' || !digit(s.charAt(k + 1)) || !digit(s.charAt(k + 2)) || !wholePart(s, i, k)) return -1;
            return k + 3;
        }

        /**
         * A word then one space then an amount then a space or the line's end: cells printed run together, as no
         * ruled or column layout prints them (RUN_TOGETHER's shape, by hand: every line of every plain table is asked).
         */
        static boolean runTogether(CharSequence s) {
            int n = s.length();
            for (int p = 1; p + 4 < n + 1; p++) {
                if (s.charAt(p) != ' ' || space(s.charAt(p - 1))) continue;
                int e = amountEnd(s, p + 1);
                if (e < 0) continue;
                if (e == n || s.charAt(e) == ' ' || lineEndFrom(s, e)) return true;
            }
            return false;
        }

        /** Does s end at i with a line end (the expression's $ stops before one)? */
        private static boolean lineEndFrom(CharSequence s, int i) {
            int left = s.length() - i;
            char c = s.charAt(i);
            if (left == 1) return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
            return left == 2 && c == '\r' && s.charAt(i + 1) == '\n';
        }

        private static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }

        /**
         * Where the amount a line ends with begins (at its start or after a space: -12.00, 1,234.56, at most 18 digits
         * or seven groups), or -1 — by hand, from the end: every line of a plain table is asked, its label again for
         * each amount it gives up (the expression it replaced scanned the whole line each time).
         */
        static int trailingAmount(CharSequence s) {
            int n = s.length();
            if (n < 4 || s.charAt(n - 3) != '.' || !digit(s.charAt(n - 1)) || !digit(s.charAt(n - 2))) return -1;
            int end = n - 3, i = end;
            while (i > 0 && (digit(s.charAt(i - 1)) || s.charAt(i - 1) == ',')) i--;
            if (!wholePart(s, i, end)) return -1;
            int start = i > 0 && s.charAt(i - 1) == '-' ? i - 1 : i;
            return start == 0 || space(s.charAt(start - 1)) ? start : -1;
        }

        /** Is s[from, to) an amount's whole part: 1–18 digits, or 1–3 digits then one to six groups of ,ddd? */
        private static boolean wholePart(CharSequence s, int from, int to) {
            int len = to - from, comma = -1;
            if (len < 1) return false;
            for (int k = from; k < to && comma < 0; k++) {
                if (s.charAt(k) == ',') comma = k;
                else if (!digit(s.charAt(k))) return false;
            }
            if (comma < 0) return len <= 18;
            int lead = comma - from;
            if (lead < 1 || lead > 3 || (to - comma) % 4 != 0 || (to - comma) / 4 > 6) return false;
            for (int k = comma; k < to; k += 4) {
                if (s.charAt(k) != ',') return false;
                for (int j = k + 1; j < k + 4; j++) if (!digit(s.charAt(j))) return false;
            }
            return true;
        }
        private static final java.util.regex.Pattern PLAIN_CODE = java.util.regex.Pattern.compile("^(\\d{3})(?:\\s++(\\d{2}))?(?:\\s++(\\d{2}))?(?:\\s++(.*))?$");
        private static final java.util.regex.Pattern PLAIN_TOTAL = java.util.regex.Pattern.compile("(总\\s*+计|合\\s*+计)(\\s++-?+(?:\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,18})\\.\\d{2})++");

        private static final java.util.regex.Pattern CODE_LINE = java.util.regex.Pattern.compile("^\\d{3}(?:\\s.*)?$");
        private static final java.util.regex.Pattern JOINED_CODE = java.util.regex.Pattern.compile("^[\\[【［]?\\d{5,7}");

        /** The table is printed as plain text: no tab anywhere, and a row's cells separated by single spaces. */
        private boolean plain;
        /** Plain layout: the visible amounts of each row of {@link #rows}, in order (null: the row's values are known). */
        private final List<List<BigDecimal>> numbers = new ArrayList<>();
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
                // an amount then a negative one a space apart are columns laid out tight (西安 表13: "210,000.00
                // -194,000.00", the minus taking the second space), not cells run together; so are two amounts a
                // space apart on a line whose label stands apart from them (广州 交通运输局's 收入总表: "合计
                // 632,065.70 456,990.37 175,075.32") — a line of amounts alone does not say (普陀 决算's 三公: "2.85 0.39 0.00")
                java.util.regex.Pattern tight = labelApart(l) ? AMOUNT_THEN_AMOUNT : AMOUNT_THEN_NEGATIVE;
                if (runTogether(l) && runTogether(tight.matcher(l).replaceAll("$1  "))) together++;
                else if (spacedOut(l)) spacedOut++;
            }
            return new int[] {together, spacedOut, 0};
        }

        /** A line of two amounts or more, each two spaces or more after the word before it (pdftotext -layout's). */
        private static boolean spacedOut(String line) {
            int count = 0, end = -10;
            for (SpacedColumns.Token w : SpacedColumns.words(line)) {
                if (amountToken(w.text()) && w.start() - end >= 2) count++;
                end = w.end();
            }
            return count >= 2;
        }

        /** An amount (its decimals) then one space before a negative amount. */
        private static final java.util.regex.Pattern AMOUNT_THEN_NEGATIVE = java.util.regex.Pattern.compile("(\\d\\.\\d{2}) (?=-\\d)");
        /** An amount (its decimals) then one space before another amount, negative or not. */
        private static final java.util.regex.Pattern AMOUNT_THEN_AMOUNT = java.util.regex.Pattern.compile("(\\d\\.\\d{2}) (?=-?\\d)");

        /** A line whose words before its first amount end two spaces or more before it (a label printed apart). */
        private static boolean labelApart(String line) {
            int end = -1;
            for (SpacedColumns.Token w : SpacedColumns.words(line)) {
                if (amountToken(w.text())) return end >= 0 && w.start() - end >= 2;
                end = w.end();
            }
            return false;
        }

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
            List<String> tok = tokens(text);
            int p = incomePrefix(tok);
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

        /**
         * The plain rows' amounts put in their columns ({@link Placement}): each row's visible amounts in order, by
         * the table's equations, the columns its document can fill (the sources it has money of, the economic classes
         * its projects name), and what its rows below add up to.
         */
        private void placePlain() {
            List<Row> base = rows;
            if (shape != null && shape.kind() == TableShape.Kind.PROJECTS) {
                base = unitBlocks(rows);
                blocked = true;
            }
            List<Placement.Equation> eqs = new ArrayList<>();
            for (String e : t.equations()) {
                try {
                    eqs.add(Placement.Equation.parse(e));
                } catch (RuntimeException ex) {
                    notes.add(named() + "：模板等式「" + e + "」无法解析");
                }
            }
            Placement placement = new Placement(n, eqs, allowedColumns(), notes);
            boolean projectsTable = shape != null && shape.kind() == TableShape.Kind.PROJECTS;
            boolean basic = projectsTable && base.stream().anyMatch(r -> r.kind() == RowKind.LINE);
            boolean projects = projectsTable && base.stream().anyMatch(r -> r.kind() == RowKind.PROJECT);
            List<Placement.Node> nodes = new ArrayList<>(base.size());
            for (int i = 0; i < base.size(); i++) {
                Row r = base.get(i);
                List<BigDecimal> nums = numbers.get(i);
                String where = named() + " 第" + (r.origin() == null ? 0 : r.origin().line()) + "行（" + r.label() + "）";
                Placement.Node node = nums == null ? new Placement.Node(List.of(), r.values().toArray(new BigDecimal[0]), where)
                        : new Placement.Node(nums, null, where);
                if (projectsTable) {
                    // 人员/公用经费 from the 基本支出 rows only, 项目支出 from the project rows only
                    if (r.kind() == RowKind.PROJECT || (!basic && projects)) node.allowed = kindColumns(true);
                    else if (r.kind() == RowKind.LINE || (basic && !projects)) node.allowed = kindColumns(false);
                }
                nodes.add(node);
            }
            int[] parents = parents(base);
            List<Placement.Node> roots = new ArrayList<>();
            for (int i = 0; i < base.size(); i++) {
                if (parents[i] < 0) roots.add(nodes.get(i));
                else nodes.get(parents[i]).children.add(nodes.get(i));
            }
            placement.solve(roots);
            List<Row> placed = new ArrayList<>(base.size());
            for (int i = 0; i < base.size(); i++) {
                BigDecimal[] v = nodes.get(i).values;
                List<BigDecimal> values = blank();
                if (v != null) for (int c = 0; c < n && c < v.length; c++) values.set(c, v[c] == null || v[c].signum() == 0 ? null : v[c]);
                placed.add(base.get(i).withValues(values));
            }
            rows.clear();
            rows.addAll(placed);
        }

        /** Each row's parent (index, −1 for a root): a fixed row's the row whose sum_of lists it; else the nearest row above at a higher level on its side, or its side's total. */
        private int[] parents(List<Row> in) {
            int[] out = new int[in.size()];
            java.util.Arrays.fill(out, -1);
            if (shape != null && shape.kind() == TableShape.Kind.FIXED) {
                Map<String, Integer> byKey = new HashMap<>();
                for (int i = 0; i < in.size(); i++) byKey.putIfAbsent(in.get(i).key(), i);
                Map<String, String> parentKey = new HashMap<>();
                for (LineSpec p : t.rows()) for (String part : p.sumOf()) parentKey.putIfAbsent(part, p.key());
                for (int i = 0; i < in.size(); i++) {
                    Row r = in.get(i);
                    if (r.kind() == RowKind.TOTAL) continue;
                    Integer p = parentKey.containsKey(r.key()) ? byKey.get(parentKey.get(r.key())) : null;
                    // a chain that leads back here (a damaged template) makes no tree
                    int depth = 0;
                    for (String k = parentKey.get(r.key()); k != null && depth < 64; k = parentKey.get(k)) depth++;
                    out[i] = p == null || p == i || depth >= 64 ? -1 : p;
                }
                return out;
            }
            boolean summary = shape != null && shape.kind() == TableShape.Kind.SUMMARY;
            Map<Side, Integer> totals = new HashMap<>();
            for (int i = 0; i < in.size(); i++) if (in.get(i).kind() == RowKind.TOTAL) totals.putIfAbsent(sideOf(in.get(i)), i);
            Map<Side, int[]> lastAt = new HashMap<>();
            for (int i = 0; i < in.size(); i++) {
                org.openbudget.io.guard.ReadGuard.checkpoint();
                Row r = in.get(i);
                int level = level(r);
                int[] last = lastAt.computeIfAbsent(sideOf(r), x -> { int[] a = new int[6]; java.util.Arrays.fill(a, -1); return a; });
                if (r.kind() != RowKind.TOTAL && !(summary && r.side() == Side.INCOME)) {
                    int best = -1;
                    for (int l = 0; l < level && l < last.length; l++) if (last[l] > best) best = last[l];
                    out[i] = best >= 0 ? best : totals.getOrDefault(sideOf(r), -1);
                }
                last[Math.min(level, last.length - 1)] = i;
            }
            return out;
        }

        private static Side sideOf(Row r) {
            return r.side() == null ? Side.EXPENSE : r.side();
        }

        private int level(Row r) {
            return switch (r.kind()) {
                case TOTAL -> 0;
                case UNIT -> 1;
                case CLASS -> r.code().length() == 3 ? 2 : r.code().length() == 5 ? 3 : 4;
                case PROJECT -> shape != null && shape.kind() == TableShape.Kind.PROJECTS ? 2 : 5;
                case LINE -> 2;
            };
        }

        /** Columns a plain row's amounts can be in: those of the sources the document has money of, and of the economic classes its projects name. */
        private boolean[] allowedColumns() {
            boolean[] a = new boolean[n];
            java.util.Arrays.fill(a, true);
            long used = doc.sourcesInUse;
            java.util.Set<String> eco = doc.projectEco();
            for (int c = 0; c < n; c++) {
                var col = t.columns().get(c);
                if (used > 0) {
                    long mask = 0;
                    for (var term : columnKey(col)) mask |= term.sources();
                    if (mask != 0 && (mask & used) == 0) a[c] = false;
                }
                if (!eco.isEmpty() && !col.eco().isEmpty()) a[c] = col.eco().stream().anyMatch(eco::contains);
            }
            return a;
        }

        /** Columns of 项目支出 money ({@code project}), or of 人员/公用经费 (a 基本支出 row's). */
        private final boolean[][] kindColumns = new boolean[2][];

        private boolean[] kindColumns(boolean project) {
            if (kindColumns[project ? 1 : 0] != null) return kindColumns[project ? 1 : 0];
            boolean[] a = new boolean[n];
            kindColumns[project ? 1 : 0] = a;
            for (int c = 0; c < n; c++) {
                int kinds = 0;
                for (var term : columnKey(t.columns().get(c))) kinds |= term.kinds();
                a[c] = project ? (kinds & 4) != 0 : (kinds & 3) != 0;
            }
            return a;
        }

        private List<org.openbudget.core.profile.MoneyCells.Term> columnKey(org.openbudget.core.profile.ColumnSpec col) {
            return org.openbudget.core.profile.MoneyCells.key(org.openbudget.core.profile.Bindings.column(col, profile.measures()), ref.sources());
        }

        private List<Row> rows(List<String> cells) {
            if (shape == null) return List.of();
            if (shape.panels() && shape.kind() == TableShape.Kind.CLASSIFICATION) return panelRows(cells);
            Row one = switch (shape.kind()) {
                case CLASSIFICATION -> classRow(cells);
                case SUMMARY -> null;
                case FIXED -> fixedRow(cells);
                case PROJECTS -> projectRow(cells);
            };
            if (shape.kind() == TableShape.Kind.SUMMARY) return summaryRows(cells);
            return one == null ? List.of() : List.of(located(one));
        }

        /**
         * A line of a table printed as panels side by side, one per column (a 决算's 基本支出表: 人员经费 rows on the left,
         * 公用经费 rows on the right): each panel's code, name and amount become a row with the amount in that panel's
         * column; the panels' total labels (人员经费合计 | 公用经费合计) make one total row. The rows of each panel are kept
         * apart and put one panel after the other when the table is done.
         */
        private List<Row> panelRows(List<String> cells) {
            List<List<String>> slices = panelsByPlace(lineRaw);
            if (slices == null) slices = panelSlices(cells);
            List<Row> out = new ArrayList<>();
            List<BigDecimal> totals = null;
            String totalLabel = "";
            for (int k = 0; k < slices.size() && (k < n || slices.size() == printedPanels()); k++) {
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
                        value = number(x);
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
                if (byPlace && value == null && (code.length() > 0 || totalLabel(squeeze(name)) || squeeze(name).endsWith("合计"))) value = amountAbove.get(k);
                amountAbove.remove(k);
                List<BigDecimal> v = new ArrayList<>(Collections.nCopies(n, (BigDecimal) null));
                v.set(col, value);
                if (code.length() == 0) {
                    String sq = squeeze(name);
                    if (totalLabel(sq) || sq.endsWith("合计")) {
                        if (totals == null) totals = new ArrayList<>(Collections.nCopies(n, (BigDecimal) null));
                        totals.set(col, value);
                        totalLabel = totalLabel.isEmpty() ? name : totalLabel + "、" + name;
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
            if (totals != null) out.add(new Row(null, RowKind.TOTAL, "", "", totalLabel, "", "", totals, source.origin(currentLine, null)));
            return out;
        }

        /**
         * A panel's code or 款 digits alone on its line, more of its row on the line below (普陀财政局 决算: "302  其他商品和服务支"
         * / "99" / "出"): no page number, no row of column numbers.
         */
        private boolean panelDigits(String sq, int k, List<String> lines, int to) {
            return source.text() && shape != null && shape.panels() && digits(sq, 2, 3) && k + 1 < to && !lines.get(k + 1).isBlank() && lines.get(k + 1).indexOf('\f') < 0;
        }

        /** The line being read, as printed (its words' places: {@link #panelsByPlace}). */
        private String lineRaw = "";
        /** The header's lines as printed (a text laid out by spaces). */
        private final List<String> headerRaw = new ArrayList<>();
        /** Whether the panels of the line being read were cut by where its words are printed. */
        private boolean byPlace;
        /** Per panel: the words of a name printed on the lines above its row's code (the code's line names nothing). */
        private final Map<Integer, String> nameAbove = new HashMap<>();
        /** Where the second panel begins on the page being read, as its last line with a code in each panel says (0: not known). */
        private int panelCut;

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
         * where the header prints its second 经济分类 / 科目编码 on are the second panel's — a line may print the second
         * panel only (its rows after the first panel's last). Null when the table has tabs, more panels or its header
         * does not say where the second begins.
         */
        private List<List<String>> panelsByPlace(String raw) {
            byPlace = false;
            if (n != 2 || raw.indexOf('\t') >= 0 || !source.text()) return null;
            int second = -1;
            for (String h : headerRaw) {
                List<SpacedColumns.Token> heads = SpacedColumns.words(h).stream()
                        .filter(w -> w.text().contains("经济分类") || w.text().contains("科目编码") || w.text().contains("科目代码")).toList();
                if (heads.size() == 2) {
                    second = heads.get(1).start();
                    break;
                }
            }
            if (second <= 0) return null;
            String plain = raw.replace("\f", "");
            List<SpacedColumns.Token> words = SpacedColumns.words(plain);
            // a line with a code in each panel says where the second begins on its page (a page laid out anew moves it)
            for (int i = 1; i < words.size() && codeDigits(words.get(0).text()); i++) {
                if (codeDigits(words.get(i).text()) && !codeDigits(words.get(i - 1).text()) || codeDigits(words.get(i).text()) && i >= 2) {
                    panelCut = Math.max(1, words.get(i).start() - 4);
                    break;
                }
            }
            int cut = panelCut > 0 ? panelCut : Math.max(1, second - 4);
            int split = plain.length();
            for (SpacedColumns.Token w : words) {
                if (w.start() >= cut) {
                    split = w.start();
                    break;
                }
            }
            byPlace = true;
            String left = plain.substring(0, split), right = plain.substring(split);
            // a line of a page laid out anew (its panels closer together): cut as before, at a code or total label
            // (or whose second panel is an amount alone: its label the first panel's last words, "公用经费合计   184.65")
            if (left.contains("合计") && SpacedColumns.words(right).stream().allMatch(w -> amount(w.text()) && w.text().indexOf('.') > 0)) {
                return panelSlices(cells(plain));
            }
            List<List<String>> out = new ArrayList<>();
            out.add(left.isBlank() ? List.of() : cells(left));
            out.add(right.isBlank() ? List.of() : cells(right));
            return out;
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
        private final Map<Integer, List<Row>> panels = new java.util.TreeMap<>();

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
        /** The header lines above the first row printed without cell borders (words separated by spaces). */
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
            for (int c = 0; c < n; c++) {
                var col = t.columns().get(c);
                String head = squeeze(col.header()), lab = squeeze(col.label());
                // the label with a heading of its group over it: the nearest (…预算公务接待费), or one centred over the
                // group's columns and standing right over this one (西安 表13: 上年 | 当年 over "小计" of 公务用车…)
                List<String> groups = col.group().isBlank() ? List.of() : java.util.Arrays.stream(col.group().split("/")).map(ShapeReader::squeeze).toList();
                for (int pass = 0; pass < (few ? 5 : 3) && pos[c] < 0; pass++) {
                    for (int j = 0; j < rowWidth; j++) {
                        if (taken[j] || label[j].isEmpty()) continue;
                        String l = label[j];
                        boolean match = switch (pass) {
                            case 0 -> l.equals(head) || l.equals(lab) || groups.stream().anyMatch(g -> l.equals(g + head));
                            case 1 -> label[j].endsWith(head) && head.length() >= 2 || label[j].endsWith(lab) && lab.length() >= 2;
                            case 2 -> lab.endsWith(label[j]) && label[j].length() >= 2 && !label[j].matches(".*(科目|编码|名称)$");
                            // a text laid out by spaces: the words over a column may take in a neighbour's that no row fills
                            case 3 -> label[j].contains(lab) && lab.length() >= 4;
                            // … or a word squeezed right of them, from a column no row fills (西安 表13: 培训费 | 公务用车运行)
                            default -> label[j].startsWith(head) && head.length() >= 3;
                        };
                        if (match) {
                            pos[c] = j;
                            taken[j] = true;
                            found++;
                            break;
                        }
                    }
                }
            }
            if (found * 2 <= n && !few || found == 0) return null;
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
            int[] pos = spacedAt.computeIfAbsent(page, p -> spacedColumns(p, lines));
            if (pos.length == 0) return null;
            List<SpacedColumns.Token> tok = SpacedColumns.trailingAmounts(spaced.positioned(k, lines));
            if (tok.isEmpty()) return null;
            List<BigDecimal> v = blank();
            int last = -1;
            // a line with as many amounts as the page has columns lost no blank cell: its k-th amount is the k-th column's
            boolean full = tok.size() == spaced.columns(page);
            int[] placed = full ? null : spaced.place(page, tok);
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
                return m < spaced.columns(p) ? byColumnSums(page, lines, before, spaced.columns(p)) : new int[0];
            }
            return new int[0];
        }

        /**
         * The template's columns on a page without a header that prints fewer columns than the page before it (普陀 决算:
         * the last page of a table, laid out anew by pdftotext with its blank columns gone): its columns are some of the
         * page before's, in order, and which ones the table's own arithmetic says — in each column a 类 or 款 is the sum
         * of the rows under it and the 合计 the sum of the 类, over the rows read on the pages before and this page's.
         * The one choice under which the most of these sums that hold a row of this page add up; none (the amounts then
         * taken from the right) when no sum holds one, or two choices tie.
         */
        private int[] byColumnSums(int page, List<String> lines, int[] before, int columnsBefore) {
            int m = spaced.columns(page);
            // the rows read so far, by code (the total as ""), and this page's rows: each amount's column on the page
            Map<String, BigDecimal[]> read = new HashMap<>();
            for (Row r : rows) {
                if (r.kind() == RowKind.CLASS && !r.code().isEmpty()) read.putIfAbsent(r.code(), r.values().toArray(new BigDecimal[0]));
                else if (r.kind() == RowKind.TOTAL) read.putIfAbsent("", r.values().toArray(new BigDecimal[0]));
            }
            Map<String, int[]> at = new HashMap<>();
            Map<String, List<BigDecimal>> amounts = new HashMap<>();
            for (int k = 0; k < lines.size(); k++) {
                if (spaced.page(k) != page) continue;
                List<SpacedColumns.Token> tok = SpacedColumns.trailingAmounts(lines.get(k));
                if (tok.isEmpty()) continue;
                String stub = lines.get(k).replace("\f", "").substring(0, tok.get(0).start());
                java.util.regex.Matcher code = PAGE_CODE.matcher(stub);
                String key = code.find() ? code.group(1) + nz(code.group(2)) + nz(code.group(3)) : totalLabel(squeeze(stub)) ? "" : null;
                if (key == null || read.containsKey(key) || at.containsKey(key)) continue;
                int[] cols = new int[tok.size()];
                List<BigDecimal> v = new ArrayList<>();
                for (int i = 0; i < tok.size(); i++) {
                    cols[i] = spaced.column(page, tok.get(i).end());
                    v.add(number(tok.get(i).text()));
                }
                if (java.util.Arrays.stream(cols).anyMatch(j -> j < 0)) continue;
                at.put(key, cols);
                amounts.put(key, v);
            }
            // the sums that hold a row of this page: a 类 or 款 (or the 合计) and the rows under it
            Map<String, List<String>> sums = new java.util.LinkedHashMap<>();
            java.util.Set<String> codes = new java.util.HashSet<>(read.keySet());
            codes.addAll(at.keySet());
            for (String whole : codes) {
                if (whole.length() != 0 && whole.length() != 3 && whole.length() != 5) continue;
                List<String> parts = codes.stream().filter(c -> c.length() == (whole.isEmpty() ? 3 : whole.length() + 2) && c.startsWith(whole)).toList();
                if (!parts.isEmpty() && (at.containsKey(whole) || parts.stream().anyMatch(at::containsKey))) sums.put(whole, parts);
            }
            if (sums.isEmpty()) return new int[0];
            int[] best = null;
            int bestScore = -1;
            boolean tie = false;
            for (int[] f : increasing(m, columnsBefore)) {
                int[] pos = new int[n];
                for (int c = 0; c < n; c++) {
                    pos[c] = -1;
                    for (int j = 0; j < m; j++) if (before[c] >= 0 && before[c] == f[j]) pos[c] = j;
                }
                int score = 0;
                for (var e : sums.entrySet()) {
                    for (int c = 0; c < n; c++) {
                        BigDecimal want = cell(e.getKey(), c, read, at, amounts, pos);
                        BigDecimal sum = BigDecimal.ZERO, ulp = BigDecimal.ZERO;
                        int terms = 0;
                        for (String part : e.getValue()) {
                            BigDecimal x = cell(part, c, read, at, amounts, pos);
                            if (x == null) continue;
                            sum = sum.add(x);
                            terms++;
                            ulp = ulp.max(BigDecimal.ONE.movePointLeft(Math.max(0, x.scale())));
                        }
                        // each printed amount rounded: as many half units of the last decimal off as amounts, at most
                        if (sum.subtract(want == null ? BigDecimal.ZERO : want).abs().compareTo(ulp.multiply(BigDecimal.valueOf(terms + 1))) <= 0) score++;
                    }
                }
                if (score > bestScore) {
                    best = pos;
                    bestScore = score;
                    tie = false;
                } else if (score == bestScore) tie = true;
            }
            return best == null || tie ? new int[0] : best;
        }

        /** A 类/款/项 code at the start of a line, its levels apart or run together ("221   02   01", "2210201"). */
        private static final java.util.regex.Pattern PAGE_CODE = java.util.regex.Pattern.compile("^\\s*+(\\d{3})(?:\\s*+(\\d{2}))?+(?:\\s*+(\\d{2}))?+(?!\\d)");

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        /** The amount of a row in a template column: as read on a page before, or placed on this page by {@code pos}. */
        private static BigDecimal cell(String code, int c, Map<String, BigDecimal[]> read, Map<String, int[]> at,
                                       Map<String, List<BigDecimal>> amounts, int[] pos) {
            BigDecimal[] r = read.get(code);
            if (r != null) return c < r.length ? r[c] : null;
            return placed(at.get(code), amounts.get(code), pos[c]);
        }

        /** The amount of a line printed in the page's column {@code j} (−1: none): null when the line has none there. */
        private static BigDecimal placed(int[] at, List<BigDecimal> values, int j) {
            if (at == null || j < 0) return null;
            for (int i = 0; i < at.length; i++) if (at[i] == j) return values.get(i);
            return null;
        }

        /** Every increasing choice of {@code m} of the columns 0 … {@code of} − 1. */
        private static List<int[]> increasing(int m, int of) {
            List<int[]> out = new ArrayList<>();
            int[] f = new int[m];
            choose(f, 0, 0, of, out);
            return out;
        }

        private static void choose(int[] f, int i, int from, int of, List<int[]> out) {
            if (out.size() > 5000) return;
            if (i == f.length) {
                out.add(f.clone());
                return;
            }
            for (int j = from; j <= of - (f.length - i); j++) {
                f[i] = j;
                choose(f, i + 1, j + 1, of, out);
            }
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
                if (side < 0 || below.filled()[side] || side != b && (below.label()[b] != null || below.filled()[b])) break;
                String words = below.label()[side].toString();
                boolean income = b == 0 && line.label().length > 1;
                if (!labelPart(words, income) || complete(line.label()[b].toString(), income)) break;
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
                // a 行次 column (西安 决算: "本年收入合计 | 27 | 2,015,094.22"): the line's number beside its label is no amount
                if (rowNumbers && (afterLabel || j == 1 && cells.get(0).isBlank()) && digits(c.trim(), 1, 3)) {
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

        /** A fixed table of one row printed turned (西安 2022 决算's 三公 table): its rows by column label (预算数, 决算数), their cells. */
        private final Map<String, List<String>> turned = new java.util.LinkedHashMap<>();
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
            return true;
        }

        /**
         * The one row of a turned fixed table: each template column's cell is the cell of the row printed for its label
         * (预算数) under the header cell that names its group's last part (因公出国（境）费 / 因公出国（境）费用; a group
         * 合计 or 小计 under 小计 or 合计), the header's cells taken left to right in the groups' order. Null (with a
         * note) when the header does not name every group.
         */
        private Row turnedRow() {
            List<String> head = header.stream().filter(h -> !numberRow(h)).max(java.util.Comparator.comparingInt(h -> (int) h.stream().filter(c -> !c.isBlank()).count()))
                    .orElse(List.of());
            List<String> groups = new ArrayList<>();
            for (var c : t.columns()) if (!groups.contains(c.group())) groups.add(c.group());
            int[] cellOfGroup = new int[groups.size()];
            int from = 0;
            for (int g = 0; g < groups.size(); g++) {
                String[] parts = groups.get(g).split("/");
                String last = squeeze(parts[parts.length - 1]);
                boolean subtotal = last.equals("合计") || last.equals("小计");
                cellOfGroup[g] = -1;
                for (int k = from; k < head.size(); k++) {
                    String h = squeeze(head.get(k));
                    if (h.isEmpty()) continue;
                    if (subtotal ? h.equals("小计") || h.equals("合计") : h.startsWith(last) || last.startsWith(h) && h.length() >= 4) {
                        cellOfGroup[g] = k;
                        from = k + 1;
                        break;
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
    }

    /** An amount, alone in its cell. */
    private static final java.util.regex.Pattern SPILLED_AMOUNT = java.util.regex.Pattern.compile(
            "-?+(?:\\d{1,3}(?:,\\d{3})++|\\d++)(?:\\.\\d{1,4})?");

    /**
     * A long name clipped by its cell runs on into the amount cell beside it (西安 2022 from Excel: "自然资源海洋气象等支 |
     * 出 18803323.32", "缴费支出43608.96", or its glyphs interleaved with the amount's: "障中18心39311.66"): the
     * characters of the name (at most four Chinese characters, the cell's first) go back to the name, the amount stays in its column.
     */
    static List<String> spilled(List<String> cells) {
        List<String> out = null;
        for (int j = 1; j < cells.size(); j++) {
            String prev = (out == null ? cells : out).get(j - 1);
            if (prev.isBlank() || amount(prev)) continue;
            String cell = cells.get(j).trim();
            if (cell.isEmpty() || !cjk(cell.charAt(0))) continue;
            StringBuilder name = new StringBuilder(), rest = new StringBuilder();
            for (int i = 0; i < cell.length(); i++) {
                char ch = cell.charAt(i);
                if (cjk(ch)) name.append(ch);
                else if (!Character.isWhitespace(ch) && ch != '\u3000') rest.append(ch);
            }
            if (name.length() > 4 || rest.isEmpty() || !SPILLED_AMOUNT.matcher(rest).matches()) continue;
            if (out == null) out = new ArrayList<>(cells);
            out.set(j - 1, prev.trim() + name);
            out.set(j, rest.toString());
        }
        return out == null ? cells : out;
    }

    /** A table mark alone on its line, in any style: 表5, 表五, 公开表5, 部门公开表5, 预算05表, 公开05表, 表5-1. */
    private static final java.util.regex.Pattern MARK_LINE = java.util.regex.Pattern.compile(
            "(?:部门)?(?:公开|预算)?表(\\d{1,2}(?:-\\d{1,2})?|[一二三四五六七八九十]{1,3})|(?:部门)?(?:公开|预算)(\\d{1,2})表");

    /** The number a mark line gives its table ("12", "5-1"; Chinese numerals as digits; leading zeros dropped), null when the line is no mark. */
    static String markNumber(String sq) {
        // a mark is at most ten characters and holds 表 (部门公开表12-1): other lines are not matched at all
        if (sq.length() > 10 || sq.indexOf('表') < 0) return null;
        java.util.regex.Matcher m = MARK_LINE.matcher(sq);
        if (!m.matches()) return null;
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        if (!Character.isDigit(n.charAt(0))) {
            String cn = "零一二三四五六七八九";
            int ten = n.indexOf('十');
            if (ten < 0) return n.length() == 1 ? String.valueOf(cn.indexOf(n.charAt(0))) : null;
            int tens = ten == 0 ? 1 : ten == 1 ? cn.indexOf(n.charAt(0)) : -1;
            int units = ten == n.length() - 1 ? 0 : ten == n.length() - 2 ? cn.indexOf(n.charAt(ten + 1)) : -1;
            return tens < 0 || units < 0 ? null : String.valueOf(tens * 10 + units);
        }
        String[] parts = n.split("-");
        StringBuilder b = new StringBuilder(String.valueOf(Integer.parseInt(parts[0])));
        for (int i = 1; i < parts.length; i++) b.append('-').append(Integer.parseInt(parts[i]));
        return b.toString();
    }

    private static boolean cjk(char ch) {
        return ch >= '\u4e00' && ch <= '\u9fff';
    }

    // the row paths run per line of every table: their patterns compiled once
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s++");
    private static final java.util.regex.Pattern WIDE_GAPS = java.util.regex.Pattern.compile("\\s{2,}+");

    /** Whether {@code s} is {@code min} to {@code max} ASCII digits ("\\d{min,max}"). */
    static boolean digits(String s, int min, int max) {
        int n = s.length();
        return n >= min && n <= max && digitsIn(s, 0, n);
    }

    /** Only ASCII digits from {@code from} to {@code to}. */
    private static boolean digitsIn(String s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /**
     * A trimmed line's words between runs of ASCII whitespace — {@code List.of(SPACES.split(t))}, scanned by hand (every
     * line of a plain table is split so).
     */
    static List<String> splitSpaces(String t) {
        List<String> out = new ArrayList<>();
        int n = t.length(), i = 0;
        while (i < n) {
            while (i < n && space(t.charAt(i))) i++;
            if (i == n) break;
            int start = i;
            while (i < n && !space(t.charAt(i))) i++;
            out.add(t.substring(start, i));
        }
        return List.copyOf(out);
    }

    /** A classification code's digits alone: 3, 5 or 7 of them. */
    private static boolean codeDigits(String s) {
        int n = s.length();
        return (n == 3 || n == 5 || n == 7) && digitsIn(s, 0, n);
    }

    /** The characters of a regular expression's \\s: ASCII space, tab, line ends, vertical tab, form feed. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Without whitespace (what replaceAll("\\s+", "") gives). */
    static String noSpace(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (space(c)) {
                if (b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Each run of whitespace as one space (what replaceAll("\\s+", " ") gives). */
    static String oneSpace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (space(c)) {
                gap = true;
            } else {
                if (gap) b.append(' ');
                gap = false;
                b.append(c);
            }
        }
        if (gap) b.append(' ');
        return b.toString();
    }

    /** Cells: tab-separated, else separated by runs of two or more spaces. */
    static List<String> cells(String line) {
        if (line.indexOf('\t') >= 0) return List.of(line.split("\t", -1));
        List<String> out = new ArrayList<>();
        for (String c : WIDE_GAPS.split(line.trim())) {
            // a text laid out by spaces (pdftotext -layout) leaves one space where a narrow gap parts two cells: an amount
            // and the next column's label ("3,944.08 一、一般公共服务支出"), or a label and its amount ("其他收入 0.00")
            for (String part : AMOUNT_NEXT_TO_WORDS.split(c, -1)) out.add(part);
        }
        return out;
    }

    /** One space between an amount (with decimals) and a CJK word, on either side of it. */
    private static final java.util.regex.Pattern AMOUNT_NEXT_TO_WORDS = java.util.regex.Pattern.compile(
            "(?<=\\d\\.\\d\\d) (?=[\\u3000-\\u9fff\\uff00-\\uffef])|(?<=[\\u3000-\\u9fff\\uff00-\\uffef]) (?=-?(?:\\d{1,3}(?:,\\d{3})++|\\d++)\\.\\d\\d(?:\\s|$))");

    static boolean amount(String s) {
        String c = s.trim();
        if (c.isEmpty() || c.length() > 24) return false;
        if (dash(c)) return true;
        return amountCell(c);
    }

    /**
     * An amount as printed in a cell, {@code -?(\d{1,3}(,\d{3})++|\d++)(\.\d{1,4})?}: digits, or one to three then
     * groups of a comma and three; then a point and one to four decimals, or nothing. Scanned by hand: every cell of
     * every row is tested, and the expression's matcher was the reader's largest allocation.
     */
    static boolean amountCell(String c) {
        int n = c.length(), i = n > 0 && c.charAt(0) == '-' ? 1 : 0, start = i;
        while (i < n && c.charAt(i) >= '0' && c.charAt(i) <= '9') i++;
        int head = i - start;
        if (head == 0) return false;
        if (i < n && c.charAt(i) == ',') {
            if (head > 3) return false;
            while (i < n && c.charAt(i) == ',') {
                if (i + 4 > n || !digitsIn(c, i + 1, i + 4)) return false;
                i += 4;
            }
        }
        if (i == n) return true;
        if (c.charAt(i) != '.') return false;
        int decimals = n - i - 1;
        return decimals >= 1 && decimals <= 4 && digitsIn(c, i + 1, n);
    }

    /** A 目录 entry's end, {@code .*[.…·]{3,}\\d*}: three or more leader dots, then the page's digits or nothing. */
    static boolean tocDots(String l) {
        int i = l.length();
        while (i > 0 && l.charAt(i - 1) >= '0' && l.charAt(i - 1) <= '9') i--;
        int dots = 0;
        while (i > 0 && dots < 3 && (l.charAt(i - 1) == '.' || l.charAt(i - 1) == '…' || l.charAt(i - 1) == '·')) {
            i--;
            dots++;
        }
        return dots == 3;
    }

    /** A cell of a dash alone: nothing (-, —, －). */
    private static boolean dash(String c) {
        return c.equals("-") || c.equals("—") || c.equals("－");
    }

    /** 类, 款 or 项 alone: the level columns' header words. */
    private static boolean levelWord(String sq) {
        return sq.length() == 1 && (sq.charAt(0) == '类' || sq.charAt(0) == '款' || sq.charAt(0) == '项');
    }

    // the reader's hot tests, compiled once (String.matches compiles its expression on every call)
    private static final java.util.regex.Pattern NUMBER_THEN_WORDS = java.util.regex.Pattern.compile("\\d{1,3}\\s+\\S.*");
    private static final java.util.regex.Pattern KUAN_THEN_WORDS = java.util.regex.Pattern.compile("\\d{2}\\s+\\S.*");
    private static final java.util.regex.Pattern SPLIT_CODE = java.util.regex.Pattern.compile("\\d{3}(?: \\d{2}){1,2}");
    private static final java.util.regex.Pattern PAGE_FOOTER = java.util.regex.Pattern.compile("[—–\\-－]*\\d{1,4}[—–\\-－]*");
    private static final java.util.regex.Pattern PAGE_OF = java.util.regex.Pattern.compile("第\\d{1,4}页(共\\d{1,4}页)?");
    private static final java.util.regex.Pattern PART_LINE = java.util.regex.Pattern.compile(
            org.openbudget.core.text.Numbering.inline(org.openbudget.core.text.Numbering.PART) + ".{0,30}");

    private static boolean hasAmount(List<String> cells) {
        for (String c : cells) if (amount(c) && !dash(c.trim()) && !digits(c.trim(), 1, 2)) return true;
        return false;
    }

    private static boolean isLabelOnly(List<String> cells) {
        return cells.stream().anyMatch(c -> !c.isBlank());
    }

    /** The ※ 1 2 3 … row under a header. */
    private static boolean numberRow(List<String> cells) {
        int k = 0;
        for (String c : cells) {
            String s = c.trim();
            if (s.isEmpty() || s.equals("※") || s.equals("栏次") || s.equals("行次")) continue;
            if (!digits(s, 1, 2)) return false;
            k++;
        }
        return k >= 1;
    }

    private static boolean footer(String sq) {
        if (sq.startsWith("注：") || sq.startsWith("说明：") || sq.contains("尾数误差")) return true;
        if (sq.isEmpty()) return false;
        // the expressions only where they can match: a line that starts with a dash or a digit, or with 第
        char first = sq.charAt(0);
        if (first == '第') return PAGE_OF.matcher(sq).matches();
        return (first >= '0' && first <= '9' || first == '-' || first == '—' || first == '–' || first == '－') && PAGE_FOOTER.matcher(sq).matches();
    }

    private static boolean total(String sq) {
        return sq.equals("合计") || sq.equals("总计") || sq.equals("支出合计") || sq.equals("收入合计");
    }

    /** "[204]公共安全支出", "【204】…" (广州). */
    private static final java.util.regex.Pattern BRACKETED_CODE = java.util.regex.Pattern.compile("^[\\[【［](\\d{3}|\\d{5}|\\d{7})[\\]】］]\\s*+(\\S.*)$");

    /** "206 科学技术支出" → {206, 科学技术支出}; "2060499其他技术研究与开发支出" too. */
    static String[] splitCode(String label) {
        String s = label.trim();
        java.util.regex.Matcher bracket = BRACKETED_CODE.matcher(s);
        if (bracket.matches()) return new String[]{bracket.group(1), bracket.group(2).trim()};
        int i = 0;
        StringBuilder code = new StringBuilder();
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ' ')) {
            if (s.charAt(i) != ' ') code.append(s.charAt(i));
            i++;
        }
        if (code.length() != 3 && code.length() != 5 && code.length() != 7) return null;
        String name = s.substring(i).trim();
        return name.isEmpty() ? null : new String[]{code.toString(), name};
    }

    /** Every line {@link #squeeze squeezed}. */
    public static List<String> squeezedAll(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) out.add(squeeze(l));
        return out;
    }

    /** "一、一般公共服务支出" → 一般公共服务支出. */
    static String stripNumbering(String label) {
        // by hand (CN_NUMBERING then DIGIT_NUMBERING, as HandScansTest holds): this runs for every label of every row,
        // and for each prefix of a summary's line that may be its income label
        String s = label.trim();
        s = s.substring(numbering(s, 4, true));
        return s.substring(numbering(s, 3, false));
    }

    /** How long the numbering a label starts with is: up to {@code most} numerals (or digits), 、 . or ．, then spaces; 0: none. */
    private static int numbering(String s, int most, boolean numerals) {
        int r = 0, n = s.length();
        while (r < n && r <= most && (numerals ? "一二三四五六七八九十百".indexOf(s.charAt(r)) >= 0 : s.charAt(r) >= '0' && s.charAt(r) <= '9')) r++;
        if (r == 0 || r > most || r == n || "、.．".indexOf(s.charAt(r)) < 0) return 0;
        int e = r + 1;
        while (e < n && space(s.charAt(e))) e++;
        return e;
    }

    /** A row label compared without numbering, 其中：, spaces or bracket width. */
    static String plainLabel(String label) {
        String s = squeeze(stripNumbering(label));
        if (s.startsWith("其中：")) s = s.substring(3);
        return stripNumbering(s);
    }
}
