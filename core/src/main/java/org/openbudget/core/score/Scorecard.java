package org.openbudget.core.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A document's scores: one per dimension of the rubric, each with the reasons it lost points, and the
 * weighted overall score over the dimensions that could be assessed. Scores are 0–100 with one decimal.
 *
 * @param overall null when no dimension could be assessed
 */
public record Scorecard(List<DimensionScore> dimensions, BigDecimal overall) {
    public Scorecard {
        dimensions = List.copyOf(dimensions);
    }

    /**
     * @param score   null when nothing of the dimension applies to the document (not assessed)
     * @param reasons what lost points ("缺少表：…", "错误 3 处：…"), or why it is not assessed
     * @param items   what each item of the rubric gave (so that new weights or points score it again without reading the
     *                document: {@link Scoring#rescore}); empty in a scorecard stored before items were kept
     */
    public record DimensionScore(String key, String name, int weight, BigDecimal score, List<String> reasons, List<ItemScore> items) {
        public DimensionScore {
            reasons = List.copyOf(reasons);
            items = items == null ? List.of() : List.copyOf(items);
        }

        public DimensionScore(String key, String name, int weight, BigDecimal score, List<String> reasons) {
            this(key, name, weight, score, reasons, List.of());
        }

        public boolean assessed() { return score != null; }
    }

    /**
     * What one item of the rubric gave a document.
     *
     * @param share   the share of the item's points earned (0–1); null when the item could not be assessed
     * @param reasons what lost points, or (share null) why it could not be assessed
     */
    public record ItemScore(String name, Double share, List<String> reasons) {
        public ItemScore {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public boolean assessed() { return share != null; }
    }

    /** A dimension's score by key (null when not assessed or absent). */
    public DimensionScore dimension(String key) {
        return dimensions.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }

    /** The score of a dimension by key (as printed, "" when not assessed or absent). */
    public String printed(String key) {
        return dimensions.stream().filter(d -> d.key().equals(key) && d.assessed()).findFirst()
                .map(d -> d.score().toPlainString()).orElse("");
    }

    /** The points lost, by dimension: "完整性：缺少表…；准确性：错误 3 处…" (a dimension not assessed lost none). */
    public String reasons() {
        StringBuilder b = new StringBuilder();
        for (DimensionScore d : dimensions) {
            if (d.reasons().isEmpty() || !d.assessed()) continue;
            if (b.length() > 0) b.append("；");
            b.append(d.name()).append("：").append(String.join("，", d.reasons()));
        }
        return b.toString();
    }

    static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
    }
}
