package org.openbudget.audit.text;

import static org.openbudget.audit.text.PublishedTextReader.norm;

import java.math.BigDecimal;
import org.openbudget.io.guard.ReadGuard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.audit.origin.SourceLines;
import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/** Reads the lines of one table (between its title and the next table) into a DisclosureTable. */
final class TableParser {
    /** An amount cell: bounded quantifiers (linear on any line, issue 16); more digits than any budget prints is no amount. */
    static final Pattern NUM = Pattern.compile("(?<![\\d,])-?+(?:\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,18})\\.\\d{2}");
    private static final Pattern CODE = Pattern.compile("^(\\d{3})(?:\\s+(\\d{2}))?(?:\\s+(\\d{2}))?(?:\\s+(.*))?$");
    private static final Pattern CODE_START = Pattern.compile("^\\d{3}(\\s.*)?$");
    private static final Pattern TRAILING_NUM = Pattern.compile("(?:^|\\s)(" + NUM.pattern() + ")$");
    private static final Pattern PLAIN_TOTAL = Pattern.compile("(总\\s*+计|合\\s*+计)(\\s++" + NUM.pattern() + ")++");
    private static final Pattern WS = Pattern.compile("\\s+");
    /** A page number as a PDF prints it at a page's foot: "— 4 —", "- 4 -", "第 4 页", "4 / 20". */
    private static final Pattern PAGE_FOOTER = Pattern.compile("[—–\\-－]\\s*\\d{1,4}\\s*[—–\\-－]|第\\s*\\d{1,4}\\s*页.{0,12}|\\d{1,4}\\s*/\\s*\\d{1,4}");
    /** Label maps per list of row specs (built once, not per line). */
    private static final Map<List<LineSpec>, Map<String, LineSpec>> LABELS = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private final TemplateProfile profile;
    private final ReferenceData ref;
    private final AgencyKind kind;
    private final String unitName;
    private final List<String> lines;
    private final List<String> notes;
    /** Funding sources with money in 表1 (null until 表1 is read): which source columns can hold numbers. */
    private Set<String> sourcesInUse;
    /** Unit names seen on unit rows (表7), to tell unit rows of 表11 from its project rows. */
    private final Set<String> unitNames = new LinkedHashSet<>();
    /** Where each line is (a PDF's page and boxes, a text's line numbers): each row read carries its origin. */
    private final SourceLines source;
    /** 经济分类类 named in 第三部分 七 资金分配情况 (evidence for the columns of 表7). */
    private Set<String> projectEco;

    TableParser(TemplateProfile profile, ReferenceData ref, AgencyKind kind, String unitName, List<String> lines, List<String> notes) {
        this(profile, ref, kind, unitName, lines, notes, SourceLines.text(lines.size()));
    }

    TableParser(TemplateProfile profile, ReferenceData ref, AgencyKind kind, String unitName, List<String> lines, List<String> notes,
                SourceLines source) {
        this.source = source;
        this.profile = profile;
        this.ref = ref;
        this.kind = kind;
        this.unitName = unitName;
        this.lines = lines;
        this.notes = notes;
        unitNames.add(unitName);
    }

    /** A row as read, before its numbers are placed. */
    private static final class PRow {
        Side side;
        RowKind kind;
        String key = "", code = "", name = "", project = "", unit = "";
        int line;
        BigDecimal[] fixed;              // tab layout: every cell known
        List<BigDecimal> numbers;        // plain layout: the visible numbers, in order
        String parentKey;                // fixed rows: the row whose sum_of lists this one
        int index = -1;                  // position among the table's rows (parents)
        int firstCell = -1;              // tab layout: column c was read from cell firstCell + c of its line
    }

    /** Where row {@code r} was read: its line, and in the tab layout the cell of each of the n columns. */
    private org.openbudget.core.disclosure.Origin origin(PRow r, int n) {
        int[] cells = null;
        if (r.firstCell >= 0) {
            cells = new int[n];
            for (int c = 0; c < n; c++) cells[c] = r.firstCell + c;
        }
        return source.origin(r.line, cells);
    }

