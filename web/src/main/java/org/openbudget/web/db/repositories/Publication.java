package org.openbudget.web.db.repositories;

import java.time.OffsetDateTime;

/**
 * One immutable published version of a document. {@code supersededBy} is null for the current one; {@code correctionReason}
 * is the public reason a correction (version 2 and later) was published with, null for a first version.
 */
public record Publication(long id, String agencyCode, int year, int versionNo, String agencyName, String kind, String regionCode,
                          String departmentCode, String contentHash, int errors, int warnings, int notices, String summaryJson,
                          String publishedBy, OffsetDateTime publishedAt, Long supersededBy, String correctionReason, String basis) {
    public boolean isFinal() { return Document.FINAL.equals(basis); }

    public boolean current() { return supersededBy == null; }
}
