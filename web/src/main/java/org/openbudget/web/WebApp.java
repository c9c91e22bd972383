package org.openbudget.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web application: units prepare, departments consolidate, the finance bureau reviews and
 * publishes, the public reads. Started by {@code ./budget serve} (cli) through {@link #start}.
 */
@SpringBootApplication
public class WebApp {

    /**
     * What {@code ./budget serve} passes on; null means "the default".
     *
     * @param host  the address to listen on (default 127.0.0.1: only this machine; 0.0.0.0 for every interface)
     * @param https the site is reached over HTTPS only (a TLS proxy in front): HSTS on every answer, the session cookie Secure
     */
    public record Options(Integer port, String dbUrl, String dbUser, String dbPassword, String dataDir, Boolean demo,
                          String host, Boolean https) {
        public Options(Integer port, String dbUrl, String dbUser, String dbPassword, String dataDir, Boolean demo) {
            this(port, dbUrl, dbUser, dbPassword, dataDir, demo, null, null);
        }
    }

    public static ConfigurableApplicationContext start(Options o, String... extraArgs) {
        SpringApplication app = new SpringApplication(WebApp.class);
        return app.run(arguments(o, extraArgs));
    }

    /**
     * {@code ./budget admin create}: the first administrator of the database {@code o} names (no web server started,
     * no demo loaded). Refused (RuleViolation) when the database already has an enabled administrator.
     */
    public static String createFirstAdmin(Options o, String username, String displayName, String password) {
        Options noDemo = new Options(o.port(), o.dbUrl(), o.dbUser(), o.dbPassword(), o.dataDir(), false, o.host(), o.https());
        SpringApplication app = new SpringApplication(WebApp.class);
        // the pages' beans need the servlet context: a server on a free loopback port, for the moment it takes
        try (ConfigurableApplicationContext ctx = app.run(arguments(noDemo, "--logging.level.root=WARN", "--server.port=0", "--server.address=127.0.0.1"))) {
            var admin = ctx.getBean(org.openbudget.web.service.SetupService.class).createFirstAdmin(username, password, displayName, "./budget admin create");
            return admin.username();
        }
    }

    private static String[] arguments(Options o, String... extraArgs) {
        List<String> args = new ArrayList<>();
        if (o.port() != null) args.add("--server.port=" + o.port());
        if (o.dbUrl() != null) args.add("--budget.db.url=" + o.dbUrl());
        if (o.dbUser() != null) args.add("--budget.db.user=" + o.dbUser());
        if (o.dbPassword() != null) args.add("--budget.db.password=" + o.dbPassword());
        if (o.dataDir() != null) args.add("--budget.data-dir=" + o.dataDir());
        if (o.demo() != null) args.add("--budget.demo=" + o.demo());
        if (o.host() != null) args.add("--server.address=" + o.host());
        if (Boolean.TRUE.equals(o.https())) {
            args.add("--budget.https=true");
            args.add("--server.servlet.session.cookie.secure=true");
        }
        args.addAll(List.of(extraArgs));
        return args.toArray(String[]::new);
    }

    /** The root cause of a failed start, in words a person can act on. */
    public static String explain(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = String.valueOf(root.getMessage());
        if (m.contains("could not lock")) return "数据目录正被另一个 ./budget serve 使用，请先停止它，或用 --data-dir 指定其他目录 (" + m + ")";
        if (root instanceof java.net.BindException || m.contains("Address already in use") || m.contains("Port") && m.contains("in use"))
            return "端口已被占用，请用 --port 指定其他端口 (" + m + ")";
        if (m.contains("数据库密码文件")) return m;
        if (root instanceof java.net.ConnectException || m.contains("Connection refused"))
            return (embedded(e) ? "内嵌数据库没有启动，请查看上面的日志 (" : "无法连接数据库，请检查 --db-url (") + m + ")";
        if (m.contains("password authentication failed")) return "数据库用户名或密码错误 (" + m + ")";
        return root.getClass().getSimpleName() + ": " + m;
    }

    /** Whether the failure happened while starting the embedded database (no --db-url given). */
    private static boolean embedded(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("embeddedDb") || m.contains("Gave up waiting for server to start")) return true;
        }
        return false;
    }

    public static void main(String[] args) {
        SpringApplication.run(WebApp.class, args);
    }
}
