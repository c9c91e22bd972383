package org.openbudget.audit.recognise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.profile.Detection;
import org.openbudget.io.refdata.ProfileReader;
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
    /** Words of a budget's and of a 决算's titles, counted (String.indexOf: fast on a long text). */
    private static final List<String> BUDGET_TITLE = List.of("部门预算", "单位预算", "综合预算", "预算公开", "收支总表", "收支总体情况表",
            "收入总表", "收入总体情况表", "支出总表", "支出总体情况表");
    private static final List<String> FINAL_TITLE = List.of("部门决算", "单位决算", "决算公开", "决算总表", "支出决算表", "收入决算表");

    public static Recognition recognise(List<String> lines, ReferenceLibrary lib) {
        return recognise(lines, null, lib);
    }

    /** As above, with each line squeezed already ({@link org.openbudget.audit.shape.Cells#squeezedAll}; null: squeezed here). */
    public static Recognition recognise(List<String> lines, List<String> squeezedLines, ReferenceLibrary lib) {
        List<String> squeezed = squeezedLines != null && squeezedLines.size() == lines.size() ? squeezedLines
                : org.openbudget.audit.shape.Cells.squeezedAll(lines);
        // titles, labels, marks and headings stand on short lines: the long lines of the text are not searched
        StringBuilder all = new StringBuilder();
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = squeezed.get(i);
            if (i < HEAD_LINES) head.append(l).append('\n');
            if (l.length() <= SHORT_LINE) all.append(l).append('\n');
        }
        String text = all.toString();
        int year = year(head.toString());
        if (year == 0) year = year(text);
        int budget = count(BUDGET_TITLE, text);
        int fin = count(FINAL_TITLE, text);
        String agencyKind = agencyKind(head.toString());
        if (budget == 0 && fin == 0) {
            return new Recognition(Kind.NOT_A_DISCLOSURE, year, agencyKind, Optional.empty(), List.of(),
                    "不是部门（单位）预算或决算公开文档：找不到预算、决算或收支总表等公开表的标题");
        }
        Kind kind = fin > budget ? Kind.FINAL_ACCOUNTS : Kind.BUDGET;
        String basis = kind == Kind.FINAL_ACCOUNTS ? "决算" : "预算";
        Optional<String> unit = amountUnit(squeezed);
        // one score per family: its profile of the document's year (or the latest earlier one)
        Map<String, Match> byFamily = new LinkedHashMap<>();
        for (Signature sig : signatures(lib).forYear(year == 0 ? 9999 : year)) {
            if (!sig.basis().equals(basis)) continue;
            byFamily.put(sig.family(), sig.score(text, unit));
        }
        List<Match> ranked = new ArrayList<>(byFamily.values());
        // equal scores (a region's copy of a template signs as its original does): the default family first, then by id
        String dflt = lib.families().defaultFamily(basis);
        ranked.sort(Comparator.comparingDouble(Match::score).reversed()
                .thenComparing(m -> !m.family().equals(dflt)).thenComparing(Match::profileId));
        // signatures come from the profiles' heads: a profile that does not read whole (a broken one in an
        // override directory) recognises nothing, and the next family is taken
        while (!ranked.isEmpty() && !readable(lib, ranked.get(0).profileId())) ranked.remove(0);
        return new Recognition(kind, year, agencyKind, ranked.stream().findFirst(), List.copyOf(ranked), "");
    }

    private static boolean readable(ReferenceLibrary lib, String profileId) {
        try {
            lib.profile(profileId);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Longer lines are text, not titles or labels. */
    private static final int SHORT_LINE = 80;

    /**
     * 单位 when the document's first 预算/决算 title is a unit's (单位预算, 单位决算): the cover names it before the
     * text does — a department's 说明 may speak of its units' budgets ("…以及纳入编制范围的下属单位预算") on its first pages.
     */
    static String agencyKind(String head) {
        int unit = first(head, "单位预算", "单位决算");
        int dept = first(head, "部门预算", "部门决算", "部门综合预算");
        return unit >= 0 && (dept < 0 || unit < dept) ? "单位" : "部门";
    }

    private static int first(String s, String... words) {
        int at = -1;
        for (String w : words) {
            int i = s.indexOf(w);
            if (i >= 0 && (at < 0 || i < at)) at = i;
        }
        return at;
    }

    /** A profile's detect: signature, squeezed and compiled once. */
    record Signature(String id, String family, int year, String basis, List<String> titles, List<String> titleNames,
                     List<String> labels, List<String> marks, List<String> markNames, List<String> phrases, String amountUnit) {
        Match score(String text, Optional<String> unit) {
            List<String> evidence = new ArrayList<>();
            double t = 0;
            if (!titles.isEmpty()) {
                int found = 0;
                for (int i = 0; i < titles.size(); i++) {
                    // a title printed in either wording: "预算单位收入预算总表|部门收入预算总表" (a 单位's and a 部门's document)
                    for (String alternative : titles.get(i).split("\\|")) {
                        if (alternative.isEmpty() || !text.contains(alternative)) continue;
                        found++;
                        evidence.add("标题「" + alternative + "」");
                        break;
                    }
                }
                t = (double) found / titles.size();
            }
            String label = labels.stream().filter(text::contains).findFirst().orElse(null);
            if (label != null) evidence.add("标签「" + label + "」");
            boolean mark = false;
            for (int i = 0; i < marks.size() && !mark; i++) {
                if (atLineStart(text, marks.get(i))) {
                    mark = true;
                    evidence.add("表号「" + markNames.get(i) + "」");
                }
            }
            boolean phrase = phrases.stream().anyMatch(text::contains);
            if (phrase) evidence.add("用语");
            boolean u = !amountUnit.isEmpty() && unit.map(amountUnit::equals).orElse(false);
            if (u) evidence.add("金额单位 " + amountUnit);
            double score = 0.55 * t + 0.15 * (label != null ? 1 : 0) + 0.15 * (mark ? 1 : 0) + 0.1 * (u ? 1 : 0) + 0.05 * (phrase ? 1 : 0);
            return new Match(id, family, Math.round(score * 100) / 100.0, List.copyOf(evidence));
        }
    }

    /** A table mark starting a line of {@code text} and not followed by a digit ("表1" is not "表12"). */
    static boolean atLineStart(String text, String mark) {
        for (int i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) {
            int end = i + mark.length();
            if ((i == 0 || text.charAt(i - 1) == '\n') && (end == text.length() || text.charAt(end) < '0' || text.charAt(end) > '9')) return true;
        }
        return false;
    }

    /** Every profile's signature, by family and year. */
    record Signatures(long generation, Set<String> ids, Map<String, java.util.TreeMap<Integer, Signature>> byFamily) {
        /** Each family's signature for a year: its own, else the latest earlier, else the earliest. */
        List<Signature> forYear(int year) {
            List<Signature> out = new ArrayList<>();
            for (var years : byFamily.values()) {
                var e = years.floorEntry(year);
                out.add(e != null ? e.getValue() : years.firstEntry().getValue());
            }
            return out;
        }
    }

    private static final Map<ReferenceLibrary, Signatures> CACHE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * Reads the library's templates and their signatures now, so that the first recognition finds them
     * ready: a command may do this on a spare core while it reads the document. Returns the families known.
     */
    public static int prepare(ReferenceLibrary lib) {
        return signatures(lib).byFamily().size();
    }

    /** The library's signatures, read again when its profiles change. */
    static Signatures signatures(ReferenceLibrary lib) {
        long generation = lib.generation();
        Set<String> ids = lib.profileIds();
        Signatures cached = CACHE.get(lib);
        if (cached != null && cached.generation() == generation && cached.ids().equals(ids)) return cached;
        Map<String, java.util.TreeMap<Integer, Signature>> byFamily = new LinkedHashMap<>();
        for (String id : ids) {
            ProfileReader.Head p;
            try {
                p = lib.profileHead(id);
            } catch (RuntimeException e) {
                continue; // a broken profile in an override directory recognises nothing
            }
            Detection d = p.detect();
            if (d.isEmpty()) continue;
            String family = family(id);
            List<String> marks = new ArrayList<>();
            for (String m : d.marks()) marks.add(squeeze(m));
            Signature sig = new Signature(id, family, p.year(), p.basis(), d.titles().stream().map(Recognizer::squeeze).toList(),
                    d.titles(), d.labels().stream().map(Recognizer::squeeze).toList(), marks, d.marks(),
                    d.phrases().stream().map(Recognizer::squeeze).toList(), d.amountUnit());
            byFamily.computeIfAbsent(family, f -> new java.util.TreeMap<>()).put(p.year(), sig);
        }
        Signatures out = new Signatures(generation, Set.copyOf(ids), byFamily);
        CACHE.put(lib, out);
        return out;
    }

    /** The unit most table headers state ("单位：万元" / "单位：元"), from squeezed lines. */
    static Optional<String> amountUnit(List<String> squeezed) {
        int wan = 0, yuan = 0;
        for (String s : squeezed) {
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

    private static int count(List<String> words, String text) {
        int n = 0;
        for (String w : words) {
            for (int i = text.indexOf(w); i >= 0 && n < 10_000; i = text.indexOf(w, i + w.length())) n++;
        }
        return n;
    }

    /** Without spaces and with full-width colons and brackets, as titles and labels are compared. */
    static String squeeze(String s) {
        return org.openbudget.audit.shape.Cells.squeeze(s);
    }
}
