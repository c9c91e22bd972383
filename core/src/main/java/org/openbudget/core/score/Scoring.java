package org.openbudget.core.score;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TemplateProfile;

/**
 * Scores one document on a {@link Rubric}: from what it prints (its tables against its template's, the
 * levels of its classifications, the words of its text) and from its findings. Pure: the caller gives
 * the document's text as read (a published file's lines, or the generated text).
 */
public final class Scoring {
    private Scoring() {}

    private static final String[] LEVELS = {"", "类", "款", "项"};

    /**
     * What a document is scored with beyond what it prints: when it was published and when its budget was approved (及时性),
     * and the comparison of the agency's 预算 and 决算 of the year (一致性).
     *
     * @param published     the date the document was published (null: unknown)
     * @param publishedFrom where that date comes from ("门户发布时间", "上传时填写", "网页 Last-Modified" …)
     * @param approved      the date the budget was approved (批复日期; null: not set)
     * @param comparison    the findings of comparing the agency's 预算 and 决算 of the year (null: no pair to compare)
     * @param counterpart   the other document compared against ("" when none)
     * @param noComparison  why there is no comparison ("" for the rubric's note)
     */
    public record Context(LocalDate published, String publishedFrom, LocalDate approved, List<Finding> comparison, String counterpart,
                          String noComparison) {
        public static final Context NONE = new Context(null, "", null, null, "", "");

        public Context {
            publishedFrom = publishedFrom == null ? "" : publishedFrom;
            comparison = comparison == null ? null : List.copyOf(comparison);
            counterpart = counterpart == null ? "" : counterpart;
            noComparison = noComparison == null ? "" : noComparison;
        }
    }

    public static Scorecard score(Rubric rubric, Disclosure d, TemplateProfile profile, List<Finding> findings, String text) {
        return score(rubric, d, profile, findings, text, Context.NONE);
    }

    public static Scorecard score(Rubric rubric, Disclosure d, TemplateProfile profile, List<Finding> findings, String text, Context context) {
        String basis = profile == null ? "预算" : profile.meta().basis();
        String words = normal(text == null ? "" : text);
        Map<String, List<Scorecard.ItemScore>> results = new LinkedHashMap<>();
        for (Rubric.Dimension dim : rubric.dimensions()) {
            List<Scorecard.ItemScore> items = new ArrayList<>();
            for (Rubric.Item item : dim.items()) {
                if (!item.basis().isEmpty() && !item.basis().equals(basis)) continue;
                List<String> reasons = new ArrayList<>();
                Optional<Double> share = switch (item.kind()) {
                    case TABLES -> tables(d, profile, reasons);
                    case PHRASES -> phrases(item, words, reasons);
                    case DEPTH -> depth(item, d, reasons);
                    case FINDINGS -> findings(item, profile, findings, reasons);
                    case COMPARISON, TIMELINESS -> Optional.empty();
                };
                if (item.kind() == Rubric.Kind.COMPARISON || item.kind() == Rubric.Kind.TIMELINESS) {
                    items.add(fromContext(item, context));
                    continue;
                }
                if (share.isEmpty()) continue;
                items.add(new Scorecard.ItemScore(item.name(), share.get(), reasons));
            }
            results.put(dim.key(), items);
        }
        return combine(rubric, results);
    }

    /**
     * A stored scorecard scored again by another rubric (a region's weights and points) and context (a publication date, an
     * approval date, a comparison known now), without reading the document again: the items the document was assessed on keep
     * what they gave; the items of the context are assessed again. A dimension stored without its items keeps its score.
     */
    public static Scorecard rescore(Scorecard stored, Rubric rubric, Context context) {
        Map<String, List<Scorecard.ItemScore>> results = new LinkedHashMap<>();
        Map<String, Scorecard.DimensionScore> kept = new LinkedHashMap<>();
        for (Rubric.Dimension dim : rubric.dimensions()) {
            Scorecard.DimensionScore was = stored.dimension(dim.key());
            List<Scorecard.ItemScore> items = new ArrayList<>();
            for (Rubric.Item item : dim.items()) {
                if (item.kind() == Rubric.Kind.COMPARISON || item.kind() == Rubric.Kind.TIMELINESS) {
                    items.add(fromContext(item, context));
                    continue;
                }
                if (was == null) continue;
                was.items().stream().filter(i -> i.name().equals(item.name())).findFirst().ifPresent(items::add);
            }
            boolean fromContext = dim.items().stream().anyMatch(i -> i.kind() == Rubric.Kind.COMPARISON || i.kind() == Rubric.Kind.TIMELINESS);
            if (was != null && was.items().isEmpty() && was.assessed() && !fromContext) kept.put(dim.key(), was);
            results.put(dim.key(), items);
        }
        Scorecard s = combine(rubric, results);
        if (kept.isEmpty()) return s;
        List<Scorecard.DimensionScore> dims = new ArrayList<>();
        for (Scorecard.DimensionScore d : s.dimensions()) {
            Scorecard.DimensionScore k = kept.get(d.key());
            dims.add(k == null ? d : new Scorecard.DimensionScore(d.key(), d.name(), d.weight(), k.score(), k.reasons()));
        }
        return new Scorecard(dims, overall(dims));
    }

