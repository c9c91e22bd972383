package org.openbudget.core.check;

import static org.openbudget.core.check.Rule.t;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.measure.Where;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.profile.MoneyCells;
import org.openbudget.core.profile.MoneyCells.Cell;
import org.openbudget.core.profile.MoneyCells.Term;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;

/**
 * Checks generated from the bindings, not written per pair of tables: every printed cell is a filter
 * over the ledger (its row's ∧ its column's ∧ its table's scope). Two cells of the same money, in
 * different tables, must agree ({@code same-measure}); a cell whose money is split exactly by cells of
 * one row elsewhere (by funding source, or by 人员/公用/项目) must equal their sum ({@code measure-sum}).
 * The comparisons are of printed values, with the catalogue's rounding tolerance.
 */
final class MeasureChecks {
    private MeasureChecks() {}

    static List<Check> all() {
        return List.of(
                new Rule("same-measure", Severity.ERROR, "同一笔钱在两张表中印出时须相等（由各表列与行所绑定的度量推出，如收支总表的一般公共预算拨款 = 财政拨款收支总表的一般公共预算）",
                        t(), MeasureChecks::sameMeasure),
                new Rule("measure-sum", Severity.ERROR, "一个数等于另一处恰好分解它的各数之和（按资金来源或人员经费/公用经费/项目支出分解，由度量推出）",
                        t(), MeasureChecks::measureSum),
                new Rule("part-measure", Severity.ERROR, "一个数是另一处之数的一部分时不得大于它（度量声明为 part：机关运行经费是行政、参公单位的公用经费，事业单位无，故 ≤ 一般公共预算基本支出的公用经费）",
                        t(), MeasureChecks::partMeasure),
                new Rule("text-measure", Severity.ERROR, "文字部分说明的金额须等于表中印出同一度量之数（由模板文字大纲所述的度量推出，如收支总预算 = 收支总表收入总计）",
                        t(), MeasureChecks::textMeasure));
    }


    static void sameMeasure(CheckContext ctx) {
        Map<List<Term>, List<Cell>> byKey = new LinkedHashMap<>();
        for (Cell c : cells(ctx)) byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        for (List<Cell> group : byKey.values()) {
            if (group.stream().map(c -> c.table().no()).distinct().count() < 2) continue;
            // the value most tables print is taken as right, so the odd one out is the one reported
            Map<BigDecimal, Integer> votes = new LinkedHashMap<>();
            for (Cell c : group) votes.merge(ctx.cell(c.row(), c.column()).stripTrailingZeros(), 1, Integer::sum);
            BigDecimal mode = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            boolean tie = votes.values().stream().filter(v -> v.equals(votes.get(mode))).count() > 1;
            Cell reference = group.stream().filter(c -> ctx.cell(c.row(), c.column()).compareTo(mode) == 0).findFirst().orElseThrow();
            if (tie) reference = group.get(0);
            Cell ref = reference;
            for (Cell other : group) {
                if (other == ref || other.table().no() == ref.table().no()) continue;
                BigDecimal expected = ctx.cell(ref.row(), ref.column());
                BigDecimal found = ctx.cell(other.row(), other.column());
                if (found.compareTo(expected) == 0) continue;
                // two printed cells of one amount: a 0.01 apart is a rounding slip of the tables' making (a notice), more an error
                ctx.expectSum(other.table().no(), other.row(), label(other), found, expected, 2, () ->
                        where(ctx, other) + "应等于" + where(ctx, ref) + "（同一笔钱）");
            }
        }
    }

