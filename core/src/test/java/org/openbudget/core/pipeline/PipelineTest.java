package org.openbudget.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.kit.Kit;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;

/**
 * The core on its own, with fixtures built in Java ({@link Kit}): a ledger derived by the generic shapes under a
 * template given as values, every table a view of the same lines; the checks, generated from the template's
 * equations and its columns' measures, pass the derived document and point at a cell changed by one 分 — in its
 * table, at its row and column, with the value found and the value expected.
 */
class PipelineTest {
    static final Disclosure DOC = Pipeline.derive(Kit.budget(), Kit.ref(), Kit.profile());

    /** 万元, exact (a document holds amounts exact; they are rounded only when printed). */
    static BigDecimal wan(long fen) {
        return BigDecimal.valueOf(fen, 6);
    }

    static long fen(java.util.function.Predicate<LedgerLine> which) {
        return Kit.budget().lines().stream().filter(which).mapToLong(LedgerLine::amountFen).sum();
    }

    /** A cell; a blank one is zero. */
    static BigDecimal v(Row r, int column) {
        BigDecimal x = r.value(column);
        return x == null ? BigDecimal.ZERO : x;
    }

    static Row row(int table, String code) {
        return DOC.table(table).orElseThrow().find(r -> r.kind() == RowKind.CLASS && r.code().equals(code)).orElseThrow();
    }

    @Test
    void eachTableIsAViewOfTheLedgerByItsShapeAndColumns() {
        DisclosureTable expense = DOC.table(1).orElseThrow();
        assertThat(expense.columns()).containsExactly("合计", "基本支出", "项目支出");
        // a 类, a 款 and a 项 row: the lines under the code, split by nature
        for (String code : List.of("201", "20113", "2011301", "2011350", "208", "2080505")) {
            Row r = row(1, code);
            assertThat(v(r, 0)).as(code).isEqualByComparingTo(wan(fen(l -> l.funcCode().startsWith(code))));
            assertThat(v(r, 1)).as(code).isEqualByComparingTo(wan(fen(l -> l.funcCode().startsWith(code) && l.nature() == Nature.BASIC)));
            assertThat(v(r, 2)).as(code).isEqualByComparingTo(wan(fen(l -> l.funcCode().startsWith(code) && l.nature() == Nature.PROJECT)));
        }
        assertThat(expense.total(null).orElseThrow().values().get(0)).isEqualByComparingTo(wan(fen(l -> true)));
        // the economic table shows the basic money only (its scope), 人员经费 = 301 + 303
        DisclosureTable basic = DOC.table(2).orElseThrow();
        assertThat(basic.rows(r -> r.kind() == RowKind.CLASS).stream().map(Row::code)).containsExactly("301", "30101", "30108", "302", "30201");
        assertThat(row(2, "302").values().get(0)).isEqualByComparingTo(wan(fen(l -> l.ecoCode().startsWith("302") && l.nature() == Nature.BASIC)));
        assertThat(row(2, "301").values().get(1)).isEqualByComparingTo(row(2, "301").values().get(0));
        assertThat(basic.total(null).orElseThrow().values().get(0)).isEqualByComparingTo(row(1, "201").values().get(1).add(row(1, "208").values().get(1)));
        // pure: the same ledger and template give the same document
        assertThat(Pipeline.derive(Kit.budget(), Kit.ref(), Kit.profile()).tables()).isEqualTo(DOC.tables());
    }

    @Test
    void theDerivedDocumentPassesItsChecks() {
        List<Finding> findings = Pipeline.check(DOC, Kit.profile(), Kit.ref()).findings();
        assertThat(findings.stream().filter(f -> f.severity() == Severity.ERROR)).isEmpty();
    }

    @Test
    void aCellOneFenOffIsFoundInItsTableRowAndColumn() {
        // 表1's 2011350 基本支出 printed 0.01 万元 higher: its row no longer adds up (合计 = 基本 + 项目), its 款 and 类 no longer
        // hold it, and 表2's total no longer prints the same basic money
        Disclosure broken = Kit.withCell(DOC, 1, "2011350", 1, v -> v.add(new BigDecimal("0.01")));
        List<Finding> errors = Pipeline.check(broken, Kit.profile(), Kit.ref()).findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
        assertThat(errors).as(Pipeline.check(broken, Kit.profile(), Kit.ref()).findings().toString()).isNotEmpty();
        assertThat(errors).allSatisfy(f -> assertThat(f.table()).isIn(1, 2));
        Finding inRow = errors.stream().filter(f -> "2011350".equals(f.code()) && f.table() == 1).findFirst().orElseThrow(
                () -> new AssertionError("no finding at 表1 2011350: " + errors));
        // the row's 合计 as printed, and what 基本 + 项目 now make of it: one 分 more
        BigDecimal printed = v(row(1, "2011350"), 0).setScale(2, java.math.RoundingMode.HALF_UP);
        assertThat(new BigDecimal(inRow.found())).isEqualByComparingTo(printed);
        assertThat(new BigDecimal(inRow.expected())).isEqualByComparingTo(printed.add(new BigDecimal("0.01")));
        assertThat(inRow.message()).contains("表1", "事业运行", "相差 0.01");
        assertThat(errors.stream().map(Finding::id).distinct().count()).as("several rules see it: " + errors).isGreaterThan(1);
    }

    /** A department is the consolidation of its units: derived from its units' sums, the same tables as from all their lines. */
    @Test
    void aDepartmentIsItsUnitsConsolidated() {
        var dept = Kit.department();
        var derived = Pipeline.deriveWithUnits(dept, Kit.ref(), Kit.profile());
        assertThat(derived.department().tables()).isEqualTo(Pipeline.derive(dept, Kit.ref(), Kit.profile()).tables());
        assertThat(derived.units()).hasSize(2);
        assertThat(derived.units().get(0).tables()).isEqualTo(DOC.tables());
        BigDecimal total = derived.department().table(1).orElseThrow().total(null).orElseThrow().value(0);
        BigDecimal units = derived.units().stream().map(u -> u.table(1).orElseThrow().total(null).orElseThrow().value(0)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo(units);
        assertThat(Pipeline.check(derived.department(), Kit.profile(), Kit.ref()).findings().stream().filter(f -> f.severity() == Severity.ERROR)).isEmpty();
    }
}
