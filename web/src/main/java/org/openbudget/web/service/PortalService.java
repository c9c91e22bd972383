package org.openbudget.web.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository;
import org.openbudget.web.db.repositories.PublicationRepository.StoredFile;
import org.springframework.stereotype.Service;

/** The public side: published versions only. A published version never changes, so its parts are cached. */
@Service
public class PortalService {
    private final PublicationRepository publications;
    private final AgencyRepository agencies;
    private final PublicationService publisher;

    public PortalService(PublicationRepository publications, AgencyRepository agencies, PublicationService publisher) {
        this.publications = publications;
        this.agencies = agencies;
        this.publisher = publisher;
    }

    public List<Publication> search(Integer year, String region, String department, String q) {
        return publications.search(year, region, department, q);
    }

    public List<Integer> years() { return publications.years(); }

    public Map<String, String> regions() { return agencies.regions(); }

    /** Departments that have published something, for the filter. */
    public List<Publication> departments() {
        return publications.search(null, null, null, null).stream().filter(p -> "部门".equals(p.kind())).toList();
    }

    public Publication publication(long id) {
        return publications.find(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的公开文档"));
    }

    public Page page(long id) {
        Publication p = publication(id);
        Frozen f = publisher.cached(id, () -> freeze(p));
        Optional<Publication> lastYear = publications.current(p.agencyCode(), p.year() - 1);
        return new Page(p, f.bodyHtml(), f.summary(), f.files(), publications.versions(p.agencyCode(), p.year()),
                lastYear.orElse(null), lastYear.map(l -> Summary.parse(l.summaryJson())).orElse(null), regions().get(p.regionCode()));
    }

    public List<StoredFile> files(long id) {
        return publisher.cached(id, () -> freeze(publication(id))).files();
    }

    public StoredFile file(long id, String format) {
        return publications.file(id, format).orElseThrow(() -> new NotFoundException("该文档没有 " + format + " 格式的文件"));
    }

    private Frozen freeze(Publication p) {
        String html = publications.file(p.id(), "html").map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElse("");
        int start = html.indexOf("<main");
        int end = html.lastIndexOf("</main>");
        String body = start >= 0 && end > start ? html.substring(start, end + 7) : "";
        return new Frozen(body, Summary.parse(p.summaryJson()), publications.files(p.id()));
    }

    record Frozen(String bodyHtml, Summary summary, List<StoredFile> files) {}

    public record Page(Publication publication, String bodyHtml, Summary summary, List<StoredFile> files, List<Publication> versions,
                       Publication lastYear, Summary lastYearSummary, String regionName) {}
}
