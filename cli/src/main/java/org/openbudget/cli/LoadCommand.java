package org.openbudget.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./budget load}: a bounded load run against a running {@code ./budget serve} on this
 * machine (loopback only): N clients, each with its own keep-alive connection, for a fixed time
 * and at most a fixed number of requests; prints requests/s and latency percentiles.
 */
@Command(name = "load", description = "对本机运行中的网站做有限时长的压力测试，输出每秒请求数与 p50/p99 延迟 (bounded load run on loopback)")
final class LoadCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "网站地址，只允许本机 (loopback only), 默认 ${DEFAULT-VALUE}") String url;

    @Option(names = "--path", defaultValue = "/p/1", description = "GET 的页面，默认 ${DEFAULT-VALUE}（公开文档页）") String path;

    @Option(names = "--check", paramLabel = "DATASET", description = "改为 POST 该数据集到 /api/check（审核接口）") Path check;

    @Option(names = "--clients", defaultValue = "50", description = "并发客户端数，默认 ${DEFAULT-VALUE}") int clients;

    @Option(names = "--seconds", defaultValue = "20", description = "测量时长（秒），默认 ${DEFAULT-VALUE}") int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "预热时长（秒，不计入），默认 ${DEFAULT-VALUE}") int warmup;

    @Option(names = "--max-requests", defaultValue = "1000000", description = "请求总数上限，默认 ${DEFAULT-VALUE}") long maxRequests;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        URI base = URI.create(url);
        for (InetAddress a : InetAddress.getAllByName(base.getHost())) {
            if (!a.isLoopbackAddress()) {
                spec.commandLine().getErr().println("只允许对本机 (loopback) 做压力测试：" + base.getHost());
                return BudgetCli.BAD_INPUT;
            }
        }
        if (clients < 1 || clients > 512 || seconds < 1 || seconds > 600) {
            spec.commandLine().getErr().println("--clients 应在 1–512，--seconds 应在 1–600");
            return BudgetCli.BAD_INPUT;
        }
        byte[] body = check == null ? null : Files.readAllBytes(check);
        URI target = base.resolve(check == null ? path : "/api/check");
        String what = check == null ? "GET " + target : "POST " + target + " (" + check.getFileName() + ")";
        out.println("压力测试 " + what + "：" + clients + " 个并发客户端，预热 " + warmup + " 秒，测量 " + seconds + " 秒");
        out.flush();

        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        AtomicLong budget = new AtomicLong(maxRequests);
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[2_000_000 / Math.max(1, clients) + 1000];
            perClient.add(lat);
            int id = c;
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                HttpRequest req = body == null
                        ? HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).GET().build()
                        : HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/yaml")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                try {
                    while (System.nanoTime() < end && budget.getAndDecrement() > 0) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                            ok = r.statusCode() == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= warmEnd) {
                            if (!ok) errors.incrementAndGet();
                            if (counts[id] < lat.length) lat[counts[id]++] = t1 - t0;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        int n = 0;
        for (int c = 0; c < clients; c++) n += counts[c];
        long[] all = new long[n];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        if (n == 0) {
            out.println("没有完成任何请求");
            return 1;
        }
        out.printf("请求 %d，错误 %d，%.0f 请求/秒%n", n, errors.get(), n / (double) seconds);
        out.printf("延迟 p50 %.1f ms，p90 %.1f ms，p99 %.1f ms，最大 %.1f ms%n", ms(all, 0.50), ms(all, 0.90), ms(all, 0.99), all[n - 1] / 1e6);
        return errors.get() == 0 ? BudgetCli.OK : 1;
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
