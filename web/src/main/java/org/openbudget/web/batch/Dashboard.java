package org.openbudget.web.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openbudget.audit.report.BatchReport;
import org.openbudget.core.score.Scorecard;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.BatchRepository;
import org.openbudget.web.db.repositories.BatchRepository.Doc;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.service.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A region's year as the batches audited it: every department and unit of the registry with the scores of its documents
 * (the latest reading of each file; a 预算 and a 决算 are two rows), the documents no agency was matched to, and the same
 * as the batch report's lines for export ({@link BatchReport}). The reviewer sees every job of the region; the public
 * (the transparency page) only published jobs, and only scores and counts.
 */
@Service
public class Dashboard {
    private final BatchRepository batches;
    private final AgencyRepository agencies;
    private final BatchService service;
    private final RegionScoring scoring;

    public Dashboard(BatchRepository batches, AgencyRepository agencies, BatchService service, RegionScoring scoring) {
        this.batches = batches;
        this.agencies = agencies;
        this.service = service;
        this.scoring = scoring;
    }

    /** One agency and one of its documents (doc null: no document of the year was audited). */
    /** @param before the overall score of the same agency's document of the same kind the year before (null: none scored) */
    public record Row(Agency agency, String parentName, Doc doc, BatchReport.Entry entry, BigDecimal before) {
        public Row(Agency agency, String parentName, Doc doc, BatchReport.Entry entry) {
            this(agency, parentName, doc, entry, null);
        }

        /** This year's overall less the year before's (null unless both are scored). */
        public BigDecimal change() { return overall() == null || before == null ? null : overall().subtract(before); }

        public String basis() { return doc == null || doc.basis() == null ? "" : doc.basis(); }
        public BigDecimal overall() { return entry == null || entry.scores() == null ? null : entry.scores().overall(); }
        public BigDecimal score(String key) {
            if (entry == null || entry.scores() == null) return null;
            return entry.scores().dimensions().stream().filter(d -> d.key().equals(key) && d.assessed()).map(Scorecard.DimensionScore::score)
                    .findFirst().orElse(null);
        }
        /** Why a dimension lost points or is not assessed ("" when nothing was lost). */
        public String why(String key) {
            if (entry == null || entry.scores() == null) return "";
            Scorecard.DimensionScore d = entry.scores().dimension(key);
            return d == null ? "" : String.join("；", d.reasons());
        }
        public String outcome() { return doc == null ? "未收到" : entry == null ? doc.statusLabel() : entry.outcome(); }
        public long errors() { return entry == null ? 0 : entry.errors(); }
        public long warnings() { return entry == null ? 0 : entry.warnings(); }
        public long notices() { return entry == null ? 0 : entry.notices(); }
        public boolean read() { return entry != null && entry.status() < 2; }
    }

    /** A dimension of the rubric, as the table's columns. */
    public record Dimension(String key, String name, int weight) {}

