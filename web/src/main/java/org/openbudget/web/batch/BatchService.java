package org.openbudget.web.batch;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.report.BatchReport;
import org.openbudget.audit.report.Scores;
import org.openbudget.core.check.Finding;
import org.openbudget.core.score.Scorecard;
import org.openbudget.io.InputException;
import org.openbudget.io.guard.FailureLog;
import org.openbudget.io.guard.ReadLimits;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.BatchRepository;
import org.openbudget.web.db.repositories.BatchRepository.Claimed;
import org.openbudget.web.db.repositories.BatchRepository.Doc;
import org.openbudget.web.db.repositories.BatchRepository.Job;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.BudgetService;
import org.openbudget.web.service.NotFoundException;
import org.openbudget.web.service.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;

/**
 * A region's batch audit: the reviewer's upload becomes a job of documents kept in PostgreSQL, read on a bounded pool of
 * workers ({@code budget.batch.workers}, 2 by default) by the same audit, scoring ({@link Scores}, refdata/scoring.yaml)
 * and report line ({@link BatchReport.Entry}) as {@code ./budget audit DIR --summary}, with the administrator's check
 * severities as on the audit page. Each document is claimed (PENDING → RUNNING) in the database before it is read and its
 * outcome stored with it, so after a restart the documents left waiting or half-read are read again ({@link #resume}).
 * A cancelled job reads no further document; the ones being read finish.
 */
@Service
public class BatchService {
    private static final Logger log = LoggerFactory.getLogger(BatchService.class);
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BatchRepository batches;
    private final AgencyRepository agencies;
    private final AuditLogRepository auditLog;
    private final BudgetService budgets;
    private final ExecutorService workers;
    private final int workerCount;
    private final BatchIntake intake;

