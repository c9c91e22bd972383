package org.openbudget.core.score;

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

    public static Scorecard score(Rubric rubric, Disclosure d, TemplateProfile profile, List<Finding> findings, String text) {
        String basis = profile == null ? "预算" : profile.meta().basis();
        String words = normal(text == null ? "" : text);
        List<Scorecard.DimensionScore> out = new ArrayList<>();
        double weighted = 0;
        int weights = 0;
        for (Rubric.Dimension dim : rubric.dimensions()) {
            int possible = 0;
            double earned = 0;
            List<String> reasons = new ArrayList<>();
            for (Rubric.Item item : dim.items()) {
                if (!item.basis().isEmpty() && !item.basis().equals(basis)) continue;
                Optional<Double> share = switch (item.kind()) {
                    case TABLES -> tables(d, profile, reasons);
                    case PHRASES -> phrases(item, words, reasons);
                    case DEPTH -> depth(item, d, reasons);
                    case FINDINGS -> findings(item, profile, findings, reasons);
                };
                if (share.isEmpty()) continue;
                possible += item.points();
                earned += item.points() * share.get();
            }
            if (possible == 0) {
                out.add(new Scorecard.DimensionScore(dim.key(), dim.name(), dim.weight(), null,
                        dim.note().isEmpty() ? List.of("未评") : List.of("未评：" + dim.note())));
                continue;
            }
            double score = 100.0 * earned / possible;
            out.add(new Scorecard.DimensionScore(dim.key(), dim.name(), dim.weight(), Scorecard.round(score), reasons));
            weighted += dim.weight() * score;
            weights += dim.weight();
        }
        return new Scorecard(out, weights == 0 ? null : Scorecard.round(weighted / weights));
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
        Severity severity = switch (item.severity()) {
            case "warning" -> Severity.WARNING;
            case "notice" -> Severity.NOTICE;
            default -> Severity.ERROR;
        };
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