    /**
     * A cell of a measure declared {@code part} (机关运行经费: the 公用经费 of 行政 and 参公 units, none of a 事业单位's) is no
     * more than the cell that prints the whole it is a part of (the same filter unmarked: 公用经费), to a cent of rounding.
     */
    static void partMeasure(CheckContext ctx) {
        List<Cell> all = cells(ctx);
        Map<List<Term>, Cell> wholes = new java.util.HashMap<>();
        for (Cell c : all) if (!MoneyCells.isPart(c.key())) wholes.putIfAbsent(c.key(), c);
        for (Cell part : all) {
            if (!MoneyCells.isPart(part.key())) continue;
            Cell whole = wholes.get(MoneyCells.whole(part.key()));
            if (whole == null) continue;
            BigDecimal p = ctx.cell(part.row(), part.column());
            BigDecimal w = ctx.cell(whole.row(), whole.column());
            if (p.subtract(w).compareTo(CENT) <= 0) continue;
            ctx.report(part.table().no(), part.row(), label(part), "≤ " + w.toPlainString(), p.toPlainString(),
                    where(ctx, part) + " " + p.toPlainString() + " 大于" + where(ctx, whole) + " " + w.toPlainString() + "（前者是后者的一部分）");
        }
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");

    static void measureSum(CheckContext ctx) {
        List<Cell> all = cells(ctx);
        // the cells holding each term, by their place in the list: a part of x holds only x's terms, so it is among
        // the cells holding one of them (found without comparing every pair of cells: a 决算 prints thousands)
        Map<Term, List<Integer>> holding = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            for (Term t : all.get(i).key()) {
                List<Integer> at = holding.computeIfAbsent(t, k -> new ArrayList<>());
                if (at.isEmpty() || at.get(at.size() - 1) != i) at.add(i);
            }
        }
        // parts by 经济分类 or function: a cell whose terms are exactly those of cells of one row elsewhere
        for (Cell x : all) {
            if (x.key().size() < 2) continue;
            java.util.Set<Term> whole = new java.util.HashSet<>(x.key());
            java.util.BitSet near = new java.util.BitSet(all.size());
            for (Term t : whole) for (int i : holding.getOrDefault(t, List.of())) near.set(i);
            Map<Row, List<Cell>> byRow = new LinkedHashMap<>();
            for (int i = near.nextSetBit(0); i >= 0; i = near.nextSetBit(i + 1)) {
                Cell y = all.get(i);
                if (y == x || y.key().size() >= x.key().size() || !whole.containsAll(y.key()) || parallel(x, y)) continue;
                byRow.computeIfAbsent(y.row(), k -> new ArrayList<>()).add(y);
            }
            java.util.Set<BigDecimal> told = new java.util.HashSet<>();
            for (List<Cell> candidates : byRow.values()) report(ctx, x, coverTerms(x, candidates), told);
        }
        List<Cell> single = all.stream().filter(c -> c.key().size() == 1).toList();
        // in a 决算, money spent is 基本 + 项目 + the spending flows (上缴上级, 经营, 对附属单位补助支出): 人员/公用/项目 do not
        // split the whole of it, so a cell of every kind is not their sum
        boolean kindsSplitAll = !"决算".equals(ctx.profile().meta().basis())
                || ctx.profile().measures().spendingFlows().isEmpty();
        int allKinds = (1 << org.openbudget.core.measure.Where.Kind.values().length) - 1;
        // parts of a cell share its classification and year: the single-term cells grouped by them, in their order
        Map<List<Object>, List<Cell>> alike = new java.util.HashMap<>();
        for (Cell y : single) {
            Term ty = y.key().get(0);
            alike.computeIfAbsent(java.util.Arrays.asList(ty.eco(), ty.func(), ty.lastYear()), k -> new ArrayList<>()).add(y);
        }
        for (Cell x : single) {
            Term tx = x.key().get(0);
            // candidates by the row they stand in: parts of x along sources, or along kinds
            Map<Row, List<Cell>> bySources = new LinkedHashMap<>();
            Map<Row, List<Cell>> byKinds = new LinkedHashMap<>();
            for (Cell y : alike.get(java.util.Arrays.asList(tx.eco(), tx.func(), tx.lastYear()))) {
                if (y == x || parallel(x, y)) continue;
                Term ty = y.key().get(0);
                if (tx.kinds() == ty.kinds() && ty.sources() != tx.sources() && (ty.sources() & ~tx.sources()) == 0) {
                    bySources.computeIfAbsent(y.row(), k -> new ArrayList<>()).add(y);
                } else if (tx.sources() == ty.sources() && ty.kinds() != tx.kinds() && (ty.kinds() & ~tx.kinds()) == 0) {
                    byKinds.computeIfAbsent(y.row(), k -> new ArrayList<>()).add(y);
                }
            }
            // one finding per sum a cell should have, however many rows split it the same way
            java.util.Set<BigDecimal> told = new java.util.HashSet<>();
            for (List<Cell> candidates : bySources.values()) report(ctx, x, cover(candidates, tx.sources(), true), told);
            if (!kindsSplitAll && tx.kinds() == allKinds) continue;
            for (List<Cell> candidates : byKinds.values()) report(ctx, x, cover(candidates, tx.kinds(), false), told);
        }
    }

    /**
     * Two rows of one table printed for the same template row (a department's table repeating its rows for each unit:
     * 深圳's 三公 table prints each unit's "2026 年" row): parallel copies, never a whole and its parts.
     */
    private static boolean parallel(Cell x, Cell y) {
        return x.table() == y.table() && x.row() != y.row() && x.row().kind() == y.row().kind() && x.row().key().equals(y.row().key());
    }

