package org.openbudget.web.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.openbudget.web.db.embedded.DatabaseCredentials;
import org.openbudget.web.db.embedded.EmbeddedLockDown;
import org.openbudget.web.db.embedded.StalePostmaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database: an external PostgreSQL when {@code budget.db.url} (env BUDGET_DB_URL) is given,
 * otherwise an embedded PostgreSQL (real binaries, from Maven) whose data directory is
 * {@code budget.data-dir}/pg (default ./data) and survives restarts. The schema is Flyway's on both.
 *
 * <p>The embedded one is closed to other local processes: generated passwords kept in the data directory
 * ({@link DatabaseCredentials}), the superuser owning the schema and running the migrations, the
 * application's pool connecting as a role that can only read and write rows ({@link EmbeddedLockDown}).
 * A start after a crash first stops the crashed run's orphaned server ({@link StalePostmaster}).
 */
@Configuration
public class DatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    /**
     * {@code budget.db.clean=true} (tests only) starts from an empty data directory;
     * {@code budget.db.durable=false} (tests only) turns fsync off.
     */
    @Bean(destroyMethod = "close")
    public EmbeddedDb embeddedDb(@Value("${budget.db.url:}") String url,
                                 @Value("${budget.data-dir:data}") String dataDir,
                                 @Value("${budget.db.clean:false}") boolean clean,
                                 @Value("${budget.db.durable:true}") boolean durable) throws IOException, SQLException {
        if (!url.isBlank()) return new EmbeddedDb(null, null, false);
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        Path dir = data.resolve("pg");
        Files.createDirectories(dir);
        log.info("嵌入式 PostgreSQL 数据目录 (embedded PostgreSQL data directory): {}", dir);
        if (!clean && EmbeddedLockDown.passwordProtected(dir) && DatabaseCredentials.read(data).isEmpty())
            throw new IllegalStateException("数据库密码文件不见了：" + DatabaseCredentials.file(data) + "（数据目录 " + dir
                    + " 的数据库已设密码）。请从备份恢复该文件 (the embedded database's password file is missing)");
        DatabaseCredentials credentials = DatabaseCredentials.readOrCreate(data);
        if (!clean) StalePostmaster.clear(dir, Duration.ofSeconds(30));
        boolean fresh = clean || !Files.exists(dir.resolve("postgresql.conf"));
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setServerConfig("max_connections", "60")
                .setServerConfig("listen_addresses", "localhost")
                // the embedded server's defaults trade durability for speed; the application's data must survive a crash
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setConnectConfig("password", credentials.ownerPassword())
                // crash recovery after a kill can take longer than zonky's 10 seconds
                .setPGStartupWait(Duration.ofSeconds(120))
                .start();
        try {
            EmbeddedLockDown.lockDown(pg.getPostgresDatabase(), dir, credentials);
        } catch (SQLException | IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        return new EmbeddedDb(pg, credentials, fresh);
    }

    /** The application's pool: the role {@code budget_app} on the embedded database, or the external database's user. */
    @Bean(destroyMethod = "close")
    @Primary
    public HikariDataSource dataSource(EmbeddedDb embedded,
                                       @Value("${budget.db.url:}") String url,
                                       @Value("${budget.db.user:}") String user,
                                       @Value("${budget.db.password:}") String password,
                                       @Value("${budget.db.pool-size:20}") int poolSize) {
        HikariConfig c = new HikariConfig();
        if (embedded.pg() != null) {
            c.setJdbcUrl("jdbc:postgresql://localhost:" + embedded.pg().getPort() + "/postgres");
            c.setUsername(DatabaseCredentials.APP);
            c.setPassword(embedded.credentials().appPassword());
        } else {
            c.setJdbcUrl(url.startsWith("jdbc:") ? url : "jdbc:" + url);
            if (!user.isBlank()) c.setUsername(user);
            if (!password.isBlank()) c.setPassword(password);
        }
        c.setMaximumPoolSize(poolSize);
        c.setPoolName("budget");
        return new HikariDataSource(c);
    }

    /** The migrations run as the schema's owner: the superuser on the embedded database, the configured user on an external one. */
    @Bean(destroyMethod = "")
    @FlywayDataSource
    public DataSource ownerDataSource(EmbeddedDb embedded, HikariDataSource dataSource) {
        return embedded.pg() != null ? embedded.owner() : dataSource;
    }

    /** After the migrations, the application's role gets its rights on the tables as they now are. */
    @Bean
    public FlywayMigrationStrategy migrateThenGrant(EmbeddedDb embedded) {
        return flyway -> {
            flyway.migrate();
            if (embedded.pg() == null) return;
            try {
                EmbeddedLockDown.grantApplication(embedded.owner());
            } catch (SQLException e) {
                throw new IllegalStateException("无法为应用的数据库角色授权 (cannot grant the application's role): " + e.getMessage(), e);
            }
        };
    }

    /** Holder so the embedded server lives and dies with the context (null pg when external); {@code fresh}: made by this start. */
    public record EmbeddedDb(EmbeddedPostgres pg, DatabaseCredentials credentials, boolean fresh) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (pg != null) pg.close();
        }

        /** The owner's connection (superuser): migrations and grants only. */
        public DataSource owner() { return pg == null ? null : pg.getPostgresDatabase(); }
    }
}
