package org.openbudget.web.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository;
import org.openbudget.web.db.repositories.PublicationRepository.StoredFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The public side: published versions only. A published version never changes, so its parts are
 * cached; what its page shows besides changes only when something is published or a region is
 * renamed — see {@link #validity}.
 */
@Service
public class PortalService {
    private final PublicationRepository publications;
    private final AgencyRepository agencies;
    private final PublicationService publisher;
    private final long recheckNanos;

    /** Grows when every page may have changed (a region renamed, or changes the database cannot say more about). */
    private final AtomicLong everything = new AtomicLong();
    /** Per agency and year ("code/year"): grows when a page of that agency and year may have changed. */
    private final Map<String, Long> agencyYears = new ConcurrentHashMap<>();
    /** Versions published by this application, already counted in {@link #agencyYears}, not yet seen in the database's stamp. */
    private final Set<Long> announced = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile PublicationRepository.PublicStamp stamp;
    private volatile long nextCheck = System.nanoTime();

    public PortalService(PublicationRepository publications, AgencyRepository agencies, PublicationService publisher,
                         @Value("${budget.portal.recheck-ms:1000}") long recheckMillis) {
        this.publications = publications;
        this.agencies = agencies;
        this.publisher = publisher;
        this.recheckNanos = Math.max(0, recheckMillis) * 1_000_000L;
    }

    /**
     * What a page of an agency's version for a year was built under. Its page shows the version
     * (immutable but for "superseded by"), the agency's versions for that year, its current version
     * of the year before (the comparison chart), and the region's name; so it may change when that
     * agency publishes for that year or the year before, or a region is renamed. Anything built from
     * the database after this was taken is current while {@link #isCurrent} says so.
     */
    public record Validity(long everything, String agencyYear, long generation) {}

    public Validity validity(String agencyCode, int year) {
        recheck();
        String k = key(agencyCode, year);
        return new Validity(everything.get(), k, agencyYears.getOrDefault(k, 0L));
    }

    public boolean isCurrent(Validity v) {
        recheck();
        return v.everything() == everything.get() && v.generation() == agencyYears.getOrDefault(v.agencyYear(), 0L);
    }

    private static String key(String agencyCode, int year) { return agencyCode + "/" + year; }

    private void changed(String agencyCode, int year) {
        agencyYears.merge(key(agencyCode, year), 1L, Long::sum);
        agencyYears.merge(key(agencyCode, year + 1), 1L, Long::sum);
    }

    /** A department marked as under correction, or no longer: its pages are stale once that has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    public void correctionChanged(WorkflowService.CorrectionChanged e) {
        changed(e.agencyCode(), e.year());
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.openbudget.web.db.repositories.CorrectionRepository corrections;

    /** This application published: the pages it shows on are stale as soon as it has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    public void published(PublicationService.Published e) {
        announced.add(e.id());
        changed(e.agencyCode(), e.year());
    }

    /**
     * Other writers of the same database (another instance of this application, a region renamed)
     * are seen by asking the database, at most once per {@code budget.portal.recheck-ms}: one short
     * query, and when versions were added, which agencies and years they are of. Versions committed
     * out of id order (so that the new ones are not simply those above the last id seen) make
     * every page stale.
     */
    private void recheck() {
        long now = System.nanoTime();
        if (now - nextCheck < 0 || !checking.compareAndSet(false, true)) return;
        try {
            PublicationRepository.PublicStamp s = publications.publicStamp();
            PublicationRepository.PublicStamp old = stamp;
            if (old != null) {
                if (!s.regions().equals(old.regions())) everything.incrementAndGet();
                if (s.count() != old.count() || s.maxId() != old.maxId()) {
                    List<PublicationRepository.Published> added = publications.publishedBetween(old.maxId(), s.maxId());
                    if (added.size() != s.count() - old.count()) everything.incrementAndGet();
                    for (PublicationRepository.Published p : added) {
                        if (!announced.remove(p.id())) changed(p.agencyCode(), p.year());
                    }
                    long seen = s.maxId();
                    announced.removeIf(id -> id <= seen);
                }
            }
            stamp = s;
            nextCheck = System.nanoTime() + recheckNanos;
        } finally {
            checking.set(false);
        }
    }

    public List<Publication> search(Integer year, String region, String department, String q) {
        return publications.search(year, region, department, q);
    }

    public List<Integer> years() { return publications.years(); }

    public Map<String, String> regions() { return agencies.regions(); }

    /** Departments that have published something, for the filter. */
    public List<Publication> departments() {
        // each department once, whether it published its 预算, its 决算 or both
        Map<String, Publication> byCode = new java.util.LinkedHashMap<>();
        for (Publication p : publications.search(null, null, null, null)) if ("部门".equals(p.kind())) byCode.putIfAbsent(p.agencyCode(), p);
        return List.copyOf(byCode.values());
    }

    public Publication publication(long id) {
        return publications.find(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的公开文档"));
    }

    /** Everything a version's page shows, read now (the published HTML's {@code <main>}, the versions, last year's version). */
    public Page page(long id) {
        Publication p = publication(id);
        Optional<Publication> lastYear = publications.current(p.agencyCode(), p.year() - 1, p.basis());
        return new Page(p, body(id), Summary.parse(p.summaryJson()), files(id), publications.versions(p.agencyCode(), p.year(), p.basis()),
                lastYear.orElse(null), lastYear.map(l -> Summary.parse(l.summaryJson())).orElse(null), regions().get(p.regionCode()),
                p.current() ? corrections.open(p.agencyCode(), p.year(), p.basis()) : List.of(),
                publications.current(p.agencyCode(), p.year(), p.isFinal() ? org.openbudget.web.db.repositories.Document.BUDGET
                        : org.openbudget.web.db.repositories.Document.FINAL).orElse(null));
    }

    /** A version's files (name, type, size, hash): they never change, so they are kept. */
    public List<StoredFile> files(long id) {
        return publisher.cached(id, () -> publications.files(id));
    }

    public StoredFile file(long id, String format) {
        return publications.file(id, format).orElseThrow(() -> new NotFoundException("该文档没有 " + format + " 格式的文件"));
    }

    private String body(long id) {
        String html = publications.file(id, "html").map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElse("");
        int start = html.indexOf("<main");
        int end = html.lastIndexOf("</main>");
        return start >= 0 && end > start ? html.substring(start, end + 7) : "";
    }

    public record Page(Publication publication, String bodyHtml, Summary summary, List<StoredFile> files, List<Publication> versions,
                       Publication lastYear, Summary lastYearSummary, String regionName,
                       List<org.openbudget.web.db.repositories.CorrectionRepository.Notice> corrections,
                       /* the year's other document (the 决算 of a 预算, the 预算 of a 决算), current version; null when not published */
                       Publication counterpart) {}
}
