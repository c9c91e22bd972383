package org.openbudget.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.measure.Where;

/**
 * The printed cells of a document's shaped tables, each with the money it shows: its row's ∧ its
 * column's ∧ its table's scope, in a canonical form ({@link #key}) — so that two cells of the same money
 * have the same key whichever tables they are in, and a measure expression of the dictionary finds the
 * cell that prints it. The checks compare cells of equal keys; the text reads its amounts by them.
 */
public final class MoneyCells {
    private MoneyCells() {}

    /**
     * One filter term resolved against the year's funding sources: which sources and kinds, which codes,
     * and whether it is last year's money (a 上年预算数 column: equal only to last year's money elsewhere).
     */
    public record Term(long sources, int kinds, List<String> eco, List<String> func, boolean lastYear) {
        public Term(long sources, int kinds, List<String> eco, List<String> func) {
            this(sources, kinds, eco, func, false);
        }

        public Term lastYear(boolean last) {
            return last == lastYear ? this : new Term(sources, kinds, eco, func, last);
        }

        // written out: a record's generated equals and hashCode are built from method handles at their first call,
        // a cost a one-file audit's start pays for every record it hashes (Terms key every printed cell)
        @Override
        public boolean equals(Object o) {
            return o instanceof Term t && sources == t.sources && kinds == t.kinds && lastYear == t.lastYear
                    && Objects.equals(eco, t.eco) && Objects.equals(func, t.func);
        }

        @Override
        public int hashCode() {
            return ((Long.hashCode(sources) * 31 + kinds) * 31 + Objects.hashCode(eco)) * 31 + Objects.hashCode(func) + (lastYear ? 1 : 0);
        }

        /** The canonical order of a key's terms. */
        static int order(Term a, Term b) {
            int c = Long.compare(a.sources, b.sources);
            if (c == 0) c = Integer.compare(a.kinds, b.kinds);
            if (c == 0) c = String.valueOf(a.eco).compareTo(String.valueOf(b.eco));
            if (c == 0) c = String.valueOf(a.func).compareTo(String.valueOf(b.func));
            return c != 0 ? c : Boolean.compare(a.lastYear, b.lastYear);
        }
    }

    /** A printed cell and the money it measures. */
    public record Cell(DisclosureTable table, Row row, int column, List<Term> key) {}

    /**
     * A document's cells by the money they show, to find the cell that prints a measure expression (the
     * first, in table and row order; cells of the same money agree, or {@code same-measure} says so).
     */
    public static final class Index {
        private final MeasureDictionary dict;
        private final List<FundingSource> sources;
        private final Map<List<Term>, Cell> byKey = new java.util.HashMap<>();

        public Index(Disclosure d, TemplateProfile profile, List<FundingSource> sources) {
            this(of(d, profile, sources), profile, sources);
        }

        public Index(List<Cell> cells, TemplateProfile profile, List<FundingSource> sources) {
            this.dict = profile.measures();
            this.sources = sources;
            for (Cell c : cells) byKey.putIfAbsent(c.key(), c);
        }

        /** The cell that prints this measure expression, if any table does (a part's: its own, else its whole's). */
        public Optional<Cell> cell(String measure) {
            if (dict.all().isEmpty() || !dict.problems(measure).isEmpty()) return Optional.empty();
            List<Term> k = key(dict.terms(measure), sources);
            String part = dict.part(measure);
            // a part (机关运行经费) no table prints is read off its whole (公用经费), as the derivation makes it
            Cell c = part == null || k.isEmpty() ? null : byKey.get(marked(k, part));
            return Optional.ofNullable(c != null ? c : byKey.get(k));
        }
    }

    /** A document table's template in the profile: by id, else by place. */
    public static Optional<TableTemplate> template(TemplateProfile profile, DisclosureTable t) {
        return profile.tableById(t.id()).or(() -> profile.findTable(t.no()));
    }

    /**
     * The document's first table of this shape whose money as a whole is {@code ref.where} (and of its
     * classification, when the reference names one): a table named by what it is, never by its number.
     */
    public static Optional<DisclosureTable> table(Disclosure d, TemplateProfile profile, List<FundingSource> sources, TextOutline.TableRef ref) {
        if (ref == null) return Optional.empty();
        MeasureDictionary dict = profile.measures();
        if (dict.all().isEmpty() || !dict.problems(ref.where()).isEmpty()) return Optional.empty();
        List<Term> want = key(dict.terms(ref.where()), sources);
        for (DisclosureTable t : d.tables()) {
            TableTemplate tpl = template(profile, t).orElse(null);
            if (tpl == null || tpl.shape() == null) continue;
            TableShape s = tpl.shape();
            if (!ref.shape().isEmpty() && s.kind() != TableShape.kind(ref.shape())) continue;
            if (!ref.classification().isEmpty() && !s.classification().equals(ref.classification())) continue;
            if (key(Bindings.scope(tpl, dict), sources).equals(want)) return Optional.of(t);
        }
        return Optional.empty();
    }

