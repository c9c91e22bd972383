package org.openbudget.web.db.repositories;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Published departments under correction (a unit's data changed after the department was published), each notice of one
 * of the year's two documents: its 预算 or its 决算 (V12).
 */
@Repository
public class CorrectionRepository {
    private final JdbcClient db;

    public CorrectionRepository(JdbcClient db) { this.db = db; }

    public record Notice(long id, String agencyCode, int year, String unitCode, String unitName, String reason, OffsetDateTime createdAt) {}

    public List<Notice> open(String agencyCode, int year, String basis) {
        return db.sql("""
                select n.id, n.agency_code, n.budget_year, n.unit_code, a.name, n.reason, n.created_at from correction_notice n
                join agency a on a.code = n.unit_code where n.agency_code = ? and n.budget_year = ? and n.basis = ? and n.resolved_at is null
                order by n.id""")
                .params(agencyCode, year, basis)
                .query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class))).list();
    }

    /** Opens a notice for this unit unless one is open already; whether one was opened. */
    public boolean open(String agencyCode, int year, String basis, String unitCode, String reason, String by) {
        return db.sql("""
                insert into correction_notice(agency_code, budget_year, basis, unit_code, reason, created_by)
                select ?, ?, ?, ?, ?, ? where not exists (select 1 from correction_notice where agency_code = ? and budget_year = ?
                  and basis = ? and unit_code = ? and resolved_at is null)""")
                .params(agencyCode, year, basis, unitCode, reason, by, agencyCode, year, basis, unitCode).update() > 0;
    }

    public int resolve(String agencyCode, int year, String basis) {
        return db.sql("update correction_notice set resolved_at = now() where agency_code = ? and budget_year = ? and basis = ? and resolved_at is null")
                .params(agencyCode, year, basis).update();
    }
}
