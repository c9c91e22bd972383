package org.openbudget.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.openbudget.web.WebApp;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./budget admin create}: the first administrator of a database that has none (the web server need not run). */
@Command(name = "admin", description = "系统管理员账号 (administrator accounts)", subcommands = AdminCommand.Create.class)
final class AdminCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", description = "在没有系统管理员的数据库上建立第一个系统管理员（网站不必运行；数据目录正被 serve 使用时请先停止它，或在初始设置页面 /setup 建立）。"
            + "密码从 --password-file 读取，或在终端输入两次，或从标准输入读取一行；不接受命令行上的密码")
    static final class Create implements Callable<Integer> {
        @Option(names = "--username", required = true, paramLabel = "NAME", description = "用户名（2–64 位字母、数字、下划线、点或横线）") String username;

        @Option(names = "--display-name", paramLabel = "NAME", description = "显示名称，默认“系统管理员”") String displayName;

        @Option(names = "--password-file", paramLabel = "FILE", description = "密码所在的文件（第一行）") Path passwordFile;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "内嵌数据库的数据目录，默认 ./data（或 BUDGET_DATA_DIR）") String dataDir;

        @Option(names = "--db-url", paramLabel = "URL", description = "外部 PostgreSQL（或 BUDGET_DB_URL）") String dbUrl;

        @Option(names = "--db-user", paramLabel = "USER", description = "外部数据库用户（或 BUDGET_DB_USER）") String dbUser;

        @Option(names = "--db-password", paramLabel = "PASSWORD", description = "外部数据库密码（或 BUDGET_DB_PASSWORD）") String dbPassword;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            String password;
            try {
                password = password();
            } catch (IOException | IllegalArgumentException e) {
                err.println("无法读取密码：" + e.getMessage());
                return BudgetCli.BAD_INPUT;
            }
            try {
                String made = WebApp.createFirstAdmin(new WebApp.Options(null, dbUrl, dbUser, dbPassword, dataDir, false), username, displayName, password);
                spec.commandLine().getOut().println("已建立系统管理员 " + made + "。启动 ./budget serve 后用它登录，建立地区、部门、单位和账号。");
                return BudgetCli.OK;
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                boolean rule = e.getClass().getSimpleName().equals("RuleViolation");
                err.println("未建立系统管理员：" + (rule ? e.getMessage() : WebApp.explain(e)));
                return BudgetCli.BAD_INPUT;
            }
        }

        private String password() throws IOException {
            if (passwordFile != null) {
                var lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                if (lines.isEmpty() || lines.get(0).isEmpty()) throw new IllegalArgumentException(passwordFile + " 是空的");
                return lines.get(0);
            }
            var console = System.console();
            if (console != null) {
                char[] a = console.readPassword("新系统管理员 %s 的密码：", username);
                char[] b = console.readPassword("再输入一次：");
                if (a == null || b == null || !new String(a).equals(new String(b))) throw new IllegalArgumentException("两次输入的密码不一致");
                return new String(a);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) throw new IllegalArgumentException("标准输入没有密码");
            return line;
        }
    }
}
