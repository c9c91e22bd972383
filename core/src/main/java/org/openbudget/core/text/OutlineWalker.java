package org.openbudget.core.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.openbudget.core.classification.Classification;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextOutline.Block;
import org.openbudget.core.profile.TextOutline.Clauses;
import org.openbudget.core.profile.TextOutline.Item;
import org.openbudget.core.profile.TextOutline.Stated;

/**
 * The one walker of a profile's outline (text.outline, {@link TextOutline}): each section, its title
 * and its blocks in order. The generic blocks are written here — a numbered heading, a sentence stating
 * measures (with their changes and clauses), one sentence per measure (with share, change and reason),
 * the names of the non-zero measures or class rows, one sentence per class row of a table; the blocks
 * over the dataset's narrative are {@link NarrativeBlocks}. A block that follows a table whose table is
 * empty prints the table's empty note instead, and the section ends there.
 */
final class OutlineWalker {
    private OutlineWalker() {}

    /** Where a block is being written: its section, the current sub-heading and the count of headings so far. */
    static final class Place {
        final String section;
        String part = "";
        int headings;
        final List<String> paragraphs = new ArrayList<>();

        Place(String section) {
            this.section = section;
        }
    }

    static List<Section> write(Writer w) {
        List<Section> out = new ArrayList<>();
        for (TextOutline.Section s : w.t.outline().sections()) {
            Place at = new Place(s.number());
            for (Block b : s.blocks()) {
                if (!block(w, at, b)) break;
            }
            out.add(new Section(s.number(), w.fill(w.t.title(s.number()), Map.of()), at.paragraphs));
        }
        return out;
    }

    /** Writes one block; false when it printed its table's empty note (the section ends there). */
    private static boolean block(Writer w, Place at, Block b) {
        boolean omit = w.t.outline().omitUnprinted();
        if (b.table() != null && !b.emptyKey().isEmpty()) {
            Optional<TableAmounts.Found> t = w.tables.table(b.table());
            if (t.isEmpty() && omit) return true;     // the template has no such table: nothing to say of it
            if (t.isEmpty() || t.get().empty()) {
                emptyNote(w, at, b, t.orElse(null));
                return false;
            }
        }
        switch (b.kind()) {
            case "heading" -> {
                String h = w.subHeading(++at.headings);
                at.part = h;
                at.paragraphs.add(h + w.fill(w.pattern(b.sentence()), Map.of()));
            }
            case "sentence" -> {
                if (omit && b.amounts().stream().anyMatch(a -> a.byRow() ? w.tables.table(a.table()).isEmpty() : !w.tables.printed(a.measure()))) return true;
                at.paragraphs.add(sentence(w, at, b));
            }
            case "each" -> each(w, at, b);
            case "names" -> names(w, at, b);
            case "each_row" -> rows(w, at, b);
            default -> NarrativeBlocks.write(w, at, b);
        }
        return true;
    }

    private static void emptyNote(Writer w, Place at, Block b, TableAmounts.Found t) {
        String note = t == null || t.table().emptyNote() == null ? "" : t.table().emptyNote();
        String title = t == null ? "" : t.table().title();
        String name = t == null ? "" : t.name();
        at.paragraphs.add(w.literal(at.section, at.part, note).name(null, b.emptyKey(), title, note, name + " 空表说明").done());
    }

    /** A sentence stating the block's amounts (and their changes), and its clauses. */
    static String sentence(Writer w, Place at, Block b) {
        Writer.Sentence s = w.sentence(at.section, at.part, b.sentence());
        state(w, s, b.amounts());
        Clauses c = b.clauses();
        if (c != null) {
            List<String> parts = new ArrayList<>();
            for (Item i : c.items()) {
                BigDecimal cur = w.amount(i.measure());
                Writer.Sentence clause = w.sentence(at.section, at.part, c.sentence()).var("label", i.label());
                if (c.change()) clause.change("", i.key(), i.label(), cur, w.last(i.key()), c.reason().isEmpty() ? null : c.reason());
                else clause.amount("amount", i.key(), i.label(), cur, w.tables.source(i.measure()));
                parts.add(clause.into(s));
            }
            s.var(c.var(), String.join(w.pattern(c.separator()), parts));
        }
        return s.done();
    }

