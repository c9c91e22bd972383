package org.openbudget.web.db.repositories;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DocumentRepository {
    private static final RowMapper<Document> MAPPER = (rs, i) -> new Document(rs.getLong("id"), rs.getString("agency_code"),
            rs.getInt("budget_year"), Status.valueOf(rs.getString("status")), rs.getString("dataset_yaml"), rs.getString("profile_id"),
            rs.getInt("row_version"), rs.getString("submit_comment"), rs.getString("review_comment"), rs.getString("updated_by"),
            rs.getObject("updated_at", OffsetDateTime.class), rs.getBytes("dataset_xlsx"),
            rs.getString("basis"));
    private final JdbcClient db;

    public DocumentRepository(JdbcClient db) { this.db = db; }

    /** The year's budget (预算) of an agency. */
    public Optional<Document> find(String agencyCode, int year) {
        return find(agencyCode, year, Document.BUDGET);
    }

    /** The year's document of a basis (预算 or 决算) of an agency. */
    public Optional<Document> find(String agencyCode, int year, String basis) {
        return db.sql("select * from document where agency_code = ? and budget_year = ? and basis = ?").params(agencyCode, year, basis)
                .query(MAPPER).optional();
    }

    public List<Document> forAgencies(List<String> codes) {
        if (codes.isEmpty()) return List.of();
        return db.sql("select * from document where agency_code in (:codes) order by budget_year desc, agency_code, basis desc")
                .param("codes", codes).query(MAPPER).list();
    }

    public List<Integer> years() {
        return db.sql("select distinct budget_year from document order by 1 desc").query(Integer.class).list();
    }

    /** A new document (row version 0). */
    public Document create(String agencyCode, int year, Status status, String yaml, String profileId, String by) {
        return create(agencyCode, year, status, Document.Source.yaml(yaml), profileId, by);
    }

    public Document create(String agencyCode, int year, Status status, Document.Source source, String profileId, String by) {
        return create(agencyCode, year, Document.BUDGET, status, source, profileId, by);
    }

    public Document create(String agencyCode, int year, String basis, Status status, Document.Source source, String profileId, String by) {
        db.sql("insert into document(agency_code, budget_year, basis, status, dataset_yaml, dataset_xlsx, profile_id, updated_by) values (?,?,?,?,?,?,?,?)")
                .params(agencyCode, year, basis, status.name(), source.yaml(), source.xlsx(), profileId, by).update();
        return find(agencyCode, year, basis).orElseThrow();
    }

    /**
     * Writes a new state if and only if nobody wrote since {@code expectedVersion} was read;
     * otherwise a {@link ConflictException} naming who changed it and when.
     */
    public Document update(Document current, int expectedVersion, Status status, String yaml, String profileId,
                           String submitComment, String reviewComment, String by) {
        return update(current, expectedVersion, status, new Document.Source(yaml, current.datasetXlsx()), profileId, submitComment, reviewComment, by);
    }

    public Document update(Document current, int expectedVersion, Status status, Document.Source source, String profileId,
                           String submitComment, String reviewComment, String by) {
        int n = db.sql("""
                update document set status = ?, dataset_yaml = ?, dataset_xlsx = ?, profile_id = ?, submit_comment = ?, review_comment = ?,
                  updated_by = ?, updated_at = now(), row_version = row_version + 1
                where id = ? and row_version = ?""")
                .params(status.name(), source.yaml(), source.xlsx(), profileId, submitComment, reviewComment, by, current.id(), expectedVersion).update();
        Document now = find(current.agencyCode(), current.year(), current.basis()).orElseThrow();
        if (n == 0) throw conflict(now);
        return now;
    }

    public static ConflictException conflict(Document now) {
        return new ConflictException("保存冲突：该数据已被 " + now.updatedBy() + " 于 " + now.updatedAt().toLocalDateTime().withNano(0).toString().replace('T', ' ')
                + " 修改（当前版本 " + now.rowVersion() + "）。您的修改没有保存，请刷新页面查看最新内容后重新修改。");
    }

    public void replaceConsolidation(long documentId, List<ConsolidatedUnit> units) {
        db.sql("delete from consolidation_unit where document_id = ?").param(documentId).update();
        int i = 0;
        for (ConsolidatedUnit u : units) {
            db.sql("insert into consolidation_unit(document_id, position, unit_code, unit_row_version, dataset_yaml, dataset_xlsx) values (?,?,?,?,?,?)")
                    .params(documentId, i++, u.unitCode(), u.unitRowVersion(), u.source().yaml(), u.source().xlsx()).update();
        }
    }

    public List<ConsolidatedUnit> consolidation(long documentId) {
        return db.sql("select unit_code, unit_row_version, dataset_yaml, dataset_xlsx from consolidation_unit where document_id = ? order by position")
                .param(documentId).query((rs, i) -> new ConsolidatedUnit(rs.getString(1), rs.getInt(2), new Document.Source(rs.getString(3), rs.getBytes(4)))).list();
    }

    public record ConsolidatedUnit(String unitCode, int unitRowVersion, Document.Source source) {}
}
