package org.openbudget.web.db.repositories;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** In-app notifications, one row per recipient. */
@Repository
public class NotificationRepository {
    private final JdbcClient db;

    public NotificationRepository(JdbcClient db) { this.db = db; }

    public record Notification(long id, String agencyCode, int year, String kind, String message, OffsetDateTime createdAt, OffsetDateTime readAt) {
        public boolean unread() { return readAt == null; }
    }

    public void add(String username, String agencyCode, int year, String kind, String message) {
        db.sql("insert into notification(username, agency_code, budget_year, kind, message) values (?,?,?,?,?)")
                .params(username, agencyCode, year, kind, message).update();
    }

    /**
     * Notifies every enabled account that prepares or owns one of {@code accountsOf} (a unit's preparers, a department's
     * accounts), but the one who acted; how many were notified.
     */
    public int notifyAccountsOf(List<String> accountsOf, String actor, String agencyCode, int year, String kind, String message) {
        if (accountsOf.isEmpty()) return 0;
        String in = String.join(",", java.util.Collections.nCopies(accountsOf.size(), "?"));
        List<Object> params = new java.util.ArrayList<>(List.of(agencyCode, year, kind, message, actor));
        params.addAll(accountsOf);
        return db.sql("insert into notification(username, agency_code, budget_year, kind, message) select username, ?, ?, ?, ? from account"
                + " where enabled and role in ('PREPARER', 'DEPARTMENT') and username <> ? and agency_code in (" + in + ")").params(params).update();
    }

    public long unread(String username) {
        return db.sql("select count(*) from notification where username = ? and read_at is null").param(username).query(Long.class).single();
    }

    /** The latest {@code limit} notifications of an account, newest first. */
    public List<Notification> latest(String username, int limit) {
        return db.sql("select * from notification where username = ? order by id desc limit ?").params(username, limit)
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getString("agency_code"), rs.getInt("budget_year"), rs.getString("kind"),
                        rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("read_at", OffsetDateTime.class)))
                .list();
    }

    /** Marks every unread notification of an account read; how many were. */
    public int markAllRead(String username) {
        return db.sql("update notification set read_at = now() where username = ? and read_at is null").param(username).update();
    }
}
