package org.openbudget.web.db.repositories;

import java.time.OffsetDateTime;

/**
 * The working copy of one agency's budget for one year. {@code rowVersion} is the optimistic lock.
 * A unit's dataset is its YAML, or the Excel workbook it was uploaded as ({@code datasetXlsx}, then
 * {@code datasetYaml} is null).
 */
public record Document(long id, String agencyCode, int year, Status status, String datasetYaml, String profileId,
                       int rowVersion, String submitComment, String reviewComment, String updatedBy, OffsetDateTime updatedAt,
                       byte[] datasetXlsx, String basis) {
    /** 预算 (a budget) or 决算 (final accounts): a year's two documents. */
    public static final String BUDGET = "预算";
    public static final String FINAL = "决算";

    public boolean isFinal() { return FINAL.equals(basis); }

    /** "预算" or "决算", for the pages and messages. */
    public static String label(String basis) { return FINAL.equals(basis) ? FINAL : BUDGET; }

    public Source source() { return new Source(datasetYaml, datasetXlsx); }

    /** A dataset as stored: YAML text, or workbook bytes. */
    public record Source(String yaml, byte[] xlsx) {
        public static Source yaml(String text) { return new Source(text, null); }
        public static Source workbook(byte[] bytes) { return new Source(null, bytes); }
        public boolean isWorkbook() { return xlsx != null; }
    }
}
