package org.openbudget.web.db.repositories;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Versions of the reference-data lists and template profiles uploaded by the administrator
 * (V3__reference_data.sql): inserted, never changed (a trigger refuses it). The highest version of
 * an item is in effect; one without content sends the item back to its built-in file.
 */
@Repository
public class ReferenceDataRepository {
    private static final String LIST_SUMMARY = "id, budget_year, list, version_no, null::text as content, content is null as built_in, complete, source, items, sha256, restored_from, comment, created_by, created_at";
    private static final String PROFILE_SUMMARY = "id, profile_id, version_no, null::text as content, content is null as built_in, name, profile_year, sha256, restored_from, comment, created_by, created_at";

    private static final RowMapper<ListVersion> LIST = (rs, i) -> new ListVersion(rs.getLong("id"), rs.getInt("budget_year"), rs.getString("list"),
            rs.getInt("version_no"), rs.getString("content"), rs.getBoolean("built_in"), rs.getBoolean("complete"), rs.getString("source"), rs.getInt("items"),
            rs.getString("sha256"), (Integer) rs.getObject("restored_from"), rs.getString("comment"), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class));
    private static final RowMapper<ProfileVersion> PROFILE = (rs, i) -> new ProfileVersion(rs.getLong("id"), rs.getString("profile_id"),
            rs.getInt("version_no"), rs.getString("content"), rs.getBoolean("built_in"), rs.getString("name"), (Integer) rs.getObject("profile_year"),
            rs.getString("sha256"), (Integer) rs.getObject("restored_from"), rs.getString("comment"), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class));

    private final JdbcClient db;

    public ReferenceDataRepository(JdbcClient db) { this.db = db; }

    /** Grows with every version stored (versions are never deleted): a change of content changes it. */
    public long generation() {
        return db.sql("select (select count(*) from refdata_list_version) + (select count(*) from template_profile_version)").query(Long.class).single();
    }

    /** Serialises the writers of one item until the end of the transaction (so version numbers and base-version checks hold). */
    public void lock(String item) {
        db.sql("select pg_advisory_xact_lock(hashtext(?))").param("refdata:" + item).query((rs, i) -> 1).list();
    }

    // ---- lists ----

    /** The version in effect of every list that has one (with content; a built-in one has none). */
    public List<ListVersion> activeLists() {
        return db.sql("select distinct on (budget_year, list) *, content is null as built_in from refdata_list_version order by budget_year, list, version_no desc")
                .query(LIST).list();
    }

    /** Newest first, without content. */
    public List<ListVersion> listHistory(int year, String list) {
        return db.sql("select " + LIST_SUMMARY + " from refdata_list_version where budget_year = ? and list = ? order by version_no desc")
                .params(year, list).query(LIST).list();
    }

    public Optional<ListVersion> listVersion(int year, String list, int versionNo) {
        return db.sql("select *, content is null as built_in from refdata_list_version where budget_year = ? and list = ? and version_no = ?")
                .params(year, list, versionNo).query(LIST).optional();
    }

    public Optional<ListVersion> currentList(int year, String list) {
        return db.sql("select " + LIST_SUMMARY + " from refdata_list_version where budget_year = ? and list = ? order by version_no desc limit 1")
                .params(year, list).query(LIST).optional();
    }

    /** Stores the next version of a list (call {@link #lock} first). */
    public ListVersion insertList(int year, String list, String content, boolean complete, String source, int items, String sha256,
                                  Integer restoredFrom, String comment, String by) {
        int next = db.sql("select coalesce(max(version_no), 0) + 1 from refdata_list_version where budget_year = ? and list = ?")
                .params(year, list).query(Integer.class).single();
        db.sql("insert into refdata_list_version(budget_year, list, version_no, content, complete, source, items, sha256, restored_from, comment, created_by) "
                + "values (?,?,?,?,?,?,?,?,?,?,?)")
                .params(year, list, next, content, complete, source == null ? "" : source, items, sha256, restoredFrom, comment == null ? "" : comment, by)
                .update();
        return listVersion(year, list, next).orElseThrow();
    }

    // ---- profiles ----

    public List<ProfileVersion> activeProfiles() {
        return db.sql("select distinct on (profile_id) *, content is null as built_in from template_profile_version order by profile_id, version_no desc")
                .query(PROFILE).list();
    }

    public List<ProfileVersion> profileHistory(String id) {
        return db.sql("select " + PROFILE_SUMMARY + " from template_profile_version where profile_id = ? order by version_no desc")
                .param(id).query(PROFILE).list();
    }

    public Optional<ProfileVersion> profileVersion(String id, int versionNo) {
        return db.sql("select *, content is null as built_in from template_profile_version where profile_id = ? and version_no = ?")
                .params(id, versionNo).query(PROFILE).optional();
    }

    public Optional<ProfileVersion> currentProfile(String id) {
        return db.sql("select " + PROFILE_SUMMARY + " from template_profile_version where profile_id = ? order by version_no desc limit 1")
                .param(id).query(PROFILE).optional();
    }

    public ProfileVersion insertProfile(String id, String content, String name, Integer year, String sha256, Integer restoredFrom, String comment, String by) {
        int next = db.sql("select coalesce(max(version_no), 0) + 1 from template_profile_version where profile_id = ?")
                .param(id).query(Integer.class).single();
        db.sql("insert into template_profile_version(profile_id, version_no, content, name, profile_year, sha256, restored_from, comment, created_by) "
                + "values (?,?,?,?,?,?,?,?,?)")
                .params(id, next, content, name == null ? "" : name, year, sha256, restoredFrom, comment == null ? "" : comment, by).update();
        return profileVersion(id, next).orElseThrow();
    }

    /** One stored version of a list; {@code content} is null in a history row (not loaded) and for a version back to the built-in file. */
    public record ListVersion(long id, int year, String list, int versionNo, String content, boolean builtIn, boolean complete, String source,
                              int items, String sha256, Integer restoredFrom, String comment, String createdBy, OffsetDateTime createdAt) {}

    /** One stored version of a profile; {@code content} as in {@link ListVersion}. */
    public record ProfileVersion(long id, String profileId, int versionNo, String content, boolean builtIn, String name, Integer profileYear,
                                 String sha256, Integer restoredFrom, String comment, String createdBy, OffsetDateTime createdAt) {}
}