    DisclosureTable parse(TableTemplate t, int start, int stop) {
        int no = t.no();
        int n = t.columns().size();
        boolean tab = false;
        for (int i = start; i < stop; i++) if (lines.get(i).indexOf('\t') >= 0) { tab = true; break; }
        List<PRow> rows = new ArrayList<>();
        String emptyNote = null;
        boolean header = true;
        int labelWidth = -1;
        String currentUnit = "";
        StringBuilder buf = new StringBuilder();
        int bufLine = 0;
        boolean yuan = false; // 单位：元 — amounts converted to 万元
        for (int i = start; i < stop; i++) {
            String l = lines.get(i);
            String flat = l.replace('\t', ' ').trim();
            if (flat.isEmpty()) continue;
            if (header && norm(flat).matches(".*单位:元$")) yuan = true;
            if (flat.matches("\\d{1,3}") || PAGE_FOOTER.matcher(flat).matches()) continue; // page number
            if (flat.startsWith("编制单位") || flat.startsWith("编制部门")) {
                header = true;
                continue;
            }
            if (flat.startsWith("单位：") || flat.startsWith("单位:")) continue;
            if (tab && (header || columnNumberLine(flat))) {
                int w = labelWidth(cells(l));
                if (w > 0) labelWidth = w;
            }
            if (columnNumberLine(flat)) {
                header = false;
                continue;
            }
            if (flat.contains("没有") && (flat.contains("空表") || nextContains(i, stop, "空表"))) {
                StringBuilder note = new StringBuilder(flat);
                int k = i;
                while (!note.toString().contains("空表") && k + 1 < stop) {
                    k++;
                    note.append(lines.get(k).trim());
                }
                emptyNote = note.toString().replaceAll("\\s+", "");
                i = k;
                continue;
            }
            if (header && !rowStart(t, l, tab)) continue;
            header = false;
            String where = "表" + no + " 第" + (i + 1) + "行";
            if (no == 1 || no == 4) {
                incomeExpense(t, l, tab, i + 1, rows);
            } else if (no == 10) {
                fixedRow(t, l, tab, i + 1, rows);
            } else if (tab) {
                String[] cells = cells(l);
                if (labelWidth <= 0) labelWidth = inferLabelWidth(start, stop);
                int labels = labelWidth > 0 ? labelWidth : Math.max(1, cells.length - n);
                if (cells.length > labels + n) {
                    for (int c = labels + n; c < cells.length; c++) {
                        if (!cells[c].isEmpty()) notes.add(where + "：表头之外的单元格「" + cells[c] + "」未读");
                    }
                }
                if (cells.length < labels + n) {
                    String[] padded = Arrays.copyOf(cells, labels + n);
                    for (int c = cells.length; c < padded.length; c++) padded[c] = "";
                    cells = padded;
                }
                String project = "";
                int labelEnd = labels;
                if (no == 7 && labels >= 2) {
                    project = cells[labels - 1];
                    labelEnd = labels - 1;
                }
                List<String> parts = new ArrayList<>();
                for (int c = 0; c < labelEnd; c++) if (!cells[c].isEmpty()) parts.add(cells[c]);
                BigDecimal[] v = new BigDecimal[n];
                for (int c = 0; c < n; c++) v[c] = number(cells[labels + c], where);
                PRow r = classRow(t, String.join(" ", parts), project, i + 1, rows, currentUnit);
                if (r != null) {
                    r.fixed = v;
                    r.firstCell = labels;
                    rows.add(r);
                    if (r.kind == RowKind.UNIT) currentUnit = r.unit;
                }
            } else {
                // plain: one row may be wrapped over several lines; it ends with its numbers
                if (buf.length() > 0 && rowStart(t, l, false)) {
                    notes.add("表" + no + " 第" + bufLine + "行：「" + buf + "」没有数，按无数行读入");
                    PRow r = plainClassRow(t, buf.toString(), bufLine, rows, currentUnit);
                    if (r != null) {
                        rows.add(r);
                        if (r.kind == RowKind.UNIT) currentUnit = r.unit;
                    }
                    buf.setLength(0);
                }
                if (buf.length() == 0) bufLine = i + 1;
                join(buf, flat);
                if (endsWithNumber(buf.toString())) {
                    PRow r = plainClassRow(t, buf.toString(), bufLine, rows, currentUnit);
                    if (r != null) {
                        rows.add(r);
                        if (r.kind == RowKind.UNIT) currentUnit = r.unit;
                    }
                    buf.setLength(0);
                }
            }
        }
        if (buf.length() > 0) {
            notes.add("表" + no + " 第" + bufLine + "行：「" + buf + "」没有数，按无数行读入");
            PRow r = plainClassRow(t, buf.toString(), bufLine, rows, currentUnit);
            if (r != null) rows.add(r);
        }

        if (yuan) {
            for (PRow r : rows) {
                if (r.fixed != null) for (int c = 0; c < r.fixed.length; c++) if (r.fixed[c] != null) r.fixed[c] = r.fixed[c].movePointLeft(4);
                if (r.numbers != null) r.numbers.replaceAll(v -> v.movePointLeft(4));
            }
        }
        String title = t.title(kind.label());
        if (rows.isEmpty()) {
            if (emptyNote == null) notes.add("表" + no + "：既没有数据行，也没有空表说明");
            return new DisclosureTable(no, title, t.columnLabels(), List.of(), true, emptyNote, t.id(), t.mark());
        }
        if (emptyNote != null) notes.add("表" + no + "：有数据行，又印有空表说明「" + emptyNote + "」");
        if (no == 1 || no == 4) {
            // printed side by side; as data: income rows, 收入总计, expense rows, 支出总计
            List<PRow> ordered = new ArrayList<>();
            for (Side side : Side.values()) {
                for (PRow r : rows) if (r.side == side && r.kind != RowKind.TOTAL) ordered.add(r);
                for (PRow r : rows) if (r.side == side && r.kind == RowKind.TOTAL) ordered.add(r);
            }
            rows = ordered;
        }
        List<Row> out = place(t, rows);
        if (no == 1) sourcesInUse = sources(t, out);
        return new DisclosureTable(no, title, t.columnLabels(), out, false, emptyNote, t.id(), t.mark()); // a sentence on a table with numbers is a finding (T*.empty-with-rows)
    }

