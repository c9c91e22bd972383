package org.openbudget.web.db.repositories;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which template profile each region (finance bureau) uses for a budget year (V4__region_profile.sql):
 * versions inserted, never changed (a trigger refuses it); the highest version of a region and year
 * is in effect; one without a profile sends the region back to the default.
 */
@Repository
public class RegionProfileRepository {
    private static final RowMapper<Assignment> MAPPER = (rs, i) -> new Assignment(rs.getLong("id"), rs.getString("region_code"), rs.getInt("budget_year"),
            rs.getInt("version_no"), rs.getString("profile_id"), rs.getString("comment"), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class));

    private final JdbcClient db;

    public RegionProfileRepository(JdbcClient db) { this.db = db; }

    /** The version in effect for a region and year, if any was stored. */
    public Optional<Assignment> current(String region, int year) {
        return current(region, year, Document.BUDGET);
    }

    /** The version in effect for a region, year and basis (预算: the budget's template; 决算: the final accounts'). */
    public Optional<Assignment> current(String region, int year, String basis) {
        return db.sql("select * from region_profile_version where region_code = ? and budget_year = ? and basis = ? order by version_no desc limit 1")
                .params(region, year, basis).query(MAPPER).optional();
    }

    /** The version in effect of every region and year that has one. */
    public List<Assignment> active() {
        return db.sql("select distinct on (region_code, budget_year) * from region_profile_version where basis = '预算' order by region_code, budget_year, version_no desc")
                .query(MAPPER).list();
    }

    /** Newest first. */
    public List<Assignment> history(String region, int year) {
        return history(region, year, Document.BUDGET);
    }

    public List<Assignment> history(String region, int year, String basis) {
        return db.sql("select * from region_profile_version where region_code = ? and budget_year = ? and basis = ? order by version_no desc")
                .params(region, year, basis).query(MAPPER).list();
    }

    /** Serialises the writers of one region and year until the end of the transaction. */
    public void lock(String region, int year) {
        db.sql("select pg_advisory_xact_lock(hashtext(?))").param("region-profile:" + region + "/" + year).query((rs, i) -> 1).list();
    }

    /** Stores the next version (call {@link #lock} first); {@code profileId} null: back to the default. */
    public Assignment insert(String region, int year, String profileId, String comment, String by) {
        return insert(region, year, Document.BUDGET, profileId, comment, by);
    }

    public Assignment insert(String region, int year, String basis, String profileId, String comment, String by) {
        int next = db.sql("select coalesce(max(version_no), 0) + 1 from region_profile_version where region_code = ? and budget_year = ? and basis = ?")
                .params(region, year, basis).query(Integer.class).single();
        db.sql("insert into region_profile_version(region_code, budget_year, basis, version_no, profile_id, comment, created_by) values (?,?,?,?,?,?,?)")
                .params(region, year, basis, next, profileId, comment == null ? "" : comment, by).update();
        return history(region, year, basis).get(0);
    }

    /** The working documents of a region's agencies for a year, with the profile each names. */
    public List<DocumentProfile> documents(String region, int year) {
        return db.sql("""
                select a.code, a.name, a.kind, d.status, d.profile_id from document d join agency a on a.code = d.agency_code
                where a.region_code = ? and d.budget_year = ? and d.basis = '预算' order by coalesce(a.parent_code, a.code), a.position, a.code""")
                .params(region, year)
                .query((rs, i) -> new DocumentProfile(rs.getString(1), rs.getString(2), rs.getString(3), Status.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** One stored assignment; {@code profileId} null: the region uses the default again. */
    public record Assignment(long id, String regionCode, int year, int versionNo, String profileId, String comment, String createdBy,
                             OffsetDateTime createdAt) {}

    public record DocumentProfile(String agencyCode, String agencyName, String kind, Status status, String profileId) {}
}
