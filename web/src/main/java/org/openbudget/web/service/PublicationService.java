package org.openbudget.web.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository;
import org.openbudget.web.db.repositories.PublicationRepository.StoredFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing freezes a version: every format rendered once and stored with its SHA-256, the
 * dataset beside them, and a content hash over all of them. A correction is a new version that
 * supersedes the current one (the database refuses any change to a published row).
 */
@Service
public class PublicationService {
    private final PublicationRepository repo;
    private final List<DocumentFormat> formats;
    /** Published versions never change: small facts about them (their files) are kept by id. */
    private final Map<Long, Object> cache = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;

    public PublicationService(PublicationRepository repo, List<DocumentFormat> formats, ApplicationEventPublisher events) {
        this.repo = repo;
        this.formats = formats;
        this.events = events;
    }

    /**
     * A version was published (and the one it supersedes, if any, now says so). Announced within the
     * publishing transaction; the portal reacts once it has committed.
     */
    public record Published(long id, String agencyCode, int year, Long superseded) {}

    public List<DocumentFormat> formats() { return formats; }

    /**
     * The web page (HTML) this evaluation would be published as: the same renderer and input as {@link #publish}, so the
     * preview is what gets published — cover, 目录, every part and table.
     */
    public byte[] previewHtml(Agency agency, Evaluation e) {
        DocumentFormat html = formats.stream().filter(f -> f.format().equals("html")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no html format"));
        return html.render(new DocumentFormat.Input(e.disclosure(), e.profile(), e.findings(), List.of(), agency.code() + "-" + e.disclosure().year()));
    }

    @Transactional
    public Publication publish(Agency agency, Evaluation e, List<DocumentFormat.DatasetFile> dataset, String by) {
        return publish(agency, e, dataset, by, null);
    }

    /**
     * Freezes a new version. A correction (there is a current version) needs its public reason, kept with the version and
     * shown on its page; a first version has none.
     */
    @Transactional
    public Publication publish(Agency agency, Evaluation e, List<DocumentFormat.DatasetFile> dataset, String by, String correctionReason) {
        int year = e.disclosure().year();
        String basis = e.budget() != null && e.budget().isFinal() ? Document.FINAL : Document.BUDGET;
        Optional<Publication> previous = repo.current(agency.code(), year, basis);
        String reason = correctionReason == null ? "" : correctionReason.strip();
        if (previous.isPresent() && reason.isEmpty())
            throw new RuleViolation("这是第 " + (previous.get().versionNo() + 1) + " 版（更正），发布更正版本须填写公开的更正说明：更正了什么、为什么更正。");
        if (reason.length() > 2000) throw new RuleViolation("更正说明不能超过 2000 字。");
        int versionNo = previous.map(p -> p.versionNo() + 1).orElse(1);
        String baseName = agency.code() + "-" + year + (basis.equals(Document.FINAL) ? "-final" : "") + "-v" + versionNo;
        DocumentFormat.Input in = new DocumentFormat.Input(e.disclosure(), e.profile(), e.findings(), dataset, baseName, e.budget());
        List<StoredFile> files = new ArrayList<>();
        String running = agency.code() + "/" + year;
        try {
            int step = 0;
            for (DocumentFormat f : formats) {
                progress.put(running, new Progress(true, ++step, formats.size() + 1, "正在生成" + f.label()));
                files.add(rendered(f, in, baseName));
            }
            progress.put(running, new Progress(true, formats.size() + 1, formats.size() + 1, "正在保存并冻结版本"));
            return store(agency, e, year, basis, versionNo, baseName, files, by, previous, reason);
        } finally {
            progress.remove(running);
        }
    }

    /** Where a publication under way is: the step (a format rendered, then the version stored) of how many, in words. */
    public record Progress(boolean running, int step, int of, String label) {
        static final Progress NONE = new Progress(false, 0, 0, "");
    }

    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    /** The progress of a publication of this document running on this server now; {@code running} false when none is. */
    public Progress progress(String agencyCode, int year) {
        return progress.getOrDefault(agencyCode + "/" + year, Progress.NONE);
    }

    private StoredFile rendered(DocumentFormat f, DocumentFormat.Input in, String baseName) {
        byte[] content = f.render(in);
        String ext = f instanceof DatasetFormat ? DatasetFormat.extensionFor(in) : f.extension();
        String media = !(f instanceof DatasetFormat) ? f.mediaType() : switch (ext) {
            case "zip" -> "application/zip";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "application/yaml";
        };
        return new StoredFile(f.format(), baseName + (f.format().equals(ext) ? "" : "-" + f.format()) + "." + ext, media, content, sha256(content), content.length);
    }

    private Publication store(Agency agency, Evaluation e, int year, String basis, int versionNo, String baseName, List<StoredFile> files, String by,
                              Optional<Publication> previous, String reason) {
        StringBuilder manifest = new StringBuilder();
        files.stream().sorted(java.util.Comparator.comparing(StoredFile::format))
                .forEach(f -> manifest.append(f.format()).append(':').append(f.sha256()).append('\n'));
        String hash = sha256(manifest.toString().getBytes(StandardCharsets.UTF_8));
        Publication p = new Publication(0, agency.code(), year, versionNo, e.disclosure().unitName(), agency.kind(), agency.regionCode(),
                agency.isDepartment() ? null : agency.parentCode(), hash, (int) e.errors(), (int) e.warnings(), (int) e.notices(),
                Summary.of(e.disclosure()).json(), by, null, null, previous.isPresent() ? reason : null, basis);
        long id = repo.insert(p);
        for (StoredFile f : files) repo.insertFile(id, f);
        previous.ifPresent(old -> repo.supersede(old.id(), id));
        events.publishEvent(new Published(id, agency.code(), year, previous.map(Publication::id).orElse(null)));
        return repo.find(id).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    public <T> T cached(long id, java.util.function.Supplier<T> make) {
        return (T) cache.computeIfAbsent(id, k -> make.get());
    }

    public void forget(long id) { cache.remove(id); }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
