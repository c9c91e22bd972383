package org.openbudget.web.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database: an external PostgreSQL when {@code budget.db.url} (env BUDGET_DB_URL) is given,
 * otherwise an embedded PostgreSQL (real binaries, from Maven) whose data directory is
 * {@code budget.data-dir} (default ./data) and survives restarts. The schema is Flyway's on both.
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
                                 @Value("${budget.db.durable:true}") boolean durable) throws IOException {
        if (!url.isBlank()) return new EmbeddedDb(null);
        Path dir = Path.of(dataDir).toAbsolutePath().normalize().resolve("pg");
        Files.createDirectories(dir);
        log.info("嵌入式 PostgreSQL 数据目录 (embedded PostgreSQL data directory): {}", dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setServerConfig("max_connections", "60")
                // the embedded server's defaults trade durability for speed; the application's data must survive a crash
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .start();
        return new EmbeddedDb(pg);
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(EmbeddedDb embedded,
                                       @Value("${budget.db.url:}") String url,
                                       @Value("${budget.db.user:}") String user,
                                       @Value("${budget.db.password:}") String password,
                                       @Value("${budget.db.pool-size:20}") int poolSize) {
        HikariConfig c = new HikariConfig();
        if (embedded.pg() != null) {
            c.setJdbcUrl("jdbc:postgresql://localhost:" + embedded.pg().getPort() + "/postgres");
            c.setUsername("postgres");
            c.setPassword("postgres");
        } else {
            c.setJdbcUrl(url.startsWith("jdbc:") ? url : "jdbc:" + url);
            if (!user.isBlank()) c.setUsername(user);
            if (!password.isBlank()) c.setPassword(password);
        }
        c.setMaximumPoolSize(poolSize);
        c.setPoolName("budget");
        return new HikariDataSource(c);
    }

    /** Holder so the embedded server lives and dies with the context (null pg when external). */
    public record EmbeddedDb(EmbeddedPostgres pg) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (pg != null) pg.close();
        }

        public DataSource raw() { return pg == null ? null : pg.getPostgresDatabase(); }
    }
}