    private final Collector.Limits collectLimits;
    private final ExecutorService collecting = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch-collect");
        t.setDaemon(true);
        return t;
    });
    private final org.openbudget.web.db.repositories.PublicationRepository publications;

    public BatchService(BatchRepository batches, AgencyRepository agencies, AuditLogRepository auditLog, BudgetService budgets,
                        org.openbudget.web.db.repositories.PublicationRepository publications,
                        @Value("${budget.batch.workers:2}") int workers, @Value("${budget.batch.max-documents:1000}") int maxDocuments,
                        @Value("${budget.batch.max-mb:256}") long maxMb,
                        @Value("${budget.collect.pause-ms:1000}") long pauseMs, @Value("${budget.collect.max-files:500}") int collectMax,
                        @Value("${budget.collect.allow-private:false}") boolean allowPrivate) {
        this.publications = publications;
        this.collectLimits = new Collector.Limits(Math.min(collectMax, maxDocuments), ReadLimits.current().pdfBytes(), 4L << 20,
                java.time.Duration.ofMillis(Math.max(0, pauseMs)), java.time.Duration.ofSeconds(30), allowPrivate);
        this.batches = batches;
        this.agencies = agencies;
        this.auditLog = auditLog;
        this.budgets = budgets;
        this.workerCount = Math.max(1, workers);
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "batch-audit-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.intake = new BatchIntake(ReadLimits.current(), maxDocuments, maxMb << 20);
    }

    public int workers() { return workerCount; }

    // ---- who may

    /** The region whose batches this account works on: a reviewer's (an inspector works on several: {@link #regionsOf}). */
    public String regionOf(BudgetUser me) {
        if (me == null || me.role() != Role.REVIEWER || me.regionCode() == null)
            throw new AccessDeniedException("只供财政局审核人使用");
        return me.regionCode();
    }

    /**
     * The regions whose batches and dashboards this account works on: a reviewer's own region; a province's inspector every
     * region under the province (the codes of its first two digits: 650100 and 650200 are under 650000), the province's own
     * included. Anyone else: none (refused).
     */
    public java.util.Map<String, String> regionsOf(BudgetUser me) {
        if (me == null || me.regionCode() == null || (me.role() != Role.REVIEWER && me.role() != Role.INSPECTOR))
            throw new AccessDeniedException("批量审核只供财政局审核人和省级检查人使用");
        java.util.Map<String, String> all = agencies.regions(), out = new java.util.LinkedHashMap<>();
        if (me.role() == Role.REVIEWER) {
            out.put(me.regionCode(), all.getOrDefault(me.regionCode(), me.regionCode()));
            return out;
        }
        String province = me.regionCode().length() >= 2 ? me.regionCode().substring(0, 2) : me.regionCode();
        for (java.util.Map.Entry<String, String> e : all.entrySet()) if (e.getKey().startsWith(province)) out.put(e.getKey(), e.getValue());
        return out;
    }

    /** The region an account works on in a request: the one asked for (it must be one of theirs), or their first. */
    public String region(BudgetUser me, String asked) {
        java.util.Map<String, String> mine = regionsOf(me);
        if (asked == null || asked.isBlank()) return mine.keySet().iterator().next();
        if (!mine.containsKey(asked.strip())) throw new AccessDeniedException("地区 " + asked.strip() + " 不在本账号的范围内");
        return asked.strip();
    }

    /** A job the account may see: one of their regions'. */
    public Job job(BudgetUser me, long id) {
        java.util.Map<String, String> regions = regionsOf(me);
        Job j = batches.job(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的批量审核"));
        if (!regions.containsKey(j.regionCode())) throw new AccessDeniedException("这一批量审核属于另一地区");
        return j;
    }

    // ---- a new job

    /** Unpacks, checks and stores the upload as a new job and starts reading it; the job's id. */
    public long create(BudgetUser me, Integer year, String title, List<BatchIntake.Upload> uploads) {
        return create(me, null, year, title, uploads, null);
    }

    /**
     * @param region    the region the documents are of (null: the account's first — a reviewer's own)
     * @param published the date the files were published, typed at upload (null: unknown)
     */
    public long create(BudgetUser me, String region, Integer year, String title, List<BatchIntake.Upload> uploads, java.time.LocalDate published) {
        String r = region(me, region);
        return withIntake(() -> {
            List<BatchIntake.Item> items = intake.unpack(uploads);
            List<BatchRepository.NewDoc> docs = new ArrayList<>(items.size());
            for (BatchIntake.Item i : items) {
                byte[] c = i.content();
                docs.add(new BatchRepository.NewDoc(i.name(), c == null ? "-".repeat(64) : sha256(c), c == null ? 0 : c.length, c, i.refused(),
                        null, published, published == null ? null : "上传时填写"));
            }
            return store(me, r, year, title, docs);
        }, year);
    }

    /**
     * A job collecting the PDF and OFD files a disclosure listing links to (same host, robots.txt, paced: {@link Collector}):
     * the address is checked now; the files are fetched in the background, each added to the job (and read) as it arrives,
     * kept with its address, date and SHA-256. The job's id.
     */
    public long collect(BudgetUser me, String region, Integer year, String title, String address) {
        String r = region(me, region);
        if (year != null && (year < 2000 || year > 2100)) throw new RuleViolation("年度应为 2000 至 2100 之间的年份，实际为 " + year);
        Collector collector = new Collector(collectLimits);
        java.net.URI listing = collector.check(address);
        String t = title == null || title.isBlank() ? "采集 " + listing.getHost() + (year == null ? "" : " " + year + "年") : title.strip();
        long id = batches.createCollecting(r, year, t.length() > 200 ? t.substring(0, 200) : t, me.username(), listing.toString());
        auditLog.record(me.username(), "批量审核采集", null, year, "批量审核 " + id + "：" + listing);
        collecting.execute(() -> {
            try {
                collector.collect(listing, f -> {
                    byte[] c = f.content();
                    batches.add(id, new BatchRepository.NewDoc(f.name(), c == null ? "-".repeat(64) : sha256(c), c == null ? 0 : c.length, c, f.refused(),
                            f.url(), f.date(), f.dateFrom()));
                    enqueue();
                }, () -> batches.job(id).map(j -> !j.running()).orElse(true));
            } catch (RuleViolation e) {
                batches.add(id, new BatchRepository.NewDoc(listing.toString(), "-".repeat(64), 0, null, e.getMessage(), listing.toString(), null, null));
            } catch (RuntimeException e) {
                String incident = FailureLog.log(listing.toString(), "collecting a disclosure listing", e);
                batches.add(id, new BatchRepository.NewDoc(listing.toString(), "-".repeat(64), 0, null, "内部错误（记录编号 " + incident + "）", listing.toString(), null, null));
            } finally {
                batches.collected(id);
                batches.finishJobIfDone(id);
            }
        });
        return id;
    }

    /**
     * A job of the region's documents published on this portal for a year (the current version of each, as its PDF), each
     * dated by its first publication here (门户发布时间).
     */
    public long fromPortal(BudgetUser me, String region, int year) {
        String r = region(me, region);
        List<BatchRepository.NewDoc> docs = new ArrayList<>();
        for (org.openbudget.web.db.repositories.Publication p : publications.search(year, r, null, null)) {
            var pdf = publications.file(p.id(), "pdf").orElse(null);
            if (pdf == null || pdf.content() == null) continue;
            OffsetDateTime first = publications.versions(p.agencyCode(), p.year()).stream().map(org.openbudget.web.db.repositories.Publication::publishedAt)
                    .min(java.util.Comparator.naturalOrder()).orElse(p.publishedAt());
            docs.add(new BatchRepository.NewDoc("门户 › " + p.agencyName() + "（第 " + p.versionNo() + " 版）.pdf", sha256(pdf.content()), pdf.content().length,
                    pdf.content(), null, "/p/" + p.id(), first.toLocalDate(), "门户发布时间"));
        }
        if (docs.isEmpty()) throw new RuleViolation("本门户没有该地区 " + year + " 年已发布的文档");
        return createFrom(me, r, year, year + "年 门户已发布的 " + docs.size() + " 份文档", docs);
    }

    /** Stores documents already fetched (collected from an address, taken from the portal) as a new job of the region. */
    public long createFrom(BudgetUser me, String region, Integer year, String title, List<BatchRepository.NewDoc> docs) {
        String r = region(me, region);
        return withIntake(() -> store(me, r, year, title, docs), year);
    }

    private long withIntake(java.util.function.LongSupplier work, Integer year) {
        if (year != null && (year < 2000 || year > 2100)) throw new RuleViolation("年度应为 2000 至 2100 之间的年份，实际为 " + year);
        // one batch unpacked and stored at a time: the heap it takes (its upload and what its zips inflate to) is bounded once
        boolean mine;
        try {
            mine = intakeSlot.tryAcquire(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine = false;
        }
        if (!mine) throw new RuleViolation("服务器正在接收另一批文件，请稍后再上传");
        try {
            return work.getAsLong();
        } finally {
            intakeSlot.release();
        }
    }

    private final java.util.concurrent.Semaphore intakeSlot = new java.util.concurrent.Semaphore(1, true);

    private long store(BudgetUser me, String region, Integer year, String title, List<BatchRepository.NewDoc> docs) {
        if (docs.isEmpty()) throw new RuleViolation("没有可审核的文件");
        String t = title == null || title.isBlank() ? (year == null ? "" : year + "年 ") + docs.size() + " 个文件" : title.strip();
        if (t.length() > 200) t = t.substring(0, 200);
        long id = batches.create(region, year, t, me.username(), docs);
        auditLog.record(me.username(), "批量审核上传", null, year, "批量审核 " + id + "：" + docs.size() + " 个文件");
        batches.finishJobIfDone(id);
        enqueue();
        return id;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the workers

    /** On start: what a stopped server left half-read is read again, and every waiting document is queued. */
    @EventListener(ApplicationReadyEvent.class)
    public void resume() {
        // a collecting cut off by the stop: what was fetched is read; the rest is not fetched again (the job says so)
        for (long job : batches.interruptedCollecting()) {
            batches.add(job, new BatchRepository.NewDoc("（采集中断）", "-".repeat(64), 0, null, "服务器重启时采集尚未完成：其余文件未采集，请重新采集"));
            batches.collected(job);
        }
        int again = batches.requeueInterrupted();
        for (long job : batches.runningJobs()) batches.finishJobIfDone(job);
        int queued = enqueue();
        if (queued > 0) log.info("批量审核：继续 {} 个文档（其中 {} 个在上次停止时正在审核）", queued, again);
    }

    private final java.util.Set<Long> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Queues every waiting document not queued yet; how many were. */
    synchronized int enqueue() {
        int n = 0;
        for (long[] d : batches.pending()) {
            if (!queued.add(d[0])) continue;
            n++;
            long doc = d[0], job = d[1];
            workers.execute(() -> {
                try {
                    read(doc, job);
                } catch (RuntimeException e) {
                    FailureLog.log("batch document " + doc, "reading a document of a batch", e);
                } finally {
                    queued.remove(doc);
                }
            });
        }
        return n;
    }

    /**
     * Documents of a job being read and compared, per job: the job is finished when its last document is read and,
     * read, compared with its counterpart — not by the worker of a document read a moment earlier while another
     * worker still compares its pair (the region's 一致性 would read "比对尚未完成" on a finished job).
     */
    private final java.util.Map<Long, java.util.concurrent.atomic.AtomicInteger> reading = new java.util.concurrent.ConcurrentHashMap<>();

    private void read(long docId, long jobId) {
        java.util.concurrent.atomic.AtomicInteger busy = reading.computeIfAbsent(jobId, k -> new java.util.concurrent.atomic.AtomicInteger());
        busy.incrementAndGet();
        try {
            Claimed c = batches.claim(docId).orElse(null);
            if (c == null) return;
            BatchRepository.Outcome o = audit(c);
            batches.finish(docId, o);
            if ("DONE".equals(o.status())) compareWithCounterpart(docId, jobId);
        } finally {
            if (busy.decrementAndGet() == 0) {
                reading.remove(jobId, busy);
                batches.finishJobIfDone(jobId);
            }
        }
    }

    /**
     * 一致性: once a document of an agency's 预算 or 决算 is read, it is compared (core/compare, as {@code ./budget compare})
     * with the agency's document of the other basis and the same year in the region's batches, if there is one and the two
     * were not compared yet. The outcome (findings, or why they cannot be compared) is stored with the pair.
     */
    void compareWithCounterpart(long docId, long jobId) {
        Job job = batches.job(jobId).orElse(null);
        BatchRepository.Doc d = job == null ? null : batches.doc(jobId, docId).orElse(null);
        if (d == null || d.agencyCode() == null || d.basis() == null) return;
        Integer year = d.docYear() != null ? d.docYear() : job.year();
        if (year == null) return;
        BatchRepository.Doc c = batches.latestOf(job.regionCode(), d.agencyCode(), year, d.counterpartBasis()).orElse(null);
        if (c == null) {
            // a 决算 whose 预算 is not in the batches: the 预算 published on this portal for the agency and year
            if (!"决算".equals(d.basis())) return;
            org.openbudget.web.db.repositories.Publication p = publications.current(d.agencyCode(), year).orElse(null);
            var pdf = p == null ? null : publications.file(p.id(), "pdf").orElse(null);
            if (pdf == null || pdf.content() == null || batches.comparedWithPublished(p.id(), d.id())) return;
            String[] r = compare("门户 › " + p.agencyName() + ".pdf", pdf.content(), d.fileName(), batches.content(d.id()).orElseThrow(), year);
            batches.savePublishedComparison(p.id(), d.id(), r[0], r[1], r[2]);
            return;
        }
        BatchRepository.Doc budget = "预算".equals(d.basis()) ? d : c, fin = budget == d ? c : d;
        if (batches.compared(budget.id(), fin.id())) return;
        String[] r = compare(budget.fileName(), batches.content(budget.id()).orElseThrow(), fin.fileName(), batches.content(fin.id()).orElseThrow(), year);
        batches.saveComparison(budget.id(), fin.id(), r[0], r[1], r[2]);
    }

    /** A 预算 and a 决算 read and compared: the outcome (DONE, REFUSED, FAILED), the findings as JSON, why not. */
    private String[] compare(String budgetName, byte[] budget, String finName, byte[] fin, int year) {
        try {
            var lib = budgets.library();
            DocumentAudit.Result b = DocumentAudit.run(budgetName, budget, lib);
            DocumentAudit.Result f = DocumentAudit.run(finName, fin, lib);
            var bp = lib.profile(b.disclosure().profileId());
            var fp = lib.profile(f.disclosure().profileId());
            List<String> why = org.openbudget.core.compare.Compare.mismatch(b.disclosure(), bp, f.disclosure(), fp);
            if (!why.isEmpty()) return new String[]{"REFUSED", "[]", String.join("；", why)};
            var cmp = org.openbudget.core.compare.Compare.compare(b.disclosure(), bp, f.disclosure(), fp, lib.year(year).sources(),
                    lib.compareRules(), f::page);
            List<java.util.Map<String, String>> rows = new ArrayList<>();
            for (Finding x : cmp.findings()) rows.add(java.util.Map.of("id", x.id(), "severity", x.severity().name(), "message", x.message()));
            return new String[]{"DONE", json(rows), null};
        } catch (InputException ex) {
            return new String[]{"REFUSED", "[]", ex.problems().isEmpty() ? String.valueOf(ex.getMessage()) : ex.problems().get(0).message()};
        } catch (RuntimeException ex) {
            String incident = FailureLog.log(budgetName + " / " + finName, "comparing a budget and its final accounts of a batch", ex);
            return new String[]{"FAILED", "[]", "内部错误（记录编号 " + incident + "）"};
        }
    }

    /** Reads, checks, scores and matches one document. */
    BatchRepository.Outcome audit(Claimed c) {
        long t0 = System.nanoTime();
        Job job = batches.job(c.jobId()).orElseThrow();
        try {
            DocumentAudit.Result raw = DocumentAudit.run(c.fileName(), c.content(), budgets.library());
            List<Finding> findings = budgets.applySeverities(raw.findings());
            DocumentAudit.Result a = new DocumentAudit.Result(raw.file(), raw.format(), raw.disclosure(), raw.notes(), findings, raw.read(),
                    raw.lines(), raw.pageOfLine());
            Scorecard scores = Scores.of(a, budgets.library());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            BatchReport.Entry e = BatchReport.Entry.of(c.fileName(), a, millis, scores);
            String id = a.disclosure().profileId();
            String basis = id != null && budgets.library().hasProfile(id) ? budgets.library().profile(id).meta().basis() : null;
            String kind = a.disclosure().kind() == null ? null : a.disclosure().kind().label();
            AgencyMatcher.Match m = matcher(job.regionCode()).match(a.disclosure().unitName(), c.fileName(), kind);
            return new BatchRepository.Outcome("DONE", millis, a.disclosure().year() > 0 ? a.disclosure().year() : null, basis,
                    a.disclosure().unitName(), json(withoutFindings(e)), json(e.findings()), e.message(),
                    m == null ? null : m.agency().code(), m == null ? null : BigDecimal.valueOf(m.confidence()), m == null ? null : "自动");
        } catch (InputException ex) {
            String why = ex.problems().isEmpty() ? String.valueOf(ex.getMessage()) : ex.problems().get(0).message();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            AgencyMatcher.Match m = matcher(job.regionCode()).match("", c.fileName(), null);
            BatchReport.Entry e = BatchReport.Entry.refused(c.fileName(), why, millis);
            return new BatchRepository.Outcome("REFUSED", millis, null, null, null, json(e), "[]", why,
                    m == null ? null : m.agency().code(), m == null ? null : BigDecimal.valueOf(m.confidence()), m == null ? null : "自动");
        } catch (RuntimeException | StackOverflowError ex) {
            String incident = FailureLog.log(c.fileName(), "auditing a document of a batch", ex);
            String why = "内部错误（记录编号 " + incident + "，详情见日志）";
            long millis = (System.nanoTime() - t0) / 1_000_000;
            return new BatchRepository.Outcome("FAILED", millis, null, null, null, json(BatchReport.Entry.failed(c.fileName(), why, millis)), "[]", why,
                    null, null, null);
        }
    }

    AgencyMatcher matcher(String region) {
        return new AgencyMatcher(agencies.regions().getOrDefault(region, ""), agencies.inRegion(region), batches.aliases(region));
    }

    private static BatchReport.Entry withoutFindings(BatchReport.Entry e) {
        return new BatchReport.Entry(e.file(), e.outcome(), e.profile(), e.year(), e.unit(), e.tables(), e.errors(), e.warnings(), e.notices(),
                e.message(), e.millis(), e.status(), e.scores(), List.of());
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stored lines read back, by their JSON (a document's line never changes once read; a dashboard of 1,000 documents
     * would otherwise parse them all on every view): the last 5,000.
     */
    private static final java.util.Map<String, BatchReport.Entry> LINES = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override protected boolean removeEldestEntry(java.util.Map.Entry<String, BatchReport.Entry> e) { return size() > 5_000; }
            });

    /** A stored report line, with its findings when given (null: none). */
    static BatchReport.Entry entry(String summary, String findings) {
        if (summary == null) return null;
        try {
            BatchReport.Entry e = LINES.get(summary);
            if (e == null) {
                e = JSON.readValue(summary, BatchReport.Entry.class);
                LINES.put(summary, e);
            }
            if (findings == null) return e;
            List<BatchReport.FindingRow> rows = JSON.readValue(findings, new TypeReference<List<BatchReport.FindingRow>>() {});
            return new BatchReport.Entry(e.file(), e.outcome(), e.profile(), e.year(), e.unit(), e.tables(), e.errors(), e.warnings(), e.notices(),
                    e.message(), e.millis(), e.status(), e.scores(), rows);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a stored batch result that does not read back", ex);
        }
    }

    public BatchReport.Entry entry(Doc d, boolean withFindings) {
        return entry(d.summary(), withFindings ? batches.findings(d.id()) : null);
    }

    // ---- progress, cancel, assign, publish

    /** How far a job is: documents done of all, the rate, the time left. */
    public record Progress(long jobId, String status, String statusLabel, long total, long done, long running, long pending, long cancelled,
                           long refused, long failed, double perMinute, Long secondsLeft, long elapsedSeconds) {
        public int percent() { return total == 0 ? 100 : (int) (100 * done / total); }
        public String timeLeft() {
            if (secondsLeft == null) return "—";
            return secondsLeft >= 60 ? (secondsLeft / 60) + " 分 " + (secondsLeft % 60) + " 秒" : secondsLeft + " 秒";
        }
        public String rate() { return String.format("%.1f", perMinute); }
    }

    public Progress progress(BudgetUser me, long id) {
        Job j = job(me, id);
        return progress(j);
    }

    Progress progress(Job j) {
        BatchRepository.Counts c = batches.counts(j.id());
        long elapsed = 0;
        double perMinute = 0;
        Long left = null;
        if (c.firstStarted() != null) {
            OffsetDateTime end = j.running() ? OffsetDateTime.now() : (c.lastFinished() != null ? c.lastFinished() : OffsetDateTime.now());
            elapsed = Math.max(0, Duration.between(c.firstStarted(), end).toSeconds());
            long read = c.done(); // every finished document counts towards the rate, refused ones too
            double seconds = Math.max(1, Duration.between(c.firstStarted(), end).toMillis() / 1000.0);
            perMinute = read * 60.0 / seconds;
            long remaining = c.pending() + c.running();
            if (j.running() && read > 0) left = Math.round(remaining / (read / seconds));
        }
        if (!j.running()) left = 0L;
        return new Progress(j.id(), j.status(), j.statusLabel(), c.total(), c.done(), c.running(), c.pending(), c.cancelled(), c.refused(),
                c.failed(), perMinute, left, elapsed);
    }

    public void cancel(BudgetUser me, long id) {
        Job j = job(me, id);
        if (!batches.cancel(j.id())) throw new RuleViolation("这一批量审核" + j.statusLabel() + "，不能取消");
        auditLog.record(me.username(), "批量审核取消", null, j.year(), "批量审核 " + id);
    }

    /** The reviewer assigns a document to an agency of the region (blank: none); the name read becomes the agency's alias. */
    public void assign(BudgetUser me, long jobId, long docId, String agencyCode) {
        Job j = job(me, jobId);
        Doc d = batches.doc(jobId, docId).orElseThrow(() -> new NotFoundException("这一批量审核没有编号为 " + docId + " 的文档"));
        if (agencyCode == null || agencyCode.isBlank()) {
            batches.assign(docId, null);
            return;
        }
        Agency a = agencies.find(agencyCode.strip()).orElseThrow(() -> new RuleViolation("没有代码为 " + agencyCode.strip() + " 的部门或单位"));
        if (!a.regionCode().equals(j.regionCode())) throw new RuleViolation(a.name() + "不属于本地区");
        batches.assign(docId, a.code());
        String read = d.unitName() != null && !d.unitName().isBlank() ? d.unitName() : AgencyMatcher.stripFile(d.fileName());
        if (!read.isBlank() && read.length() <= 200) batches.addAlias(a.code(), read.strip(), me.username());
        auditLog.record(me.username(), "批量审核指定单位", a.code(), d.docYear(), "批量审核 " + jobId + " 文档 " + d.fileName());
        if ("DONE".equals(d.status())) workers.execute(() -> compareWithCounterpart(docId, jobId));
    }

    /** The scores and counts of a finished job public on the transparency page (or no longer). */
    public void publish(BudgetUser me, long id, boolean publish) {
        regionOf(me);   // the region's own reviewer: an inspector does not publish
        Job j = job(me, id);
        if (publish && j.running()) throw new RuleViolation("批量审核尚未完成，不能公开");
        batches.setPublished(j.id(), me.username(), publish);
        auditLog.record(me.username(), publish ? "批量审核公开" : "批量审核撤回公开", null, j.year(), "批量审核 " + id);
    }

    public List<Job> jobs(BudgetUser me) {
        return batches.jobs(new ArrayList<>(regionsOf(me).keySet()), 100);
    }

    public List<Doc> docs(BudgetUser me, long id) {
        job(me, id);
        return batches.docs(id);
    }

    /** The best guesses for each document of a job left unmatched, by document id. */
    public java.util.Map<Long, List<AgencyMatcher.Match>> suggestions(Job j, List<Doc> docs) {
        AgencyMatcher m = matcher(j.regionCode());
        java.util.Map<Long, List<AgencyMatcher.Match>> out = new java.util.HashMap<>();
        for (Doc d : docs)
            if (d.agencyCode() == null && d.finished()) out.put(d.id(), m.ranked(d.unitName() == null ? "" : d.unitName(), d.fileName(), null, 3));
        return out;
    }

    /** A document's file as uploaded (a PDF opened at a finding's page). */
    public byte[] content(BudgetUser me, long jobId, long docId) {
        job(me, jobId);
        return batches.content(jobId, docId).orElseThrow(() -> new NotFoundException("这一批量审核没有编号为 " + docId + " 的文档"));
    }

    /** Waits (tests, benchmarks) until the job is no longer running, at most {@code timeout}; whether it finished. */
    public boolean await(long id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (batches.job(id).map(j -> !j.running()).orElse(true)) return true;
            Thread.sleep(100);
        }
        return false;
    }

    @PreDestroy
    void stop() {
        collecting.shutdownNow();
        workers.shutdownNow();
    }
}
