package org.openbudget.core.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.compare.Comparison.Line;
import org.openbudget.core.compare.Comparison.Source;
import org.openbudget.core.compare.Comparison.Stated;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.Origin;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.measure.Measure;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.measure.Where;
import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.MoneyCells;
import org.openbudget.core.profile.MoneyCells.Cell;
import org.openbudget.core.profile.MoneyCells.Term;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * A 预算 set against the 决算 of the same unit and year, by measures — never by table numbers: every printed cell of
 * either document is the money its row, column and table scope measure ({@link MoneyCells}), and two cells of the same
 * money are one line of the comparison.
 *
 * <p>A 决算's spending columns count money spent from a budget of any year (measures of basis 决算: {@code spent.gpb}
 * …); set against the 预算 they are that budget's money of the year (the 年初预算 knows no carry-over), so the 决算 is
 * keyed a second time with those measures over the current year's money. Its 年初预算数 columns ({@code budget.initial},
 * the “三公” table's 预算数) are the money of the 决算数 column of their group, as budgeted; its 说明's "年初预算为A万元，
 * 支出决算为B万元" statements are placed on the line of the cell that prints B and names the subject. A classification
 * row the 预算 prints and the 决算 does not (nothing spent), or the other way round (spent, not budgeted), is a line
 * with 0 on the silent side, where that side prints the table.
 */
public final class Compare {
    private Compare() {}

    /** The measure of a 决算's 年初预算数 column. */
    public static final String INITIAL = "budget.initial";

    /**
     * Why the two documents are not a 预算 and a 决算 of the same unit and year, in Chinese; empty when they are.
     */
    public static List<String> mismatch(Disclosure budget, TemplateProfile bp, Disclosure fin, TemplateProfile fp) {
        List<String> out = new ArrayList<>();
        String bb = bp.meta().basis(), fb = fp.meta().basis();
        if (bb.equals("决算") && fb.equals("预算")) {
            out.add("两份文档的顺序颠倒：第一份（" + name(budget) + "）是决算，第二份（" + name(fin) + "）是预算；请先给预算，再给决算");
        } else {
            if (!bb.equals("预算")) out.add("第一份文档（" + name(budget) + "）是" + bb + "，应为预算（识别为模板 " + bp.id() + "）");
            if (!fb.equals("决算")) out.add("第二份文档（" + name(fin) + "）是" + fb + "，应为决算（识别为模板 " + fp.id() + "）");
        }
        if (budget.year() != fin.year()) {
            out.add("年度不同：第一份（" + bb + "）是 " + budget.year() + " 年的，第二份（" + fb + "）是 " + fin.year()
                    + " 年的（应为同一年度：N 年预算与 N 年度决算）");
        }
        if (!sameUnit(budget.unitName(), fin.unitName())) {
            out.add("单位不同：第一份（" + bb + "）的单位是“" + budget.unitName() + "”，第二份（" + fb + "）的单位是“" + fin.unitName() + "”");
        }
        return out;
    }

    private static String name(Disclosure d) {
        return d.unitName() + " " + d.year();
    }

    /** The same unit, however its name is written: spaces, bracket widths, （汇总）, a region prefix (上海市普陀区财政局 / 普陀区财政局). */
    static boolean sameUnit(String a, String b) {
        String x = unit(a), y = unit(b);
        if (x.isEmpty() || y.isEmpty()) return x.equals(y);
        if (x.equals(y)) return true;
        String shorter = x.length() < y.length() ? x : y, longer = shorter == x ? y : x;
        return shorter.length() >= 4 && longer.endsWith(shorter);
    }

    private static String unit(String s) {
        return MeasureDictionary.normalise(s == null ? "" : s).replace("（汇总）", "").replace("（本级）", "");
    }

    /** {@link #compare(Disclosure, TemplateProfile, Disclosure, TemplateProfile, List, CompareRules, IntUnaryOperator)} without pages for the 说明's lines. */
    public static Comparison compare(Disclosure budget, TemplateProfile bp, Disclosure fin, TemplateProfile fp,
                                     List<FundingSource> sources, CompareRules rules) {
        return compare(budget, bp, fin, fp, sources, rules, line -> 0);
    }

