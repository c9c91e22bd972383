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
            rs.getString("display_name"), rs.getBoolean("enabled"));
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
        return db.sql("update account set password_hash = ? where username = ?").params(hash, username).update();
    }

    public long count() {
        return db.sql("select count(*) from account").query(Long.class).single();
    }
}