    /** Each dimension's score from what its items gave, at the rubric's points and weights. */
    static Scorecard combine(Rubric rubric, Map<String, List<Scorecard.ItemScore>> results) {
        List<Scorecard.DimensionScore> out = new ArrayList<>();
        double weighted = 0;
        int weights = 0;
        for (Rubric.Dimension dim : rubric.dimensions()) {
            List<Scorecard.ItemScore> given = results.getOrDefault(dim.key(), List.of());
            int possible = 0;
            double earned = 0;
            List<String> reasons = new ArrayList<>(), why = new ArrayList<>();
            List<Scorecard.ItemScore> kept = new ArrayList<>();
            for (Rubric.Item item : dim.items()) {
                Scorecard.ItemScore r = given.stream().filter(i -> i.name().equals(item.name())).findFirst().orElse(null);
                if (r == null) continue;
                kept.add(r);
                if (!r.assessed()) {
                    for (String w : r.reasons()) if (!why.contains(w)) why.add(w);
                    continue;
                }
                reasons.addAll(r.reasons());
                possible += item.points();
                earned += item.points() * r.share();
            }
            if (possible == 0) {
                String because = !why.isEmpty() ? String.join("，", why) : dim.note();
                out.add(new Scorecard.DimensionScore(dim.key(), dim.name(), dim.weight(), null,
                        because.isEmpty() ? List.of("未评") : List.of("未评：" + because), kept));
                continue;
            }
            double score = 100.0 * earned / possible;
            out.add(new Scorecard.DimensionScore(dim.key(), dim.name(), dim.weight(), Scorecard.round(score), reasons, kept));
            weighted += dim.weight() * score;
            weights += dim.weight();
        }
        return new Scorecard(out, weights == 0 ? null : Scorecard.round(weighted / weights));
    }

    private static java.math.BigDecimal overall(List<Scorecard.DimensionScore> dims) {
        double weighted = 0;
        int weights = 0;
        for (Scorecard.DimensionScore d : dims) {
            if (!d.assessed()) continue;
            weighted += d.weight() * d.score().doubleValue();
            weights += d.weight();
        }
        return weights == 0 ? null : Scorecard.round(weighted / weights);
    }

    /** An item of the context: 及时性 from the dates, 一致性 from the comparison; not assessed (saying why) without them. */
    static Scorecard.ItemScore fromContext(Rubric.Item item, Context c) {
        if (item.kind() == Rubric.Kind.TIMELINESS) {
            if (c.published() == null) return new Scorecard.ItemScore(item.name(), null, List.of("公开日期未知"));
            if (c.approved() == null) return new Scorecard.ItemScore(item.name(), null, List.of("未设批复日期"));
            long days = ChronoUnit.DAYS.between(c.approved(), c.published());
            String from = c.publishedFrom().isEmpty() ? "" : "（" + c.publishedFrom() + "）";
            String dates = "批复日期 " + c.approved() + "，公开日期 " + c.published() + from;
            if (days < 0) return new Scorecard.ItemScore(item.name(), null, List.of(dates + "：公开早于批复，请核对日期"));
            if (days <= item.days())
                return new Scorecard.ItemScore(item.name(), 1.0, List.of(dates + "：批复后第 " + days + " 日公开，在 " + item.days() + " 日内"));
            long late = days - item.days();
            double share = item.points() == 0 ? 0 : Math.max(0, item.points() - (double) late * item.per()) / item.points();
            return new Scorecard.ItemScore(item.name(), share,
                    List.of(dates + "：批复后第 " + days + " 日公开，超过 " + item.days() + " 日的期限 " + late + " 日"));
        }
        if (c.comparison() == null)
            return new Scorecard.ItemScore(item.name(), null, c.noComparison().isEmpty() ? List.of() : List.of(c.noComparison()));
        Severity severity = severity(item.severity());
        List<Finding> of = c.comparison().stream().filter(f -> f.severity() == severity).toList();
        String with = c.counterpart().isEmpty() ? "" : "（与" + c.counterpart() + "比对）";
        if (of.isEmpty()) return new Scorecard.ItemScore(item.name(), 1.0, List.of());
        StringBuilder b = new StringBuilder(item.name() + " " + of.size() + " 处" + with);
        for (int i = 0; i < Math.min(2, of.size()); i++) b.append(i == 0 ? "：" : "；").append(of.get(i).message());
        if (of.size() > 2) b.append("…");
        double lost = (double) of.size() * item.per();
        return new Scorecard.ItemScore(item.name(), item.points() == 0 ? 0 : Math.max(0, item.points() - lost) / item.points(), List.of(b.toString()));
    }

