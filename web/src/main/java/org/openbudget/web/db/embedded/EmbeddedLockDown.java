package org.openbudget.web.db.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The embedded PostgreSQL closed to everyone but the application: zonky's {@code initdb} lets any local
 * process in as a password-less superuser ({@code trust}); here every connection needs its password
 * ({@code scram-sha-256} in {@code pg_hba.conf}), the superuser {@code postgres} owns the schema and its
 * triggers and runs the migrations, and the application connects as {@code budget_app}, which may read and
 * write rows but not alter, drop or disable a table or trigger, nor truncate, nor change the audit trail.
 */
public final class EmbeddedLockDown {
    /** The first line of the pg_hba.conf written here: the directory is password-protected from then on. */
    public static final String MARKER = "# OpenBudget: every connection needs its password";

    static final String HBA = MARKER + """

            # written by web/db/embedded/EmbeddedLockDown; the passwords are in ../db-credentials.properties
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private EmbeddedLockDown() {
    }

    public static boolean passwordProtected(Path pgDir) throws IOException {
        Path hba = pgDir.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(MARKER);
    }

    /** Passwords set, the application's role made, pg_hba.conf rewritten and reloaded. Run as the owner at each start. */
    public static void lockDown(DataSource owner, Path pgDir, DatabaseCredentials c) throws SQLException, IOException {
        try (Connection con = owner.getConnection(); Statement st = con.createStatement()) {
            st.execute("set password_encryption = 'scram-sha-256'");
            st.execute("alter role " + DatabaseCredentials.OWNER + " with password '" + c.ownerPassword() + "'");
            st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + DatabaseCredentials.APP + "') then create role "
                    + DatabaseCredentials.APP + " login; end if; end $$");
            st.execute("alter role " + DatabaseCredentials.APP + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
                    + c.appPassword() + "'");
            st.execute("revoke create on schema public from public");
            st.execute("grant connect on database postgres to " + DatabaseCredentials.APP);
            st.execute("grant usage on schema public to " + DatabaseCredentials.APP);
        }
        Path hba = pgDir.resolve("pg_hba.conf");
        if (!passwordProtected(pgDir)) {
            Path tmp = pgDir.resolve("pg_hba.conf.tmp");
            Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
            Files.move(tmp, hba, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        try (Connection con = owner.getConnection(); Statement st = con.createStatement()) {
            st.execute("select pg_reload_conf()");
        }
    }

    /**
     * The application's rights on the tables as migrated: rows only; the audit trail insert and read only. Published versions and
     * reference-data versions are refused changes by their triggers, which this role can neither drop nor disable. Run after the migrations.
     */
    public static void grantApplication(DataSource owner) throws SQLException {
        String app = DatabaseCredentials.APP;
        try (Connection con = owner.getConnection(); Statement st = con.createStatement()) {
            st.execute("grant select, insert, update, delete on all tables in schema public to " + app);
            st.execute("grant usage, select on all sequences in schema public to " + app);
            st.execute("revoke insert, update, delete on flyway_schema_history from " + app);
            st.execute("revoke update, delete on audit_log from " + app);
        }
    }
}
