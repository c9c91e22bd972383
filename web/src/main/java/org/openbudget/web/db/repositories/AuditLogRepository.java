package org.openbudget.web.db.repositories;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who did what, when: append-only. */
@Repository
public class AuditLogRepository {
    private static final RowMapper<Entry> MAPPER = (rs, i) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
            rs.getString("actor"), rs.getString("action"), rs.getString("agency_code"), (Integer) rs.getObject("budget_year"), rs.getString("detail"));
    private final JdbcClient db;

    public AuditLogRepository(JdbcClient db) { this.db = db; }

    public void record(String actor, String action, String agencyCode, Integer year, String detail) {
        db.sql("insert into audit_log(actor, action, agency_code, budget_year, detail) values (?,?,?,?,?)")
                .params(actor, action, agencyCode, year, detail == null ? "" : detail).update();
    }

    public List<Entry> forDocument(String agencyCode, int year) {
        return db.sql("select * from audit_log where agency_code = ? and budget_year = ? order by id desc").params(agencyCode, year).query(MAPPER).list();
    }

    public List<Entry> latest(int limit) {
        return db.sql("select * from audit_log order by id desc limit ?").param(limit).query(MAPPER).list();
    }

    public record Entry(long id, OffsetDateTime at, String actor, String action, String agencyCode, Integer year, String detail) {}
}
