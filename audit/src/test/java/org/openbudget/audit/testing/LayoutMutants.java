package org.openbudget.audit.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * Mutants of a document's laid-out text (a PDF's text layer as the reader rebuilt it, or any text of it):
 * one printed amount of a table changed, at a cell the document's own arithmetic constrains.
 *
 * <p>The constraints are found in the document as read, independently of the check catalogue: within a
 * table, a row that is the sum of others (a 类 of its 款, a 款 of its 项, a 合计 of its top rows, a fixed
 * line of the rows its template says it sums) and a column that is the sum of a run of others in every
 * row (合计 = 基本支出 + 项目支出). An identity counts when it holds in the unchanged document within the
 * rounding of its printed cells (half the last printed place per printed part, plus one). A cell in at
 * least one identity is mutated; a mutant whose change every identity still absorbs is one the checks
 * cannot see by construction: excluded, and counted.
 */
public final class LayoutMutants {
    /** A printed amount: thousands separators or not, decimals or not. */
    static final Pattern NUM = Pattern.compile("(?<![\\d.,])-?(?:[1-9]\\d{0,2}(?:,\\d{3})+|[1-9]\\d*|0)(?:\\.\\d+)?(?![\\d%])(?!\\.\\d)");

    /** A table cell: table number, row index, column index. */
    public record Cell(int table, int row, int column) {}

    /** A sum the document prints: {@code total = Σ parts} (cells), holding within {@code tolerance} (万元). */
    record Identity(Cell total, List<Cell> parts, BigDecimal diff, BigDecimal tolerance) {}

    /**
     * One mutant: the document's lines with one amount changed.
     *
     * @param line0 the 0-based line changed
     * @param table the table whose cell it is
     * @param what  a description (table, row, printed change)
     */
    public record Mutant(List<String> lines, int line0, int table, String row, String what) {}

    /** Why candidate sites were not made mutants, counted. */
    public final Map<String, Integer> excluded = new LinkedHashMap<>();

    private final List<String> lines;
    private final Disclosure d;
    private final TemplateProfile profile;
    private final Map<Cell, List<Identity>> identities = new HashMap<>();

    public LayoutMutants(List<String> lines, DocumentAudit.Result base, TemplateProfile profile) {
        this.lines = lines;
        this.d = base.disclosure();
        this.profile = profile;
        for (DisclosureTable t : d.tables()) findIdentities(t);
    }

    /** The cells of this document in at least one identity. */
    public int constrainedCells() {
        return identities.size();
    }

    private void exclude(String why) {
        excluded.merge(why, 1, Integer::sum);
    }

    // ------------------------------------------------------------------ the document's own arithmetic

    private BigDecimal step(DisclosureTable t) {
        boolean yuan = profile.findTable(t.no()).map(tt -> profile.amountFormat(tt).yuan()).orElse(false);
        return yuan ? new BigDecimal("0.0001") : new BigDecimal("0.01");
    }

    private static BigDecimal v(Row r, int c) {
        BigDecimal x = r.value(c);
        return x == null ? BigDecimal.ZERO : x;
    }

    private void add(DisclosureTable t, int total, List<Integer> parts, int column, BigDecimal step) {
        if (parts.isEmpty()) return;
        // a row "summing" itself alone is no constraint (a 类 with one 款 printing the same number is, and stays)
        Row tr = t.rows().get(total);
        BigDecimal sum = BigDecimal.ZERO;
        int printed = 0;
        for (int p : parts) {
            Row r = t.rows().get(p);
            sum = sum.add(v(r, column));
            if (r.value(column) != null) printed++;
        }
        addIdentity(t, new Cell(t.no(), total, column), parts.stream().map(p -> new Cell(t.no(), p, column)).toList(), v(tr, column).subtract(sum), printed, step);
    }

