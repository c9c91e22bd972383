package org.openbudget.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** {@code ./budget load} against a small HTTP server on loopback that counts what it is sent. */
class LoadCommandTest {
    HttpServer server;
    final AtomicInteger served = new AtomicInteger();
    String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/fixed", x -> {
            served.incrementAndGet();
            x.getRequestBody().readAllBytes();
            byte[] b = "x".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            x.sendResponseHeaders(200, b.length);
            try (OutputStream o = x.getResponseBody()) { o.write(b); }
        });
        server.createContext("/chunked", x -> {
            served.incrementAndGet();
            x.sendResponseHeaders(200, 0); // no length: chunked
            try (OutputStream o = x.getResponseBody()) {
                for (int i = 0; i < 5; i++) o.write("y".repeat(1000).getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.createContext("/gzip", x -> {
            served.incrementAndGet();
            byte[] b = ("accept-encoding=" + x.getRequestHeaders().getFirst("Accept-Encoding")).getBytes(StandardCharsets.US_ASCII);
            x.sendResponseHeaders(x.getRequestHeaders().containsKey("Accept-Encoding") ? 200 : 406, b.length);
            try (OutputStream o = x.getResponseBody()) { o.write(b); }
        });
        server.createContext("/api/check", x -> {
            served.incrementAndGet();
            byte[] in = x.getRequestBody().readAllBytes();
            boolean ok = x.getRequestMethod().equals("POST") && new String(in, StandardCharsets.UTF_8).equals("budget_year: 2024\n");
            boolean limited = new String(in, StandardCharsets.UTF_8).equals("limit me\n");
            byte[] b = "{}".getBytes(StandardCharsets.US_ASCII);
            x.sendResponseHeaders(limited ? 429 : ok ? 200 : 400, b.length);
            try (OutputStream o = x.getResponseBody()) { o.write(b); }
        });
        server.createContext("/broken", x -> {
            served.incrementAndGet();
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    record Result(int code, String out, String err) {
        long number(String regex) {
            Matcher m = Pattern.compile(regex).matcher(out);
            assertThat(m.find()).as(regex + " in " + out).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BudgetCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void everyRequestIsCountedAndBoundedByTheMaximum() {
        Result r = run("load", "--url", url, "--path", "/fixed", "--clients", "4", "--seconds", "30", "--warmup", "0", "--max-requests", "300");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.number("请求 (\\d+)")).isEqualTo(300);
        assertThat(served.get()).isEqualTo(300);
        assertThat(r.number("错误 (\\d+)")).isZero();
        assertThat(r.number("平均响应 (\\d+) 字节")).isEqualTo(1000);
        assertThat(r.number("新建连接 (\\d+)")).as("keep-alive: one connection per client").isEqualTo(4);
        assertThat(r.out()).contains("p50").contains("p99").contains("请求/秒").contains("全部 300 个样本");
    }

    @Test
    void publicReadsAndAnonymousChecksMixedEachReportedOnItsOwn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path limited = java.nio.file.Files.writeString(dir.resolve("d.yaml"), "limit me\n");
        Result r = run("load", "--url", url, "--path", "/fixed", "--mix-check", limited.toString(), "--clients", "4", "--check-clients", "1",
                "--seconds", "30", "--warmup", "0", "--max-requests", "200");
        assertThat(r.code()).as("a check refused by the rate limit is an answer, not an error: " + r.out() + r.err()).isZero();
        long reads = r.number("公开页面：请求 (\\d+)");
        long checks = r.number("审核接口：请求 (\\d+)");
        assertThat(reads + checks).isEqualTo(200);
        assertThat(checks).isPositive();
        assertThat(r.number("限流 429/503 (\\d+)")).isEqualTo(checks);
        assertThat(r.out()).contains("p99");
        assertThat(run("load", "--url", url, "--mix-check", limited.toString(), "--clients", "4", "--check-clients", "4").code())
                .as("at least one client reads").isEqualTo(BudgetCli.BAD_INPUT);
    }

    @Test
    void chunkedBodiesAreReadWhole() {
        Result r = run("load", "--url", url, "--path", "/chunked", "--clients", "2", "--seconds", "30", "--warmup", "0", "--max-requests", "50");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.number("请求 (\\d+)")).isEqualTo(50);
        assertThat(r.number("平均响应 (\\d+) 字节")).isEqualTo(5000);
    }

    @Test
    void theWarmUpIsNotMeasuredAndTheRunEndsOnTime() {
        long t0 = System.nanoTime();
        Result r = run("load", "--url", url, "--path", "/fixed", "--clients", "2", "--seconds", "1", "--warmup", "1");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(seconds).isLessThan(10);
        long measured = r.number("请求 (\\d+)");
        assertThat(measured).isPositive().isLessThan(served.get());
    }

    @Test
    void gzipIsAskedForWhenWanted() {
        assertThat(run("load", "--url", url, "--path", "/gzip", "--clients", "1", "--seconds", "5", "--warmup", "0", "--max-requests", "3", "--gzip").code()).isZero();
        Result plain = run("load", "--url", url, "--path", "/gzip", "--clients", "1", "--seconds", "5", "--warmup", "0", "--max-requests", "3");
        assertThat(plain.code()).isEqualTo(1);
        assertThat(plain.number("错误 (\\d+)")).isEqualTo(3);
        assertThat(plain.out()).contains("HTTP 406");
    }

    @Test
    void theCheckEndpointIsSentTheDataset() throws IOException {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("dataset", ".yaml");
        java.nio.file.Files.writeString(f, "budget_year: 2024\n");
        Result r = run("load", "--url", url, "--check", f.toString(), "--clients", "2", "--seconds", "5", "--warmup", "0", "--max-requests", "20");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.number("请求 (\\d+)")).isEqualTo(20);
        assertThat(r.out()).contains("POST " + url + "/api/check");
    }

    @Test
    void errorsAreCountedAndSaid() {
        Result r = run("load", "--url", url, "--path", "/broken", "--clients", "2", "--seconds", "5", "--warmup", "0", "--max-requests", "10");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.number("错误 (\\d+)")).isEqualTo(10);
        assertThat(r.out()).contains("第一个错误：HTTP 500");
    }

    @Test
    void onlyLoopbackIsAllowed() {
        Result r = run("load", "--url", "http://192.0.2.1:8080", "--seconds", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("只允许对本机");
        assertThat(run("load", "--url", "https://localhost:8443").code()).isEqualTo(2);
        assertThat(run("load", "--url", url, "--clients", "0").code()).isEqualTo(2);
    }
}
