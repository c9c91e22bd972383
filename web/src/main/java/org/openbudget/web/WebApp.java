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

    /** What {@code ./budget serve} passes on; null means "the default". */
    public record Options(Integer port, String dbUrl, String dbUser, String dbPassword, String dataDir, Boolean demo) {}

    public static ConfigurableApplicationContext start(Options o, String... extraArgs) {
        List<String> args = new ArrayList<>();
        if (o.port() != null) args.add("--server.port=" + o.port());
        if (o.dbUrl() != null) args.add("--budget.db.url=" + o.dbUrl());
        if (o.dbUser() != null) args.add("--budget.db.user=" + o.dbUser());
        if (o.dbPassword() != null) args.add("--budget.db.password=" + o.dbPassword());
        if (o.dataDir() != null) args.add("--budget.data-dir=" + o.dataDir());
        if (o.demo() != null) args.add("--budget.demo=" + o.demo());
        args.addAll(List.of(extraArgs));
        SpringApplication app = new SpringApplication(WebApp.class);
        return app.run(args.toArray(String[]::new));
    }

    public static void main(String[] args) {
        SpringApplication.run(WebApp.class, args);
    }
}