    private static Severity severity(String s) {
        return switch (s) {
            case "warning" -> Severity.WARNING;
            case "notice" -> Severity.NOTICE;
            default -> Severity.ERROR;
        };
    }

    /** The template's tables the document prints (an empty table printed with its sentence counts). */
    private static Optional<Double> tables(Disclosure d, TemplateProfile profile, List<String> reasons) {
        if (profile == null || profile.tables().isEmpty()) return Optional.empty();
        List<String> missing = new ArrayList<>();
        for (TableTemplate t : profile.tables().values()) {
            if (d.table(t.no()).isEmpty()) missing.add(name(t));
        }
        if (!missing.isEmpty()) reasons.add("缺少表 " + missing.size() + " 张：" + String.join("、", missing));
        int all = profile.tables().size();
        return Optional.of((all - missing.size()) / (double) all);
    }

    private static String name(TableTemplate t) {
        String title = t.title().replace("{year}", "").replace("{kind}", "").replaceAll("^\\s*年", "");
        return t.mark().isEmpty() ? "《" + title + "》" : t.mark() + "《" + title + "》";
    }

    private static Optional<Double> phrases(Rubric.Item item, String words, List<String> reasons) {
        if (item.phrases().isEmpty()) return Optional.empty();
        List<String> absent = item.phrases().stream().filter(p -> !words.contains(normal(p))).toList();
        if (!item.all()) {
            if (absent.size() < item.phrases().size()) return Optional.of(1.0);
            reasons.add("未见" + item.name());
            return Optional.of(0.0);
        }
        if (!absent.isEmpty()) reasons.add(item.name() + "缺：" + String.join("、", absent));
        return Optional.of((item.phrases().size() - absent.size()) / (double) item.phrases().size());
    }

    /** The deepest level the document prints of a classification, in its tables of that classification. */
    private static Optional<Double> depth(Rubric.Item item, Disclosure d, List<String> reasons) {
        boolean economic = item.classification().equals("economic");
        int deepest = 0;
        boolean seen = false;
        for (DisclosureTable t : d.tables()) {
            if (!item.title().isEmpty() && !t.title().contains(item.title())) continue;
            for (Row r : t.rows()) {
                if (r.kind() != RowKind.CLASS || r.code().isEmpty()) continue;
                char c = r.code().charAt(0);
                if (economic ? c != '3' && c != '5' : c != '2') continue;
                seen = true;
                deepest = Math.max(deepest, r.level());
            }
        }
        if (!seen) return Optional.empty();
        if (deepest >= item.level()) return Optional.of(1.0);
        reasons.add(item.name() + "：只列到" + (deepest > 0 ? LEVELS[Math.min(deepest, 3)] : "汇总"));
        return Optional.of(item.level() <= 1 ? 0.0 : Math.max(0, deepest - 1) / (double) (item.level() - 1));
    }

    private static Optional<Double> findings(Rubric.Item item, TemplateProfile profile, List<Finding> findings, List<String> reasons) {
        Severity severity = severity(item.severity());
        List<Finding> of = findings.stream().filter(f -> f.severity() == severity).toList();
        if (of.isEmpty()) return Optional.of(1.0);
        Map<String, Integer> where = new LinkedHashMap<>();
        for (Finding f : of) where.merge(place(f, profile), 1, Integer::sum);
        StringBuilder b = new StringBuilder(severity.label() + " " + of.size() + " 处");
        List<Map.Entry<String, Integer>> top = where.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3).toList();
        b.append("（");
        for (int i = 0; i < top.size(); i++) {
            if (i > 0) b.append("，");
            b.append(top.get(i).getKey()).append(' ').append(top.get(i).getValue());
        }
        b.append(where.size() > top.size() ? "…）" : "）");
        reasons.add(b.toString());
        double lost = (double) of.size() * item.per();
        return Optional.of(Math.max(0, item.points() - lost) / item.points());
    }

    private static String place(Finding f, TemplateProfile profile) {
        if (f.table() == null) return "说明";
        if (profile != null) {
            Optional<TableTemplate> t = profile.findTable(f.table());
            if (t.isPresent() && !t.get().mark().isEmpty()) return t.get().mark();
            if (t.isPresent()) return name(t.get());
        }
        return "表" + f.table();
    }

    /** Words compared without spaces or quotation marks ("“三公”经费" is 三公经费). */
    static String normal(String s) {
        return s.replaceAll("[\\s\"'“”‘’「」]", "");
    }
}