    // ---------------------------------------------------------------- 表1, 表4

    private void incomeExpense(TableTemplate t, String l, boolean tab, int line, List<PRow> rows) {
        int n = t.columns().size();
        String where = "表" + t.no() + " 第" + line + "行";
        Map<String, LineSpec> income = labels(t.incomeRows());
        String incLabel, expLabel;
        BigDecimal incValue = null;
        List<BigDecimal> expNumbers = new ArrayList<>();
        BigDecimal[] expFixed = null;
        if (tab) {
            String[] c = cells(l);
            incLabel = c.length > 0 ? c[0] : "";
            incValue = c.length > 1 ? number(c[1], where) : null;
            expLabel = c.length > 2 ? c[2] : "";
            expFixed = new BigDecimal[n];
            for (int k = 0; k < n; k++) expFixed[k] = 3 + k < c.length ? number(c[3 + k], where) : null;
        } else {
            String[] tok = l.trim().split("\\s+");
            int p = 0;
            incLabel = "";
            for (int len = Math.min(8, tok.length); len >= 1; len--) {
                String cand = String.join("", Arrays.copyOfRange(tok, 0, len));
                if (income.containsKey(norm(cand)) || norm(cand).equals(norm(profile.incomeTotalLabel()))) {
                    incLabel = cand;
                    p = len;
                    break;
                }
            }
            if (p > 0 && p < tok.length && NUM.matcher(tok[p]).matches()) incValue = amount(tok[p++]);
            StringBuilder exp = new StringBuilder();
            while (p < tok.length && !NUM.matcher(tok[p]).matches()) {
                if (exp.length() > 0 && (tok[p - 1].matches("\\d{3}"))) exp.append(' ');
                exp.append(tok[p++]);
            }
            expLabel = exp.toString();
            while (p < tok.length && NUM.matcher(tok[p]).matches()) expNumbers.add(amount(tok[p++]));
            if (p < tok.length) notes.add(where + "：行尾「" + String.join(" ", Arrays.copyOfRange(tok, p, tok.length)) + "」未读");
        }
        if (!incLabel.isBlank()) {
            PRow r = new PRow();
            r.side = Side.INCOME;
            r.line = line;
            String key = norm(incLabel);
            if (key.equals(norm(profile.incomeTotalLabel()))) {
                r.kind = RowKind.TOTAL;
                r.key = "income.total";
                r.name = profile.incomeTotalLabel();
            } else if (income.containsKey(key)) {
                LineSpec s = income.get(key);
                r.kind = RowKind.LINE;
                r.key = s.key();
                r.name = s.label();
            } else {
                notes.add(where + "：收入项目「" + incLabel + "」不是模板的行，略去");
                r = null;
            }
            if (r != null) {
                r.fixed = new BigDecimal[n];
                r.fixed[0] = incValue;
                if (tab) r.firstCell = 1;
                rows.add(r);
            }
        }
        if (!expLabel.isBlank()) {
            PRow r = new PRow();
            r.side = Side.EXPENSE;
            r.line = line;
            Matcher m = CODE.matcher(expLabel.trim());
            if (norm(expLabel).equals(norm(profile.expenseTotalLabel()))) {
                r.kind = RowKind.TOTAL;
                r.key = "expense.total";
                r.name = profile.expenseTotalLabel();
            } else if (m.matches() && m.group(2) == null) {
                r.kind = RowKind.CLASS;
                r.code = m.group(1);
                r.name = m.group(4) == null ? "" : m.group(4).replaceAll("\\s+", "");
            } else {
                notes.add(where + "：支出项目「" + expLabel + "」无法识别，略去");
                return;
            }
            if (tab) {
                r.fixed = expFixed;
                r.firstCell = 3;
            } else r.numbers = expNumbers;
            rows.add(r);
        }
    }

