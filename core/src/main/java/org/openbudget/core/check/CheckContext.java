package org.openbudget.core.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.money.Amounts;
import org.openbudget.core.profile.TemplateProfile;

/**
 * What a check sees: the Disclosure (whichever road it came by), the template it follows and the
 * year's reference data; and where it reports. Every comparison is made on PRINTED values
 * (万元, two decimals, each cell rounded on its own), so a derived and a published copy of the same
 * document get the same findings.
 */
public final class CheckContext {
    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    private final Disclosure disclosure;
    private final TemplateProfile profile;
    private final ReferenceData ref;
    private final List<Finding> findings = new ArrayList<>();
    private Check current;

    public CheckContext(Disclosure disclosure, TemplateProfile profile, ReferenceData ref) {
        this.disclosure = disclosure;
        this.profile = profile;
        this.ref = ref;
    }

    public Disclosure disclosure() { return disclosure; }
    public TemplateProfile profile() { return profile; }
    public ReferenceData ref() { return ref; }
    public List<Finding> findings() { return findings; }

    private Severity severity;

    /** The check about to run, at the severity the profile sets for it (else its own). */
    void start(Check check) {
        this.current = check;
        String set = profile.meta().severities().get(check.id());
        this.severity = set == null ? check.severity() : Severity.valueOf(set.toUpperCase(java.util.Locale.ROOT));
    }

    /** The severity of the check now running (its findings' severity unless they are notices). */
    Severity currentSeverity() { return severity; }

    private final java.util.Map<DisclosureTable, java.util.Map<String, List<Row>>> byCode = new java.util.IdentityHashMap<>();