    static void state(Writer w, Writer.Sentence s, List<Stated> amounts) {
        for (Stated a : amounts) {
            BigDecimal v = a.byRow() ? w.tables.rowAmount(a.table(), a.row()) : w.amount(a.measure());
            String src = a.byRow() ? w.tables.rowSource(a.table(), a.row()) : w.tables.source(a.measure());
            String subject = w.fill(a.subject(), Map.of());
            if (!a.var().isEmpty()) s.amount(a.var(), a.key(), subject, v, src);
            String reason = a.reason().isEmpty() ? null : a.reason();
            if (TextOutline.BUDGET.equals(a.against())) s.completion(a.key(), subject, v, w.budgeted(a.key()), reason);
            else if (a.change()) s.change("", a.key(), subject, v, w.last(a.key()), reason);
        }
    }

    /** One sentence per item: its amount, share, change and reason, or the list of rows it names. */
    private static void each(Writer w, Place at, Block b) {
        boolean omit = w.t.outline().omitUnprinted();
        if (omit && !b.shareOf().isEmpty() && !w.tables.printed(b.shareOf())) return;
        BigDecimal whole = b.shareOf().isEmpty() ? null : w.amount(b.shareOf());
        for (Item i : b.items()) {
            if (omit && !w.tables.printed(i.measure())) continue;
            if (omit && i.names() != null) {
                TableAmounts.ClassRows names = w.tables.rows(i.names());
                if (names.table() == null || names.column() < 0) continue;
            }
            BigDecimal cur = w.amount(i.measure());
            BigDecimal last = b.againstBudget() ? w.budgeted(i.key()) : w.last(i.key());
            String src = w.tables.source(i.measure());
            boolean zero = cur.signum() == 0 && last.signum() == 0;
            switch (i.whenZero()) {
                case "omit" -> { if (zero) continue; }
                case "skip" -> { if (cur.signum() == 0) continue; }
                case "未安排" -> {
                    if (zero) {
                        at.paragraphs.add(w.sentence(at.section, at.part, b.notArranged()).var("label", i.label())
                                .amountFact(i.key(), i.label(), cur, src + "（未安排）").done());
                        continue;
                    }
                }
                default -> { }
            }
            Writer.Sentence s = w.sentence(at.section, at.part, i.sentence().isEmpty() ? b.sentence() : i.sentence())
                    .var("label", i.label()).amount("amount", i.key(), i.label(), cur, src);
            if (whole != null) s.share("share", i.key(), i.label(), cur, whole, src + " ÷ " + w.tables.source(b.shareOf()) + " × 100");
            if (b.againstBudget()) s.completion(i.key(), i.label(), cur, last, b.reason().isEmpty() ? null : b.reason());
            else if (b.change()) s.change("", i.key(), i.label(), cur, last, b.reason().isEmpty() ? null : b.reason());
            if (i.names() != null) {
                TableAmounts.ClassRows rows = w.tables.rows(i.names());
                s.list("list", i.key(), i.label(), nonZeroNames(w, rows), "、", rows.table() == null ? "" : rows.table().name() + " " + i.label() + " 非零行");
            }
            at.paragraphs.add(s.done());
        }
    }

    private static List<String> nonZeroNames(Writer w, TableAmounts.ClassRows rows) {
        List<String> names = new ArrayList<>();
        if (rows.column() < 0) return names;
        for (Row r : rows.rows()) if (w.printed(r.value(rows.column())).signum() != 0) names.add(r.name());
        return names;
    }

    /** The names of the non-zero items (by their measures) or of the non-zero class rows, in one sentence. */
    private static void names(Writer w, Place at, Block b) {
        List<String> names = new ArrayList<>();
        String src;
        if (b.rows() != null) {
            TableAmounts.ClassRows rows = w.tables.rows(b.rows());
            if (w.t.outline().omitUnprinted() && (rows.table() == null || rows.column() < 0)) return;
            names = nonZeroNames(w, rows);
            src = rows.table() == null ? "" : rows.table().name() + " 非零行";
        } else {
            for (Item i : b.items()) if (w.amount(i.measure()).signum() != 0) names.add(i.label());
            src = "非零的 " + String.join("、", b.items().stream().map(Item::measure).toList());
        }
        at.paragraphs.add(w.sentence(at.section, at.part, b.sentence()).list("list", b.key(), b.subject(), names, "、", src).done());
    }