    // ---------------------------------------------------------------- 表10

    private void fixedRow(TableTemplate t, String l, boolean tab, int line, List<PRow> rows) {
        int n = t.columns().size();
        String where = "表" + t.no() + " 第" + line + "行";
        Map<String, LineSpec> specs = labels(t.rows());
        String label;
        PRow r = new PRow();
        r.line = line;
        if (tab) {
            String[] c = cells(l);
            label = c.length > 0 ? c[0] : "";
            r.fixed = new BigDecimal[n];
            r.firstCell = 1;
            for (int k = 0; k < n; k++) r.fixed[k] = 1 + k < c.length ? number(c[1 + k], where) : null;
        } else {
            String[] tok = l.trim().split("\\s+");
            int p = 0;
            StringBuilder b = new StringBuilder();
            while (p < tok.length && !NUM.matcher(tok[p]).matches()) b.append(tok[p++]);
            label = b.toString();
            r.numbers = new ArrayList<>();
            while (p < tok.length && NUM.matcher(tok[p]).matches()) r.numbers.add(amount(tok[p++]));
        }
        LineSpec s = specs.get(norm(label));
        if (s == null) {
            notes.add(where + "：「" + label + "」不是模板的行，略去");
            return;
        }
        r.key = s.key();
        r.name = s.label();
        r.kind = s.key().equals("total") ? RowKind.TOTAL : RowKind.LINE;
        for (LineSpec p : t.rows()) if (p.sumOf().contains(s.key())) r.parentKey = p.key();
        rows.add(r);
    }

    // ---------------------------------------------------------------- classification tables, 表7, 表11

    private PRow plainClassRow(TableTemplate t, String text, int line, List<PRow> rows, String currentUnit) {
        String s = text.trim();
        List<BigDecimal> nums = new ArrayList<>();
        while (true) {
            Matcher m = TRAILING_NUM.matcher(s);
            if (!m.find()) break;
            nums.add(0, amount(m.group(1)));
            s = s.substring(0, m.start()).trim();
        }
        PRow r = classRow(t, s, null, line, rows, currentUnit);
        if (r != null) r.numbers = nums;
        return r;
    }

