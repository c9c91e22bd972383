package org.openbudget.web.db.repositories;

import java.util.HashMap;
import java.util.Map;

import org.openbudget.core.check.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The administrator's severities for checks of the catalogue (only the overridden ones). */
@Repository
public class SeverityRepository {
    private final JdbcClient db;

    public SeverityRepository(JdbcClient db) { this.db = db; }

    public Map<String, Severity> overrides() {
        Map<String, Severity> out = new HashMap<>();
        db.sql("select check_id, severity from check_severity").query((rs, i) -> out.put(rs.getString(1), Severity.valueOf(rs.getString(2)))).list();
        return out;
    }

    public void set(String checkId, Severity severity, String by) {
        db.sql("insert into check_severity(check_id, severity, updated_by) values (?,?,?) on conflict (check_id) do update set severity = excluded.severity, updated_by = excluded.updated_by, updated_at = now()")
                .params(checkId, severity.name(), by).update();
    }

    public void clear(String checkId) {
        db.sql("delete from check_severity where check_id = ?").param(checkId).update();
    }
}
