package org.openbudget.core.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
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

    void start(Check check) { this.current = check; }

    /** The severity of the check now running (its findings' severity unless they are notices). */
    Severity currentSeverity() { return current.severity(); }

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

    public Optional<DisclosureTable> table(int no) { return disclosure.table(no); }

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
        BigDecimal diff = found.subtract(expected).abs();
        if (diff.signum() == 0) return;
        BigDecimal tolerance = parts > 1 ? HALF_CENT.multiply(BigDecimal.valueOf(parts + 1)) : BigDecimal.ZERO;
        boolean rounding = diff.compareTo(tolerance) <= 0;
        String message = what.get() + "：应为 " + expected.toPlainString() + "，实为 " + found.toPlainString()
                + (rounding ? "（相差 " + diff.toPlainString() + "，在各数分别四舍五入的允许范围 " + tolerance.stripTrailingZeros().toPlainString() + " 内）" : "（相差 " + diff.toPlainString() + "）");
        report(rounding ? Severity.NOTICE : current.severity(), table, at == null ? "" : at.code(),
                at == null ? "" : at.project(), column, null, expected.toPlainString(), found.toPlainString(), message);
    }

    /** Two printed cells that show the same amount must be equal. */
    public void expectEqual(Integer table, Row at, String column, BigDecimal found, BigDecimal expected, java.util.function.Supplier<String> what) {
        expectSum(table, at, column, found, expected, 1, what);
    }

    public void report(Severity severity, Integer table, String code, String project, String column, String section,
                       String expected, String found, String message) {
        findings.add(new Finding(current.id(), severity, table, code, project, column, section, expected, found, message));
    }

    public void report(Integer table, Row at, String column, String expected, String found, String message) {
        report(current.severity(), table, at == null ? "" : at.code(), at == null ? "" : at.project(), column, null, expected, found, message);
    }

    void notEvaluable(int missingTable) {
        findings.add(new Finding(current.id(), Severity.NOTICE, missingTable, "", "", "", null, null, null,
                "无法核对：文档中没有表" + missingTable + "（not evaluable）"));
    }
}
