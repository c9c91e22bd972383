package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.measure.Where;
import org.openbudget.core.money.AmountFormat;
import org.openbudget.core.profile.Bindings;
import org.openbudget.core.profile.MoneyCells;
import org.openbudget.core.profile.MoneyCells.Cell;
import org.openbudget.core.profile.MoneyCells.Term;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextOutline.Block;
import org.openbudget.core.profile.TextOutline.Item;
import org.openbudget.core.profile.TextOutline.Rows;
import org.openbudget.core.profile.TextOutline.Stated;
import org.openbudget.core.profile.TextOutline.TableRef;

/**
 * The amounts the text states, read off a Disclosure's tables by measure as the text states them — in the text's own
 * unit ({@code text.amount_unit}: 万元, or 元 from the exact amount, whatever unit the tables print), two decimals:
 * a measure expression of the dictionary finds the cell whose money it is ({@link MoneyCells}), whichever
 * table prints it; a table is found by its shape and the money it shows as a whole, its column by the
 * measure the column is bound to; never by a table's number. The same reading gives last year's
 * comparatives from last year's document ({@link #byFactKey}), keyed by the outline's fact keys.
 */
final class TableAmounts {
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final Disclosure d;
    private final TemplateProfile profile;
    private final MeasureDictionary dict;
    private final List<FundingSource> sources;
    private final MoneyCells.Index cells;
    /** How the amounts are stated: the text's unit (the generator's), or 万元 (last year's comparatives, {@link #byFactKey}). */
    private final AmountFormat unit;

    TableAmounts(Disclosure d, TemplateProfile profile, ReferenceData ref) {
        this(d, profile, ref, profile.textFormat());
    }

    TableAmounts(Disclosure d, TemplateProfile profile, ReferenceData ref, AmountFormat unit) {
        this.unit = unit;
        this.d = d;
        this.profile = profile;
        this.dict = profile.measures();
        this.sources = ref.sources();
        this.cells = new MoneyCells.Index(d, profile, sources);
    }

    /** A table found by shape and scope, with its template. */
    record Found(DisclosureTable table, TableTemplate template) {
        boolean empty() {
            return table.empty() || table.total(null).isEmpty();
        }

        /** How the text names the table: its mark (表3) or its title. */
        String name() {
            return TableAmounts.name(table);
        }
    }

    private List<Term> key(String measure) {
        return MoneyCells.key(dict.terms(measure), sources);
    }

    private Optional<Cell> cell(String measure) {
        return cells.cell(measure);
    }

    /** Does a table of the document print this measure? */
    boolean printed(String measure) {
        return cell(measure).isPresent();
    }

    /** The amount of a measure as the tables print it (0 when no table prints it, or the cell is blank). */
    BigDecimal amount(String measure) {
        return cell(measure).map(c -> printed(c.row().value(c.column()))).orElse(ZERO);
    }

    /** Where the amount of a measure is printed: "表3 总计 基本支出". */
    String source(String measure) {
        return cell(measure).map(c -> name(c.table()) + " " + c.row().label() + " "
                + (c.column() < c.table().columns().size() ? c.table().columns().get(c.column()) : ""))
                .orElse("度量 " + measure + "（无表印出）").trim();
    }

    /** The first-column amount of a table's row by its key (a summary's income.total: 总计), as printed; 0 when absent. */
    BigDecimal rowAmount(TableRef ref, String rowKey) {
        return table(ref).flatMap(f -> f.table().rows().stream().filter(r -> r.key().equals(rowKey)).findFirst())
                .map(r -> printed(r.value(0))).orElse(ZERO);
    }

    /** Where a row-stated amount is printed: "表1 总计". */
    String rowSource(TableRef ref, String rowKey) {
        return table(ref).map(f -> f.name() + " " + f.table().rows().stream().filter(r -> r.key().equals(rowKey)).findFirst()
                .map(Row::label).orElse(rowKey)).orElse("行 " + rowKey + "（无表印出）");
    }

    /** How the text names a table: its mark (表3), or its title when the document numbers it only in the 目录. */
    static String name(DisclosureTable t) {
        return t.mark() == null || t.mark().isBlank() ? "《" + t.title() + "》" : t.mark();
    }

    /** The table of this shape whose money as a whole is {@code ref.where}. */
    Optional<Found> table(TableRef ref) {
        return MoneyCells.table(d, profile, sources, ref)
                .flatMap(t -> MoneyCells.template(profile, t).map(tpl -> new Found(t, tpl)));
    }

    /**
     * The column of a found table bound to a measure (for "": its first column of this year's money), or -1.
     * A column of last year's money (上年预算数) or a computed one (增减) is never the column of a measure.
     */
    int column(Found f, String measure) {
        List<org.openbudget.core.profile.ColumnSpec> cols = f.template().columns();
        List<Where> scope = Bindings.scope(f.template(), dict);
        List<Term> want = measure == null || measure.isEmpty() ? null : MoneyCells.key(Bindings.and(scope, dict.terms(measure)), sources);
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).lastYear() || cols.get(c).computed()) continue;
            if (want == null || MoneyCells.key(Bindings.and(scope, Bindings.column(cols.get(c), dict)), sources).equals(want)) return c;
        }
        return -1;
    }

    /** The class rows a Rows spec names, with the column they are valued in (empty when the table is absent). */
    record ClassRows(Found table, int column, List<Row> rows) {}

    ClassRows rows(Rows spec) {
        Optional<Found> f = table(spec.table());
        if (f.isEmpty()) return new ClassRows(null, 0, List.of());
        int col = column(f.get(), spec.column());
        Side side = switch (spec.side()) {
            case "expense" -> Side.EXPENSE;
            case "income" -> Side.INCOME;
            default -> null;
        };
        // the document's own rows, not those repeated inside a unit's block (a department's unit_rows)
        List<Row> rows = f.get().table().rows(r -> r.kind() == RowKind.CLASS && r.level() == spec.level()
                && (side == null || r.side() == side) && r.unit().isEmpty());
        return new ClassRows(f.get(), col, rows);
    }

    /** An exact amount (万元, a table cell's or the ledger's) as the text states it: in its unit, two decimals, 0.00 for a blank. */
    BigDecimal printed(BigDecimal v) {
        return unit.printed(v);
    }

    /**
     * Every amount the outline states, by fact key, from this document's tables (non-zero ones only):
     * last year's comparatives when this is last year's document. Class rows listed by an each_row block are
     * keyed by its key and the row's code ({@code gpb.item:2080505}).
     */
    Map<String, BigDecimal> byFactKey(TextOutline outline) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (TextOutline.Section s : outline.sections()) {
            for (Block b : s.blocks()) {
                for (Stated a : b.amounts()) put(out, a.key(), a.byRow() ? rowAmount(a.table(), a.row()) : amount(a.measure()));
                List<Item> items = new ArrayList<>(b.items());
                if (b.clauses() != null) items.addAll(b.clauses().items());
                for (Item i : items) if (!i.key().isEmpty() && !i.measure().isEmpty()) put(out, i.key(), amount(i.measure()));
                if (b.kind().equals("each_row") && b.rows() != null) {
                    ClassRows cr = rows(b.rows());
                    if (cr.column() < 0) continue;
                    for (Row r : cr.rows()) put(out, b.key() + ":" + r.code(), printed(r.value(cr.column())));
                }
            }
        }
        return out;
    }

    private static void put(Map<String, BigDecimal> out, String key, BigDecimal v) {
        if (!key.isEmpty() && v.signum() != 0) out.putIfAbsent(key, v);
    }
}
