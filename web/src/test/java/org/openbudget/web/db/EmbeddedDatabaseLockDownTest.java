package org.openbudget.web.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openbudget.web.WebTestBase;
import org.openbudget.web.db.embedded.DatabaseCredentials;
import org.openbudget.web.db.embedded.EmbeddedLockDown;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL lets no local process in without a password, and the application's own role
 * cannot switch off "published is immutable" nor rewrite the audit trail.
 */
class EmbeddedDatabaseLockDownTest extends WebTestBase {
    @Autowired DataSource dataSource;
    @Autowired DatabaseConfig.EmbeddedDb embedded;

    JdbcTemplate app() { return new JdbcTemplate(dataSource); }

    PGSimpleDataSource as(String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[]{"localhost"});
        ds.setPortNumbers(new int[]{embedded.pg().getPort()});
        ds.setDatabaseName("postgres");
        ds.setUser(user);
        if (password != null) ds.setPassword(password);
        return ds;
    }

    @Test
    void thePasswordsAreGeneratedAndKeptPrivateInTheDataDirectory() throws Exception {
        Path file = Path.of("target/test-db").toAbsolutePath().resolve(DatabaseCredentials.FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        DatabaseCredentials c = DatabaseCredentials.read(file.getParent()).orElseThrow();
        assertThat(c.ownerPassword()).hasSize(32).isNotEqualTo(c.appPassword()).isNotEqualTo("postgres");
        assertThat(Files.readString(Path.of("target/test-db/pg/pg_hba.conf"))).startsWith(EmbeddedLockDown.MARKER)
                .doesNotContain("trust");
    }

    @Test
    void noLocalProcessGetsInWithoutThePassword() {
        for (String user : new String[]{"postgres", DatabaseCredentials.APP}) {
            assertThatThrownBy(() -> as(user, null).getConnection().close()).as(user + " without password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> as(user, "postgres").getConnection().close()).as(user + " with a guessed password").isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void theApplicationsRoleReadsAndWritesRowsOnly() {
        JdbcTemplate db = app();
        assertThat(db.queryForObject("select current_user", String.class)).isEqualTo(DatabaseCredentials.APP);
        assertThat(db.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class)).isFalse();
        assertThat(db.queryForObject("select count(*) from publication", Integer.class)).as("the demo's publications are readable").isPositive();
        for (String sql : new String[]{
                "alter table publication disable trigger publication_frozen",
                "alter table publication_file disable trigger all",
                "drop trigger publication_frozen on publication",
                "create or replace function publication_frozen() returns trigger language plpgsql as $$ begin return new; end $$",
                "set session_replication_role = replica",
                "truncate publication_file",
                "delete from publication",
                "update audit_log set actor = 'x'",
                "delete from audit_log",
                "delete from flyway_schema_history",
                "create table intruder (x int)",
                "alter role " + DatabaseCredentials.APP + " superuser"}) {
            assertThatThrownBy(() -> db.execute(sql)).as(sql).rootCause().hasMessageContaining("ERROR");
        }
        assertThatThrownBy(() -> db.update("update publication set version_no = version_no + 1000")).as("the trigger still guards").rootCause().hasMessageContaining("已发布");
        assertThat(db.queryForObject("select count(*) from pg_trigger where tgname = 'publication_frozen' and tgenabled = 'O'", Integer.class)).isEqualTo(1);
    }
}