    /**
     * @param regions the regions the account may switch between (an inspector's; a reviewer's one; none for the public)
     */
    public record View(String region, String regionName, int year, List<Dimension> dimensions, List<Row> rows, List<Doc> unmatched,
                       List<Integer> years, int agencies, int withDocuments, Map<String, String> regions) {
        /** How the shown rows' overall scores are spread: 90–100, 80–89.9, 70–79.9, 60–69.9, under 60, and not scored. */
        public List<Band> distribution() {
            String[] labels = {"90–100 分", "80–89.9 分", "70–79.9 分", "60–69.9 分", "60 分以下", "未评"};
            long[] n = new long[labels.length];
            for (Row r : rows) {
                if (r.doc() == null) continue;
                BigDecimal o = r.overall();
                int i = o == null ? 5 : o.doubleValue() >= 90 ? 0 : o.doubleValue() >= 80 ? 1 : o.doubleValue() >= 70 ? 2 : o.doubleValue() >= 60 ? 3 : 4;
                n[i]++;
            }
            long max = java.util.Arrays.stream(n).max().orElse(0);
            List<Band> out = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) out.add(new Band(labels[i], n[i], max == 0 ? 0 : (int) Math.round(100.0 * n[i] / max)));
            return out;
        }
    }

    /** A band of scores: how many documents, and the bar's length (a share of the largest band). */
    public record Band(String label, long count, int width) {}

    /** Sort keys: name, kind, basis, overall, errors, warnings or a dimension's key; filters: part of a name, 部门/单位, 预算/决算, with errors. */
    public record Query(String q, String kind, String basis, boolean errorsOnly, String sort, boolean desc, boolean missing) {
        public static Query of(String q, String kind, String basis, Boolean errorsOnly, String sort, String dir, Boolean missing) {
            return new Query(q == null ? "" : q.strip(), kind == null ? "" : kind, basis == null ? "" : basis, Boolean.TRUE.equals(errorsOnly),
                    sort == null || sort.isBlank() ? "name" : sort, "desc".equalsIgnoreCase(dir), !Boolean.FALSE.equals(missing));
        }
    }

    /** The years the account's region (an inspector's: the one asked for) has audited documents of, latest first. */
    public List<Integer> years(BudgetUser me, String region) {
        return batches.years(service.region(me, region), false);
    }

    /** The regions and years with published results: region code → its name and years. */
    public Map<String, List<Integer>> publishedYears() {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (String r : batches.publishedRegions()) out.put(r, batches.years(r, true));
        return out;
    }

    public Map<String, String> regionNames() { return agencies.regions(); }

    /** The dashboard of a reviewer's region, or of one of the regions under an inspector's province (null: the first). */
    public View forAccount(BudgetUser me, String region, int year, Query query) {
        Map<String, String> mine = service.regionsOf(me);
        View v = view(service.region(me, region), year, query, false);
        return new View(v.region(), v.regionName(), v.year(), v.dimensions(), v.rows(), v.unmatched(), v.years(), v.agencies(), v.withDocuments(), mine);
    }

    /** The public's view: published jobs only; a region without any is not found. */
    public View forPublic(String region, int year, Query query) {
        if (!agencies.regions().containsKey(region)) throw new NotFoundException("没有代码为 " + region + " 的地区");
        if (!batches.years(region, true).contains(year)) throw new NotFoundException("该地区 " + year + " 年没有公开的审核结果");
        return view(region, year, new Query(query.q(), query.kind(), query.basis(), query.errorsOnly(), query.sort(), query.desc(), false), true);
    }

    /**
     * A region's year as last computed — every agency's rows scored, the unmatched documents, the years — with the stamp of
     * the data it was computed from ({@link BatchRepository#stamp()}): shown again, filtered and sorted per request, while
     * nothing it is made of has changed (a document read or assigned, a job published, the registry, the weights, the
     * approval dates, a comparison). Reading, parsing and scoring 1,000 documents' lines was most of the page's time.
     */
    private record Computed(String stamp, String regionName, List<Dimension> dimensions, List<Row> rows, List<Doc> unmatched,
                            List<Integer> years, int agencies, int withDocuments) {}

    /** The last few regions' years computed: (region, year, public?) → rows. */
    private final Map<String, Computed> computed = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Computed> e) { return size() > 8; }
    });

    View view(String region, int year, Query query, boolean publishedOnly) {
        String stamp = batches.stamp();   // before the data: a change made while computing makes the next request compute again
        String key = region + "|" + year + "|" + publishedOnly;
        Computed c = computed.get(key);
        if (c == null || !c.stamp().equals(stamp)) {
            c = compute(region, year, publishedOnly, stamp);
            computed.put(key, c);
        }
        List<Row> shown = c.rows().stream().filter(r -> query.missing() || r.doc() != null).filter(r -> keep(r, query)).sorted(order(query)).toList();
        return new View(region, c.regionName(), year, c.dimensions(), shown, publishedOnly ? List.of() : c.unmatched(), c.years(), c.agencies(),
                c.withDocuments(), Map.of());
    }

    private Computed compute(String region, int year, boolean publishedOnly, String stamp) {
        List<Agency> registered = agencies.inRegion(region);
        Map<String, Agency> byCode = new LinkedHashMap<>();
        for (Agency a : registered) byCode.put(a.code(), a);
        List<Doc> docs = batches.latestInRegion(region, year, publishedOnly);
        List<Doc> matched = new ArrayList<>(), unmatched = new ArrayList<>();
        for (Doc d : docs) (d.agencyCode() != null && byCode.containsKey(d.agencyCode()) ? matched : unmatched).add(d);
        Map<String, Map<String, Doc>> byAgency = latestByAgency(matched);
        List<Row> rows = new ArrayList<>();
        RegionScoring.Scorer scorer = scoring.scorer(region, year);
        List<Dimension> dims = new ArrayList<>();
        for (var d : scorer.rubric().dimensions()) dims.add(new Dimension(d.key(), d.name(), d.weight()));
        List<Integer> years = batches.years(region, publishedOnly);
        // the year before, side by side: each agency's overall of the same kind of document, as the region scores that year
        Map<String, BigDecimal> before = years.contains(year - 1) ? overalls(region, year - 1, publishedOnly) : Map.of();
        for (Agency a : registered) {
            String parent = a.parentCode() == null || !byCode.containsKey(a.parentCode()) ? "" : byCode.get(a.parentCode()).name();
            Map<String, Doc> mine = byAgency.get(a.code());
            if (mine == null) {
                rows.add(new Row(a, parent, null, null));
                continue;
            }
            for (Doc d : mine.values()) {
                rows.add(new Row(a, parent, d, rescored(BatchService.entry(d.summary(), null), d, mine.get(d.counterpartBasis()), scorer),
                        before.get(a.code() + "|" + (d.basis() == null ? "" : d.basis()))));
            }
        }
        unmatched.sort(Comparator.comparing(Doc::fileName));
        return new Computed(stamp, agencies.regions().getOrDefault(region, region), List.copyOf(dims), List.copyOf(rows), List.copyOf(unmatched),
                List.copyOf(years), registered.size(), byAgency.size());
    }

    /** The latest reading per agency and basis (two files of one agency's 预算: the one audited last), in the documents' order. */
    private static Map<String, Map<String, Doc>> latestByAgency(List<Doc> docs) {
        Map<String, Map<String, Doc>> byAgency = new LinkedHashMap<>();
        for (Doc d : docs) {
            byAgency.computeIfAbsent(d.agencyCode(), k -> new LinkedHashMap<>()).merge(d.basis() == null ? "" : d.basis(), d,
                    (a, b) -> a.id() > b.id() ? a : b);
        }
        return byAgency;
    }

    /** Each agency's overall score of a year by kind of document ("code|预算"), its latest reading, scored as that year is. */
    private Map<String, BigDecimal> overalls(String region, int year, boolean publishedOnly) {
        Map<String, Map<String, Doc>> byAgency = latestByAgency(
                batches.latestInRegion(region, year, publishedOnly).stream().filter(d -> d.agencyCode() != null).toList());
        RegionScoring.Scorer scorer = scoring.scorer(region, year);
        Map<String, BigDecimal> out = new java.util.HashMap<>();
        byAgency.forEach((code, mine) -> mine.forEach((basis, d) -> {
            BatchReport.Entry e = rescored(BatchService.entry(d.summary(), null), d, mine.get(d.counterpartBasis()), scorer);
            if (e != null && e.scores() != null && e.scores().overall() != null) out.put(code + "|" + basis, e.scores().overall());
        }));
        return out;
    }

    /** A stored line with its scores as the region scores now (its weights and points, the dates, the comparison). */
    static BatchReport.Entry rescored(BatchReport.Entry e, Doc d, Doc counterpart, RegionScoring.Scorer scorer) {
        if (e == null || e.scores() == null) return e;
        return withScores(e, scorer.score(d, counterpart, e.scores()), e.findings());
    }

    private static BatchReport.Entry withScores(BatchReport.Entry e, Scorecard scores, List<BatchReport.FindingRow> findings) {
        return new BatchReport.Entry(e.file(), e.outcome(), e.profile(), e.year(), e.unit(), e.tables(), e.errors(), e.warnings(), e.notices(),
                e.message(), e.millis(), e.status(), scores, findings);
    }

    /** One document of a job with its findings, scored as its region scores now (the job and document pages). */
    public BatchReport.Entry scored(BatchRepository.Job job, Doc d) {
        BatchReport.Entry e = service.entry(d, true);
        if (e == null || e.scores() == null) return e;
        Integer year = d.docYear() != null ? d.docYear() : job.year();
        if (year == null) return e;
        Doc counterpart = d.agencyCode() == null || d.basis() == null ? null
                : batches.latestOf(job.regionCode(), d.agencyCode(), year, d.counterpartBasis()).orElse(null);
        return withScores(e, scoring.scorer(job.regionCode(), year).score(d, counterpart, e.scores()), e.findings());
    }

    private static boolean keep(Row r, Query q) {
        if (!q.q().isEmpty()) {
            String s = q.q().toLowerCase(Locale.ROOT);
            if (!r.agency().name().toLowerCase(Locale.ROOT).contains(s) && !r.agency().code().startsWith(s) && !r.parentName().contains(q.q())) return false;
        }
        if (!q.kind().isEmpty() && !q.kind().equals(r.agency().kind())) return false;
        if (!q.basis().isEmpty() && !q.basis().equals(r.basis())) return false;
        return !q.errorsOnly() || r.errors() > 0;
    }

    private static Comparator<Row> order(Query q) {
        Comparator<Row> byName = Comparator.comparing((Row r) -> r.agency().code());
        Comparator<Row> c = switch (q.sort()) {
            case "name" -> byName;
            case "kind" -> Comparator.comparing((Row r) -> r.agency().kind());
            case "basis" -> Comparator.comparing(Row::basis);
            case "errors" -> Comparator.comparingLong(Row::errors);
            case "warnings" -> Comparator.comparingLong(Row::warnings);
            case "overall" -> Comparator.comparing(Row::overall, Comparator.nullsFirst(Comparator.naturalOrder()));
            default -> Comparator.comparing((Row r) -> r.score(q.sort()), Comparator.nullsFirst(Comparator.naturalOrder()));
        };
        if (q.desc()) c = c.reversed();
        return c.thenComparing(byName);
    }

    /** The rows as the batch report's lines (the agency's registered name as 单位), with their findings when asked. */
    public List<BatchReport.Entry> entries(View v, boolean withFindings) {
        List<BatchReport.Entry> out = new ArrayList<>();
        for (Row r : v.rows()) {
            if (r.doc() == null || r.entry() == null) continue;
            BatchReport.Entry e = service.entry(r.doc(), withFindings);
            out.add(new BatchReport.Entry(e.file(), e.outcome(), e.profile(), e.year(), r.agency().name(), e.tables(), e.errors(), e.warnings(),
                    e.notices(), e.message(), e.millis(), e.status(), r.entry().scores(), e.findings()));
        }
        RegionScoring.Scorer scorer = v.unmatched().isEmpty() ? null : scoring.scorer(v.region(), v.year());
        for (Doc d : v.unmatched()) {
            BatchReport.Entry e = service.entry(d, withFindings);
            if (e != null) out.add(rescored(e, d, null, scorer));
        }
        return out;
    }
}