    /**
     * A row of a classification table from its label text ("206 04 99 其他技术研究与开发支出") and,
     * for 表7 in the tab layout, its project cell (null in the plain layout: split from the text).
     */
    private PRow classRow(TableTemplate t, String label, String projectCell, int line, List<PRow> rows, String currentUnit) {
        int no = t.no();
        String where = "表" + no + " 第" + line + "行";
        PRow r = new PRow();
        r.line = line;
        Matcher m = CODE.matcher(label.trim());
        boolean perUnit = no == 7 || no == 11;
        if (m.matches()) {
            r.code = m.group(1) + (m.group(2) == null ? "" : m.group(2)) + (m.group(3) == null ? "" : m.group(3));
            String rest = m.group(4) == null ? "" : m.group(4).trim();
            String project = projectCell == null ? "" : projectCell.trim();
            if (no == 7 && projectCell == null && r.code.length() == 7) {
                String[] np = splitNameProject(r.code, rest);
                rest = np[0];
                project = np[1];
            }
            r.name = rest.replaceAll("\\s+", "");
            r.project = project.replaceAll("\\s+", " ");
            r.kind = no == 7 && !r.project.isEmpty() ? RowKind.PROJECT : RowKind.CLASS;
            r.unit = perUnit ? currentUnit : "";
            return r;
        }
        String text = label.trim().replaceAll("\\s+", " ");
        if (text.isEmpty() && projectCell != null && !projectCell.isBlank()) text = projectCell.trim();
        String key = norm(text);
        if (key.equals(norm(profile.totalLabel())) || key.equals("合计") || key.equals("总计")) {
            r.kind = RowKind.TOTAL;
            r.name = text.replace(" ", "");
            return r;
        }
        if (text.isEmpty()) {
            notes.add(where + "：没有编码也没有名称的行，略去");
            return null;
        }
        if (no == 7) {
            r.kind = RowKind.UNIT;
            r.name = text;
            r.unit = text;
            unitNames.add(text);
            return r;
        }
        if (no == 11) {
            boolean first = rows.stream().noneMatch(x -> x.kind != RowKind.TOTAL);
            if (key.equals("基本支出")) {
                r.kind = RowKind.LINE;
                r.key = "basic";
                r.name = "基本支出";
                r.unit = currentUnit;
            } else if (first || unitNames.stream().anyMatch(u -> norm(u).equals(key))) {
                r.kind = RowKind.UNIT;
                r.name = text;
                r.unit = text;
            } else {
                r.kind = RowKind.PROJECT;
                r.name = text;
                r.project = text;
                r.unit = currentUnit;
            }
            return r;
        }
        notes.add(where + "：「" + text + "」既不是科目编码行也不是合计行，略去");
        return null;
    }

    /** "其他技术研究与开发支出 信息化运维项目" → name, project (by the official name, else the first space). */
    private String[] splitNameProject(String code, String rest) {
        String official = ref.functional().name(code).orElse(null);
        if (official != null) {
            String target = norm(official);
            int consumed = 0, idx = 0;
            while (idx < rest.length() && consumed < target.length()) {
                char ch = rest.charAt(idx++);
                if (Character.isWhitespace(ch)) continue;
                if (norm(String.valueOf(ch)).equals(String.valueOf(target.charAt(consumed)))) consumed++;
                else break;
            }
            if (consumed == target.length()) return new String[]{rest.substring(0, idx), rest.substring(idx).trim()};
        }
        int sp = rest.indexOf(' ');
        if (sp < 0) return new String[]{rest, ""};
        return new String[]{rest.substring(0, sp), rest.substring(sp + 1).trim()};
    }

    // ---------------------------------------------------------------- placing numbers

