package org.openbudget.web.db.repositories;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Batch audit jobs and their documents (V9): what was uploaded, where each reading is, what it gave. */
@Repository
public class BatchRepository {
    private final JdbcClient db;

    public BatchRepository(JdbcClient db) { this.db = db; }

    public record Job(long id, String regionCode, Integer year, String title, String status, String createdBy, OffsetDateTime createdAt,
                      OffsetDateTime finishedAt, OffsetDateTime publishedAt, String publishedBy, String sourceUrl, boolean collecting) {
        public boolean running() { return "RUNNING".equals(status); }
        public boolean published() { return publishedAt != null; }
        public String statusLabel() {
            return switch (status) {
                case "RUNNING" -> collecting ? "正在采集" : "进行中";
                case "DONE" -> "已完成";
                case "CANCELLED" -> "已取消";
                default -> status;
            };
        }
    }

    /** A document of a job, without its bytes and findings. */
    public record Doc(long id, long jobId, int position, String fileName, String sha256, long size, String status,
                      OffsetDateTime startedAt, OffsetDateTime finishedAt, Long millis, Integer docYear, String basis, String unitName,
                      String summary, String message, String agencyCode, BigDecimal confidence, String matchedBy,
                      String sourceUrl, java.time.LocalDate publishedOn, String publishedFrom) {
        /** Where the publication date came from (门户发布时间, 网页日期, 上传时填写), "" when none. */
        public String publishedFromLabel() { return publishedFrom == null ? "" : publishedFrom; }
        public boolean finished() { return "DONE".equals(status) || "REFUSED".equals(status) || "FAILED".equals(status); }
        /** The basis of the document compared with this one: a 预算's 决算, a 决算's 预算. */
        public String counterpartBasis() { return "预算".equals(basis) ? "决算" : "预算"; }
        public String statusLabel() {
            return switch (status) {
                case "PENDING" -> "等待";
                case "RUNNING" -> "正在审核";
                case "DONE" -> "已审核";
                case "REFUSED" -> "未审核";
                case "FAILED" -> "内部错误";
                case "CANCELLED" -> "已取消";
                default -> status;
            };
        }
        /** The confidence as a percentage ("" when none). */
        public String confidencePercent() {
            return confidence == null ? "" : confidence.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }

    /** How far a job is: documents by state, when the first started and the last finished. */
    public record Counts(long total, long done, long running, long pending, long cancelled, long refused, long failed,
                         OffsetDateTime firstStarted, OffsetDateTime lastFinished) {}

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("region_code"), (Integer) rs.getObject("budget_year"), rs.getString("title"),
                rs.getString("status"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class), rs.getString("published_by"),
                rs.getString("source_url"), rs.getBoolean("collecting"));
    }

    private static final String DOC_COLUMNS = "id, job_id, position, file_name, sha256, size_bytes, status, started_at, finished_at, millis, doc_year, basis,"
            + " unit_name, summary::text as summary, message, agency_code, confidence, matched_by, source_url, published_on, published_from";

    private static final String D_COLUMNS = "d.id, d.job_id, d.position, d.file_name, d.sha256, d.size_bytes, d.status, d.started_at, d.finished_at,"
            + " d.millis, d.doc_year, d.basis, d.unit_name, d.summary::text as summary, d.message, d.agency_code, d.confidence, d.matched_by,"
            + " d.source_url, d.published_on, d.published_from";

    private static Doc doc(ResultSet rs) throws SQLException {
        return new Doc(rs.getLong("id"), rs.getLong("job_id"), rs.getInt("position"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getLong("size_bytes"), rs.getString("status"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), (Long) rs.getObject("millis"), (Integer) rs.getObject("doc_year"),
                rs.getString("basis"), rs.getString("unit_name"), rs.getString("summary"), rs.getString("message"), rs.getString("agency_code"),
                rs.getBigDecimal("confidence"), rs.getString("matched_by"), rs.getString("source_url"),
                rs.getObject("published_on", java.time.LocalDate.class), rs.getString("published_from"));
    }

    /** A new job with its documents (bytes null: refused at intake, with why); its id. */
    @Transactional
    public long create(String region, Integer year, String title, String by, List<NewDoc> docs) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into batch_job(region_code, budget_year, title, status, created_by) values (?,?,?,'RUNNING',?)")
                .params(region, year, title, by).update(key, "id");
        long id = key.getKey().longValue();
        insertDocs(id, 0, docs);
        return id;
    }

    /** A job collecting from an address: running, no file yet; files are added as they are fetched ({@link #add}). */
    public long createCollecting(String region, Integer year, String title, String by, String url) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into batch_job(region_code, budget_year, title, status, created_by, source_url, collecting) values (?,?,?,'RUNNING',?,?,true)")
                .params(region, year, title, by, url).update(key, "id");
        return key.getKey().longValue();
    }

    /** A file fetched for a collecting job, after the ones it has. */
    @Transactional
    public void add(long job, NewDoc d) {
        int next = db.sql("select coalesce(max(position) + 1, 0) from batch_document where job_id = ?").param(job).query(Integer.class).single();
        insertDocs(job, next, List.of(d));
    }

    /** The collecting is over (done, refused, or the server stopped): the job finishes once its files are read. */
    public void collected(long job) {
        db.sql("update batch_job set collecting = false where id = ?").param(job).update();
    }

    /** After a restart: jobs whose collecting was cut off. */
    public List<Long> interruptedCollecting() {
        return db.sql("select id from batch_job where collecting").query(Long.class).list();
    }

    public boolean collecting(long job) {
        return db.sql("select collecting from batch_job where id = ?").param(job).query(Boolean.class).optional().orElse(false);
    }

    private void insertDocs(long id, int first, List<NewDoc> docs) {
        int pos = first;
        for (NewDoc d : docs) {
            db.sql("insert into batch_document(job_id, position, file_name, sha256, size_bytes, content, status, message, finished_at,"
                            + " source_url, published_on, published_from) values (?,?,?,?,?,?,?,?,?,?,?,?)")
                    .params(id, pos++, d.fileName(), d.sha256(), d.size(), d.content() == null ? new byte[0] : d.content(),
                            d.content() == null ? "REFUSED" : "PENDING", d.refused(), d.content() == null ? OffsetDateTime.now() : null,
                            d.sourceUrl(), d.publishedOn(), d.publishedOn() == null ? null : d.publishedFrom())
                    .update();
        }
    }

    /**
     * @param sourceUrl     the address the file was collected from (null: uploaded)
     * @param publishedOn   when it was published (null: unknown)
     * @param publishedFrom where that date comes from (门户发布时间, 网页日期, 上传时填写)
     */
    public record NewDoc(String fileName, String sha256, long size, byte[] content, String refused, String sourceUrl,
                         java.time.LocalDate publishedOn, String publishedFrom) {
        public NewDoc(String fileName, String sha256, long size, byte[] content, String refused) {
            this(fileName, sha256, size, content, refused, null, null, null);
        }
    }

    /** The comparison of an agency's 预算 and 决算 documents, stored once (a second worker's is dropped). */
    public void saveComparison(long budgetDoc, long finalDoc, String status, String findingsJson, String message) {
        db.sql("insert into batch_comparison(budget_doc, final_doc, status, findings, message) values (?,?,?,cast(? as jsonb),?) on conflict do nothing")
                .params(budgetDoc, finalDoc, status, findingsJson, message).update();
    }

    /** A batch's 决算 compared with the 预算 published on this portal (a publication's id). */
    public void savePublishedComparison(long publication, long finalDoc, String status, String findingsJson, String message) {
        db.sql("insert into batch_comparison(budget_publication, final_doc, status, findings, message) values (?,?,?,cast(? as jsonb),?) on conflict do nothing")
                .params(publication, finalDoc, status, findingsJson, message).update();
    }

    public boolean compared(long budgetDoc, long finalDoc) {
        return db.sql("select count(*) from batch_comparison where budget_doc = ? and final_doc = ?").params(budgetDoc, finalDoc)
                .query(Long.class).single() > 0;
    }

    public boolean comparedWithPublished(long publication, long finalDoc) {
        return db.sql("select count(*) from batch_comparison where budget_publication = ? and final_doc = ?").params(publication, finalDoc)
                .query(Long.class).single() > 0;
    }

    public Optional<byte[]> content(long docId) {
        return db.sql("select content from batch_document where id = ?").param(docId).query((rs, i) -> rs.getBytes(1)).optional();
    }

    /** The agency's latest read document of the region, year and basis (the counterpart of another's). */
    public Optional<Doc> latestOf(String region, String agency, int year, String basis) {
        return db.sql("select " + D_COLUMNS + " from batch_document d join batch_job j on j.id = d.job_id where j.region_code = ? and d.agency_code = ?"
                        + " and coalesce(d.doc_year, j.budget_year) = ? and d.basis = ? and d.status = 'DONE' order by d.id desc limit 1")
                .params(region, agency, year, basis).query((rs, i) -> doc(rs)).optional();
    }

    public Optional<Job> job(long id) {
        return db.sql("select * from batch_job where id = ?").param(id).query((rs, i) -> job(rs)).optional();
    }

    public List<Job> jobs(String region, int limit) {
        return jobs(List.of(region), limit);
    }

    /** The latest jobs of these regions. */
    public List<Job> jobs(List<String> regions, int limit) {
        if (regions.isEmpty()) return List.of();
        return db.sql("select * from batch_job where region_code in (:r) order by id desc limit :n").param("r", regions).param("n", limit)
                .query((rs, i) -> job(rs)).list();
    }

    public List<Doc> docs(long job) {
        return db.sql("select " + DOC_COLUMNS + " from batch_document where job_id = ? order by position").param(job).query((rs, i) -> doc(rs)).list();
    }

    public Optional<Doc> doc(long job, long id) {
        return db.sql("select " + DOC_COLUMNS + " from batch_document where job_id = ? and id = ?").params(job, id).query((rs, i) -> doc(rs)).optional();
    }

    /**
     * The latest audited document of each file content (SHA-256) of the region's jobs — all of them, or only the published
     * ones — whose year (as read, or the job's) is {@code year}: what the dashboard and the transparency page show.
     */
    public List<Doc> latestInRegion(String region, int year, boolean publishedOnly) {
        return db.sql(latestSql(publishedOnly)).params(region, year).query((rs, i) -> doc(rs)).list();
    }

    private static String latestSql(boolean publishedOnly) {
        // a file refused at intake has no content to tell it by: each is its own
        // the latest of each file chosen by ids alone, then those rows read (sorting the wide rows themselves spills)
        return "select " + D_COLUMNS + " from batch_document d where d.id in (select distinct on (" + SAME_FILE + ") d.id"
                + " from batch_document d join batch_job j on j.id = d.job_id"
                + " where j.region_code = ? and coalesce(d.doc_year, j.budget_year) = ? and d.status in ('DONE', 'REFUSED', 'FAILED')"
                + (publishedOnly ? " and j.published_at is not null" : "")
                + " order by " + SAME_FILE + ", d.id desc) order by d.id";
    }

    private static String yearsSql(boolean publishedOnly) {
        return "select distinct coalesce(d.doc_year, j.budget_year) y from batch_document d join batch_job j on j.id = d.job_id"
                + " where j.region_code = ? and coalesce(d.doc_year, j.budget_year) is not null" + (publishedOnly ? " and j.published_at is not null" : "")
                + " order by y desc";
    }

    /** The plans of the dashboard's queries as PostgreSQL ran them ({@code EXPLAIN ANALYZE}): for the bench (./budget bench-dashboard --explain). */
    public List<String> explainDashboard(String region, int year) {
        List<String> out = new java.util.ArrayList<>();
        for (String[] q : List.of(new String[] {"最新读取 (latestInRegion)", latestSql(false), "2"}, new String[] {"年度 (years)", yearsSql(false), "1"},
                new String[] {"数据标记 (stamp)", STAMP, "0"})) {
            var spec = db.sql("explain (analyze, buffers) " + q[1]);
            if (q[2].equals("2")) spec = spec.params(region, year);
            else if (q[2].equals("1")) spec = spec.param(region);
            out.add(q[0] + "\n" + String.join("\n", spec.query(String.class).list()));
        }
        return out;
    }

    /** The tables a region's dashboard is computed from: its documents and jobs, the comparisons, the registry, the weights and dates. */
    private static final List<String> DASHBOARD_TABLES = List.of("batch_document", "batch_job", "batch_comparison", "agency", "region",
            "region_scoring", "region_approval");
    private static final String STAMP = DASHBOARD_TABLES.stream()
            .map(t -> "(select count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) from " + t + ")")
            .collect(java.util.stream.Collectors.joining(" || ':' || ", "select ", ""));

    /**
     * Where the data a dashboard is made of stands: each table's rows counted and the transactions that last wrote them
     * summed (a row inserted, updated or deleted changes its table's figures). Equal stamps, same data: what was computed
     * from it may be shown again. One query over small rows (the documents' bytes are not read).
     */
    public String stamp() {
        return db.sql(STAMP).query(String.class).single();
    }

    private static final String SAME_FILE = "case when d.size_bytes = 0 then 'doc:' || d.id else d.sha256 end";

    /** The years the region's jobs have documents of (published ones only, for the public). */
    public List<Integer> years(String region, boolean publishedOnly) {
        return db.sql(yearsSql(publishedOnly)).param(region).query(Integer.class).list();
    }

    /** The regions with a published job (the transparency pages there are). */
    public List<String> publishedRegions() {
        return db.sql("select distinct region_code from batch_job where published_at is not null order by region_code").query(String.class).list();
    }

    public Counts counts(long job) {
        return db.sql("""
                select count(*) total,
                  count(*) filter (where status in ('DONE', 'REFUSED', 'FAILED')) done,
                  count(*) filter (where status = 'RUNNING') running,
                  count(*) filter (where status = 'PENDING') pending,
                  count(*) filter (where status = 'CANCELLED') cancelled,
                  count(*) filter (where status = 'REFUSED') refused,
                  count(*) filter (where status = 'FAILED') failed,
                  min(started_at) first_started, max(finished_at) filter (where started_at is not null) last_finished
                from batch_document where job_id = ?""").param(job)
                .query((rs, i) -> new Counts(rs.getLong("total"), rs.getLong("done"), rs.getLong("running"), rs.getLong("pending"),
                        rs.getLong("cancelled"), rs.getLong("refused"), rs.getLong("failed"),
                        rs.getObject("first_started", OffsetDateTime.class), rs.getObject("last_finished", OffsetDateTime.class)))
                .single();
    }

    /** The bytes of a document to read, if this worker is the one that takes it (PENDING → RUNNING, its job still running). */
    public Optional<Claimed> claim(long docId) {
        int n = db.sql("update batch_document set status = 'RUNNING', started_at = now() where id = ? and status = 'PENDING'"
                + " and job_id in (select id from batch_job where status = 'RUNNING')").param(docId).update();
        if (n == 0) return Optional.empty();
        return db.sql("select job_id, file_name, content from batch_document where id = ?").param(docId)
                .query((rs, i) -> new Claimed(docId, rs.getLong("job_id"), rs.getString("file_name"), rs.getBytes("content"))).optional();
    }

    public record Claimed(long id, long jobId, String fileName, byte[] content) {}

    /** What reading a document gave. */
    public record Outcome(String status, long millis, Integer year, String basis, String unitName, String summaryJson, String findingsJson,
                          String message, String agencyCode, BigDecimal confidence, String matchedBy) {}

    public void finish(long docId, Outcome o) {
        db.sql("""
                update batch_document set status = ?, finished_at = now(), millis = ?, doc_year = ?, basis = ?, unit_name = ?,
                  summary = cast(? as jsonb), findings = cast(? as jsonb), message = ?, agency_code = ?, confidence = ?, matched_by = ?
                where id = ? and status = 'RUNNING'""")
                .params(o.status(), o.millis(), o.year(), o.basis(), o.unitName(), o.summaryJson(), o.findingsJson(), o.message(),
                        o.agencyCode(), o.confidence(), o.matchedBy(), docId)
                .update();
    }

    /** Marks a job done once none of its documents is left to read. */
    public void finishJobIfDone(long job) {
        db.sql("update batch_job set status = 'DONE', finished_at = now() where id = ? and status = 'RUNNING' and not collecting"
                + " and not exists (select 1 from batch_document where job_id = ? and status in ('PENDING', 'RUNNING'))").params(job, job).update();
    }

    /** Cancels a running job: its waiting documents are not read (the ones being read finish). Whether it was running. */
    @Transactional
    public boolean cancel(long job) {
        int n = db.sql("update batch_job set status = 'CANCELLED', finished_at = now() where id = ? and status = 'RUNNING'").param(job).update();
        if (n == 0) return false;
        db.sql("update batch_document set status = 'CANCELLED', finished_at = now() where job_id = ? and status = 'PENDING'").param(job).update();
        return true;
    }

    /** After a restart: documents left RUNNING by a server that stopped are read again. How many. */
    public int requeueInterrupted() {
        return db.sql("update batch_document set status = 'PENDING', started_at = null where status = 'RUNNING'"
                + " and job_id in (select id from batch_job where status = 'RUNNING')").update();
    }

    /** Documents waiting to be read, of running jobs, oldest job first. */
    public List<long[]> pending() {
        return db.sql("select d.id, d.job_id from batch_document d join batch_job j on j.id = d.job_id"
                        + " where d.status = 'PENDING' and j.status = 'RUNNING' order by d.job_id, d.position")
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
    }

    public List<Long> runningJobs() {
        return db.sql("select id from batch_job where status = 'RUNNING' order by id").query(Long.class).list();
    }

    public Optional<byte[]> content(long job, long docId) {
        return db.sql("select content from batch_document where job_id = ? and id = ?").params(job, docId).query((rs, i) -> rs.getBytes(1)).optional();
    }

    public String findings(long docId) {
        return db.sql("select findings::text from batch_document where id = ?").param(docId).query(String.class).optional().orElse(null);
    }

    /** The reviewer's assignment of a document to an agency (null: none). */
    public void assign(long docId, String agencyCode) {
        db.sql("update batch_document set agency_code = ?, confidence = ?, matched_by = ? where id = ?")
                .params(agencyCode, agencyCode == null ? null : BigDecimal.ONE, agencyCode == null ? null : "人工", docId).update();
    }

    public void setPublished(long job, String by, boolean published) {
        if (published) db.sql("update batch_job set published_at = now(), published_by = ? where id = ?").params(by, job).update();
        else db.sql("update batch_job set published_at = null, published_by = null where id = ?").param(job).update();
    }

    public void addAlias(String agencyCode, String alias, String by) {
        db.sql("insert into agency_alias(agency_code, alias, created_by) values (?,?,?) on conflict do nothing").params(agencyCode, alias, by).update();
    }

    /** agency code → its aliases, for the agencies of a region. */
    public java.util.Map<String, List<String>> aliases(String region) {
        java.util.Map<String, List<String>> out = new java.util.HashMap<>();
        db.sql("select a.agency_code, a.alias from agency_alias a join agency g on g.code = a.agency_code where g.region_code = ?").param(region)
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list()
                .forEach(r -> out.computeIfAbsent(r[0], k -> new java.util.ArrayList<>()).add(r[1]));
        return out;
    }
}
