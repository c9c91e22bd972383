package org.openbudget.web.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.openbudget.web.db.repositories.AccountRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.PasswordRules;
import org.openbudget.web.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A database with no enabled administrator (a bureau setting up, started with {@code --no-demo} or on an
 * external database) gets its first one from {@code ./budget admin create} or from the setup page
 * ({@code /setup}) — the page only for a visitor on the server's own machine, and only while there is none.
 */
@Service
public class SetupService {
    private final AccountRepository accounts;
    private final AuditLogRepository audit;
    private final PasswordEncoder encoder;
    private final JdbcClient db;
    private final Path dataDir;

    public SetupService(AccountRepository accounts, AuditLogRepository audit, PasswordEncoder encoder, JdbcClient db,
                        @Value("${budget.data-dir:data}") String dataDir) {
        this.accounts = accounts;
        this.audit = audit;
        this.encoder = encoder;
        this.db = db;
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
    }

    public boolean needed() {
        return db.sql("select count(*) from account where role = 'ADMIN' and enabled").query(Long.class).single() == 0;
    }

    /** Whether a request's client is on this machine (the setup page is offered to no one else). */
    public static boolean local(String remoteAddress) {
        try {
            return remoteAddress != null && InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The demo accounts' password file, when the demo was loaded into this data directory and its accounts are still there. */
    public Optional<Path> demoPasswordFile() {
        Path f = DemoData.passwordFile(dataDir);
        return Files.exists(f) && accounts.find("sme").isPresent() ? Optional.of(f) : Optional.empty();
    }

    /** The first administrator; refused once there is an enabled one. */
    @Transactional
    public BudgetUser createFirstAdmin(String username, String password, String displayName, String how) {
        db.sql("select pg_advisory_xact_lock(hashtext('first-admin'))").query((rs, i) -> 1).list();
        if (!needed()) throw new RuleViolation("已有启用的系统管理员：请由其登录后在“系统管理”中新建账号。");
        if (username == null || !username.matches("[A-Za-z0-9_.-]{2,64}")) throw new RuleViolation("用户名应为 2–64 位字母、数字、下划线、点或横线。");
        PasswordRules.problem(username, password).ifPresent(p -> { throw new RuleViolation(p); });
        if (accounts.find(username).isPresent()) throw new RuleViolation("用户名 " + username + " 已存在。");
        BudgetUser admin = new BudgetUser(username, encoder.encode(password), Role.ADMIN, null, null,
                displayName == null || displayName.isBlank() ? "系统管理员" : displayName.strip(), true);
        accounts.insert(admin);
        audit.record(username, "新建首个系统管理员", null, null, how);
        return admin;
    }
}