    private void addIdentity(DisclosureTable t, Cell total, List<Cell> parts, BigDecimal diff, int printed, BigDecimal step) {
        BigDecimal tolerance = printed > 1 ? step.divide(BigDecimal.valueOf(2)).multiply(BigDecimal.valueOf(printed + 1)) : BigDecimal.ZERO;
        if (diff.abs().compareTo(tolerance) > 0) return;
        Identity id = new Identity(total, parts, diff, tolerance);
        identities.computeIfAbsent(total, k -> new ArrayList<>()).add(id);
        for (Cell c : parts) identities.computeIfAbsent(c, k -> new ArrayList<>()).add(id);
    }

    private void findIdentities(DisclosureTable t) {
        List<Row> rows = t.rows();
        int columns = t.columns().size();
        BigDecimal step = step(t);
        if (rows.isEmpty() || columns == 0) return;
        // rows: a classification row of its children (by code), per side
        for (int i = 0; i < rows.size(); i++) {
            Row p = rows.get(i);
            if (p.kind() != RowKind.CLASS || p.code().isEmpty()) continue;
            List<Integer> kids = new ArrayList<>();
            for (int j = 0; j < rows.size(); j++) {
                Row k = rows.get(j);
                if (k.kind() == RowKind.CLASS && k.side() == p.side() && k.code().length() == p.code().length() + 2
                        && k.code().startsWith(p.code()) && k.unit().equals(p.unit())) kids.add(j);
            }
            if (kids.isEmpty()) continue;
            for (int c = 0; c < columns; c++) add(t, i, kids, c, step);
        }
        // rows: a total of the top rows of its side (classification rows of the shortest code, else projects, else units)
        for (int i = 0; i < rows.size(); i++) {
            Row tot = rows.get(i);
            if (tot.kind() != RowKind.TOTAL) continue;
            for (RowKind kind : new RowKind[]{RowKind.CLASS, RowKind.PROJECT, RowKind.UNIT}) {
                int shortest = Integer.MAX_VALUE;
                for (Row r : rows) if (r.kind() == kind && r.side() == tot.side() && r.unit().equals(tot.unit())) shortest = Math.min(shortest, r.code().length());
                List<Integer> top = new ArrayList<>();
                for (int j = 0; j < rows.size(); j++) {
                    Row r = rows.get(j);
                    if (r.kind() == kind && r.side() == tot.side() && r.code().length() == shortest && r.unit().equals(tot.unit())) top.add(j);
                }
                if (top.isEmpty()) continue;
                for (int c = 0; c < columns; c++) add(t, i, top, c, step);
                break;
            }
        }
        // rows: a fixed line of the lines its template says it sums
        TableTemplate tpl = profile.findTable(t.no()).orElse(null);
        if (tpl != null) {
            List<LineSpec> specs = new ArrayList<>(tpl.incomeRows());
            specs.addAll(tpl.rows());
            for (LineSpec s : specs) {
                if (s.sumOf().isEmpty()) continue;
                for (int i = 0; i < rows.size(); i++) {
                    if (!s.key().equals(rows.get(i).key())) continue;
                    Side side = rows.get(i).side();
                    List<Integer> parts = new ArrayList<>();
                    for (int j = 0; j < rows.size(); j++) {
                        if (j != i && rows.get(j).side() == side && s.sumOf().contains(rows.get(j).key())) parts.add(j);
                    }
                    if (parts.size() == s.sumOf().size()) for (int c = 0; c < columns; c++) add(t, i, parts, c, step);
                }
            }
        }
        // columns: one column the sum of a run of others, in every row that prints any of them
        for (int c0 = 0; c0 < columns; c0++) {
            for (int a = 0; a < columns; a++) {
                for (int b = a + 1; b < columns; b++) {
                    if (c0 >= a && c0 <= b) continue;
                    boolean holds = true;
                    int nonzero = 0;
                    for (Row r : rows) {
                        BigDecimal s = BigDecimal.ZERO;
                        int printed = 0;
                        for (int c = a; c <= b; c++) {
                            s = s.add(v(r, c));
                            if (r.value(c) != null) printed++;
                        }
                        BigDecimal diff = v(r, c0).subtract(s);
                        BigDecimal tol = printed > 1 ? step.divide(BigDecimal.valueOf(2)).multiply(BigDecimal.valueOf(printed + 1)) : BigDecimal.ZERO;
                        if (diff.abs().compareTo(tol) > 0) {
                            holds = false;
                            break;
                        }
                        if (s.signum() != 0 && v(r, c0).signum() != 0) nonzero++;
                    }
                    if (!holds || nonzero < 2) continue;
                    for (int i = 0; i < rows.size(); i++) {
                        Row r = rows.get(i);
                        BigDecimal s = BigDecimal.ZERO;
                        int printed = 0;
                        List<Cell> parts = new ArrayList<>();
                        for (int c = a; c <= b; c++) {
                            s = s.add(v(r, c));
                            if (r.value(c) != null) printed++;
                            parts.add(new Cell(t.no(), i, c));
                        }
                        addIdentity(t, new Cell(t.no(), i, c0), parts, v(r, c0).subtract(s), printed, step);
                    }
                }
            }
        }
    }

