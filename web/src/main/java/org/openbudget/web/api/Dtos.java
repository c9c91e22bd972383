package org.openbudget.web.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.check.Finding;
import org.openbudget.io.InputProblem;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository.StoredFile;
import org.openbudget.web.service.Evaluation;
import org.openbudget.web.service.WorkflowService.DocumentView;
import org.openbudget.web.service.WorkflowService.UnitState;

/** The JSON shapes of the REST API (OpenAPI at /v3/api-docs). */
public final class Dtos {
    private Dtos() {}

    public record Counts(long errors, long warnings, long notices) {
        static Counts of(Evaluation e) { return e == null ? new Counts(0, 0, 0) : new Counts(e.errors(), e.warnings(), e.notices()); }
    }

    public record CheckResult(boolean readable, Counts counts, List<InputProblem> problems, List<Finding> findings) {
        public static CheckResult of(Evaluation e) { return new CheckResult(e.readable(), Counts.of(e), e.problems(), e.findings()); }
    }

    public record DocumentSummary(String agencyCode, int year, String status, String statusLabel, int version, String updatedBy, OffsetDateTime updatedAt,
                                  String basis, String key) {
        public static DocumentSummary of(Document d) {
            return new DocumentSummary(d.agencyCode(), d.year(), d.status().name(), d.status().label(), d.rowVersion(), d.updatedBy(), d.updatedAt(),
                    d.basis(), org.openbudget.web.service.DocumentKey.of(d.year(), d.basis()).path());
        }
    }

    public record UnitStatus(String unitCode, String unitName, String status, boolean consolidated, String problem) {
        static UnitStatus of(UnitState s) {
            return new UnitStatus(s.unit().code(), s.unit().name(), s.status() == null ? null : s.status().name(), s.consolidated(), s.problem());
        }
    }

    public record VersionDto(long id, int versionNo, String contentHash, String publishedBy, OffsetDateTime publishedAt, Long supersededBy,
                             Counts counts, String correctionReason) {
        public static VersionDto of(Publication p) {
            return new VersionDto(p.id(), p.versionNo(), p.contentHash(), p.publishedBy(), p.publishedAt(), p.supersededBy(),
                    new Counts(p.errors(), p.warnings(), p.notices()), p.correctionReason());
        }
    }

    public record DocumentDto(String agencyCode, String agencyName, String kind, int year, String status, String statusLabel,
                              Integer version, String updatedBy, OffsetDateTime updatedAt, String submitComment, String reviewComment,
                              CheckResult check, List<UnitStatus> units, List<VersionDto> versions, List<String> actions, String basis) {
        public static DocumentDto of(DocumentView v) {
            Document d = v.document();
            // what the transition table lets this reader do now
            List<String> actions = v.actions().stream().map(org.openbudget.web.workflow.Action::id).toList();
            return new DocumentDto(v.agency().code(), v.agency().name(), v.agency().kind(), v.year(),
                    d == null ? null : d.status().name(), d == null ? "未填报" : d.status().label(), d == null ? null : d.rowVersion(),
                    d == null ? null : d.updatedBy(), d == null ? null : d.updatedAt(), d == null ? null : d.submitComment(),
                    d == null ? null : d.reviewComment(), v.evaluation() == null ? null : CheckResult.of(v.evaluation()),
                    v.units().stream().map(UnitStatus::of).toList(), v.versions().stream().map(VersionDto::of).toList(), actions, v.basis());
        }
    }

    /** A decision on a document: the version read, a comment; for publishing a correction, its public reason. */
    public record Decision(Integer version, String comment, String reason) {}

    public record FileDto(String format, String fileName, String mediaType, long size, String sha256, String url) {
        public static FileDto of(long pubId, StoredFile f) {
            return new FileDto(f.format(), f.fileName(), f.mediaType(), f.size(), f.sha256(), "/api/public/documents/" + pubId + "/files/" + f.format());
        }
    }

    public record PublicDocument(long id, String agencyCode, String agencyName, String kind, int year, int versionNo, String regionCode,
                                 String departmentCode, String contentHash, OffsetDateTime publishedAt, boolean current, Long supersededBy,
                                 Counts checks, List<FileDto> files, String correctionReason, String basis) {
        public static PublicDocument of(Publication p, List<FileDto> files) {
            return new PublicDocument(p.id(), p.agencyCode(), p.agencyName(), p.kind(), p.year(), p.versionNo(), p.regionCode(), p.departmentCode(),
                    p.contentHash(), p.publishedAt(), p.current(), p.supersededBy(), new Counts(p.errors(), p.warnings(), p.notices()), files,
                    p.correctionReason(), p.basis());
        }
    }

    public record ErrorDto(String error, List<InputProblem> problems) {}

    /** A published version's open-data package: whose, which version, where to download it (null when it has none). */
    /** @param basis 预算 or 决算 (the package's phase: approved or executed) */
    public record OpenDataDto(long id, String agencyCode, String agencyName, String kind, String basis, int year, int versionNo, String regionCode,
                              String departmentCode, OffsetDateTime publishedAt, String url, String sha256, Long size) {
        public static OpenDataDto of(org.openbudget.web.service.OpenDataService.Entry e) {
            Publication p = e.publication();
            return new OpenDataDto(p.id(), p.agencyCode(), p.agencyName(), p.kind(), p.isFinal() ? "决算" : "预算", p.year(), p.versionNo(), p.regionCode(), p.departmentCode(),
                    p.publishedAt(), e.hasData() ? "/api/public/documents/" + p.id() + "/files/fdp" : null,
                    e.hasData() ? e.fdp().sha256() : null, e.hasData() ? e.fdp().size() : null);
        }
    }

    /** A region's year as open data: the one package and CSV, and which versions they hold, take through a department or lack. */
    public record RegionDataDto(String regionCode, String regionName, int year, String packageUrl, String csvUrl,
                                List<OpenDataDto> included, List<OpenDataDto> throughDepartment, List<OpenDataDto> withoutData) {
        public static RegionDataDto of(org.openbudget.web.service.OpenDataService.Collection c) {
            String base = "/api/public/opendata/" + c.regionCode() + "/" + c.year();
            return new RegionDataDto(c.regionCode(), c.regionName(), c.year(), base + "/fdp", base + "/csv",
                    c.included().stream().map(OpenDataDto::of).toList(), c.throughDepartment().stream().map(OpenDataDto::of).toList(),
                    c.withoutData().stream().map(OpenDataDto::of).toList());
        }
    }
}
