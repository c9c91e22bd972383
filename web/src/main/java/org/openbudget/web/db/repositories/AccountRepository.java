package org.openbudget.web.db.repositories;

import java.util.List;
import java.util.Optional;

import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {
    private static final RowMapper<BudgetUser> MAPPER = (rs, i) -> new BudgetUser(rs.getString("username"), rs.getString("password_hash"),
            Role.valueOf(rs.getString("role")), rs.getString("agency_code"), rs.getString("region_code"),
            rs.getString("display_name"), rs.getBoolean("enabled"),
            rs.getObject("locked_until", java.time.OffsetDateTime.class) == null ? null : rs.getObject("locked_until", java.time.OffsetDateTime.class).toInstant());
    private final JdbcClient db;

    public AccountRepository(JdbcClient db) { this.db = db; }

    public Optional<BudgetUser> find(String username) {
        return db.sql("select * from account where username = ?").param(username).query(MAPPER).optional();
    }

    public List<BudgetUser> all() {
        return db.sql("select * from account order by role, username").query(MAPPER).list();
    }

    public void insert(BudgetUser u) {
        db.sql("insert into account(username, password_hash, role, agency_code, region_code, display_name, enabled) values (?,?,?,?,?,?,?)")
                .params(u.username(), u.passwordHash(), u.role().name(), u.agencyCode(), u.regionCode(), u.displayName(), u.enabled()).update();
    }

    public int update(String username, Role role, String agencyCode, String regionCode, String displayName, boolean enabled) {
        return db.sql("update account set role = ?, agency_code = ?, region_code = ?, display_name = ?, enabled = ? where username = ?")
                .params(role.name(), agencyCode, regionCode, displayName, enabled, username).update();
    }

    public int setPassword(String username, String hash) {
        return db.sql("update account set password_hash = ?, password_changed_at = now(), failed_logins = 0, locked_until = null where username = ?")
                .params(hash, username).update();
    }

    /** One more failed login; at {@code limit} consecutive failures the account is locked for {@code lockMinutes}. The new count (0: no such account). */
    public Failure failedLogin(String username, int limit, int lockMinutes) {
        return db.sql("update account set failed_logins = failed_logins + 1, locked_until = case when failed_logins + 1 >= ? "
                        + "then now() + make_interval(mins => ?) else locked_until end where username = ? returning failed_logins, locked_until")
                .params(limit, lockMinutes, username)
                .query((rs, i) -> new Failure(rs.getInt(1), rs.getObject(2, java.time.OffsetDateTime.class)))
                .optional().orElse(new Failure(0, null));
    }

    public record Failure(int consecutive, java.time.OffsetDateTime lockedUntil) {}

    public void successfulLogin(String username) {
        db.sql("update account set failed_logins = 0, locked_until = null where username = ? and (failed_logins <> 0 or locked_until is not null)")
                .param(username).update();
    }

    public void unlock(String username) {
        db.sql("update account set failed_logins = 0, locked_until = null where username = ?").param(username).update();
    }

    /** The enabled administrators, their rows locked until the transaction ends (so two cannot disable each other at once). */
    public List<String> enabledAdminsForUpdate() {
        return db.sql("select username from account where role = 'ADMIN' and enabled order by username for update").query(String.class).list();
    }

    public long count() {
        return db.sql("select count(*) from account").query(Long.class).single();
    }
}