    private List<Row> place(TableTemplate t, List<PRow> rows) {
        int n = t.columns().size();
        List<Placement.Equation> eqs = new ArrayList<>();
        for (String e : t.equations()) {
            try {
                eqs.add(Placement.Equation.parse(e));
            } catch (RuntimeException ex) {
                notes.add("表" + t.no() + "：模板等式「" + e + "」无法解析");
            }
        }
        Placement placement = new Placement(n, eqs, allowedColumns(t), notes);
        Map<PRow, Placement.Node> nodes = new HashMap<>();
        for (PRow r : rows) {
            String where = "表" + t.no() + " 第" + r.line + "行（" + (r.code.isEmpty() ? r.name : r.code + " " + r.name) + "）";
            List<BigDecimal> nums = r.numbers == null ? List.of() : r.numbers;
            if (r.fixed == null && nums.size() > n) {
                notes.add(where + "：" + nums.size() + " 个数多于 " + n + " 列，多余的略去");
                nums = nums.subList(0, n);
            }
            Placement.Node node = new Placement.Node(nums, r.fixed, where);
            if (t.no() == 11) {
                // 人员/公用经费 come only from 基本支出 rows, 项目支出 only from project rows
                boolean basic = rows.stream().anyMatch(x -> x.kind == RowKind.LINE);
                boolean projects = rows.stream().anyMatch(x -> x.kind == RowKind.PROJECT);
                if (r.kind == RowKind.PROJECT || (!basic && projects)) node.allowed = carryColumns(t, true);
                else if (r.kind == RowKind.LINE || (basic && !projects)) node.allowed = carryColumns(t, false);
            }
            nodes.put(r, node);
        }
        List<Placement.Node> roots = new ArrayList<>();
        PRow[] parents = parents(t, rows);
        for (int i = 0; i < rows.size(); i++) {
            PRow r = rows.get(i);
            PRow parent = parents[i];
            if (parent == null || parent == r) roots.add(nodes.get(r));
            else nodes.get(parent).children.add(nodes.get(r));
        }
        placement.solve(roots);
        List<Row> out = new ArrayList<>();
        for (PRow r : rows) {
            BigDecimal[] v = nodes.get(r).values;
            if (v == null) v = new BigDecimal[n];
            out.add(new Row(r.side, r.kind, r.key, r.code, r.name, r.project, r.unit, Arrays.asList(v), origin(r, n)));
        }
        return out;
    }

    /** 表11: a project row fills totals and 项目支出 columns only; the 基本支出 row totals and 人员/公用经费. */
    private static boolean[] carryColumns(TableTemplate t, boolean project) {
        List<String> labels = t.columnLabels();
        boolean[] a = new boolean[labels.size()];
        for (int i = 0; i < a.length; i++) {
            String l = labels.get(i);
            boolean total = l.endsWith("合计") || l.endsWith("总计");
            a[i] = total || (project ? l.endsWith("项目支出") : l.endsWith("人员经费") || l.endsWith("公用经费"));
        }
        return a;
    }