    /** Some identity of the cell no longer holds once it changes by {@code delta} (万元). */
    private boolean visible(Cell c, BigDecimal delta) {
        for (Identity id : identities.getOrDefault(c, List.of())) {
            int coefficient = id.total().equals(c) ? 1 : -1;
            // a cell both total and part of one identity cannot be (c0 outside its run)
            BigDecimal diff = id.diff().add(delta.multiply(BigDecimal.valueOf(coefficient)));
            if (diff.abs().compareTo(id.tolerance()) > 0) return true;
        }
        return false;
    }

    private BigDecimal value(Cell c) {
        return v(d.table(c.table()).orElseThrow().rows().get(c.row()), c.column());
    }

    /**
     * As {@link #visible}, with every cell as the checks compare it within its table: rounded to the decimals the
     * table prints (0.01 万元; a table in 元 to its own 分 or 元, as CheckContext.decimalsOf).
     */
    private boolean visibleToTheChecks(Cell c, BigDecimal delta) {
        int decimals = decimals(d.table(c.table()).orElseThrow());
        for (Identity id : identities.getOrDefault(c, List.of())) {
            BigDecimal total = printed(value(id.total()).add(id.total().equals(c) ? delta : BigDecimal.ZERO), decimals);
            BigDecimal sum = BigDecimal.ZERO;
            int n = 0;
            for (Cell p : id.parts()) {
                BigDecimal x = d.table(p.table()).orElseThrow().rows().get(p.row()).value(p.column());
                if (x != null) n++;
                sum = sum.add(printed(value(p).add(p.equals(c) ? delta : BigDecimal.ZERO), decimals));
            }
            BigDecimal tolerance = n > 1 ? new BigDecimal("0.005").movePointLeft(decimals - 2).multiply(BigDecimal.valueOf(n + 1)) : BigDecimal.ZERO;
            if (total.subtract(sum).abs().compareTo(tolerance) > 0) return true;
        }
        return false;
    }

    private static BigDecimal printed(BigDecimal wan, int decimals) {
        return wan.setScale(decimals, java.math.RoundingMode.HALF_UP);
    }

    /** The decimals of 万元 the checks compare a table's cells at: 2, or a table in 元 its fewest non-zero cells' (at most 6). */
    private int decimals(DisclosureTable t) {
        boolean yuan = profile.findTable(t.no()).map(tt -> profile.amountFormat(tt).yuan()).orElse(false);
        if (!yuan) return 2;
        int fewest = Integer.MAX_VALUE;
        for (Row r : t.rows()) for (BigDecimal v : r.values()) if (v != null && v.signum() != 0) fewest = Math.min(fewest, v.scale());
        return fewest == Integer.MAX_VALUE ? 2 : Math.max(2, Math.min(6, fewest));
    }

    // ------------------------------------------------------------------ mutants

    /** A printed amount at a constrained cell: the line, the token's span, the cell(s) it prints. */
    private record Site(int line0, int start, int end, List<Cell> cells, BigDecimal scale) {}

