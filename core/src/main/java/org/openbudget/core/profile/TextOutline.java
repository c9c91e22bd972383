package org.openbudget.core.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outline of a template's 第三部分 as data (refdata/profiles/*.yaml, {@code text.outline}): which
 * sections, in what order, with what title, and per section the blocks one walker
 * (org.openbudget.core.text) writes — a heading, a sentence stating measures, one sentence per measure,
 * the names of the non-zero measures or table rows, one sentence per class row of a table, or a block
 * over the dataset's narrative (projects, carry-over, procurement, assets, performance, other matters).
 * Amounts are measure expressions of the dictionary (refdata/measures.yaml), read off the document's
 * tables by the money their cells show ({@link MoneyCells}); a table is named by its shape and scope,
 * never by its number. Every block is described in docs/text-facts.md ("The outline").
 *
 * <p>Its parts: {@code sections}, 第三部分's sections in order; {@code omitUnprinted}, what the text says of a
 * measure no table of the document prints — nothing (true: the sentence or item is left out, for an outline a
 * template inherits, whose tables may not print every measure it names) or 0.00 (false, the default);
 * {@code readInFull}, how the audit reads a published document's 第三部分 by this outline ({@code text.read}) — in
 * full (true, {@code full}: every block by its kind: amounts, shares, changes, rates, reasons, lists, projects,
 * narrative statements) or only the amounts its sentence patterns state, each held to its table cell (false,
 * {@code amounts}, the default: for templates whose published texts vary more than their outline says).
 */
public final class TextOutline {
    public static final TextOutline NONE = new TextOutline(List.of(), false, false);

    private final List<Section> sections;
    private final boolean omitUnprinted;
    private final boolean readInFull;
    private final TextStatements statements;
    /** {@link #sectionOf}'s answers: the checks ask it for every fact of every document. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<Section>> sectionOf = new java.util.concurrent.ConcurrentHashMap<>();

    public TextOutline(List<Section> sections, boolean omitUnprinted, boolean readInFull) {
        this(sections, omitUnprinted, readInFull, TextStatements.NONE);
    }

    /** With what a 决算's text states anywhere in 第三部分 besides its sections' sentences ({@code text.statements}). */
    public TextOutline(List<Section> sections, boolean omitUnprinted, boolean readInFull, TextStatements statements) {
        this.sections = List.copyOf(sections);
        this.omitUnprinted = omitUnprinted;
        this.readInFull = readInFull;
        this.statements = statements == null ? TextStatements.NONE : statements;
    }

    /** What a 决算's text states anywhere in 第三部分, read and checked besides the sections' sentences ({@link TextStatements}). */
    public TextStatements statements() { return statements; }

    public List<Section> sections() { return sections; }

    public boolean omitUnprinted() { return omitUnprinted; }

