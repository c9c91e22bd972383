package org.openbudget.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.openbudget.web.WebApp;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./budget serve}: the web application on http://localhost:8080 with an embedded PostgreSQL
 * (data in ./data), or an external PostgreSQL given by --db-url / BUDGET_DB_URL.
 */
@Command(name = "serve", description = "启动网站 http://localhost:8080（内嵌 PostgreSQL，数据保存在 ./data；新建的数据库首次启动时载入三份示例和演示账号，密码写在数据目录的 demo-accounts.txt）"
        + " (start the web application with an embedded PostgreSQL, or an external one given by --db-url / BUDGET_DB_URL)")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", description = "端口，默认 8080") Integer port;

    @Option(names = "--db-url", paramLabel = "URL", description = "外部 PostgreSQL，如 jdbc:postgresql://localhost:5432/budget（也可用环境变量 BUDGET_DB_URL）") String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "外部数据库用户（或 BUDGET_DB_USER）") String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "外部数据库密码（或 BUDGET_DB_PASSWORD）") String dbPassword;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "内嵌数据库的数据目录，默认 ./data（或 BUDGET_DATA_DIR）") String dataDir;

    @Option(names = "--demo", negatable = true,
            description = "--demo：在没有账号的数据库上载入示例与演示账号；--no-demo：从不载入（用 ./budget admin create 或初始设置页面建立第一个系统管理员）。"
                    + "都不给时，只在新建的内嵌数据库上载入，演示账号的密码写在数据目录的 demo-accounts.txt 中，不在任何地方打印") Boolean demo;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "监听地址，默认 127.0.0.1（只有本机可访问）；对外提供服务时放在 HTTPS 反向代理之后，或用 0.0.0.0（或 BUDGET_HOST）") String host;

    @Option(names = "--https", description = "网站只经 HTTPS 访问（前面有 TLS 反向代理）：每个应答带 HSTS，会话 Cookie 标为 Secure。"
            + "代理转发的 X-Forwarded-Proto: https 也会被识别") boolean https;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ConfigurableApplicationContext ctx;
        // stopped (Ctrl+C) while starting: the database closes under the start, which then fails — that is no failure to report
        // (the JVM may end before the start's failure reaches this thread: the stop is said when it begins)
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        java.io.PrintWriter err = spec.commandLine().getErr();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            if (!started.get()) {
                err.println("网站在启动完成之前被停止 (stopped before it had started)");
                err.flush();
            }
        }, "budget-stopping"));
        try {
            ctx = WebApp.start(new WebApp.Options(port, dbUrl, dbUser, dbPassword, dataDir, demo, host, https ? Boolean.TRUE : null));
            started.set(true);
        } catch (RuntimeException e) {
            if (stopping.get()) return BudgetCli.OK;
            spec.commandLine().getErr().println("网站无法启动 (cannot start): " + WebApp.explain(e));
            return BudgetCli.BAD_INPUT;
        }
        String p = ctx.getEnvironment().getProperty("local.server.port", "8080");
        String address = ctx.getEnvironment().getProperty("server.address", "127.0.0.1");
        String shown = address.equals("127.0.0.1") || address.equals("0.0.0.0") || address.equals("::") ? "localhost" : address;
        spec.commandLine().getOut().println("部门预算公开 网站已启动: http://" + shown + ":" + p + "/  (Ctrl+C 停止)"
                + (address.equals("127.0.0.1") ? "；只在本机可访问 (--host 指定对外地址)" : ""));
        spec.commandLine().getOut().flush();
        CountDownLatch closed = new CountDownLatch(1);
        ctx.addApplicationListener(e -> {
            if (e instanceof org.springframework.context.event.ContextClosedEvent) closed.countDown();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(ctx::close));
        closed.await();
        return BudgetCli.OK;
    }
}