    /**
     * One sentence per class row of a table: {n} (numbered), {class} (and {section} {item} below the 类), {code},
     * {amount}, {share}, the change. With last_year, also the rows of last year that are zero now, in code order.
     */
    private static void rows(Writer w, Place at, Block b) {
        TableAmounts.ClassRows cr = w.tables.rows(b.rows());
        if (cr.table() == null || cr.column() < 0) return;
        if (w.t.outline().omitUnprinted() && !b.shareOf().isEmpty() && !w.tables.printed(b.shareOf())) return;
        BigDecimal whole = b.shareOf().isEmpty() ? null : w.amount(b.shareOf());
        String where = cr.table().name();
        String column = cr.table().table().columns().get(cr.column());
        Classification f = cr.table().template().shape().economic() ? w.ref.economic() : w.ref.functional();
        int n = 0;
        if (!b.lastYear()) {
            for (Row r : cr.rows()) {
                String key = b.key() + ":" + r.code();
                BigDecimal v = w.printed(r.value(cr.column()));
                String subject = r.name() + LEVELS.get(0);
                Writer.Sentence s = w.sentence(at.section, at.part, b.sentence()).var("class", r.name()).var("code", r.code());
                if (b.numbered()) s.var("n", w.listNumber(++n));
                s.amount("amount", key, subject, v, where + " " + r.code() + " " + column);
                if (whole != null) s.share("share", key, subject, v, whole, where + " " + r.code() + " ÷ " + w.tables.source(b.shareOf()) + " × 100");
                if (b.againstBudget()) s.completion(key, subject, v, w.budgeted(key), b.reason().isEmpty() ? null : b.reason());
                else if (b.change()) s.change("", key, subject, v, w.last(key), b.reason().isEmpty() ? null : b.reason());
                at.paragraphs.add(s.done());
            }
            return;
        }
        TreeSet<String> codes = new TreeSet<>();
        Map<String, Row> byCode = new java.util.HashMap<>();
        for (Row r : cr.rows()) {
            byCode.putIfAbsent(r.code(), r);
            if (w.printed(r.value(cr.column())).signum() != 0) codes.add(r.code());
        }
        String prefix = b.key() + ":";
        // the rows of the comparison too: last year's, or the 年初预算's (a 项 budgeted and not spent)
        for (Map.Entry<String, BigDecimal> e : (b.againstBudget() ? w.budgeted : w.last).entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getValue().signum() != 0) codes.add(e.getKey().substring(prefix.length()));
        }
        for (String code : codes) {
            String key = prefix + code;
            List<String> chain = new ArrayList<>();
            StringBuilder subject = new StringBuilder();
            for (int level = 1; level <= b.rows().level(); level++) {
                String name = f.nameOrCode(code.substring(0, Math.min(code.length(), LENGTHS.get(level - 1))));
                chain.add(name);
                subject.append(name).append(LEVELS.get(level - 1));
            }
            Row r = byCode.get(code);
            BigDecimal cur = r == null ? TableAmounts.ZERO : w.printed(r.value(cr.column()));
            Writer.Sentence s = w.sentence(at.section, at.part, b.sentence()).var("code", code);
            for (int i = 0; i < chain.size(); i++) s.var(VARS.get(i), chain.get(i));
            if (b.numbered()) s.var("n", w.listNumber(++n));
            s.amount("amount", key, subject.toString(), cur, where + " " + code + " " + column);
            if (whole != null) s.share("share", key, subject.toString(), cur, whole, where + " " + code + " ÷ " + w.tables.source(b.shareOf()) + " × 100");
            if (b.againstBudget()) s.completion(key, subject.toString(), cur, w.budgeted(key), b.reason().isEmpty() ? null : b.reason());
            else if (b.change()) s.change("", key, subject.toString(), cur, w.last(key), b.reason().isEmpty() ? null : b.reason());
            at.paragraphs.add(s.done());
        }
    }

    private static final List<String> LEVELS = Numbering.LEVEL_MARKS;
    private static final List<Integer> LENGTHS = List.of(3, 5, 7);
    private static final List<String> VARS = List.of("class", "section", "item");
}