    public boolean readInFull() { return readInFull; }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TextOutline t && t.sections.equals(sections) && t.omitUnprinted == omitUnprinted && t.readInFull == readInFull
                && t.statements.equals(statements);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(sections, omitUnprinted, readInFull, statements);
    }

    @Override
    public String toString() {
        return "TextOutline[sections=" + sections + ", omitUnprinted=" + omitUnprinted + ", readInFull=" + readInFull + ", statements=" + statements + "]";
    }

    public TextOutline(List<Section> sections, boolean omitUnprinted) {
        this(sections, omitUnprinted, false);
    }

    public TextOutline(List<Section> sections) {
        this(sections, false, false);
    }

    public boolean isEmpty() { return sections.isEmpty(); }

    /**
     * The first section that states this fact key (an amount's, an item's or a clause's key, or a block's key) or
     * holds a block of this kind ({@code projects}, {@code carry_over}, {@code performance} …); empty when none. How
     * the checks find where a template's text states what, by what its blocks declare (never by a section's number).
     */
    public java.util.Optional<Section> sectionOf(String keyOrKind) {
        return sectionOf.computeIfAbsent(keyOrKind, k -> {
            for (Section s : sections) if (s.states(k)) return java.util.Optional.of(s);
            return java.util.Optional.empty();
        });
    }

    /** A section of the outline: its number (一, 二 …), title pattern and blocks. */
    public record Section(String number, String title, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }

        /** Whether a block of this section states this fact key or is of this kind ({@link TextOutline#sectionOf}). */
        public boolean states(String keyOrKind) {
            for (Block b : blocks) {
                if (b.kind().equals(keyOrKind) || b.key().equals(keyOrKind)) return true;
                for (Stated a : b.amounts()) if (a.key().equals(keyOrKind)) return true;
                for (Item i : b.items()) if (i.key().equals(keyOrKind)) return true;
                if (b.clauses() != null) for (Item i : b.clauses().items()) if (i.key().equals(keyOrKind)) return true;
            }
            return false;
        }
    }

    /**
     * A table a block reads, by what it is: its shape ({@code summary}, {@code classification},
     * {@code projects}, {@code fixed}; "" any) and the money it shows as a whole (a measure expression,
     * {@code total} for all of it); {@code classification} {@code functional} or {@code economic} ("" any).
     */
    public record TableRef(String shape, String where, String classification) {
        public TableRef {
            shape = shape == null ? "" : shape.trim();
            where = where == null || where.isBlank() ? "total" : where.trim();
            classification = classification == null ? "" : classification.trim();
        }
    }

    /**
     * Rows of a table: its class rows ({@code side} income/expense for a summary's, "" otherwise) at a
     * level (1 类, 2 款, 3 项), valued in the column bound to {@code column} (a measure expression; "" = the first).
     */
    public record Rows(TableRef table, String side, int level, String column) {
        public Rows {
            side = side == null ? "" : side.trim();
            column = column == null ? "" : column.trim();
        }
    }

    /**
     * An amount a sentence states: into placeholder {@code var} ("" = none, only its change), recorded as a
     * fact of {@code key} with {@code subject}; {@code change} states its change against last year
     * (placeholders change_word, change, rate_word, rate) and {@code reason} adds the reason clause in that
     * style (reason | reason_sentence; "" none). {@code checked} false: the template states an amount no table
     * prints (西安's, 烟台's 机关运行经费), which the measure only approximates — it is written from the measure, but a
     * document's is not held to that measure's cell (text-measure).
     */
    public record Stated(String var, String key, String measure, String subject, boolean change, String reason, boolean checked,
                         String against, TableRef table, String row) {
        public Stated {
            var = var == null ? "" : var;
            subject = subject == null ? "" : subject;
            reason = reason == null ? "" : reason;
            against = against == null ? "" : against.trim();
            row = row == null ? "" : row.trim();
        }

        public Stated(String var, String key, String measure, String subject, boolean change, String reason, boolean checked) {
            this(var, key, measure, subject, change, reason, checked, "", null, "");
        }

        public Stated(String var, String key, String measure, String subject, boolean change, String reason) {
            this(var, key, measure, subject, change, reason, true);
        }

        /** Read off a named row of a table (its first column: a 决算's 总计, which no measure names) rather than by measure. */
        public boolean byRow() { return table != null && !row.isEmpty(); }
    }

    /** A block's or amount's comparison: {@link #LAST_YEAR} (the change on last year) or {@link #BUDGET} (a 决算 against its 年初预算数). */
    public static final String LAST_YEAR = "";
    public static final String BUDGET = "budget";

    /**
     * An item of a list the block walks: a fact key and the measure it states, its label, what to do when it
     * is zero ({@code sentence} the full sentence, {@code 未安排} the not-arranged sentence, {@code omit}
     * nothing when zero this year and last year, {@code skip} nothing when zero this year), its own sentence
     * pattern ("" = the block's), the names of the non-zero rows it lists ({@code names}, null for none), and
     * further words ({@code absent_label}, {@code expense_label}, {@code class_key} …).
     */
    public record Item(String key, String measure, String label, String whenZero, String sentence, Rows names,
                       Map<String, String> words) {
        public Item {
            whenZero = whenZero == null || whenZero.isBlank() ? "sentence" : whenZero.trim();
            sentence = sentence == null ? "" : sentence;
            words = words == null ? Map.of() : Map.copyOf(words);
        }

        public String word(String name) {
            String w = words.get(name);
            return w == null ? label : w;
        }
    }

    /** Clauses joined into one placeholder of the sentence: one per item, each its own change (十's items). */
    public record Clauses(String var, String sentence, String separator, boolean change, String reason, List<Item> items) {
        public Clauses {
            reason = reason == null ? "" : reason;
            items = List.copyOf(items);
        }
    }

    /**
     * One block. {@code kind}: heading | sentence | each | names | each_row | budgets | projects | carry_over |
     * procurement | assets | performance | other_matters. {@code sentence} is the pattern key (for the
     * narrative blocks, the prefix of their patterns, see {@link #NARRATIVE}).
     *
     * @param key       the fact key of a names list, or the key prefix of an each_row block ("gpb.class" → gpb.class:201)
     * @param table     the table whose emptiness the block follows (its empty note replaces the block), or that
     *                  a narrative block reads
     * @param emptyKey  the fact key of that empty note
     * @param shareOf   a measure expression: each amount's share of it (placeholder share)
     * @param numbered  each sentence gets a list number (placeholder n)
     * @param lastYear  an each_row block also lists the rows of last year that are zero this year (by code)
     * @param notArranged the pattern of an item that is 未安排
     */
    public record Block(String kind, String sentence, String key, String subject, List<Stated> amounts, List<Item> items,
                        Rows rows, TableRef table, String emptyKey, String shareOf, boolean change, String reason,
                        boolean numbered, boolean lastYear, String notArranged, Clauses clauses, String against) {
        public Block(String kind, String sentence, String key, String subject, List<Stated> amounts, List<Item> items,
                     Rows rows, TableRef table, String emptyKey, String shareOf, boolean change, String reason,
                     boolean numbered, boolean lastYear, String notArranged, Clauses clauses) {
            this(kind, sentence, key, subject, amounts, items, rows, table, emptyKey, shareOf, change, reason, numbered, lastYear, notArranged, clauses, "");
        }

        /** Against the 年初预算数 (a 决算): 完成年初预算的XX%, 决算数大于/小于预算数 or 持平, with the reason. */
        public boolean againstBudget() { return BUDGET.equals(against); }

        public Block {
            against = against == null ? "" : against.trim();
            sentence = sentence == null ? "" : sentence;
            key = key == null ? "" : key;
            subject = subject == null ? "" : subject;
            amounts = amounts == null ? List.of() : List.copyOf(amounts);
            items = items == null ? List.of() : List.copyOf(items);
            emptyKey = emptyKey == null ? "" : org.openbudget.core.disclosure.text.FactKeys.canonical(emptyKey);
            shareOf = shareOf == null ? "" : shareOf;
            reason = reason == null ? "" : reason;
            notArranged = notArranged == null ? "" : notArranged;
        }
    }

    /** The kinds of block. */
    public static final List<String> KINDS = List.of("heading", "sentence", "each", "names", "each_row", "budgets", "projects",
            "carry_over", "procurement", "assets", "performance", "other_matters", "three_public", "evaluation");

    /** The patterns a narrative block writes with, after its prefix ("s7" → s7.name …). */
    public static final Map<String, List<String>> NARRATIVE = Map.of(
            "budgets", List.of("sources_one", "sources_some", "sources_all", "income", "income_item", "expense", "expense_item",
                    "expense_item_noted"),
            "projects", List.of("name", "basis", "amount", "unit", "alloc", "alloc_item", "alloc_separator", "period", "withheld", "none"),
            "carry_over", List.of("total", "project", "withheld", "basic"),
            "procurement", List.of("procurement", "reserved"),
            "three_public", List.of("abroad", "vehicles", "reception"),
            "evaluation", List.of("evaluation", "grades"),
            "assets", List.of("assets", "building", "vehicles", "furniture", "other_assets", "equipment", "purchase",
                    "purchase_no_vehicle", "purchase_vehicle"),
            "performance", List.of("performance", "performance_classified"),
            "other_matters", List.of("no_other_matters"));

    /** Every sentence pattern key the outline writes with. */
    public Set<String> sentenceKeys() {
        Set<String> out = new LinkedHashSet<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                List<String> suffixes = NARRATIVE.get(b.kind());
                if (suffixes != null) {
                    for (String x : suffixes) out.add(b.sentence() + "." + x);
                    continue;
                }
                if (!b.sentence().isEmpty()) out.add(b.sentence());
                if (!b.notArranged().isEmpty()) out.add(b.notArranged());
                for (Item i : b.items()) if (!i.sentence().isEmpty()) out.add(i.sentence());
                if (b.clauses() != null) {
                    out.add(b.clauses().sentence());
                    out.add(b.clauses().separator());
                }
            }
        }
        return out;
    }

    /** Section numeral → title pattern, in order. */
    public Map<String, String> titles() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Section s : sections) out.put(s.number(), s.title());
        return out;
    }

    /**
     * Fact key → the measure expression the outline states under it, for the amounts read off the tables:
     * the amounts of sentence, each and carry-over blocks, the items of each and budgets blocks, and the
     * clauses that state an amount (not a change). A narrative block's amounts are not here: they are not
     * a table cell as such (整体绩效目标 states 0 when there is none).
     */
    public Map<String, String> measuresByKey() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                boolean tables = List.of("sentence", "each", "carry_over", "budgets").contains(b.kind());
                if (!tables) continue;
                for (Stated a : b.amounts()) if (!a.var().isEmpty() && a.checked()) out.putIfAbsent(a.key(), a.measure());
                for (Item i : b.items()) if (!i.key().isEmpty() && !i.measure().isEmpty()) out.putIfAbsent(i.key(), i.measure());
                if (b.clauses() != null && !b.clauses().change()) {
                    for (Item i : b.clauses().items()) if (!i.key().isEmpty()) out.putIfAbsent(i.key(), i.measure());
                }
            }
        }
        return out;
    }

    /** The measure expressions the outline states, for checking them against the dictionary. */
    public List<String> measures() {
        List<String> out = new ArrayList<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                for (Stated a : b.amounts()) out.add(a.measure());
                for (Item i : b.items()) if (!i.measure().isEmpty()) out.add(i.measure());
                if (b.clauses() != null) for (Item i : b.clauses().items()) if (!i.measure().isEmpty()) out.add(i.measure());
                if (!b.shareOf().isEmpty()) out.add(b.shareOf());
            }
        }
        return out;
    }

    /**
     * A fact the text states by a measure, as the forms and the workbook offer it: its key, the section that
     * states it, what it is called there (a subject or an item's label, which may hold the profile's
     * placeholders such as {@code {running_label}}), and whether the text states its change on last year
     * — then last year's figure and a reason for the change are asked for.
     */
    public record Compared(String key, String section, String label, boolean change) {
        /** The section and label as a form shows them, the template's words in the placeholders ({running_label} → 机关运行经费／事业单位运行经费). */
        public String words(TextRules rules) {
            String l = label.replace("{running_label}", rules.runningTermAdmin() + "／" + rules.runningTermInstitution())
                    .replaceAll("\\{[a-z_]+\\}", "").trim();
            return section + " " + (l.isEmpty() ? key : l);
        }
    }

    /**
     * Every fact the outline states from the tables, in the order the text states them, each once (stated
     * twice, it asks for a change if either place states one): what a dataset gives last year's figures and
     * reasons for. The rows of a table a block walks (gpb.item:…) are not here: they are the budget's own.
     */
    public List<Compared> comparatives() {
        Map<String, Compared> out = new java.util.LinkedHashMap<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (!List.of("sentence", "each", "carry_over", "budgets").contains(b.kind())) continue;
                // a comparison with the 年初预算数 (a 决算) is explained by a reason as a change on last year is
                for (Stated a : b.amounts()) add(out, a.key(), s.number(), a.subject(), a.change() || BUDGET.equals(a.against()));
                for (Item i : b.items()) add(out, i.key(), s.number(), i.label(), b.change() || b.againstBudget());
                if (b.clauses() != null) {
                    for (Item i : b.clauses().items()) add(out, i.key(), s.number(), i.label(), b.clauses().change());
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, Compared> out, String key, String section, String label, boolean change) {
        if (key == null || key.isEmpty()) return;
        Compared was = out.get(key);
        if (was == null) out.put(key, new Compared(key, section, label == null || label.isBlank() ? key : label, change));
        else if (change && !was.change()) out.put(key, new Compared(key, was.section(), was.label(), true));
    }

    /** Whether the text states this key: a fact of {@link #comparatives()}, or a row of a table it walks (gpb.item:2150899). */
    public boolean states(String key) {
        return stated(key, false);
    }

    /** Whether the text states this key's change on last year (a reason may be given for it). */
    public boolean compares(String key) {
        return stated(key, true);
    }

    private boolean stated(String key, boolean change) {
        if (key == null) return false;
        for (Compared c : comparatives()) if (c.key().equals(key) && (!change || c.change())) return true;
        int colon = key.indexOf(':');
        if (colon < 0) return false;
        String prefix = key.substring(0, colon);
        String code = key.substring(colon + 1);
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (!b.kind().equals("each_row") || !b.key().equals(prefix) || (change && !b.change() && !b.againstBudget())) continue;
                int digits = b.rows() == null ? 0 : switch (b.rows().level()) { case 1 -> 3; case 2 -> 5; default -> 7; };
                if (code.length() == digits && code.chars().allMatch(Character::isDigit)) return true;
            }
        }
        return false;
    }

    /** A few keys the text states (or whose change it states), to show as examples in a message. */
    public String exampleKeys(boolean change) {
        List<String> out = new ArrayList<>();
        for (Compared c : comparatives()) {
            if (out.size() < 3 && (!change || c.change())) out.add(c.key());
        }
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b.kind().equals("each_row") && out.size() < 5 && (!change || b.change())) {
                    int level = b.rows() == null ? 3 : b.rows().level();
                    out.add(b.key() + ":" + (level == 1 ? "208" : level == 2 ? "20805" : "2080505"));
                }
            }
        }
        return out.isEmpty() ? "（此模板的文字不说明任何金额）" : String.join(", ", out) + " …";
    }
}
