package org.openbudget.web.db.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The embedded database's two passwords, generated on the first start and kept in the data directory
 * ({@code db-credentials.properties}, readable by its owner only): the owner's (role {@code postgres}, who
 * owns the schema and its "published is immutable" triggers and runs the migrations) and the application's
 * (role {@code budget_app}, which reads and writes rows and can neither drop nor disable a trigger).
 */
public record DatabaseCredentials(String ownerPassword, String appPassword) {
    public static final String FILE = "db-credentials.properties";
    public static final String OWNER = "postgres";
    public static final String APP = "budget_app";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public DatabaseCredentials {
        if (!safe(ownerPassword) || !safe(appPassword))
            throw new IllegalArgumentException("数据库密码文件 " + FILE + " 的内容不对：应有 owner.password 与 app.password（字母和数字，至少 16 位）");
    }

    /** Letters and digits only, so a password can be written into SQL as a literal without escaping. */
    static boolean safe(String p) {
        return p != null && p.matches("[A-Za-z0-9]{16,128}");
    }

    public static String generate() {
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    /** The stored credentials; empty when the file does not exist. */
    public static java.util.Optional<DatabaseCredentials> read(Path dataDir) throws IOException {
        Path f = file(dataDir);
        if (!Files.exists(f)) return java.util.Optional.empty();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return java.util.Optional.of(new DatabaseCredentials(p.getProperty("owner.password"), p.getProperty("app.password")));
    }

    /** Stored credentials, or new ones written (owner-only permissions where the file system has them). */
    public static DatabaseCredentials readOrCreate(Path dataDir) throws IOException {
        var existing = read(dataDir);
        if (existing.isPresent()) return existing.get();
        DatabaseCredentials c = new DatabaseCredentials(generate(), generate());
        Files.createDirectories(dataDir);
        Path f = file(dataDir);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Properties p = new Properties();
        p.setProperty("owner.password", c.ownerPassword());
        p.setProperty("app.password", c.appPassword());
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            p.store(w, "embedded PostgreSQL: role postgres (owner, migrations) and role budget_app (the application). Keep this file private.");
        }
        Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return c;
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[****]";
    }
}