    /** When cells of one row hold x's terms between them, each once, x = their sum. */
    private static List<Cell> coverTerms(Cell x, List<Cell> candidates) {
        List<Cell> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt((Cell c) -> -c.key().size()));
        java.util.Set<Term> acc = new java.util.HashSet<>();
        List<Cell> parts = new ArrayList<>();
        for (Cell c : sorted) {
            if (c.key().stream().anyMatch(acc::contains)) continue;
            acc.addAll(c.key());
            parts.add(c);
            if (acc.size() == x.key().size()) break;
        }
        return acc.size() != x.key().size() || parts.size() < 2 ? null : parts;
    }

    /** When cells of one row split x's money exactly (disjoint, together all of it), x = their sum. */
    private static List<Cell> cover(List<Cell> candidates, long whole, boolean sources) {
        List<Cell> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingLong((Cell c) -> -Long.bitCount(mask(c, sources))));
        long acc = 0;
        List<Cell> parts = new ArrayList<>();
        for (Cell c : sorted) {
            long m = mask(c, sources);
            if ((m & acc) != 0) continue;
            acc |= m;
            parts.add(c);
            if (acc == whole) break;
        }
        return acc != whole || parts.size() < 2 ? null : parts;
    }

    private static void report(CheckContext ctx, Cell x, List<Cell> parts, java.util.Set<BigDecimal> told) {
        if (parts == null) return;
        Cell p0 = parts.get(0);
        boolean sameRow = p0.table().no() == x.table().no() && p0.row() == x.row();
        if (sameRow && !ctx.template(x.table()).map(TableTemplate::equations).orElse(List.of()).isEmpty()) return; // row-sum checks it
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (Cell p : parts) sum = sum.add(ctx.cell(p.row(), p.column()));
        BigDecimal found = ctx.cell(x.row(), x.column());
        if (found.compareTo(sum) == 0 || !told.add(sum.stripTrailingZeros())) return;
        StringBuilder what = new StringBuilder();
        for (Cell p : parts) {
            if (!what.isEmpty()) what.append(" + ");
            what.append(label(p));
        }
        String in = sameRow ? "本行" : ctx.tableName(p0.table()) + "「" + p0.row().label() + "」";
        ctx.expectSum(x.table().no(), x.row(), label(x), found, sum, parts.size(), () ->
                where(ctx, x) + "应等于" + in + " " + what + " 之和");
    }

    private static long mask(Cell c, boolean sources) {
        Term t = c.key().get(0);
        return sources ? t.sources() : t.kinds();
    }

    static String label(Cell c) {
        return c.column() < c.table().columns().size() ? c.table().columns().get(c.column()) : String.valueOf(c.column() + 1);
    }

    static String where(CheckContext ctx, Cell c) {
        return ctx.tableName(c.table()) + "「" + c.row().label() + "」" + label(c);
    }

    /**
     * Each amount the text states under a fact key that the profile's outline reads off the tables by a
     * measure equals the cell that prints that measure (as printed, in the text's unit), wherever that cell is — to the
     * precision the text prints it (whole 万元: the cell rounded).
     */
    static void textMeasure(CheckContext ctx) {
        Map<String, String> measures = ctx.profile().text().outline().measuresByKey();
        if (measures.isEmpty() || ctx.disclosure().text().facts().isEmpty()) return;
        MoneyCells.Index index = new MoneyCells.Index(cells(ctx), ctx.profile(), ctx.ref().sources());
        for (TextFact f : ctx.disclosure().text().facts()) {
            if (f.kind() != FactKind.AMOUNT || f.value() == null) continue;
            String measure = measures.get(f.key());
            if (measure == null) continue;
            Cell c = index.cell(measure).orElse(null);
            if (c == null) continue;
            // a part (机关运行经费) stated where no table prints it is not held equal to its whole (公用经费)
            if (ctx.profile().measures().part(measure) != null && !MoneyCells.isPart(c.key())) continue;
            // the cell in the text's unit (元 from the exact amount when the text states 元, whatever the table prints)
            BigDecimal printed = ctx.textCell(c.row(), c.column());
            // a text that states whole 万元 (上海: 收入预算12,122万元) is compared to the cell so rounded
            if (f.value().scale() < printed.scale()) printed = printed.setScale(Math.max(0, f.value().scale()), java.math.RoundingMode.HALF_UP);
            if (CheckContext.textAgrees(f.value(), printed)) continue;
            ctx.report(ctx.currentSeverity(), c.table().no(), c.row().code(), c.row().project(), label(c), f.section(),
                    printed.toPlainString(), f.value().toPlainString(),
                    "第三部分" + f.section() + " " + f.subject() + "：文字为 " + f.value().toPlainString() + "，而" + where(ctx, c) + "为 "
                            + printed.toPlainString() + CheckContext.textPrecision(printed) + "（“" + shortly(f.sentence()) + "”）");
        }
    }

    private static String shortly(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }

    /** Every printed cell of the shaped tables whose money is known, with its key (worked out once per run). */
    static List<Cell> cells(CheckContext ctx) {
        return ctx.runFact(CellsOf.KEY, () -> MoneyCells.of(ctx.disclosure(), ctx.profile(), ctx.ref().sources(),
                ctx.templateFact(new CellMoney(ctx.ref()), java.util.concurrent.ConcurrentHashMap::new)));
    }

    private enum CellsOf { KEY }

    /** The template fact of its cells' money by template, row and column, under a year's reference data (by identity). */
    private record CellMoney(org.openbudget.core.classification.ReferenceData ref) {}
}