    /**
     * The parent of every row, in one pass (a table read twice, or a hostile text of many rows, once
     * made this quadratic): for table 10 the first row of its parent's key; else the nearest row above
     * on the same side at a higher level, or the side's total.
     */
    private PRow[] parents(TableTemplate t, List<PRow> rows) {
        PRow[] out = new PRow[rows.size()];
        if (t.no() == 10) {
            Map<String, PRow> byKey = new HashMap<>();
            for (PRow p : rows) if (p.key != null) byKey.putIfAbsent(p.key, p);
            for (int i = 0; i < rows.size(); i++) {
                PRow r = rows.get(i);
                if (r.kind == RowKind.TOTAL || r.parentKey == null) continue;
                PRow p = byKey.get(r.parentKey);
                // a parent whose own chain leads back here (a damaged template) makes no tree: a root instead
                out[i] = p == null || leadsTo(p, r, byKey) ? null : p;
            }
            return out;
        }
        Map<Side, PRow> totals = new HashMap<>();
        for (PRow p : rows) if (p.kind == RowKind.TOTAL && !totals.containsKey(p.side)) totals.put(p.side, p);
        Map<Side, PRow[]> lastAt = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ReadGuard.checkpoint();
            PRow r = rows.get(i);
            int level = level(t, r);
            PRow[] last = lastAt.computeIfAbsent(r.side, k -> new PRow[6]);
            if (r.kind != RowKind.TOTAL && !((t.no() == 1 || t.no() == 4) && r.side == Side.INCOME)) {
                PRow best = null;
                int bestIndex = -1;
                for (int l = 0; l < level && l < last.length; l++) {
                    if (last[l] != null && last[l].index > bestIndex) {
                        best = last[l];
                        bestIndex = last[l].index;
                    }
                }
                out[i] = best != null ? best : totals.get(r.side);
            }
            last[Math.min(level, last.length - 1)] = r;
            r.index = i;
        }
        return out;
    }

    private static boolean leadsTo(PRow from, PRow target, Map<String, PRow> byKey) {
        PRow p = from;
        for (int depth = 0; p != null && depth < 64; depth++) {
            if (p == target) return true;
            p = p.parentKey == null ? null : byKey.get(p.parentKey);
        }
        return p != null;
    }

    private static int level(TableTemplate t, PRow r) {
        return switch (r.kind) {
            case TOTAL -> 0;
            case UNIT -> 1;
            case CLASS -> r.code.length() == 3 ? 2 : r.code.length() == 5 ? 3 : 4;
            case PROJECT -> t.no() == 11 ? 2 : 5;
            case LINE -> 2;
        };
    }

    /** Columns that can hold a number: source columns only for sources 表1 shows; 表7 by 资金分配情况. */
    private boolean[] allowedColumns(TableTemplate t) {
        List<ColumnSpec> cols = t.columns();
        boolean[] a = new boolean[cols.size()];
        Arrays.fill(a, true);
        if (sourcesInUse != null && (t.no() == 2 || t.no() == 4 || t.no() == 10)) {
            for (int i = 0; i < cols.size(); i++) {
                List<String> s = cols.get(i).sources();
                if (s.isEmpty() || s.contains("*")) continue;
                a[i] = s.stream().anyMatch(sourcesInUse::contains);
            }
        }
        if (sourcesInUse != null && t.no() == 11) {
            boolean fiscal = sourcesInUse.contains("CO_GPB") || sourcesInUse.contains("CO_GFB") || sourcesInUse.contains("CO_SOC");
            boolean nonfiscal = sourcesInUse.contains("CO_EDU") || sourcesInUse.contains("CO_UNIT");
            if (fiscal != nonfiscal) {
                for (int i = 0; i < cols.size(); i++) {
                    String l = cols.get(i).label();
                    if (l.startsWith("非财政拨款")) a[i] = nonfiscal;
                    else if (l.startsWith("财政拨款")) a[i] = fiscal;
                }
            }
        }
        if (t.no() == 7) {
            Set<String> eco = projectEco();
            if (!eco.isEmpty()) {
                for (int i = 0; i < cols.size(); i++) {
                    List<String> e = cols.get(i).eco();
                    if (!e.isEmpty()) a[i] = e.stream().anyMatch(eco::contains);
                }
            }
        }
        return a;
    }

    private Set<String> projectEco() {
        if (projectEco != null) return projectEco;
        projectEco = new HashSet<>();
        List<ClassItem> items = ref.economic().items();
        for (String l : lines) {
            if (!l.contains("资金分配情况")) continue;
            String s = norm(l);
            for (ClassItem c : items) {
                if (c.code().length() == 5 && s.contains(norm(c.name()))) projectEco.add(c.code().substring(0, 3));
            }
        }
        return projectEco;
    }

    private static Set<String> sources(TableTemplate t, List<Row> rows) {
        Set<String> out = new HashSet<>();
        Map<String, LineSpec> byKey = new HashMap<>();
        for (LineSpec s : t.incomeRows()) byKey.put(s.key(), s);
        for (Row r : rows) {
            if (r.kind() != RowKind.LINE || r.value(0) == null || r.value(0).signum() == 0) continue;
            LineSpec s = byKey.get(r.key());
            if (s != null) out.addAll(s.sources());
        }
        return out;
    }

    // ---------------------------------------------------------------- lines and cells

    private boolean rowStart(TableTemplate t, String l, boolean tab) {
        String first = "";
        if (tab) {
            for (String c : cells(l)) if (!c.isEmpty()) { first = c; break; }
        } else {
            first = l.trim();
        }
        if (CODE_START.matcher(first).matches()) return true;
        String k = norm(first);
        if (tab ? (k.equals("总计") || k.equals("合计")) && Arrays.stream(cells(l)).anyMatch(c -> NUM.matcher(c).matches())
                : PLAIN_TOTAL.matcher(first).matches()) return true;
        if (t.no() == 1 || t.no() == 4) {
            String all = norm(l);
            if (all.startsWith(norm(profile.incomeTotalLabel()))) return true;
            for (String label : labels(t.incomeRows()).keySet()) if (all.startsWith(label)) return true;
        }
        if (t.no() == 10) {
            for (String label : labels(t.rows()).keySet()) if (k.startsWith(label)) return true;
        }
        if (t.no() == 7 || t.no() == 11) {
            for (String u : unitNames) if (k.startsWith(norm(u))) return true;
        }
        return false;
    }

    private static Map<String, LineSpec> labels(List<LineSpec> specs) {
        return LABELS.computeIfAbsent(specs, TableParser::buildLabels);
    }

    private static Map<String, LineSpec> buildLabels(List<LineSpec> specs) {
        Map<String, LineSpec> m = new java.util.LinkedHashMap<>();
        for (LineSpec s : specs) {
            m.putIfAbsent(norm(s.label()), s);
            for (String a : s.aliases()) m.putIfAbsent(norm(a), s);
        }
        return m;
    }

    private boolean nextContains(int i, int stop, String what) {
        for (int k = i + 1; k < Math.min(stop, i + 3); k++) if (lines.get(k).contains(what)) return true;
        return false;
    }

    /** Label cells of a tab layout from a header line: where column "1" is, else how many ※. */
    /** Label cells when no header says (headers broken one character per line): past the last word cell of a row with numbers. */
    private int inferLabelWidth(int start, int stop) {
        int w = 0;
        for (int i = start; i < stop; i++) {
            String l = lines.get(i);
            if (l.indexOf('\t') < 0) continue;
            String[] c = cells(l);
            boolean num = false;
            int last = -1;
            for (int k = 0; k < c.length; k++) {
                if (NUM.matcher(c[k]).matches()) num = true;
                else if (!c[k].isEmpty() && !num) last = k;
            }
            if (num) w = Math.max(w, last + 1);
        }
        return w;
    }

    private static int labelWidth(String[] cells) {
        if (cells.length < 3) return 0; // a header broken one character per line says nothing
        for (int i = 0; i + 1 < cells.length; i++) if (cells[i].equals("1") && cells[i + 1].equals("2")) return i;
        if (cells.length == 2 && cells[1].equals("1")) return 1;
        int stars = 0;
        for (String c : cells) if (c.equals("※")) stars++;
        return stars;
    }

    private static boolean columnNumberLine(String flat) {
        String[] tok = flat.split("\\s+");
        boolean star = false;
        for (String x : tok) {
            if (x.equals("※")) star = true;
            else if (!x.matches("\\d{1,2}")) return false;
        }
        return star || tok.length >= 3;
    }

    private static String[] cells(String l) {
        String[] c = l.split("\t", -1);
        for (int i = 0; i < c.length; i++) c[i] = c[i].trim();
        return c;
    }

    private static void join(StringBuilder buf, String next) {
        if (buf.length() == 0) {
            buf.append(next);
            return;
        }
        char a = buf.charAt(buf.length() - 1);
        char b = next.charAt(0);
        if (ascii(a) || ascii(b)) buf.append(' ');
        buf.append(next);
    }

    private static boolean ascii(char c) {
        return c < 128 && Character.isLetterOrDigit(c) || c == '-';
    }

    private static boolean endsWithNumber(String s) {
        return TRAILING_NUM.matcher(s.trim()).find();
    }

    private BigDecimal number(String cell, String where) {
        String c = cell == null ? "" : cell.trim();
        if (c.isEmpty() || c.equals("-") || c.equals("—")) return null;
        if (!NUM.matcher(c).matches() && !c.replace(",", "").matches("-?+\\d{1,18}+(\\.\\d{1,12}+)?+")) {
            notes.add(where + "：「" + (c.length() > 40 ? c.substring(0, 40) + "…" : c) + "」不是金额，按空白读入");
            return null;
        }
        return amount(c);
    }

    static BigDecimal amount(String s) {
        return new BigDecimal(s.replace(",", ""));
    }
}