    /**
     * The profile's first table of this reference's shape (and classification) whose money as a whole is
     * {@code ref.where}: the template an outline block names by what it is.
     */
    public static Optional<TableTemplate> template(TemplateProfile profile, List<FundingSource> sources, TextOutline.TableRef ref) {
        if (ref == null) return Optional.empty();
        MeasureDictionary dict = profile.measures();
        if (dict.all().isEmpty() || !dict.problems(ref.where()).isEmpty()) return Optional.empty();
        List<Term> want = key(dict.terms(ref.where()), sources);
        for (TableTemplate t : profile.tables().values()) {
            if (t.shape() == null) continue;
            if (!ref.shape().isEmpty() && t.shape().kind() != TableShape.kind(ref.shape())) continue;
            if (!ref.classification().isEmpty() && !t.shape().classification().equals(ref.classification())) continue;
            if (key(Bindings.scope(t, dict), sources).equals(want)) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** The profile's summary table (two sides) whose money as a whole is this measure expression ("total": all of it). */
    public static Optional<TableTemplate> summary(TemplateProfile profile, List<FundingSource> sources, String where) {
        MeasureDictionary dict = profile.measures();
        if (dict.all().isEmpty()) return Optional.empty();
        List<Term> want = key(dict.terms(where), sources);
        for (TableTemplate t : profile.tables().values()) {
            if (t.shape() == null || t.shape().kind() != TableShape.Kind.SUMMARY) continue;
            if (key(Bindings.scope(t, dict), sources).equals(want)) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** Every printed cell of the shaped tables whose money is known, with its key, in table and row order. */
    public static List<Cell> of(Disclosure d, TemplateProfile profile, List<FundingSource> sources) {
        return of(d, profile, sources, null);
    }

    /**
     * As {@link #of(Disclosure, TemplateProfile, List)}, the money of each (table template, row) by column looked up in
     * {@code memo} first: a cell's key depends only on its template, its row's code or key and its column — the
     * same for every document of the template under one year's sources, so the checks keep one memo per template
     * and sources (null: none).
     */
    public static List<Cell> of(Disclosure d, TemplateProfile profile, List<FundingSource> sources, Map<Object, List<List<Term>>> memo) {
        List<Cell> out = new ArrayList<>();
        MeasureDictionary dict = profile.measures();
        for (DisclosureTable table : d.tables()) {
            TableTemplate tpl = template(profile, table).orElse(null);
            if (tpl == null || tpl.shape() == null || table.empty()) continue;
            TableShape shape = tpl.shape();
            Bound bound = null;   // the template's filters, made at the first cell the memo does not hold
            Map<String, LineSpec> fixedSpecs = new java.util.HashMap<>();
            if (shape.kind() == TableShape.Kind.FIXED) for (LineSpec s : tpl.rows()) fixedSpecs.put(s.key(), s);
            // the summary's totals count money beside the ledger's when an income row they add up prints some
            Term summaryBeyond = shape.kind() == TableShape.Kind.SUMMARY ? summaryBeyond(table, tpl, dict) : null;
            int width = tpl.columns().size();
            for (Row r : table.rows()) {
                Term beyond = r.kind() != org.openbudget.core.disclosure.RowKind.TOTAL ? null
                        : shape.kind() == TableShape.Kind.SUMMARY ? summaryBeyond : rowBeyond(tpl, dict, r);
                LineSpec line = r.side() == null ? fixedSpecs.get(r.key()) : null;
                if (line != null && line.computed()) continue;   // 增减变化金额: checked against its two rows (column-change)
                boolean lastYearRow = line != null && line.lastYear();
                if (!hasMoney(r)) continue;
                boolean firstOnly = shape.kind() == TableShape.Kind.SUMMARY && r.side() == Side.INCOME
                        && (shape.incomeFirstColumn() || width == 1);
                // the row's money by column: from the memo, else made (and kept) at its first document
                Object at = memo == null ? null : new At(tpl.id(), tpl.no(), r.kind(), r.side(),
                        r.kind() == org.openbudget.core.disclosure.RowKind.CLASS ? r.code() : r.key(), firstOnly);
                List<List<Term>> keys = at == null ? null : memo.get(at);
                if (keys == null) {
                    if (bound == null) bound = new Bound(tpl, dict);
                    List<Where> row = rowFilter(shape, tpl, r, bound.income, bound.fixed);
                    List<List<Term>> made = new ArrayList<>();
                    // a part of a filter's money (机关运行经费 of 公用经费) is keyed apart from the whole: marked
                    String rowPart = dict.part(line != null ? line.measure() : r.side() == Side.INCOME ? incomeMeasure(tpl, r) : "");
                    for (int c = 0; c < width; c++) {
                        boolean none = row == null || (firstOnly && c > 0) || tpl.columns().get(c).computed();
                        List<Term> k = none ? List.of() : key(Bindings.and(row, firstOnly ? bound.scope : bound.columns.get(c)), sources);
                        String part = rowPart != null ? rowPart : firstOnly ? null : dict.part(tpl.columns().get(c).measure());
                        made.add(k.isEmpty() || part == null ? k : marked(k, part));
                    }
                    keys = List.copyOf(made);
                    if (at != null) memo.put(at, keys);
                }
                for (int c = 0; c < width && c < table.columns().size(); c++) {
                    List<Term> key = keys.get(c);
                    if (key.isEmpty()) continue;   // no money the filters can say, or 增减 (checked against its two columns)
                    ColumnSpec spec = tpl.columns().get(c);
                    if (spec.lastYear() || lastYearRow) key = key.stream().map(k -> k.lastYear(true)).toList();
                    if (beyond != null && (firstOnly || shape.kind() == TableShape.Kind.SUMMARY || "total".equals(spec.measure()))) {
                        List<Term> marked = new ArrayList<>(key);
                        marked.add(beyond);
                        key = List.copyOf(marked);
                    }
                    out.add(new Cell(table, r, c, key));
                }
            }
        }
        return List.copyOf(out);
    }

    /** A row {@link #rowFilter} can give money to (the others have none, whatever their template). */
    private static boolean hasMoney(Row r) {
        return switch (r.kind()) {
            case CLASS -> r.unit().isEmpty();
            case TOTAL, LINE -> true;
            default -> false;
        };
    }

    /** Where a row's money is the same for every document of a template: its template, its row's kind, side and code or key. */
    private record At(String table, int no, org.openbudget.core.disclosure.RowKind kind, Side side, String row, boolean firstOnly) {
        // written out, as Term's: a record's generated equals and hashCode cost a one-file audit's start
        @Override
        public boolean equals(Object o) {
            return o instanceof At a && no == a.no && firstOnly == a.firstOnly && kind == a.kind
                    && side == a.side && Objects.equals(table, a.table) && Objects.equals(row, a.row);
        }

        @Override
        public int hashCode() {
            return ((Objects.hashCode(table) * 31 + no) * 31 + Objects.hashCode(row)) * 31
                    + Objects.hashCode(kind) + (side == null ? 0 : side.ordinal() + 7) + (firstOnly ? 1 : 0);
        }
    }

    /** A table template's filters: its scope, each column's within it, its income and fixed rows'. */
    private static final class Bound {
        final List<Where> scope;
        final List<List<Where>> columns = new ArrayList<>();
        final Map<String, List<Where>> income;
        final Map<String, List<Where>> fixed;

        Bound(TableTemplate tpl, MeasureDictionary dict) {
            scope = Bindings.scope(tpl, dict);
            for (var c : tpl.columns()) columns.add(Bindings.and(scope, Bindings.column(c, dict)));
            income = Bindings.rows(tpl.incomeRows(), dict);
            fixed = Bindings.rows(tpl.rows(), dict);
        }
    }

    /**
     * Money a table prints that the ledger does not hold and that is no part of a column beside it: a measure declared
     * printed_only, of no flow (a 决算's flows are the ledger's own accounts), not a "其中" part of another column — 西安's
     * 上年实户资金余额, counted in 表1's 收入总计 and 表2's 合计 and spent (表3) only in part. A total that counts some
     * is the same money only as another total counting it: its key gets this measure's mark.
     */
    private static boolean beside(MeasureDictionary dict, String measure) {
        if (measure == null || measure.isEmpty()) return false;
        var m = dict.find(measure).orElse(null);
        return m != null && m.printedOnly() && !m.hasFlow() && !m.name().startsWith("其中");
    }

    private static Term mark(String measure) {
        return new Term(0, 0, List.of("+" + measure), null);
    }

    /** The mark of a part's money ({@link org.openbudget.core.measure.Measure#part}): its key is the whole's and this. */
    private static Term partMark(String measure) {
        return new Term(0, 0, List.of("<" + measure), null);
    }

    /** A key with a part's mark: the same money only as another cell of that part. */
    private static List<Term> marked(List<Term> key, String part) {
        List<Term> out = new ArrayList<>(key);
        out.add(partMark(part));
        return List.copyOf(out);
    }

    /** Whether a key is a part's ({@link #marked}). */
    public static boolean isPart(List<Term> key) {
        for (Term t : key) if (isPartMark(t)) return true;
        return false;
    }

    /** The whole a part's key is a part of (its key without the mark). */
    public static List<Term> whole(List<Term> key) {
        return key.stream().filter(t -> !isPartMark(t)).toList();
    }

    private static boolean isPartMark(Term t) {
        return t.sources() == 0 && t.eco() != null && t.eco().size() == 1 && t.eco().get(0).startsWith("<");
    }

    /** The measure of a summary's income row ("" when it is a sum of others or not the template's). */
    private static String incomeMeasure(TableTemplate tpl, Row r) {
        for (LineSpec s : tpl.incomeRows()) if (s.key().equals(r.key())) return s.measure();
        return "";
    }

    /** A total row's mark when a column of a measure {@link #beside} the ledger holds money in it, else null. */
    private static Term rowBeyond(TableTemplate tpl, MeasureDictionary dict, Row r) {
        for (int c = 0; c < tpl.columns().size() && c < r.values().size(); c++) {
            String m = tpl.columns().get(c).measure();
            java.math.BigDecimal v = r.values().get(c);
            if (v != null && v.signum() != 0 && beside(dict, m)) return mark(m);
        }
        return null;
    }

    /** The summary's totals' mark when an income row its 收入总计 adds up is of a measure {@link #beside} the ledger and holds money. */
    private static Term summaryBeyond(DisclosureTable table, TableTemplate tpl, MeasureDictionary dict) {
        for (LineSpec s : tpl.incomeRows()) {
            if (!tpl.incomeTotalOf().contains(s.key()) || !beside(dict, s.measure())) continue;
            for (Row r : table.rows()) {
                if (r.side() != Side.INCOME || !s.key().equals(r.key()) || r.values().isEmpty()) continue;
                java.math.BigDecimal v = r.values().get(0);
                if (v != null && v.signum() != 0) return mark(s.measure());
            }
        }
        return null;
    }

    /** The money a row stands for, or null for a row whose money the filters cannot say (a unit, a project). */
    private static List<Where> rowFilter(TableShape shape, TableTemplate tpl, Row r, Map<String, List<Where>> income, Map<String, List<Where>> fixed) {
        return switch (r.kind()) {
            // a class row inside a unit's block (unit_rows) is that unit's money only: the filters cannot say it
            case CLASS -> !r.unit().isEmpty() ? null : List.of(shape.economic() && r.side() == null
                    ? Where.eco(List.of(r.code()))
                    : Where.func(List.of(r.code())));
            case TOTAL -> {
                if (shape.kind() == TableShape.Kind.FIXED) yield fixed.get(r.key());
                // a 决算's 总计 holds what the ledger does not (年末结转和结余, 结余分配): its own identities check it
                if (shape.kind() == TableShape.Kind.SUMMARY && !shape.expenseTotalOf().isEmpty()) yield null;
                if (r.side() == Side.INCOME && !tpl.incomeTotalOf().isEmpty()) {
                    List<Where> all = new ArrayList<>();
                    for (String k : tpl.incomeTotalOf()) if (income.containsKey(k)) all.addAll(income.get(k));
                    yield all;
                }
                yield List.of(Where.ANY);
            }
            case LINE -> r.side() == Side.INCOME ? income.get(r.key())
                    : shape.kind() == TableShape.Kind.FIXED ? fixed.get(r.key()) : null;
            default -> null;
        };
    }

    /** A union of filter terms in a canonical form: equal money, equal key. */
    public static List<Term> key(List<Where> terms, List<FundingSource> sources) {
        List<Term> out = new ArrayList<>();
        for (Where w : terms) {
            long src = 0;
            for (int i = 0; i < sources.size() && i < 64; i++) if (w.matches(sources.get(i))) src |= 1L << i;
            int kinds = 0;
            for (int k = 0; k < 3; k++) if (w.matchesKind(k)) kinds |= 1 << k;
            if (src != 0 && kinds != 0) out.add(new Term(src, kinds, w.eco(), w.func()));
        }
        boolean merged = true;
        while (merged && out.size() > 1) {
            merged = false;
            outer:
            for (int i = 0; i < out.size(); i++) {
                for (int j = i + 1; j < out.size(); j++) {
                    Term a = out.get(i), b = out.get(j);
                    if (!Objects.equals(a.eco(), b.eco()) || !Objects.equals(a.func(), b.func())) continue;
                    Term m = null;
                    if (a.kinds() == b.kinds()) m = new Term(a.sources() | b.sources(), a.kinds(), a.eco(), a.func());
                    else if (a.sources() == b.sources()) m = new Term(a.sources(), a.kinds() | b.kinds(), a.eco(), a.func());
                    if (m == null) continue;
                    out.remove(j);
                    out.set(i, m);
                    merged = true;
                    break outer;
                }
            }
        }
        out.sort(Term::order);
        return List.copyOf(out);
    }
}
