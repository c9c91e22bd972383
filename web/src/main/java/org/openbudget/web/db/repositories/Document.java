package org.openbudget.web.db.repositories;

import java.time.OffsetDateTime;

/** The working copy of one agency's budget for one year. {@code rowVersion} is the optimistic lock. */
public record Document(long id, String agencyCode, int year, Status status, String datasetYaml, String profileId,
                       int rowVersion, String submitComment, String reviewComment, String updatedBy, OffsetDateTime updatedAt) {}
