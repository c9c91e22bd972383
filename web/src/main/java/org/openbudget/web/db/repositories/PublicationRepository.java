package org.openbudget.web.db.repositories;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PublicationRepository {
    private static final RowMapper<Publication> MAPPER = (rs, i) -> new Publication(rs.getLong("id"), rs.getString("agency_code"),
            rs.getInt("budget_year"), rs.getInt("version_no"), rs.getString("agency_name"), rs.getString("kind"), rs.getString("region_code"),
            rs.getString("department_code"), rs.getString("content_hash"), rs.getInt("errors"), rs.getInt("warnings"), rs.getInt("notices"),
            rs.getString("summary_json"), rs.getString("published_by"), rs.getObject("published_at", OffsetDateTime.class),
            (Long) rs.getObject("superseded_by"), rs.getString("correction_reason"), rs.getString("basis"));
    private final JdbcClient db;

    public PublicationRepository(JdbcClient db) { this.db = db; }

    public Optional<Publication> find(long id) {
        return db.sql("select * from publication where id = ?").param(id).query(MAPPER).optional();
    }

    /** The current published version of the year's budget (预算). */
    public Optional<Publication> current(String agencyCode, int year) {
        return current(agencyCode, year, Document.BUDGET);
    }

    public Optional<Publication> current(String agencyCode, int year, String basis) {
        return db.sql("select * from publication where agency_code = ? and budget_year = ? and basis = ? and superseded_by is null")
                .params(agencyCode, year, basis).query(MAPPER).optional();
    }

    public List<Publication> versions(String agencyCode, int year) {
        return versions(agencyCode, year, Document.BUDGET);
    }

    public List<Publication> versions(String agencyCode, int year, String basis) {
        return db.sql("select * from publication where agency_code = ? and budget_year = ? and basis = ? order by version_no desc")
                .params(agencyCode, year, basis).query(MAPPER).list();
    }

    /** Current versions, filtered; a null filter matches everything. Search matches the agency's name. */
    public List<Publication> search(Integer year, String region, String department, String q) {
        StringBuilder sql = new StringBuilder("select * from publication where superseded_by is null");
        List<Object> params = new ArrayList<>();
        if (year != null) { sql.append(" and budget_year = ?"); params.add(year); }
        if (region != null && !region.isBlank()) { sql.append(" and region_code = ?"); params.add(region); }
        if (department != null && !department.isBlank()) { sql.append(" and (department_code = ? or agency_code = ?)"); params.add(department); params.add(department); }
        if (q != null && !q.isBlank()) {
            // any part of the name, or the code (or its beginning: a department's code finds its units)
            String needle = q.strip().replace("%", "").replace("_", "");
            sql.append(" and (agency_name like ? or agency_code like ?)");
            params.add("%" + needle + "%");
            params.add(needle + "%");
        }
        sql.append(" order by budget_year desc, region_code, coalesce(department_code, agency_code), kind desc, agency_code, basis desc");
        return db.sql(sql.toString()).params(params).query(MAPPER).list();
    }

    /**
     * What the public pages of published versions are made of, in three numbers: how many versions,
     * the newest one's id (a correction inserts a row and marks the one it supersedes in the same
     * transaction, so nothing is superseded without a new row), and a hash of the regions' names.
     */
    public PublicStamp publicStamp() {
        return db.sql("""
                select (select count(*) from publication) as n, (select coalesce(max(id), 0) from publication) as max_id,
                       coalesce((select md5(string_agg(code || '=' || name, ';' order by code)) from region), '') as regions""")
                .query((rs, i) -> new PublicStamp(rs.getLong("n"), rs.getLong("max_id"), rs.getString("regions"))).single();
    }

    public record PublicStamp(long count, long maxId, String regions) {}

    /** The versions with an id above {@code after} up to {@code upTo}: which agency and year each is of. */
    public List<Published> publishedBetween(long after, long upTo) {
        return db.sql("select id, agency_code, budget_year from publication where id > ? and id <= ? order by id").params(after, upTo)
                .query((rs, i) -> new Published(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    public record Published(long id, String agencyCode, int year) {}

    public List<Integer> years() {
        return db.sql("select distinct budget_year from publication order by 1 desc").query(Integer.class).list();
    }

    public long insert(Publication p) {
        return db.sql("""
                insert into publication(agency_code, budget_year, version_no, agency_name, kind, region_code, department_code, content_hash,
                  errors, warnings, notices, summary_json, published_by, correction_reason, basis) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) returning id""")
                .params(p.agencyCode(), p.year(), p.versionNo(), p.agencyName(), p.kind(), p.regionCode(), p.departmentCode(), p.contentHash(),
                        p.errors(), p.warnings(), p.notices(), p.summaryJson(), p.publishedBy(), p.correctionReason(), p.basis() == null ? Document.BUDGET : p.basis())
                .query(Long.class).single();
    }

    public void supersede(long oldId, long newId) {
        db.sql("update publication set superseded_by = ? where id = ? and superseded_by is null").params(newId, oldId).update();
    }

    public void insertFile(long publicationId, StoredFile f) {
        db.sql("insert into publication_file(publication_id, format, file_name, media_type, content, sha256) values (?,?,?,?,?,?)")
                .params(publicationId, f.format(), f.fileName(), f.mediaType(), f.content(), f.sha256()).update();
    }

    public List<StoredFile> files(long publicationId) {
        return db.sql("select format, file_name, media_type, sha256, length(content) as size from publication_file where publication_id = ? order by format")
                .param(publicationId).query((rs, i) -> new StoredFile(rs.getString("format"), rs.getString("file_name"), rs.getString("media_type"),
                        null, rs.getString("sha256"), rs.getLong("size"))).list();
    }

    public Optional<StoredFile> file(long publicationId, String format) {
        return db.sql("select * from publication_file where publication_id = ? and format = ?").params(publicationId, format)
                .query((rs, i) -> {
                    byte[] c = rs.getBytes("content");
                    return new StoredFile(rs.getString("format"), rs.getString("file_name"), rs.getString("media_type"), c, rs.getString("sha256"), c.length);
                }).optional();
    }

    public record StoredFile(String format, String fileName, String mediaType, byte[] content, String sha256, long size) {}
}