    /** Every amount printed at a constrained cell (tokens that print no cell read, or that print several cells not all constrained, are not sites). */
    private List<Site> sites() {
        List<Site> out = new ArrayList<>();
        for (DisclosureTable t : d.tables()) {
            boolean yuan = step(t).compareTo(new BigDecimal("0.01")) < 0;
            BigDecimal scale = yuan ? BigDecimal.valueOf(10_000) : BigDecimal.ONE;
            Map<Integer, List<Integer>> rowsOfLine = new LinkedHashMap<>();
            for (int i = 0; i < t.rows().size(); i++) {
                var o = t.rows().get(i).origin();
                if (o != null && o.line() > 0) rowsOfLine.computeIfAbsent(o.line(), k -> new ArrayList<>()).add(i);
            }
            for (var e : rowsOfLine.entrySet()) {
                int line0 = e.getKey() - 1;
                if (line0 >= lines.size()) continue;
                // the cells the line prints, left to right as read: each row's printed cells in column order
                List<Cell> printedCells = new ArrayList<>();
                for (int i : e.getValue()) {
                    Row r = t.rows().get(i);
                    for (int c = 0; c < t.columns().size(); c++) if (r.value(c) != null) printedCells.add(new Cell(t.no(), i, c));
                }
                List<int[]> spans = new ArrayList<>();
                List<BigDecimal> values = new ArrayList<>();
                Matcher m = NUM.matcher(lines.get(line0));
                while (m.find()) {
                    spans.add(new int[]{m.start(), m.end()});
                    values.add(new BigDecimal(m.group().replace(",", "")).divide(scale));
                }
                // the amounts in the order of the cells (codes and numbers of the labels skipped): each amount its cell
                Cell[] aligned = new Cell[spans.size()];
                int next = 0;
                for (int k = 0; k < spans.size() && next < printedCells.size(); k++) {
                    Cell c = printedCells.get(next);
                    if (t.rows().get(c.row()).value(c.column()).compareTo(values.get(k)) == 0) aligned[k] = printedCells.get(next++);
                }
                boolean inOrder = next == printedCells.size();
                for (int k = 0; k < spans.size(); k++) {
                    if (values.get(k).signum() == 0) continue; // a blank printed as 0: no change a typo makes there is an amount
                    List<Cell> cells = new ArrayList<>();
                    if (inOrder) {
                        if (aligned[k] != null) cells.add(aligned[k]);
                    } else {
                        for (Cell c : printedCells) if (t.rows().get(c.row()).value(c.column()).compareTo(values.get(k)) == 0) cells.add(c);
                    }
                    if (cells.isEmpty()) continue; // a code, a count: no amount of a cell read
                    long constrained = cells.stream().filter(identities::containsKey).count();
                    if (constrained == 0) continue;
                    if (constrained < cells.size()) {
                        exclude("the amount matches several cells of its line, not all constrained, and the line's amounts do not align with its cells");
                        continue;
                    }
                    out.add(new Site(line0, spans.get(k)[0], spans.get(k)[1], cells, scale));
                }
            }
        }
        return out;
    }

    /** Up to {@code n} mutants (every site once at most, in a deterministic order of {@code rnd}); n ≤ 0: every site. */
    public List<Mutant> mutants(Random rnd, int n) {
        List<Site> all = sites();
        java.util.Collections.shuffle(all, rnd);
        List<Mutant> out = new ArrayList<>();
        for (Site s : all) {
            if (n > 0 && out.size() >= n) break;
            String l = lines.get(s.line0());
            String token = l.substring(s.start(), s.end());
            String changed = bump(token, rnd);
            BigDecimal delta = new BigDecimal(changed.replace(",", "")).subtract(new BigDecimal(token.replace(",", ""))).divide(s.scale());
            if (!s.cells().stream().allMatch(c -> visible(c, delta))) {
                exclude("the change stays within the rounding every sum of the cell allows");
                continue;
            }
            if (!s.cells().stream().allMatch(c -> visibleToTheChecks(c, delta))) {
                exclude("the change is lost when the checks round its table's cells to the decimals it prints");
                continue;
            }
            List<String> copy = new ArrayList<>(lines);
            copy.set(s.line0(), l.substring(0, s.start()) + changed + l.substring(s.end()));
            Cell c = s.cells().get(0);
            DisclosureTable t = d.table(c.table()).orElseThrow();
            Row r = t.rows().get(c.row());
            String row = r.label().isBlank() ? r.key() : r.label();
            out.add(new Mutant(copy, s.line0(), c.table(), row, t.title() + " · " + row + " · " + t.columns().get(c.column()) + ": " + token + " → " + changed));
        }
        return out;
    }

