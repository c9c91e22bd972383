package org.openbudget.core.score;

import java.util.List;

/**
 * How a published document is scored on the dimensions of the annual 预决算公开 inspection (完整性,
 * 细化程度, 准确性, 一致性, 及时性): data (refdata/scoring.yaml), so a bureau sets its own weights and
 * items. Each dimension scores 0–100 from its items; the overall score is the weighted mean of the
 * dimensions that could be assessed, and every point lost is given with its reason.
 */
public record Rubric(List<Dimension> dimensions) {
    public Rubric {
        dimensions = List.copyOf(dimensions);
    }

    /**
     * @param note said when the dimension has no item that applies (why it is not assessed)
     */
    public record Dimension(String key, String name, int weight, String note, List<Item> items) {
        public Dimension {
            note = note == null ? "" : note;
            items = List.copyOf(items);
        }
    }

    /** What an item looks at. */
    public enum Kind {
        /** the share of the template's tables the document prints (an empty table with its sentence counts). */
        TABLES,
        /** words the document says: {@code any} of them (all points or none), or {@code all} of them (a share each). */
        PHRASES,
        /** a classification printed down to a level (1 类, 2 款, 3 项) in the template's tables of that classification. */
        DEPTH,
        /** points lost per finding of a severity, down to none. */
        FINDINGS,
        /** points lost per finding of a severity of the comparison of the agency's 预算 and 决算 of the year (一致性). */
        COMPARISON,
        /** published within {@code days} of the approval (预算法: 批复后20日内公开), {@code per} points lost a day late (及时性). */
        TIMELINESS
    }

    /**
     * The same rubric with other weights and points (a region's own, set by its administrator): {@code weights} by dimension
     * key, {@code points} by {@link #itemKey}; what is not given stays as it is.
     */
    public Rubric adjusted(java.util.Map<String, Integer> weights, java.util.Map<String, Integer> points) {
        List<Dimension> out = new java.util.ArrayList<>();
        for (Dimension d : dimensions) {
            List<Item> items = new java.util.ArrayList<>();
            for (Item i : d.items()) {
                Integer p = points.get(itemKey(d, i));
                items.add(p == null ? i : i.withPoints(p));
            }
            out.add(new Dimension(d.key(), d.name(), weights.getOrDefault(d.key(), d.weight()), d.note(), items));
        }
        return new Rubric(out);
    }

    /** An item's key among the rubric's: its dimension's key and its name ("completeness/名词解释"). */
    public static String itemKey(Dimension d, Item i) {
        return d.key() + "/" + i.name();
    }

    /**
     * @param basis          预算 or 决算: the item applies to that basis only; "" to both
     * @param phrases        PHRASES: the words looked for
     * @param all            PHRASES: every phrase is needed (a share of the points each) rather than any one
     * @param classification DEPTH: functional or economic
     * @param level          DEPTH: 1 类, 2 款, 3 项
     * @param title          DEPTH: only the tables whose title has these words ("" for every table of the classification)
     * @param severity       FINDINGS: error, warning or notice
     * @param per            FINDINGS, COMPARISON: points lost per finding; TIMELINESS: per day late
     * @param days           TIMELINESS: the days after the approval within which a document is published
     */
    public record Item(Kind kind, String name, int points, String basis, List<String> phrases, boolean all,
                       String classification, int level, String title, String severity, int per, int days) {
        public Item {
            basis = basis == null ? "" : basis;
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
            classification = classification == null ? "" : classification;
            title = title == null ? "" : title;
            severity = severity == null ? "" : severity;
        }

        public Item(Kind kind, String name, int points, String basis, List<String> phrases, boolean all,
                    String classification, int level, String title, String severity, int per) {
            this(kind, name, points, basis, phrases, all, classification, level, title, severity, per, 0);
        }

        public Item withPoints(int p) {
            return new Item(kind, name, p, basis, phrases, all, classification, level, title, severity, per, days);
        }
    }
}
