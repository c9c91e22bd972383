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

    public BatchService(BatchRepository batches, AgencyRepository agencies, AuditLogRepository auditLog, BudgetService budgets,
                        @Value("${budget.batch.workers:2}") int workers, @Value("${budget.batch.max-documents:1000}") int maxDocuments,
                        @Value("${budget.batch.max-mb:256}") long maxMb) {
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

    /** The region whose batches this account works on: a reviewer's. */
    public String regionOf(BudgetUser me) {
        if (me == null || me.role() != Role.REVIEWER || me.regionCode() == null)
            throw new AccessDeniedException("批量审核只供财政局审核人使用");
        return me.regionCode();
    }

    /** A job the reviewer may see: one of their region. */
    public Job job(BudgetUser me, long id) {
        String region = regionOf(me);
        Job j = batches.job(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的批量审核"));
        if (!j.regionCode().equals(region)) throw new AccessDeniedException("这一批量审核属于另一地区");
        return j;
    }

    // ---- a new job

    /** Unpacks, checks and stores the upload as a new job and starts reading it; the job's id. */
    public long create(BudgetUser me, Integer year, String title, List<BatchIntake.Upload> uploads) {
        String region = regionOf(me);
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
            return store(me, region, year, title, uploads);
        } finally {
            intakeSlot.release();
        }
    }

    private final java.util.concurrent.Semaphore intakeSlot = new java.util.concurrent.Semaphore(1, true);

    private long store(BudgetUser me, String region, Integer year, String title, List<BatchIntake.Upload> uploads) {
        List<BatchIntake.Item> items = intake.unpack(uploads);
        List<BatchRepository.NewDoc> docs = new ArrayList<>(items.size());
        for (BatchIntake.Item i : items) {
            byte[] c = i.content();
            docs.add(new BatchRepository.NewDoc(i.name(), c == null ? "-".repeat(64) : sha256(c), c == null ? 0 : c.length, c, i.refused()));
        }
        String t = title == null || title.isBlank() ? (year == null ? "" : year + "年 ") + items.size() + " 个文件" : title.strip();
        if (t.length() > 200) t = t.substring(0, 200);
        long id = batches.create(region, year, t, me.username(), docs);
        auditLog.record(me.username(), "批量审核上传", null, year, "批量审核 " + id + "：" + items.size() + " 个文件");
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

    private void read(long docId, long jobId) {
        Claimed c = batches.claim(docId).orElse(null);
        if (c == null) {
            batches.finishJobIfDone(jobId);
            return;
        }
        BatchRepository.Outcome o = audit(c);
        batches.finish(docId, o);
        batches.finishJobIfDone(jobId);
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

    /** A stored report line, with its findings when given (null: none). */
    static BatchReport.Entry entry(String summary, String findings) {
        if (summary == null) return null;
        try {
            BatchReport.Entry e = JSON.readValue(summary, BatchReport.Entry.class);
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
    }

    /** The scores and counts of a finished job public on the transparency page (or no longer). */
    public void publish(BudgetUser me, long id, boolean publish) {
        Job j = job(me, id);
        if (publish && j.running()) throw new RuleViolation("批量审核尚未完成，不能公开");
        batches.setPublished(j.id(), me.username(), publish);
        auditLog.record(me.username(), publish ? "批量审核公开" : "批量审核撤回公开", null, j.year(), "批量审核 " + id);
    }

    public List<Job> jobs(BudgetUser me) {
        return batches.jobs(regionOf(me), 100);
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
        workers.shutdownNow();
    }
}