    /**
     * The comparison.
     *
     * @param sources    the year's funding sources (cells are keyed by them)
     * @param pageOfLine the page of a line of the 决算's text (its 说明's statements are located by line), 0 when unknown
     */
    public static Comparison compare(Disclosure budget, TemplateProfile bp, Disclosure fin, TemplateProfile fp,
                                     List<FundingSource> sources, CompareRules rules, IntUnaryOperator pageOfLine) {
        // the 预算's cells, each money once (the first table that prints it)
        Map<List<Term>, Cell> bByKey = new LinkedHashMap<>();
        for (Cell c : MoneyCells.of(budget, bp, sources)) {
            if (c.key().stream().anyMatch(Term::lastYear)) continue;   // 上年预算数: not this year's budget
            put(bByKey, c.key(), c);
        }
        // the 决算's: keyed as what they are (exact) and as the year's budget money they set against (view)
        TemplateProfile view = budgetView(fp);
        Map<Row, Map<Integer, List<Term>>> exactKey = new IdentityHashMap<>();
        for (Cell c : MoneyCells.of(fin, fp, sources)) exactKey.computeIfAbsent(c.row(), r -> new HashMap<>()).put(c.column(), c.key());
        Map<Row, Map<Integer, List<Term>>> viewKey = new IdentityHashMap<>();
        Map<List<Term>, Cell> spent = new LinkedHashMap<>(), plain = new LinkedHashMap<>(), statedCells = new LinkedHashMap<>();
        for (Cell c : MoneyCells.of(fin, view, sources)) {
            ColumnSpec spec = MoneyCells.template(fp, c.table()).map(t -> t.columns().get(c.column())).orElse(null);
            if (spec == null) continue;
            if (initial(spec)) {
                statedCells.putIfAbsent(c.key(), c);
                continue;
            }
            List<Term> exact = exactKey.getOrDefault(c.row(), Map.of()).get(c.column());
            if (exact == null) continue;   // a figure the ledger does not hold (年末结转和结余 …)
            viewKey.computeIfAbsent(c.row(), r -> new HashMap<>()).put(c.column(), c.key());
            put(exact.equals(c.key()) ? plain : spent, c.key(), c);
        }
        // 预算 of whole budgets' money where the 决算 prints only all 财政拨款 (上海's “三公” 预算 is 一般公共预算, its 决算
        // 财政拨款): set against the 决算's wider cell when no other money of the 预算 is set against it
        Set<Cell> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<Term> k : bByKey.keySet()) {
            if (spent.containsKey(k)) taken.add(spent.get(k));
            if (plain.containsKey(k)) taken.add(plain.get(k));
        }
        Map<List<Term>, Cell> widerOf = new HashMap<>();
        for (List<Term> k : bByKey.keySet()) {
            if (spent.containsKey(k) || plain.containsKey(k)) continue;
            Cell w = wider(k, spent, sources, taken);
            if (w == null) w = wider(k, plain, sources, taken);
            if (w == null) continue;
            taken.add(w);
            widerOf.put(k, w);
        }

