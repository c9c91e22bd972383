package org.openbudget.web.db.repositories;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who did what, when, from where: append-only (the application's database role may insert and read it, nothing else). */
@Repository
public class AuditLogRepository {
    private static final RowMapper<Entry> MAPPER = (rs, i) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
            rs.getString("actor"), rs.getString("action"), rs.getString("agency_code"), (Integer) rs.getObject("budget_year"), rs.getString("detail"),
            rs.getString("source"));
    private final JdbcClient db;

    public AuditLogRepository(JdbcClient db) { this.db = db; }

    /** A record; the source address is the current request's client (after a trusted proxy's X-Forwarded-For), if any. */
    public void record(String actor, String action, String agencyCode, Integer year, String detail) {
        record(actor, action, agencyCode, year, detail, currentSource());
    }

    public void record(String actor, String action, String agencyCode, Integer year, String detail, String source) {
        db.sql("insert into audit_log(actor, action, agency_code, budget_year, detail, source) values (?,?,?,?,?,?)")
                .params(clip(clean(actor), 64), clip(action, 32), agencyCode, year, detail == null ? "" : clean(detail), clip(source, 64)).update();
    }

    public static String currentSource() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) return a.getRequest().getRemoteAddr();
        return null;
    }

    /** No control characters (a typed user name is recorded as typed, but cannot forge a line of a log or an export). */
    static String clean(String s) {
        return s == null ? null : s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public List<Entry> forDocument(String agencyCode, int year) {
        return db.sql("select * from audit_log where agency_code = ? and budget_year = ? order by id desc").params(agencyCode, year).query(MAPPER).list();
    }

    public List<Entry> latest(int limit) {
        return db.sql("select * from audit_log order by id desc limit ?").param(limit).query(MAPPER).list();
    }

    /**
     * The search of the audit trail: each non-blank criterion narrows it. {@code text} is found in the actor, the action,
     * the agency code, the detail or the source address; {@code from}/{@code to} are days (inclusive), Beijing time.
     */
    public record Query(String text, String actor, String action, LocalDate from, LocalDate to) {
        public static final Query ALL = new Query(null, null, null, null, null);
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(Query q) {
        StringBuilder w = new StringBuilder(" where true");
        List<Object> p = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            String like = "%" + q.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            w.append(" and (actor ilike ? or action ilike ? or coalesce(agency_code, '') ilike ? or detail ilike ? or coalesce(source, '') ilike ?)");
            for (int i = 0; i < 5; i++) p.add(like);
        }
        if (q.actor() != null && !q.actor().isBlank()) { w.append(" and actor = ?"); p.add(q.actor().trim()); }
        if (q.action() != null && !q.action().isBlank()) { w.append(" and action = ?"); p.add(q.action().trim()); }
        if (q.from() != null) { w.append(" and at >= ?::date::timestamp at time zone 'Asia/Shanghai'"); p.add(q.from().toString()); }
        if (q.to() != null) { w.append(" and at < (?::date + 1)::timestamp at time zone 'Asia/Shanghai'"); p.add(q.to().toString()); }
        return new Where(w.toString(), p);
    }

    public List<Entry> search(Query q, int offset, int limit) {
        Where w = where(q);
        List<Object> p = new ArrayList<>(w.params());
        p.add(limit);
        p.add(offset);
        return db.sql("select * from audit_log" + w.sql() + " order by id desc limit ? offset ?").params(p).query(MAPPER).list();
    }

    public long count(Query q) {
        Where w = where(q);
        return db.sql("select count(*) from audit_log" + w.sql()).params(w.params()).query(Long.class).single();
    }

    /** The actions recorded so far, for the search form. */
    public List<String> actions() {
        return db.sql("select distinct action from audit_log order by action").query(String.class).list();
    }

    public record Entry(long id, OffsetDateTime at, String actor, String action, String agencyCode, Integer year, String detail, String source) {}
}