    /** Classification and project rows (not 表1/表4's sides) by code, built once per table and run. */
    public java.util.Map<String, List<Row>> rowsByCode(DisclosureTable t) {
        return byCode.computeIfAbsent(t, table -> {
            java.util.Map<String, List<Row>> idx = new java.util.HashMap<>();
            for (Row r : table.rows()) {
                if ((r.kind() == org.openbudget.core.disclosure.RowKind.CLASS || r.kind() == org.openbudget.core.disclosure.RowKind.PROJECT)
                        && r.side() == null) idx.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r);
            }
            return idx;
        });
    }

    private final java.util.Map<Integer, Optional<DisclosureTable>> tables = new java.util.HashMap<>();

    /** When set (an earlier id such as T3.row-sum was asked for), the table-by-table rules look at this table only. */
    private Integer only;

    void only(Integer table) { this.only = table; }

    /** The document's tables a table-by-table rule looks at. */
    List<DisclosureTable> tablesToCheck() {
        if (only == null) return disclosure.tables();
        return table(only).map(List::of).orElse(List.of());
    }

    /** A document table's template in the profile: by id, else by place. */
    Optional<org.openbudget.core.profile.TableTemplate> template(DisclosureTable t) {
        return profile.tableById(t.id()).or(() -> profile.findTable(t.no()));
    }

    /** How messages name a table: its mark (表3), or its title when the document numbers it only in the 目录. */
    String tableName(DisclosureTable t) {
        return t.mark() == null || t.mark().isBlank() ? "《" + t.title() + "》" : t.mark();
    }

    /** The table numbered {@code no} (the first, should a document print two), looked up once per run. */
    public Optional<DisclosureTable> table(int no) {
        Optional<DisclosureTable> t = tables.get(no);
        if (t == null) {
            t = disclosure.table(no);
            tables.put(no, t);
        }
        return t;
    }

    /** Where a table's rows are found by key, side or code: built once per table and run. */
    private static final class TableIndex {
        private final DisclosureTable table;
        private java.util.Map<String, Row> lines;
        private java.util.Map<String, Row> byKey;
        private java.util.Map<Side, Row> totals;
        private Row total;
        private java.util.Map<Side, java.util.Map<String, Row>> classRows;

        TableIndex(DisclosureTable table) { this.table = table; }

        java.util.Map<String, Row> lines() {
            if (lines == null) {
                lines = new java.util.HashMap<>();
                byKey = new java.util.HashMap<>();
                for (Row r : table.rows()) {
                    if (r.kind() == RowKind.LINE) lines.putIfAbsent(r.key(), r);
                    byKey.putIfAbsent(r.key(), r);
                }
            }
            return lines;
        }

        java.util.Map<String, Row> byKey() {
            lines();
            return byKey;
        }

        Row total(Side side) {
            if (totals == null) {
                totals = new java.util.EnumMap<>(Side.class);
                for (Row r : table.rows()) {
                    if (r.kind() != RowKind.TOTAL) continue;
                    if (r.side() == null) {
                        if (total == null) total = r;
                    } else {
                        totals.putIfAbsent(r.side(), r);
                    }
                }
            }
            return side == null ? total : totals.get(side);
        }

        Row classRow(Side side, String code) {
            if (classRows == null) {
                classRows = new java.util.HashMap<>();
                for (Row r : table.rows()) {
                    if (r.kind() == RowKind.CLASS) classRows.computeIfAbsent(r.side(), k -> new java.util.HashMap<>()).putIfAbsent(r.code(), r);
                }
            }
            java.util.Map<String, Row> m = classRows.get(side);
            return m == null ? null : m.get(code);
        }
    }

    private final java.util.Map<DisclosureTable, TableIndex> indexes = new java.util.IdentityHashMap<>();

    private TableIndex index(DisclosureTable t) {
        TableIndex i = indexes.get(t);
        if (i == null) {
            i = new TableIndex(t);
            indexes.put(t, i);
        }
        return i;
    }

    /** {@link DisclosureTable#line}, from the run's index of the table. */
    public Optional<Row> line(DisclosureTable t, String key) {
        return Optional.ofNullable(index(t).lines().get(key));
    }

    /** The first row of any kind with this template key (表10's fixed rows). */
    public Optional<Row> rowByKey(DisclosureTable t, String key) {
        return Optional.ofNullable(index(t).byKey().get(key));
    }

    /** {@link DisclosureTable#total}, from the run's index of the table. */
    public Optional<Row> total(DisclosureTable t, Side side) {
        return Optional.ofNullable(index(t).total(side));
    }

    /** {@link DisclosureTable#classRow}, from the run's index of the table. */
    public Optional<Row> classRow(DisclosureTable t, Side side, String code) {
        return Optional.ofNullable(index(t).classRow(side, code));
    }

    /**
     * Facts the checks work out from the template alone (which columns hold which sources, the
     * parsed equations…): the same for every document of a template, so kept per template object
     * (a few templates live in a process; the cache is cleared should many come and go).
     */
    private static final org.openbudget.core.profile.PerTemplate<java.util.Map<Object, Object>> TEMPLATE_FACTS = new org.openbudget.core.profile.PerTemplate<>(32);
    private java.util.Map<Object, Object> templateFacts;

    /** The template fact under {@code key}, worked out by {@code make} once per template. */
    @SuppressWarnings("unchecked")
    <T> T templateFact(Object key, java.util.function.Supplier<T> make) {
        if (templateFacts == null) templateFacts = TEMPLATE_FACTS.get(java.util.concurrent.ConcurrentHashMap::new, profile);
        Object v = templateFacts.get(key);
        if (v == null) {
            v = make.get();
            Object prev = templateFacts.putIfAbsent(key, v);
            if (prev != null) v = prev;
        }
        return (T) v;
    }

    private final java.util.Map<Object, Object> runFacts = new java.util.HashMap<>();

    /** A fact of this document worked out once per run, shared by the rules that need it. */
    @SuppressWarnings("unchecked")
    <T> T runFact(Object key, java.util.function.Supplier<T> make) {
        Object v = runFacts.get(key);
        if (v == null) {
            v = make.get();
            runFacts.put(key, v);
        }
        return (T) v;
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /**
     * A row's printed cells, worked out once per run: as BigDecimal (blank as zero) and, when every
     * cell is small enough that no sum of them can overflow, as whole cents ({@code long}) — the
     * cheap way to see that a sum agrees. Only a sum that differs is worked out in BigDecimal.
     */
    static final class Printed {
        /** |cents| below this (2^40 cents, about 10^10 万元) for the long arithmetic to hold. */
        private static final long SMALL = 1L << 40;
        final BigDecimal[] values;
        final long[] cents;
        final boolean small;

        /** The decimals of 万元 the cells are rounded to (2, or more in a table printed in 元). */
        final int decimals;

        Printed(Row row) {
            this(row, Amounts.PRINTED_SCALE);
        }

        Printed(Row row, int decimals) {
            this.decimals = decimals;
            List<BigDecimal> v = row.values();
            int n = v.size();
            cents = new long[n];
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                BigDecimal x = v.get(i);
                if (x == null) continue;
                long c = printedCents(x, decimals);
                if (c == NOT_SMALL) {
                    ok = false;
                    break;
                }
                cents[i] = c;
            }
            small = ok;
            if (ok) {
                values = null;
            } else {
                values = new BigDecimal[n];
                for (int i = 0; i < n; i++) {
                    BigDecimal x = v.get(i);
                    values[i] = x == null ? ZERO : decimals == Amounts.PRINTED_SCALE ? Amounts.printed(x) : x.setScale(decimals, java.math.RoundingMode.HALF_UP);
                }
            }
        }

        static final long NOT_SMALL = Long.MIN_VALUE;

        /**
         * The printed cell (万元 to two decimals, half up) in whole cents, worked out in long arithmetic
         * from the exact value; {@link #NOT_SMALL} when it is too large for the cheap sums.
         */
        static long printedCents(BigDecimal x) {
            return printedCents(x, Amounts.PRINTED_SCALE);
        }

        /** As {@link #printedCents(BigDecimal)}, in units of the last of {@code decimals} decimals of 万元. */
        static long printedCents(BigDecimal x, int decimals) {
            int scale = x.scale();
            if (scale >= decimals && scale - decimals < POW10.length && x.precision() <= 18) {
                long unscaled = x.movePointRight(scale).longValue();
                long div = POW10[scale - decimals];
                long q = unscaled / div;
                long r = unscaled % div;
                long half = (div + 1) / 2;
                if (div > 1) {
                    if (r >= half) q++;
                    else if (r <= -half) q--;
                }
                return Math.abs(q) < SMALL ? q : NOT_SMALL;
            }
            BigDecimal p = decimals == Amounts.PRINTED_SCALE ? Amounts.printed(x) : x.setScale(decimals, java.math.RoundingMode.HALF_UP);
            try {
                long c = p.scaleByPowerOfTen(decimals).longValueExact();
                return Math.abs(c) < SMALL ? c : NOT_SMALL;
            } catch (ArithmeticException tooLarge) {
                return NOT_SMALL;
            }
        }

        private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
                1_000_000_000L, 10_000_000_000L};

        BigDecimal value(int column) {
            if (column >= cents.length) return ZERO;
            return values != null ? values[column] : BigDecimal.valueOf(cents[column], decimals);
        }

        long cents(int column) {
            return column < cents.length ? cents[column] : 0;
        }
    }

    private final java.util.Map<Row, Printed> printedRows = new java.util.IdentityHashMap<>(512);
    /** The rows of tables printed in 元, rounded to their own table's decimals (within-table checks). */
    private final java.util.Map<Row, Printed> finerRows = new java.util.IdentityHashMap<>();

    /** A row's printed cells, rounded once per run (to the decimals the checks now compare at). */
    Printed printed(Row row) {
        java.util.Map<Row, Printed> cache = decimals == Amounts.PRINTED_SCALE ? printedRows : finerRows;
        Printed p = cache.get(row);
        if (p == null) {
            p = new Printed(row, decimals);
            cache.put(row, p);
        }
        return p;
    }

    /**
     * The decimals of 万元 the cells are compared at: 0.01 万元 (what a table in 万元 prints, and the common
     * ground of two tables or of a table and the text), or finer while {@link #withinTable} checks a table printed
     * in 元 — its cells to its own printed precision (as Arelle's calculation check rounds each fact to the decimals
     * it is reported with): a change of a few 元 there is a change, not a rounding.
     */
    private int decimals = Amounts.PRINTED_SCALE;

    private final java.util.Map<DisclosureTable, Integer> tableDecimals = new java.util.IdentityHashMap<>();

    /** Runs {@code checks} of one table at the table's own printed precision ({@link #decimalsOf}). */
    void withinTable(DisclosureTable t, Runnable checks) {
        int before = decimals;
        decimals = decimalsOf(t);
        try {
            checks.run();
        } finally {
            decimals = before;
        }
    }

    /**
     * The decimals of 万元 a table prints: 2 for a table in 万元; for a table the template prints in 元, the fewest
     * decimals its non-zero cells carry (元 with 分: 6; whole 元: 4; a document that printed it in 万元 after all: 2).
     */
    int decimalsOf(DisclosureTable t) {
        Integer d = tableDecimals.get(t);
        if (d == null) {
            d = Amounts.PRINTED_SCALE;
            boolean yuan = template(t).map(tt -> profile.amountFormat(tt).yuan()).orElse(false);
            if (yuan) {
                int fewest = Integer.MAX_VALUE;
                for (Row r : t.rows()) {
                    for (BigDecimal v : r.values()) if (v != null && v.signum() != 0) fewest = Math.min(fewest, v.scale());
                }
                if (fewest != Integer.MAX_VALUE) d = Math.max(Amounts.PRINTED_SCALE, Math.min(6, fewest));
            }
            tableDecimals.put(t, d);
        }
        return d;
    }

    /**
     * The printed value of a cell, as {@link #printed(Row, int)}; each row's cells are rounded once
     * per run, however many checks compare them.
     */
    public BigDecimal cell(Row row, int column) {
        if (row == null) return ZERO;
        return printed(row).value(column);
    }

    /** The unit the document's text states its amounts in ({@link org.openbudget.core.disclosure.text.DocumentText#amountUnit}). */
    public String textUnit() {
        return disclosure.text().amountUnit();
    }

    /**
     * A cell as the text states it, to hold a text's amount to: in the text's unit, two decimals — {@link #cell} when
     * that is 万元 (the cell as printed), the exact amount in 元 when the text is in 元 (whatever unit the table prints).
     */
    public BigDecimal textCell(Row row, int column) {
        if (textUnit().equals("万元")) return cell(row, column);
        if (row == null) return ZERO;
        BigDecimal wan = row.value(column);
        BigDecimal yuan = textAmount(wan);
        // a cell read from a printed table is known only to the decimals it printed: 0.01 万元 is 100 元 (scale -2)
        int known = wan == null ? yuan.scale() : wan.scale() - 4;
        return known < yuan.scale() ? yuan.setScale(known, java.math.RoundingMode.HALF_UP) : yuan;
    }

    /**
     * Does an amount the text states agree with a cell as the text states it ({@link #textCell})? Exactly, unless
     * the cell is known to fewer places than the text states — a table printed to 0.01 万元 beside a text in 元 to the
     * cent: the cell tells the amount only to 100 元, so the text's amount agrees when it rounds to the cell (Arelle's
     * rounding-aware comparison). A text coarser than its cell is not rounded here: a text that prints two decimals
     * and states a whole number means that number.
     */
    public static boolean textAgrees(BigDecimal stated, BigDecimal cell) {
        if (cell.scale() < stated.scale()) stated = stated.setScale(cell.scale(), java.math.RoundingMode.HALF_UP);
        return stated.compareTo(cell) == 0;
    }

    /** What a report says of a cell known to fewer places than the text states (see {@link #textAgrees}), else "". */
    public static String textPrecision(BigDecimal cell) {
        return cell.scale() >= 0 ? "" : "（表中数只精确到 " + BigDecimal.ONE.movePointRight(-cell.scale()).toPlainString() + " 元）";
    }

    /** An exact amount (万元) as the text states it: in its unit, two decimals, 0.00 for a blank. */
    public BigDecimal textAmount(BigDecimal wan) {
        return org.openbudget.core.money.AmountFormat.text(textUnit()).printed(wan);
    }

    /** {@link #sum(List, int)} of the cached printed cells. */
    public BigDecimal sumOf(List<Row> rows, int column) {
        BigDecimal s = ZERO;
        for (Row r : rows) s = s.add(cell(r, column));
        return s;
    }

    /**
     * Does {@code total}'s printed cell equal the sum of the parts' printed cells? True only when it
     * surely does (whole cents, no overflow possible); false means "work it out in BigDecimal".
     */
    boolean agrees(Row total, int column, List<Row> parts) {
        Printed t = printed(total);
        if (!t.small) return false;
        long sum = 0;
        for (Row r : parts) {
            Printed p = printed(r);
            if (!p.small) return false;
            sum += p.cents(column);
        }
        return sum == t.cents(column);
    }

    /** The printed value of a cell; blank counts as zero. */
    public static BigDecimal printed(Row row, int column) {
        if (row == null) return BigDecimal.ZERO.setScale(2);
        BigDecimal v = row.value(column);
        return v == null ? BigDecimal.ZERO.setScale(2) : Amounts.printed(v);
    }

    public static BigDecimal sum(List<Row> rows, int column) {
        BigDecimal s = BigDecimal.ZERO.setScale(2);
        for (Row r : rows) s = s.add(printed(r, column));
        return s;
    }

    /**
     * How many of these cells print a value: only a printed value carries a rounding error (a blank
     * cell is exactly zero), so the tolerance counts the non-blank parts, not every row or column.
     */
    public static int cells(List<Row> rows, int column) {
        int n = 0;
        for (Row r : rows) if (r != null && r.value(column) != null) n++;
        return n;
    }

    private static final java.util.Map<String, String> PARENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A code without its last two digits (the 类 of a 款, the 款 of a 项), made once per code. */
    static String parentCode(String code) {
        String p = PARENTS.get(code);
        if (p == null) {
            if (PARENTS.size() > 100_000) PARENTS.clear();
            p = code.substring(0, code.length() - 2);
            PARENTS.put(code, p);
        }
        return p;
    }

    /** {@link #cells(List, int)}, counted only when asked (a sum that agrees needs no tolerance). */
    public static java.util.function.IntSupplier countCells(List<Row> rows, int column) {
        return () -> cells(rows, column);
    }

    /** {@link #cells(Row, List)}, counted only when asked. */
    public static java.util.function.IntSupplier countCells(Row row, List<Integer> columns) {
        return () -> cells(row, columns);
    }

    /** Non-blank cells of one row among these columns. */
    public static int cells(Row row, List<Integer> columns) {
        int n = 0;
        if (row == null) return 0;
        for (int c : columns) if (row.value(c) != null) n++;
        return n;
    }

    /**
     * total should equal the sum of {@code parts} printed cells. Equal: nothing. Within the rounding
     * tolerance 0.005 × (n + 1) for n > 1 printed (non-blank) parts: a notice. Otherwise a finding of the check's severity.
     */
    public void expectSum(Integer table, Row at, String column, BigDecimal found, BigDecimal expected, int parts, java.util.function.Supplier<String> what) {
        if (found.compareTo(expected) == 0) return;
        differs(table, at, column, found, expected, parts, what);
    }

    /** As above, counting the printed parts only when the sum differs. */
    public void expectSum(Integer table, Row at, String column, BigDecimal found, BigDecimal expected,
                          java.util.function.IntSupplier parts, java.util.function.Supplier<String> what) {
        if (found.compareTo(expected) == 0) return;
        differs(table, at, column, found, expected, parts.getAsInt(), what);
    }

    private static final String[] TOLERANCES = new String[64];
    private static final BigDecimal[] TOLERANCE_VALUES = new BigDecimal[64];

    /** 0.005 × (parts + 1), made once per count of parts. */
    private static BigDecimal toleranceOf(int parts) {
        if (parts >= TOLERANCE_VALUES.length) return HALF_CENT.multiply(BigDecimal.valueOf(parts + 1));
        BigDecimal t = TOLERANCE_VALUES[parts];
        if (t == null) {
            t = HALF_CENT.multiply(BigDecimal.valueOf(parts + 1));
            TOLERANCE_VALUES[parts] = t;
        }
        return t;
    }

    /** 0.005 × (parts + 1), as the message prints it. */
    private static String tolerance(int parts, BigDecimal tolerance) {
        if (parts < 0 || parts >= TOLERANCES.length) return tolerance.stripTrailingZeros().toPlainString();
        String t = TOLERANCES[parts];
        if (t == null) {
            t = tolerance.stripTrailingZeros().toPlainString();
            TOLERANCES[parts] = t;
        }
        return t;
    }

    private void differs(Integer table, Row at, String column, BigDecimal found, BigDecimal expected, int parts, java.util.function.Supplier<String> what) {
        BigDecimal diff = found.subtract(expected).abs();
        if (diff.signum() == 0) return;
        BigDecimal tolerance = parts <= 1 ? BigDecimal.ZERO
                : decimals == Amounts.PRINTED_SCALE ? toleranceOf(parts) : HALF_CENT.movePointLeft(decimals - Amounts.PRINTED_SCALE).multiply(BigDecimal.valueOf(parts + 1));
        boolean rounding = diff.compareTo(tolerance) <= 0;
        String exp = expected.toPlainString();
        String fnd = found.toPlainString();
        // the message is written when read: a large run finds many rounding notices and reads few
        java.util.function.Supplier<String> message;
        if (decimals == Amounts.PRINTED_SCALE) {
            message = () -> what.get() + "：应为 " + exp + "，实为 " + fnd
                    + (rounding ? "（相差 " + diff.toPlainString() + "，在各数分别四舍五入的允许范围 " + tolerance(parts, tolerance) + " 内）"
                    : "（相差 " + diff.toPlainString() + "）");
        } else {
            // a table printed in 元 is told in 元, as it prints its cells (the finding's expected and found stay in 万元)
            int d = decimals - 4;
            java.util.function.Function<BigDecimal, String> yuan = v -> v.movePointRight(4).setScale(Math.max(0, d), java.math.RoundingMode.HALF_UP).toPlainString() + " 元";
            message = () -> what.get() + "：应为 " + yuan.apply(expected) + "，实为 " + yuan.apply(found)
                    + (rounding ? "（相差 " + yuan.apply(diff) + "，在各数分别四舍五入的允许范围 " + tolerance.movePointRight(4).stripTrailingZeros().toPlainString() + " 元 内）"
                    : "（相差 " + yuan.apply(diff) + "）");
        }
        Finding f = new Finding(current.id(), rounding ? Severity.NOTICE : severity, table, at == null ? "" : at.code(),
                at == null ? "" : at.project(), column, null, exp, fnd, message);
        findings.add(at == null || at.origin() == null ? f : f.at(at.origin()));
    }

    /** Two printed cells that show the same amount must be equal. */
    public void expectEqual(Integer table, Row at, String column, BigDecimal found, BigDecimal expected, java.util.function.Supplier<String> what) {
        expectSum(table, at, column, found, expected, 1, what);
    }

    public void report(Severity severity, Integer table, String code, String project, String column, String section,
                       String expected, String found, String message) {
        findings.add(new Finding(current.id(), severity, table, code, project, column, section, expected, found, message));
    }

    /** A finding about row {@code at} at the given severity, pointing at where the row was read from. */
    public void report(Severity severity, Integer table, Row at, String column, String expected, String found, String message) {
        report(severity, table, at.code(), at.project(), column, null, expected, found, message);
        if (at.origin() != null) findings.set(findings.size() - 1, findings.get(findings.size() - 1).at(at.origin()));
    }

    public void report(Integer table, Row at, String column, String expected, String found, String message) {
        report(severity, table, at == null ? "" : at.code(), at == null ? "" : at.project(), column, null, expected, found, message);
        if (at != null && at.origin() != null) findings.set(findings.size() - 1, findings.get(findings.size() - 1).at(at.origin()));
    }

    void notEvaluable(int missingTable) {
        notEvaluable(missingTable, profile.findTable(missingTable)
                .map(t -> t.mark() == null || t.mark().isBlank() ? "《" + t.title(disclosure.kind().label()) + "》" : t.mark())
                .orElse("表" + missingTable));
    }

    /** Not evaluable: the document lacks the table of this place, named as the template names it (its mark, else its title). */
    void notEvaluable(int missingTable, String name) {
        findings.add(new Finding(current.id(), Severity.NOTICE, missingTable == 0 ? null : missingTable, "", "", "", null, null, null,
                "无法核对：文档中没有" + name + "（not evaluable）"));
    }
}
