package org.openbudget.audit.recognise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.profile.Detection;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Which template a published document was made under, by meaning rather than by layout: the table
 * titles it prints, the label its unit's name stands under, its table marks and the unit of its
 * amounts — each profile's {@code detect:} signature, scored — and what kind of document it is at
 * all (a budget, a 决算, or neither). The year picks the family's profile of that year, or of the
 * latest earlier year that has one.
 */
public final class Recognizer {
    private Recognizer() {}

    /** What the document is. */
    public enum Kind { BUDGET, FINAL_ACCOUNTS, NOT_A_DISCLOSURE }

    /** One profile's score (0–1) and the signs found. */
    public record Match(String profileId, String family, double score, List<String> evidence) {}

    /**
     * @param year      the budget year the document states (0 when none)
     * @param best      the profile to read it with: the best-scoring family's profile for the year
     * @param ranked    every family scored, best first
     * @param reason    for NOT_A_DISCLOSURE: why, in Chinese
     */
    public record Recognition(Kind kind, int year, String agencyKind, Optional<Match> best, List<Match> ranked, String reason) {
        /** A confidence below this is no recognition: the document is read by the national standard's measures. */
        public static final double THRESHOLD = 0.45;

        public boolean recognised() {
            return best.isPresent() && best.get().score() >= THRESHOLD;
        }
    }

    /** How far into the document the cover, 目录 and headings are looked for. */
    private static final int HEAD_LINES = 120;
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)\\s{0,2}年");
    private static final Pattern BUDGET_TITLE = Pattern.compile("(部门|单位)(综合)?预算|预算公开|收支总(体情况)?表|收入总(体情况)?表|支出总(体情况)?表");
    private static final Pattern FINAL_TITLE = Pattern.compile("(部门|单位)决算|决算公开|收入支出决算(总)?表|支出决算表|收入决算表");

    public static Recognition recognise(List<String> lines, ReferenceLibrary lib) {
        StringBuilder all = new StringBuilder();
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = squeeze(lines.get(i));
            all.append(l).append('\n');
            if (i < HEAD_LINES) head.append(l).append('\n');
        }
        String text = all.toString();
        int year = year(head.toString());
        if (year == 0) year = year(text);
        int budget = count(BUDGET_TITLE, text);
        int fin = count(FINAL_TITLE, text);
        String agencyKind = head.indexOf("单位预算") >= 0 || head.indexOf("单位决算") >= 0 ? "单位" : "部门";
        if (budget == 0 && fin == 0) {
            return new Recognition(Kind.NOT_A_DISCLOSURE, year, agencyKind, Optional.empty(), List.of(),
                    "不是部门（单位）预算或决算公开文档：找不到预算、决算或收支总表等公开表的标题");
        }
        Kind kind = fin > budget ? Kind.FINAL_ACCOUNTS : Kind.BUDGET;
        String basis = kind == Kind.FINAL_ACCOUNTS ? "决算" : "预算";
        // one score per family: its profile of the document's year (or the latest earlier one)
        Map<String, Match> byFamily = new LinkedHashMap<>();
        for (String id : lib.profileIds()) {
            String family = family(id);
            if (byFamily.containsKey(family)) continue;
            String chosen = lib.profileFor(family, year == 0 ? 9999 : year).orElse(id);
            TemplateProfile p;
            try {
                p = lib.profile(chosen);
            } catch (RuntimeException e) {
                continue; // a broken profile in an override directory recognises nothing
            }
            Detection d = p.meta().detect();
            if (d.isEmpty() || !p.meta().basis().equals(basis)) continue;
            byFamily.put(family, score(chosen, family, d, text, lines));
        }
        List<Match> ranked = new ArrayList<>(byFamily.values());
        // equal scores (a region's copy of a template signs as its original does): the default family first, then by id
        String dflt = org.openbudget.io.workbook.WorkbookTemplate.DEFAULT_FAMILY;
        ranked.sort(Comparator.comparingDouble(Match::score).reversed()
                .thenComparing(m -> !m.family().equals(dflt)).thenComparing(Match::profileId));
        return new Recognition(kind, year, agencyKind, ranked.stream().findFirst(), List.copyOf(ranked), "");
    }

    /** Titles weigh most (the share of the signature's titles printed), then labels, marks and amount unit. */
    static Match score(String id, String family, Detection d, String text, List<String> lines) {
        List<String> evidence = new ArrayList<>();
        double titles = 0;
        if (!d.titles().isEmpty()) {
            int found = 0;
            for (String t : d.titles()) {
                if (text.contains(squeeze(t))) {
                    found++;
                    evidence.add("标题「" + t + "」");
                }
            }
            titles = (double) found / d.titles().size();
        }
        boolean label = d.labels().stream().anyMatch(l -> text.contains(squeeze(l)));
        if (label) evidence.add("标签「" + d.labels().stream().filter(l -> text.contains(squeeze(l))).findFirst().orElseThrow() + "」");
        boolean mark = false;
        for (String m : d.marks()) {
            Pattern p = Pattern.compile("(^|\\n)" + Pattern.quote(squeeze(m)) + "(?![0-9])");
            if (p.matcher(text).find()) {
                mark = true;
                evidence.add("表号「" + m + "」");
                break;
            }
        }
        boolean phrases = !d.phrases().isEmpty() && d.phrases().stream().anyMatch(ph -> text.contains(squeeze(ph)));
        if (phrases) evidence.add("用语");
        boolean unit = !d.amountUnit().isEmpty() && amountUnit(lines).map(u -> u.equals(d.amountUnit())).orElse(false);
        if (unit) evidence.add("金额单位 " + d.amountUnit());
        double score = 0.55 * titles + 0.15 * (label ? 1 : 0) + 0.15 * (mark ? 1 : 0) + 0.1 * (unit ? 1 : 0) + 0.05 * (phrases ? 1 : 0);
        return new Match(id, family, Math.round(score * 100) / 100.0, List.copyOf(evidence));
    }

    /** The unit most table headers state ("单位：万元" / "单位：元"). */
    static Optional<String> amountUnit(List<String> lines) {
        int wan = 0, yuan = 0;
        for (String l : lines) {
            String s = squeeze(l);
            int i = s.indexOf("单位：");
            if (i < 0) i = s.indexOf("单位:");
            while (i >= 0) {
                String rest = s.substring(i + 3);
                if (rest.startsWith("万元")) wan++;
                else if (rest.startsWith("元")) yuan++;
                int next = s.indexOf("单位：", i + 3);
                i = next;
            }
        }
        if (wan == 0 && yuan == 0) return Optional.empty();
        return Optional.of(wan >= yuan ? "万元" : "元");
    }

    static String family(String profileId) {
        return profileId.matches(".*-\\d{4}") ? profileId.substring(0, profileId.length() - 5) : profileId;
    }

    private static int year(String text) {
        Matcher m = YEAR.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find() && n < 10_000) n++;
        return n;
    }

    /** Without spaces and with full-width colons and brackets, as titles and labels are compared. */
    static String squeeze(String s) {
        return org.openbudget.audit.shape.ShapeReader.squeeze(s);
    }
}