    /** A typo in a printed amount that keeps its printed form: one digit changed, two neighbours swapped, or a shift of 100–5,099 of its last place. */
    public static String bump(String printed, Random rnd) {
        boolean grouped = printed.contains(",");
        String plain = printed.replace(",", "");
        boolean neg = plain.startsWith("-");
        if (neg) plain = plain.substring(1);
        int decimals = plain.indexOf('.') < 0 ? 0 : plain.length() - plain.indexOf('.') - 1;
        char[] c = plain.toCharArray();
        List<Integer> digits = new ArrayList<>();
        for (int i = 0; i < c.length; i++) if (Character.isDigit(c[i])) digits.add(i);
        String out = null;
        int kind = rnd.nextInt(3);
        if (kind == 0 && digits.size() > 1) {
            // one digit changed, not the last printed place (a change a reader sees), no leading zero made
            int i = digits.get(rnd.nextInt(digits.size() - 1));
            char x;
            do {
                x = (char) ('0' + rnd.nextInt(10));
            } while (x == c[i] || (i == 0 && x == '0'));
            c[i] = x;
            out = new String(c);
        } else if (kind == 1) {
            List<Integer> pairs = new ArrayList<>();
            for (int k = 0; k + 1 < digits.size(); k++) {
                int i = digits.get(k), j = digits.get(k + 1);
                if (c[i] != c[j] && !(i == 0 && c[j] == '0') && j != digits.get(digits.size() - 1)) pairs.add(k);
            }
            if (!pairs.isEmpty()) {
                int k = pairs.get(rnd.nextInt(pairs.size()));
                int i = digits.get(k), j = digits.get(k + 1);
                char x = c[i];
                c[i] = c[j];
                c[j] = x;
                out = new String(c);
            }
        }
        if (out == null) {
            BigDecimal v = new BigDecimal(plain);
            BigDecimal delta = BigDecimal.valueOf(100 + rnd.nextInt(5000)).movePointLeft(decimals);
            BigDecimal r = rnd.nextBoolean() || v.compareTo(delta) <= 0 ? v.add(delta) : v.subtract(delta);
            out = r.setScale(decimals).toPlainString();
        }
        if (grouped) {
            int dot = out.indexOf('.');
            String whole = dot < 0 ? out : out.substring(0, dot);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < whole.length(); i++) {
                if (i > 0 && (whole.length() - i) % 3 == 0) b.append(',');
                b.append(whole.charAt(i));
            }
            out = b + (dot < 0 ? "" : out.substring(dot));
        }
        return (neg ? "-" : "") + out;
    }

    /** A finding of the mutant, not of the unchanged document: its id, place and values. */
    public static String key(Finding f) {
        return f.id() + "|" + f.severity() + "|" + f.table() + "|" + f.code() + "|" + f.project() + "|" + f.column() + "|" + f.section() + "|" + f.expected() + "|" + f.found();
    }

    /** A new error or warning at the mutant's table. */
    public static boolean reportedAt(Mutant m, java.util.Set<String> baseline, List<Finding> findings) {
        for (Finding f : findings) {
            if (f.severity() == Severity.NOTICE || baseline.contains(key(f))) continue;
            if (f.table() != null && f.table() == m.table()) return true;
        }
        return false;
    }
}
