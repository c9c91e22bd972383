package org.openbudget.web.batch;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openbudget.web.db.repositories.Agency;

/**
 * Which agency of the registry a published document is: its unit as printed (编制单位, or the file's name when nothing
 * was read) against each agency's name, the name without its bracketed second name and that second name (乌鲁木齐市工业和
 * 信息化局（乌鲁木齐市大数据发展局）), the names without the region's own name, and the aliases reviewers gave before.
 * Names are compared after NFKC (full-width brackets and digits), without spaces, punctuation, the year and words such
 * as 部门预算/单位决算/公开. The confidence is 1 for the same name, a little less without the region's name, then
 * containment, then the share of common character pairs; a 部门 document matched to a 单位 (or the reverse) loses a tenth.
 * A document is matched when the best agency is confident ({@link #ACCEPT}) and clearly ahead of the next; otherwise
 * it is left for the reviewer, with the best guesses offered.
 */
public final class AgencyMatcher {
    /** The confidence from which a match is taken without the reviewer. */
    public static final double ACCEPT = 0.75;
    /** How far ahead of the second best the best must be. */
    static final double MARGIN = 0.05;

    public record Match(Agency agency, double confidence) {}

    private record Candidate(Agency agency, List<String> names) {}

    private final List<Candidate> candidates = new ArrayList<>();
    private final String regionName;

    public AgencyMatcher(String regionName, List<Agency> agencies, Map<String, List<String>> aliases) {
        this.regionName = normal(regionName == null ? "" : regionName);
        for (Agency a : agencies) {
            Set<String> names = new HashSet<>();
            addName(names, a.name());
            for (String alias : aliases.getOrDefault(a.code(), List.of())) addName(names, alias);
            candidates.add(new Candidate(a, List.copyOf(names)));
        }
    }

    private void addName(Set<String> names, String name) {
        String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        add(names, normal(nfkc));
        add(names, normal(nfkc.replaceAll("\\([^)]*\\)", "")));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(([^)]*)\\)").matcher(nfkc);
        while (m.find()) if (m.group(1).length() >= 4 && !m.group(1).contains("本级")) add(names, normal(m.group(1)));
    }

    private void add(Set<String> names, String n) {
        if (n.length() < 2) return;
        names.add(n);
        if (!regionName.isEmpty() && n.startsWith(regionName) && n.length() > regionName.length() + 1) names.add(n.substring(regionName.length()));
    }

    /**
     * The best agency for a document whose unit is printed as {@code unitName} (may be empty) in a file named {@code fileName},
     * of kind {@code kind} (部门 / 单位, null when unknown); null when nothing is near.
     */
    public List<Match> ranked(String unitName, String fileName, String kind, int limit) {
        String read = normal(unitName == null ? "" : unitName);
        String file = normal(stripFile(fileName == null ? "" : fileName));
        List<Match> out = new ArrayList<>();
        for (Candidate c : candidates) {
            double best = 0;
            for (String n : c.names()) {
                best = Math.max(best, similarity(read, n));
                best = Math.max(best, 0.9 * similarity(file, n));
            }
            if (kind != null && !kind.isEmpty() && !kind.equals(c.agency().kind())) best *= 0.9;
            if (best > 0.3) out.add(new Match(c.agency(), Math.round(best * 1000) / 1000.0));
        }
        out.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** The agency taken without the reviewer, or null: none is confident and clearly ahead. */
    public Match match(String unitName, String fileName, String kind) {
        List<Match> r = ranked(unitName, fileName, kind, 2);
        if (r.isEmpty() || r.get(0).confidence() < ACCEPT) return null;
        if (r.size() > 1 && r.get(0).confidence() - r.get(1).confidence() < MARGIN) return null;
        return r.get(0);
    }

    double similarity(String read, String name) {
        if (read.length() < 2 || name.length() < 2) return 0;
        if (read.equals(name)) return 1.0;
        String r2 = withoutRegion(read), n2 = withoutRegion(name);
        if (r2.length() >= 2 && r2.equals(n2)) return 0.95;
        String shorter = read.length() <= name.length() ? read : name, longer = shorter == read ? name : read;
        if (shorter.length() >= 4 && longer.contains(shorter)) {
            // 广州市工业和信息化局 is not 乌鲁木齐市's 工业和信息化局: another place's name before the common part
            String before = longer.substring(0, longer.indexOf(shorter));
            if (PLACE.matcher(before).find() && !before.equals(regionName)) return 0.2;
            return 0.7 + 0.25 * shorter.length() / longer.length();
        }
        return 0.9 * dice(read, name);
    }

    /** A place's name (a province, city, district, county, prefecture, banner or league) ending what comes before. */
    private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile("..[省市区县州旗盟]$");

    private String withoutRegion(String n) {
        return !regionName.isEmpty() && n.startsWith(regionName) ? n.substring(regionName.length()) : n;
    }

    static double dice(String a, String b) {
        List<String> x = pairs(a), y = new ArrayList<>(pairs(b));
        if (x.isEmpty() || y.isEmpty()) return 0;
        int common = 0;
        for (String p : x) if (y.remove(p)) common++;
        return 2.0 * common / (x.size() + pairs(b).size());
    }

    private static List<String> pairs(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < s.length(); i++) out.add(s.substring(i, i + 2));
        return out;
    }

    /** A file's name as a name: no folders, no extension. */
    static String stripFile(String fileName) {
        String n = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('›')) + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** A name as compared: NFKC, no year, no document words, no spaces or punctuation. */
    static String normal(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        n = n.replaceAll("(19|20)\\d\\d\\s*年度?", "");
        n = n.replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}（）【】《》“”‘’、，。：；·—…]", "");
        n = n.replaceAll("(部门|单位)?(预算|决算)(公开|信息公开)?(说明|报告)?$", "");
        n = n.replaceAll("(汇总|公开)$", "");
        return n;
    }
}