        List<Line> lines = new ArrayList<>();
        Map<List<Term>, Integer> lineOfKey = new HashMap<>();
        Map<Row, Map<Integer, Integer>> lineOfCell = new IdentityHashMap<>();   // a 决算 cell's line
        Set<Cell> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<List<Term>, Cell> e : bByKey.entrySet()) {
            List<Term> key = e.getKey();
            Cell bc = e.getValue();
            Cell s = spent.get(key), p = plain.get(key);
            String note = "";
            if (s == null && p == null && widerOf.containsKey(key)) {
                s = widerOf.get(key);
                note = "（决算口径更宽：全部财政拨款）";
            }
            Cell st = statedCells.get(key);
            if (st == null && s != null) st = statedCells.get(s.key());   // the 决算's own 年初预算数 of its wider money
            if (s == null && p == null) {
                // a class row the 决算 does not print, in a table it prints: nothing spent there
                Cell total = bc.row().kind() == RowKind.CLASS ? tableOf(strip(key, bc.row().code()), spent, plain) : null;
                if (total == null && st == null) continue;
                Line l = line(bc, bp, sources, total, false, fp, BigDecimal.ZERO, total == null ? Source.NONE : unlisted(total), note, rules);
                lineOfKey.put(key, lines.size());
                lines.add(st == null ? l : l.withStated(stated(st)));
                continue;
            }
            boolean both = s != null && p != null;
            if (s != null) {
                used.add(s);
                lineOfKey.put(key, lines.size());
                lineOfCell.computeIfAbsent(s.row(), r -> new HashMap<>()).put(s.column(), lines.size());
                Line l = line(bc, bp, sources, s, true, fp, value(s), source(s), both ? "（支出）" : note, rules);
                lines.add(st == null ? l : l.withStated(stated(st)));
            }
            if (p != null) {
                used.add(p);
                if (s == null) lineOfKey.put(key, lines.size());
                lineOfCell.computeIfAbsent(p.row(), r -> new HashMap<>()).put(p.column(), lines.size());
                Line l = line(bc, bp, sources, p, false, fp, value(p), source(p), both ? "（收入）" : note, rules);
                lines.add(s == null && st != null ? l.withStated(stated(st)) : l);
            }
        }
        // spent and not budgeted: a class row the 预算 does not print, in a table it prints
        for (Map<List<Term>, Cell> side : List.of(spent, plain)) {
            for (Map.Entry<List<Term>, Cell> e : side.entrySet()) {
                Cell fc = e.getValue();
                if (used.contains(fc) || bByKey.containsKey(e.getKey()) || fc.row().kind() != RowKind.CLASS) continue;
                if (lineOfKey.containsKey(e.getKey()) || value(fc).signum() == 0) continue;
                Cell total = bByKey.get(strip(e.getKey(), fc.row().code()));
                if (total == null) continue;
                String[] d = describe(fc, fp, sources);
                lineOfKey.put(e.getKey(), lines.size());
                lineOfCell.computeIfAbsent(fc.row(), r -> new HashMap<>()).put(fc.column(), lines.size());
                lines.add(new Line(d[0], d[1], fc.row().code(), BigDecimal.ZERO, value(fc), unlisted(total), source(fc), List.of(), "",
                        explained(fc, fp, rules)));
            }
        }
        // what the 说明 states: 年初预算 and 决算 of an item, and the reason for their difference
        Map<Row, Map<Integer, List<Term>>> keyOf = viewKey;
        List<Cell> finCells = MoneyCells.of(fin, fp, sources);
        Map<String, String> reasonOfCode = new HashMap<>();
        for (TextFact read : fin.text().facts()) {
            TextFact f = vsBudget(read);
            if (f == null) continue;
            Cell c = subjectCell(f, finCells, fp);
            if (c == null) continue;
            Integer at = lineOfCell.getOrDefault(c.row(), Map.of()).get(c.column());
            if (at == null) {
                List<Term> k = keyOf.getOrDefault(c.row(), Map.of()).get(c.column());
                at = k == null ? null : lineOfKey.get(k);
            }
            if (at == null) continue;
            int line = lineOf(f);
            BigDecimal budgeted = number(f.items().get(0));
            if (budgeted == null) continue;
            Line l = lines.get(at).withStated(new Stated(budgeted,
                    new Source("第三部分" + f.section(), shortly(f.subject()), "", line > 0 ? pageOfLine.applyAsInt(line) : 0, line)));
            if (!f.reason().isEmpty()) {
                l = l.withReason(f.reason());
                if (!l.code().isEmpty()) reasonOfCode.putIfAbsent(l.code(), f.reason());
            }
            lines.set(at, l);
        }
        // a reason given for a 项 holds for that 项 wherever it is printed (支出决算表 and 一般公共预算财政拨款支出决算表 alike)
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.reason().isEmpty() && reasonOfCode.containsKey(l.code())) lines.set(i, l.withReason(reasonOfCode.get(l.code())));
        }
        // nothing either side, and nothing stated: not a line
        lines.removeIf(l -> l.budget().signum() == 0 && l.actual().signum() == 0 && l.stated().isEmpty());
        return new Comparison(Comparison.Document.of(budget, bp), Comparison.Document.of(fin, fp), lines,
                findings(budget, fin, lines, rules, finOrigins(lines, fin)), rules);
    }

    /** The first cell of this money, unless it is blank or 0 and a later one prints it. */
    private static void put(Map<List<Term>, Cell> cells, List<Term> key, Cell c) {
        Cell had = cells.get(key);
        if (had == null || value(had).signum() == 0 && value(c).signum() != 0) cells.put(key, c);
    }

    // ---- findings

    private static List<Finding> findings(Disclosure budget, Disclosure fin, List<Line> lines, CompareRules rules, Map<Line, Origin> origins) {
        List<Finding> out = new ArrayList<>();
        if (budget.kind() != null && fin.kind() != null && budget.kind() != fin.kind()) {
            out.add(new Finding("CMP.kind", Severity.NOTICE, null, "", "", "", null, budget.kind().label(), fin.kind().label(),
                    "预算是" + budget.kind().label() + "文档，决算是" + fin.kind().label() + "文档：部门的数含所属单位，比较前请核实口径"));
        }
        for (Line l : lines) {
            for (Stated s : l.stated()) {
                int scale = Math.max(0, s.value().scale());
                BigDecimal printed = l.budget().setScale(scale, RoundingMode.HALF_UP);
                BigDecimal off = printed.subtract(s.value()).abs();
                if (off.signum() == 0) continue;
                boolean rounding = off.compareTo(BigDecimal.ONE.movePointLeft(scale)) <= 0;
                String msg = l.label() + "：决算" + s.from().where() + "所列年初预算数为 " + plain(s.value()) + " 万元，而预算文档"
                        + l.budgetFrom().where() + "为 " + plain(printed) + " 万元（相差 " + plain(off) + "）"
                        + (rounding ? "，在四舍五入的允许范围内" : "");
                Finding f = new Finding("CMP.initial", rounding ? Severity.NOTICE : Severity.ERROR, null, l.code(), "", s.from().column(),
                        null, plain(printed), plain(s.value()), msg);
                Origin o = s.from().page() > 0 || s.from().line() > 0 ? new Origin(s.from().page(), s.from().line(), null, List.of()) : null;
                out.add(o == null ? f : f.at(o));
            }
            if (!l.explained() || !l.reason().isEmpty() || !over(l, rules.thresholdPercent()) || !leaf(l, lines)) continue;
            BigDecimal rate = l.rate();
            String msg = l.label() + "：预算 " + money(l.budget()) + " 万元，决算 " + money(l.actual()) + " 万元，"
                    + (rate == null ? "年初未安排预算" : "相差 " + money(l.difference()) + " 万元（完成率 " + rate.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%）")
                    + "，超过 ±" + rules.thresholdPercent().stripTrailingZeros().toPlainString() + "%，决算说明未说明原因";
            Finding f = new Finding("CMP.reason", Severity.WARNING, null, l.code(), "", "", null, "说明差异原因", "未说明", msg);
            Origin o = origins.get(l);
            out.add(o == null ? f : f.at(o));
        }
        return out;
    }

    private static Map<Line, Origin> finOrigins(List<Line> lines, Disclosure fin) {
        Map<Line, Origin> out = new IdentityHashMap<>();
        for (Line l : lines) {
            Source s = l.actualFrom();
            if (s.page() > 0 || s.line() > 0) out.put(l, new Origin(s.page(), s.line(), null, List.of()));
        }
        return out;
    }

    /**
     * A line the 说明 explains item by item at its own level: not a 类 or 款 whose 项 are lines of the same money (the
     * 说明 gives its reasons for the 项, 五（三）).
     */
    private static boolean leaf(Line l, List<Line> lines) {
        if (l.code().isEmpty()) {
            // a total the 说明 explains by its 项 (一般公共预算财政拨款支出: 五（三）), not a second time as a whole
            for (Line o : lines) {
                if (o != l && o.explained() && !o.code().isEmpty() && o.label().startsWith(l.label() + " · ")) return false;
            }
            return true;
        }
        for (Line o : lines) {
            if (o != l && o.explained() && o.code().length() > l.code().length() && o.code().startsWith(l.code())) return false;
        }
        return true;
    }

    /** Beyond the threshold: a share of the 预算数, or anything on a zero budget. */
    static boolean over(Line l, BigDecimal thresholdPercent) {
        if (l.budget().signum() == 0) return l.actual().signum() != 0;
        BigDecimal share = l.difference().abs().multiply(BigDecimal.valueOf(100)).divide(l.budget().abs(), 6, RoundingMode.HALF_UP);
        return share.compareTo(thresholdPercent) > 0;
    }

    // ---- the 决算 as the year's budget money

    /**
     * The 决算's profile as the 预算 would key it: each measure of basis 决算 over the current year's money, each
     * 年初预算数 column the money of its group's 决算数 column (or the table's total).
     */
    static TemplateProfile budgetView(TemplateProfile fp) {
        MeasureDictionary dict = fp.measures();
        Where current = new Where(null, null, Where.Period.CURRENT, null, null, null, null, false);
        List<Measure> changed = new ArrayList<>();
        for (Measure m : dict.all()) {
            if (m.basis().equals("决算") && !m.isSum() && !m.printedOnly() && !m.hasFlow() && m.where().period() == null) {
                changed.add(new Measure(m.key(), m.name(), m.synonyms(), m.where().and(current), m.sumOf(), m.basis(), m.description(),
                        m.flow(), m.within(), m.spending(), m.printedOnlyFlag(), m.part()));
            }
        }
        Map<Integer, TableTemplate> tables = new TreeMap<>();
        for (Map.Entry<Integer, TableTemplate> e : fp.tables().entrySet()) tables.put(e.getKey(), rebind(e.getValue()));
        TemplateProfile.Meta m = fp.meta();
        TemplateProfile.Meta meta = new TemplateProfile.Meta(m.parent(), m.basis(), m.amountUnit(), m.decimals(), m.unitLabel(), m.detect(),
                dict.with(changed), m.generated(), m.severities(), m.zeros(), m.crossChecks());
        return new TemplateProfile(fp.id(), fp.name(), fp.year(), fp.totalFirst(), fp.thousands(), fp.totalLabel(), fp.incomeTotalLabel(),
                fp.expenseTotalLabel(), tables, fp.text(), fp.rules(), meta);
    }

    /** A 年初预算数 column: its measure is {@code budget.initial} (of the money the rest of its expression names). */
    static boolean initial(ColumnSpec c) {
        return c != null && MeasureDictionary.keys(c.measure()).contains(INITIAL);
    }

    private static TableTemplate rebind(TableTemplate t) {
        if (t.columns().stream().noneMatch(Compare::initial)) return t;
        List<ColumnSpec> cols = new ArrayList<>();
        for (ColumnSpec c : t.columns()) {
            if (!initial(c)) {
                cols.add(c);
                continue;
            }
            List<String> rest = new ArrayList<>(MeasureDictionary.keys(c.measure()));
            rest.remove(INITIAL);
            if (!rest.isEmpty()) {   // "budget.initial & tpe.abroad": 因公出国（境）费, as budgeted
                cols.add(new ColumnSpec(c.label(), c.sources(), c.eco(), String.join(" & ", rest), c.group(), c.header(), c.period(), c.calc(), c.of()));
                continue;
            }
            String sibling = "total";
            for (ColumnSpec o : t.columns()) {
                if (o != c && o.group().equals(c.group()) && !o.measure().isEmpty() && !initial(o) && !o.measure().startsWith("budget.")) {
                    sibling = o.measure();
                    break;
                }
            }
            cols.add(new ColumnSpec(c.label(), c.sources(), c.eco(), sibling, c.group(), c.header(), c.period(), c.calc(), c.of()));
        }
        return new TableTemplate(t.no(), t.title(), cols, t.incomeRows(), t.rows(), t.emptyNote(), t.equations(), t.unitRows(),
                t.aliases(), t.incomeTotalOf(), t.id(), t.mark(), t.shape());
    }

    // ---- keys

    /**
     * A cell of wider 财政拨款 money than {@code key}: the same terms over more of the three budgets, where each term of
     * {@code key} is whole budgets' money of the year (一般公共预算, not its 本级财力 alone), and no other money took it.
     */
    private static Cell wider(List<Term> key, Map<List<Term>, Cell> cells, List<FundingSource> sources, Set<Cell> taken) {
        long fiscal = 0;
        long[] budgetOf = new long[Math.min(sources.size(), 64)];
        for (int i = 0; i < budgetOf.length; i++) {
            if (!sources.get(i).fiscalCurrent()) continue;
            fiscal |= 1L << i;
            for (int j = 0; j < budgetOf.length; j++) {
                if (sources.get(j).fiscalCurrent() && sources.get(j).budget().equals(sources.get(i).budget())) budgetOf[i] |= 1L << j;
            }
        }
        if (key.isEmpty()) return null;
        for (Term t : key) {
            if (t.sources() == 0 || (t.sources() & ~fiscal) != 0) return null;
            for (int i = 0; i < budgetOf.length; i++) {
                if ((t.sources() & (1L << i)) != 0 && (budgetOf[i] & ~t.sources()) != 0) return null;   // part of a budget only
            }
        }
        for (Map.Entry<List<Term>, Cell> e : cells.entrySet()) {
            List<Term> k = e.getKey();
            if (k.size() != key.size() || taken.contains(e.getValue())) continue;
            boolean ok = true;
            for (int i = 0; i < k.size() && ok; i++) {
                Term a = key.get(i), b = k.get(i);
                ok = (b.sources() & ~fiscal) == 0 && (a.sources() & ~b.sources()) == 0 && a.kinds() == b.kinds()
                        && java.util.Objects.equals(a.eco(), b.eco()) && java.util.Objects.equals(a.func(), b.func());
            }
            if (ok) return e.getValue();
        }
        return null;
    }

    /** The key without a classification row's own code: the money of its table's total in the same column. */
    static List<Term> strip(List<Term> key, String code) {
        List<String> own = List.of(code);
        List<Term> out = new ArrayList<>();
        for (Term t : key) {
            out.add(new Term(t.sources(), t.kinds(), own.equals(t.eco()) ? null : t.eco(), own.equals(t.func()) ? null : t.func(), t.lastYear()));
        }
        out.sort(java.util.Comparator.comparing(Term::toString));
        return out;
    }

    private static Cell tableOf(List<Term> key, Map<List<Term>, Cell> a, Map<List<Term>, Cell> b) {
        Cell c = a.get(key);
        return c != null ? c : b.get(key);
    }

    // ---- lines, labels, sources

    private static Line line(Cell bc, TemplateProfile bp, List<FundingSource> sources, Cell fc, boolean spending, TemplateProfile fp, BigDecimal actual, Source actualFrom,
                             String note, CompareRules rules) {
        String[] d = describe(bc, bp, sources);
        if (spending && bc.row().side() == Side.INCOME && fc.row().kind() != RowKind.CLASS) {
            // the 预算's income row set against the 决算's spending of that money: named as what was spent, a total
            d = new String[] {"总体", describe(fc, fp, sources)[1]};
            if (note.equals("（支出）")) note = "";
        } else if (bc.row().kind() == RowKind.TOTAL && bc.row().side() == Side.INCOME && fc != null && fc.row().side() != Side.INCOME) {
            // the 预算's 收入总计 (= its 支出总计) against the 决算's spending of all money
            d = new String[] {"总体", "支出合计"};
        }
        return new Line(d[0], d[1] + note, bc.row().kind() == RowKind.CLASS ? bc.row().code() : "", value(bc), actual, source(bc), actualFrom,
                List.of(), "", fc != null && explained(fc, fp, rules));
    }

    private static Stated stated(Cell c) {
        return new Stated(value(c), source(c));
    }

    private static BigDecimal value(Cell c) {
        BigDecimal v = c.row().value(c.column());
        return v == null ? BigDecimal.ZERO : v;
    }

    private static Source source(Cell c) {
        Row r = c.row();
        Origin o = r.origin();
        String column = c.column() < c.table().columns().size() ? c.table().columns().get(c.column()) : "";
        return new Source(c.table().title(), r.label().isEmpty() ? (r.kind() == RowKind.TOTAL ? "合计" : "") : r.label(), column,
                o == null ? 0 : o.page(), o == null ? 0 : o.line());
    }

    /** Where a table prints no row for this money: the table, "未列示". */
    private static Source unlisted(Cell total) {
        String column = total.column() < total.table().columns().size() ? total.table().columns().get(total.column()) : "";
        return new Source(total.table().title(), "未列示（视为 0）", column, 0, 0);
    }

    /** Does the 决算 explain differences of this cell's money (its measure keys, {@code total} left out, one of the rules')? */
    private static boolean explained(Cell c, TemplateProfile p, CompareRules rules) {
        TableTemplate tpl = MoneyCells.template(p, c.table()).orElse(null);
        if (tpl == null || tpl.shape() == null || rules.explain().isEmpty()) return false;
        Set<String> keys = new HashSet<>(MeasureDictionary.keys(tpl.shape().where()));
        ColumnSpec col = c.column() < tpl.columns().size() ? tpl.columns().get(c.column()) : null;
        if (col != null) keys.addAll(MeasureDictionary.keys(col.measure()));
        LineSpec fixed = tpl.shape().kind() == TableShape.Kind.FIXED ? spec(tpl.rows(), c.row().key()) : null;
        if (fixed != null) keys.addAll(MeasureDictionary.keys(fixed.measure()));
        keys.remove("total");
        return rules.explain().contains(keys);
    }

    /** {dimension, label} of a cell: its table's scope, its row and its column, by the names of their measures. */
    static String[] describe(Cell c, TemplateProfile p, List<FundingSource> sources) {
        TableTemplate tpl = MoneyCells.template(p, c.table()).orElseThrow();
        TableShape shape = tpl.shape();
        MeasureDictionary dict = p.measures();
        Row r = c.row();
        String scope = names(shape.where(), dict);
        ColumnSpec col = c.column() < tpl.columns().size() ? tpl.columns().get(c.column()) : null;
        String column = col == null ? "" : !col.measure().isEmpty() ? names(col.measure(), dict)
                : col.label().equals("合计") || col.label().equals("总计") ? "" : col.label();
        String dimension, row = "";
        switch (r.kind()) {
            case CLASS -> {
                dimension = shape.economic() && r.side() == null ? "经济分类" : "功能分类";
                row = printedCode(r.code()) + " " + r.name();
            }
            case LINE -> {
                boolean income = r.side() == Side.INCOME;
                dimension = income ? "收入" : "其他";
                LineSpec s = spec(income ? tpl.incomeRows() : tpl.rows(), r.key());
                row = s == null ? r.name() : s.measure().isEmpty() ? bare(s.label()) : names(s.measure(), dict);
                if (income && shape.kind() == TableShape.Kind.SUMMARY && (shape.incomeFirstColumn() || tpl.columns().size() == 1)) column = "";
            }
            default -> {
                dimension = shape.kind() == TableShape.Kind.FIXED ? "其他" : "总体";
                LineSpec s = shape.kind() == TableShape.Kind.FIXED ? spec(tpl.rows(), r.key()) : null;
                if (s != null) row = s.measure().isEmpty() ? measureOf(tpl, s, dict, sources).orElse(bare(s.label())) : names(s.measure(), dict);
                if (r.side() == Side.INCOME) {
                    dimension = "收入";
                    row = "收入总计";
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (String s : List.of(scope, row, column)) if (!s.isBlank() && !parts.contains(s.trim())) parts.add(s.trim());
        return new String[] {dimension, parts.isEmpty() ? "合计" : String.join(" · ", parts)};
    }

    /** The name of the measure a fixed row of sums is ("合计" of the “三公” rows: “三公”经费), when the dictionary has it. */
    private static java.util.Optional<String> measureOf(TableTemplate tpl, LineSpec s, MeasureDictionary dict, List<FundingSource> sources) {
        List<Where> scope = org.openbudget.core.profile.Bindings.scope(tpl, dict);
        List<Where> row = org.openbudget.core.profile.Bindings.rows(tpl.rows(), dict).get(s.key());
        if (row == null) return java.util.Optional.empty();
        List<Term> want = MoneyCells.key(org.openbudget.core.profile.Bindings.and(scope, row), sources);
        for (Measure m : dict.all()) {
            if (m.printedOnly() || m.key().equals("total")) continue;
            if (MoneyCells.key(org.openbudget.core.profile.Bindings.and(scope, dict.terms(m.key())), sources).equals(want)) return java.util.Optional.of(m.name());
        }
        return java.util.Optional.empty();
    }

    private static LineSpec spec(List<LineSpec> specs, String key) {
        for (LineSpec s : specs) if (s.key().equals(key)) return s;
        return null;
    }

    /** The names of an expression's measures, {@code total} (all money) left out: "一般公共预算拨款 · 基本支出". */
    private static String names(String expression, MeasureDictionary dict) {
        List<String> out = new ArrayList<>();
        for (String k : MeasureDictionary.keys(expression)) {
            if (k.equals("total")) continue;
            out.add(dict.find(k).map(Measure::name).orElse(k));
        }
        return String.join(" · ", out);
    }

    /** A printed label without its numbering ("一、", "1、", "其中："). */
    private static String bare(String label) {
        return label.replaceFirst("^(其中[：:])?([一二三四五六七八九十]+、|\\d+[、.])?", "").trim();
    }

    /** "2010101" → "201 01 01". */
    static String printedCode(String code) {
        if (code.length() == 5) return code.substring(0, 3) + " " + code.substring(3);
        if (code.length() == 7) return code.substring(0, 3) + " " + code.substring(3, 5) + " " + code.substring(5);
        return code;
    }

    // ---- the 说明's statements

    /** The 决算 cell a "年初预算为A万元，支出决算为B万元" statement is about: it prints B and the subject names its row or money. */
    private static Cell subjectCell(TextFact f, List<Cell> cells, TemplateProfile fp) {
        String subject = MeasureDictionary.normalise(f.subject());
        String item = item(subject);
        BigDecimal b = f.value();
        Cell best = null;
        int bestScore = 0;
        for (Cell c : cells) {
            BigDecimal v = value(c);   // a blank cell prints 0 ("支出决算为0.00万元" of a blank “三公” table)
            if (v.setScale(2, RoundingMode.HALF_UP).compareTo(b.setScale(2, RoundingMode.HALF_UP)) != 0) continue;
            int score;
            if (!item.isEmpty()) {
                if (c.row().kind() != RowKind.CLASS || !MeasureDictionary.normalise(c.row().name()).equals(item)) continue;
                score = 100 + names(c, fp).stream().mapToInt(n -> subject.contains(n) ? n.length() : 0).sum();
                if (explainedScope(c, fp)) score += 50;
                // the row of the level the subject names (a 款 and its 项 of one name: 20699 and 2069999 其他科学技术支出)
                if (c.row().code().length() == codeLength(subject)) score += 25;
            } else {
                if (c.row().kind() == RowKind.CLASS) continue;
                score = names(c, fp).stream().mapToInt(n -> subject.contains(n) ? n.length() : 0).sum();
            }
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** A cell of the 一般公共预算 spending table's 合计 (the items 五（三） lists). */
    private static boolean explainedScope(Cell c, TemplateProfile fp) {
        return explained(c, fp, CompareRules.DEFAULT);
    }

    /** The names of a cell's measures (scope, column, fixed row), normalised. */
    private static List<String> names(Cell c, TemplateProfile p) {
        TableTemplate tpl = MoneyCells.template(p, c.table()).orElse(null);
        if (tpl == null || tpl.shape() == null) return List.of();
        MeasureDictionary dict = p.measures();
        List<String> keys = new ArrayList<>(MeasureDictionary.keys(tpl.shape().where()));
        ColumnSpec col = c.column() < tpl.columns().size() ? tpl.columns().get(c.column()) : null;
        if (col != null) keys.addAll(MeasureDictionary.keys(col.measure()));
        LineSpec s = tpl.shape().kind() == TableShape.Kind.FIXED ? spec(tpl.rows(), c.row().key()) : null;
        if (s != null) keys.addAll(MeasureDictionary.keys(s.measure()));
        if (c.row().side() == Side.INCOME) {
            LineSpec in = spec(tpl.incomeRows(), c.row().key());
            if (in != null) keys.addAll(MeasureDictionary.keys(in.measure()));
        }
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (k.equals("total")) continue;
            dict.find(k).ifPresent(m -> {
                out.add(MeasureDictionary.normalise(m.name()));
                for (String syn : m.synonyms()) out.add(MeasureDictionary.normalise(syn));
            });
        }
        return out;
    }

    /** The length of the code of the row a subject names: 7 for a 项, 5 for a 款, 3 for a 类, 0 for none. */
    static int codeLength(String subject) {
        List<String> marks = org.openbudget.core.text.Numbering.LEVEL_MARKS;
        if (subject.contains(marks.get(2))) return 7;
        if (subject.contains(marks.get(1))) return 5;
        return subject.contains(marks.get(0)) ? 3 : 0;
    }

    /** The 项 (else 款, else 类) a subject names: "一般公共服务支出（类）财政事务（款）行政运行（项）" → 行政运行; "" when none. */
    static String item(String subject) {
        List<String> marks = org.openbudget.core.text.Numbering.LEVEL_MARKS;
        for (String level : List.of(marks.get(2), marks.get(1), marks.get(0))) {
            int end = subject.lastIndexOf(level);
            if (end < 0) continue;
            int start = Math.max(subject.lastIndexOf('）', end - 1) + 1, 0);
            return subject.substring(start, end).replaceFirst("^\\d+[、.]", "");
        }
        return "";
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.replace(",", "").trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What a derived 决算 states of a completion ({@code 决算 A ÷ 年初预算 B × 100}, as the text writer records it). */
    private static final java.util.regex.Pattern DERIVED_COMPLETION = java.util.regex.Pattern.compile("决算 (-?[0-9.]++) ÷ 年初预算 (-?[0-9.]++) × 100");

    /**
     * A sentence setting an amount against its 年初预算数, as the audit reads it from a published 说明 (key
     * {@code final.vs-budget.N}: the 决算 amount, the 年初预算数 its first item) — or as our own text writer states it (a
     * rate fact whose source holds both amounts), put in the read form; null for any other fact.
     */
    static TextFact vsBudget(TextFact f) {
        if (f.key().startsWith("final.vs-budget.")) return f.value() == null || f.items().isEmpty() ? null : f;
        if (f.kind() != FactKind.RATE || f.source() == null) return null;
        java.util.regex.Matcher m = DERIVED_COMPLETION.matcher(f.source());
        if (!m.matches()) return null;
        return new TextFact(f.section(), f.part(), "final.vs-budget." + f.key(), f.subject(), FactKind.AMOUNT, new BigDecimal(m.group(1)),
                f.word(), f.reason(), List.of(m.group(2)), "", f.sentence());
    }

    private static int lineOf(TextFact f) {
        String s = f.source();
        if (!s.startsWith("line:")) return 0;
        try {
            return Integer.parseInt(s.substring(5));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String shortly(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String plain(BigDecimal v) {
        return v.toPlainString();
    }

    /** 万元 with two decimals, as printed. */
    static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
