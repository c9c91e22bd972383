package org.openbudget.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./budget load}: a bounded load run against a running {@code ./budget serve} on this
 * machine (loopback only). N clients, each one thread with its own keep-alive connection, send
 * requests back to back (a closed loop, like wrk) for a warm-up, then for the measured time, and at
 * most {@code --max-requests} in all. Latency is from the first byte of the request written to the
 * last byte of the response read; the percentiles are exact, over every measured request.
 *
 * <p>The driver speaks just enough HTTP/1.1 itself (Content-Length and chunked bodies, keep-alive,
 * reconnect on close) so that it costs the shared cores little: it prints its own CPU time, and the
 * server's with {@code --server-pid} (Linux), so a reader can tell whose time a run measured.
 */
@Command(name = "load", description = "对本机运行中的网站做有限时长的压力测试，输出每秒请求数与 p50/p99 延迟 (bounded load run on loopback)")
final class LoadCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "网站地址，只允许本机 (loopback only), 默认 ${DEFAULT-VALUE}") String url;

    @Option(names = "--path", defaultValue = "/p/1", description = "GET 的页面，默认 ${DEFAULT-VALUE}（公开文档页）") String path;

    @Option(names = "--check", paramLabel = "DATASET", description = "改为 POST 该数据集到 /api/check（审核接口）") Path check;

    @Option(names = "--mix-check", paramLabel = "DATASET", description = "混合：--check-clients 个客户端 POST 该数据集到 /api/check（匿名审核，"
            + "限流的 429 和并发上限的 503 不算错误），其余 GET --path；分别报告两者的延迟") Path mixCheck;

    @Option(names = "--check-clients", defaultValue = "10", description = "混合时发审核请求的客户端数，默认 ${DEFAULT-VALUE}") int checkClients;

    @Option(names = "--clients", defaultValue = "50", description = "并发客户端数（每个一个长连接），默认 ${DEFAULT-VALUE}") int clients;

    @Option(names = "--seconds", defaultValue = "20", description = "测量时长（秒），默认 ${DEFAULT-VALUE}") int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "预热时长（秒，不计入），默认 ${DEFAULT-VALUE}") int warmup;

    @Option(names = "--max-requests", defaultValue = "2000000", description = "请求总数上限（含预热），默认 ${DEFAULT-VALUE}") long maxRequests;

    @Option(names = "--gzip", description = "请求 gzip 压缩的响应 (Accept-Encoding: gzip)，如浏览器") boolean gzip;

    @Option(names = "--server-pid", paramLabel = "PID", description = "同时报告该服务器进程在测量期间的 CPU 时间（Linux /proc）") Long serverPid;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI base = URI.create(url);
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            err.println("--url 应为 http://localhost:端口 (only plain http on loopback): " + url);
            return BudgetCli.BAD_INPUT;
        }
        InetAddress[] addresses = InetAddress.getAllByName(base.getHost());
        for (InetAddress a : addresses) {
            if (!a.isLoopbackAddress()) {
                err.println("只允许对本机 (loopback) 做压力测试：" + base.getHost());
                return BudgetCli.BAD_INPUT;
            }
        }
        if (clients < 1 || clients > 512 || seconds < 1 || seconds > 600 || warmup < 0 || warmup > 600 || maxRequests < 1) {
            err.println("--clients 应在 1–512，--seconds 应在 1–600，--warmup 应在 0–600，--max-requests 至少 1");
            return BudgetCli.BAD_INPUT;
        }
        if (!path.startsWith("/")) {
            err.println("--path 应以 / 开头: " + path);
            return BudgetCli.BAD_INPUT;
        }
        if (mixCheck != null && (check != null || checkClients < 1 || checkClients >= clients)) {
            err.println("--mix-check 不能与 --check 同用；--check-clients 应在 1 与 --clients − 1 之间");
            return BudgetCli.BAD_INPUT;
        }
        int port = base.getPort() > 0 ? base.getPort() : 80;
        if (mixCheck != null) return mixed(out, err, base, addresses[0], port);
        byte[] body = check == null ? null : Files.readAllBytes(check);
        String target = check == null ? path : "/api/check";
        byte[] request = request(check == null ? "GET" : "POST", target, base.getHost() + ":" + port, gzip, body);
        String what = (check == null ? "GET " : "POST ") + base.resolve(target) + (check == null ? "" : " (" + check.getFileName() + ")")
                + (gzip ? "，Accept-Encoding: gzip" : "");
        out.println("压力测试 " + what + "：" + clients + " 个并发客户端，预热 " + warmup + " 秒，测量 " + seconds + " 秒");
        out.flush();

        Run run = new Run(new InetSocketAddress(addresses[0], port), request, clients, warmup, seconds, maxRequests);
        if (serverPid != null && serverCpuMillis(serverPid) < 0) {
            err.println("读不到进程 " + serverPid + " 的 CPU 时间 (/proc/" + serverPid + "/stat)");
            return BudgetCli.BAD_INPUT;
        }
        run.start();
        run.awaitWarm();
        long driverCpu0 = processCpuNanos();
        long serverCpu0 = serverPid == null ? -1 : serverCpuMillis(serverPid);
        run.awaitEnd();
        long driverCpu = processCpuNanos() - driverCpu0;
        long serverCpu = serverPid == null ? -1 : serverCpuMillis(serverPid) - serverCpu0;

        Result r = run.result();
        if (r.count() == 0) {
            out.println("没有完成任何请求" + (r.firstError() == null ? "" : "：" + r.firstError()));
            return 1;
        }
        out.printf(Locale.ROOT, "请求 %d（%.1f 秒内），错误 %d，新建连接 %d；%.0f 请求/秒，%.1f MB/秒（平均响应 %d 字节）%n",
                r.count(), r.wallSeconds(), r.errors(), r.connects(), r.count() / r.wallSeconds(),
                r.bytes() / r.wallSeconds() / 1e6, r.bytes() / r.count());
        out.printf(Locale.ROOT, "延迟 p50 %.2f ms，p90 %.2f ms，p99 %.2f ms，p99.9 %.2f ms，最大 %.2f ms（全部 %d 个样本）%n",
                ms(r.sorted(), 0.50), ms(r.sorted(), 0.90), ms(r.sorted(), 0.99), ms(r.sorted(), 0.999), r.sorted()[r.sorted().length - 1] / 1e6, r.count());
        out.printf(Locale.ROOT, "压测程序 CPU %.1f s（每请求 %.3f ms）", driverCpu / 1e9, driverCpu / 1e6 / r.count());
        if (serverCpu >= 0) out.printf(Locale.ROOT, "；服务器 CPU %.1f s（每请求 %.3f ms）", serverCpu / 1e3, serverCpu / (double) r.count());
        out.printf(Locale.ROOT, "；负载 %s%n", loadAverage());
        if (r.firstError() != null) out.println("第一个错误：" + r.firstError());
        return r.errors() == 0 ? BudgetCli.OK : 1;
    }

    /**
     * Public reads and anonymous checks at once: the first {@code --check-clients} clients POST the dataset to /api/check,
     * the others GET the page; a check refused by the rate limit (429) is an answer, not an error. Each kind's latencies
     * are reported on their own, and with {@code --server-pid} the server's peak resident memory (an upper bound of its heap).
     */
    private int mixed(PrintWriter out, PrintWriter err, URI base, InetAddress address, int port) throws Exception {
        String host = base.getHost() + ":" + port;
        byte[] page = request("GET", path, host, gzip, null);
        byte[] checkRequest = request("POST", "/api/check", host, false, Files.readAllBytes(mixCheck));
        byte[][] requests = new byte[clients][];
        for (int i = 0; i < clients; i++) requests[i] = i < checkClients ? checkRequest : page;
        out.println("压力测试（混合）：" + (clients - checkClients) + " 个客户端 GET " + base.resolve(path) + (gzip ? "（gzip）" : "") + "，" + checkClients
                + " 个客户端 POST " + base.resolve("/api/check") + " (" + mixCheck.getFileName() + ")；预热 " + warmup + " 秒，测量 " + seconds + " 秒");
        out.flush();
        Run run = new Run(new InetSocketAddress(address, port), requests, checkClients, warmup, seconds, maxRequests);
        if (serverPid != null && serverCpuMillis(serverPid) < 0) {
            err.println("读不到进程 " + serverPid + " 的 CPU 时间 (/proc/" + serverPid + "/stat)");
            return BudgetCli.BAD_INPUT;
        }
        run.start();
        run.awaitWarm();
        long serverCpu0 = serverPid == null ? -1 : serverCpuMillis(serverPid);
        run.awaitEnd();
        long serverCpu = serverPid == null ? -1 : serverCpuMillis(serverPid) - serverCpu0;
        Result reads = run.result(false), checks = run.result(true);
        if (reads.count() == 0) {
            out.println("没有完成任何页面请求" + (reads.firstError() == null ? "" : "：" + reads.firstError()));
            return 1;
        }
        for (Result r : new Result[] {reads, checks}) {
            if (r.count() == 0) continue;
            out.printf(Locale.ROOT, "%s：请求 %d，%.0f 请求/秒，错误 %d%s；p50 %.2f ms，p90 %.2f ms，p99 %.2f ms，最大 %.2f ms%n",
                    r == reads ? "公开页面" : "审核接口", r.count(), r.count() / r.wallSeconds(), r.errors(),
                    r == reads ? "" : "，限流 429/503 " + r.refused(), ms(r.sorted(), 0.50), ms(r.sorted(), 0.90), ms(r.sorted(), 0.99),
                    r.sorted()[r.sorted().length - 1] / 1e6);
        }
        if (serverCpu >= 0) out.printf(Locale.ROOT, "服务器 CPU %.1f s；常驻内存峰值 %s%n", serverCpu / 1e3, peakResident(serverPid));
        out.printf(Locale.ROOT, "负载 %s%n", loadAverage());
        String first = reads.firstError() != null ? reads.firstError() : checks.firstError();
        if (first != null) out.println("第一个错误：" + first);
        return reads.errors() == 0 && checks.errors() == 0 ? BudgetCli.OK : 1;
    }

    /** The peak resident set of a process (VmHWM, Linux), in MB; "未知" when unknown. */
    private static String peakResident(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) return (Long.parseLong(line.replaceAll("\\D", "")) / 1024) + " MB";
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return "未知";
    }

    static byte[] request(String method, String path, String host, boolean gzip, byte[] body) {
        StringBuilder h = new StringBuilder();
        h.append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("User-Agent: budget-load\r\n")
                .append("Accept: */*\r\n");
        if (gzip) h.append("Accept-Encoding: gzip\r\n");
        if (body != null) h.append("Content-Type: application/yaml\r\nContent-Length: ").append(body.length).append("\r\n");
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) return head;
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** The {@code q}-quantile of sorted nanoseconds, in milliseconds (nearest rank). */
    static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** utime + stime of a process from /proc (Linux; in USER_HZ = 100 ticks per second), -1 when unknown. */
    private static long serverCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "未知" : String.format(Locale.ROOT, "%.1f", l);
    }

    record Result(long[] sorted, long count, long errors, long connects, long bytes, double wallSeconds, String firstError, long refused) {
        Result(long[] sorted, long count, long errors, long connects, long bytes, double wallSeconds, String firstError) {
            this(sorted, count, errors, connects, bytes, wallSeconds, firstError, 0);
        }
    }

    /** The clients of one run. */
    static final class Run {
        private final InetSocketAddress server;
        private final byte[][] requests;
        /** The first this many clients send checks, which may be refused by the rate limit (429). */
        private final int checking;
        private final Client[] clients;
        private final long warmEnd;
        private final long end;
        private final AtomicLong tickets;
        private volatile String firstError;

        Run(InetSocketAddress server, byte[] request, int clients, int warmupSeconds, int seconds, long maxRequests) {
            this(server, java.util.Collections.nCopies(clients, request).toArray(new byte[0][]), 0, warmupSeconds, seconds, maxRequests);
        }

        Run(InetSocketAddress server, byte[][] requests, int checking, int warmupSeconds, int seconds, long maxRequests) {
            this.server = server;
            this.requests = requests;
            this.checking = checking;
            this.clients = new Client[requests.length];
            long now = System.nanoTime();
            this.warmEnd = now + warmupSeconds * 1_000_000_000L;
            this.end = warmEnd + seconds * 1_000_000_000L;
            this.tickets = new AtomicLong(maxRequests);
        }

        void start() {
            for (int i = 0; i < clients.length; i++) {
                clients[i] = new Client(requests[i], i < checking);
                Thread t = new Thread(clients[i], "load-" + i);
                t.setDaemon(true);
                clients[i].thread = t;
                t.start();
            }
        }

        void awaitWarm() throws InterruptedException {
            long wait;
            while ((wait = warmEnd - System.nanoTime()) > 0) Thread.sleep(Math.max(1, wait / 1_000_000));
        }

        void awaitEnd() throws InterruptedException {
            for (Client c : clients) c.thread.join();
        }

        Result result() {
            return result(java.util.Arrays.asList(clients));
        }

        /** The checking clients' result, or the others'. */
        Result result(boolean checks) {
            return result(java.util.Arrays.stream(clients).filter(c -> c.checks == checks).toList());
        }

        private Result result(java.util.List<Client> clients) {
            int n = 0;
            long errors = 0, connects = 0, bytes = 0, refused = 0, last = warmEnd;
            for (Client c : clients) {
                refused += c.refused;
                n += c.count;
                errors += c.errors;
                connects += c.connects;
                bytes += c.bytes;
                last = Math.max(last, c.lastDone);
            }
            long[] all = new long[n];
            int k = 0;
            for (Client c : clients) {
                System.arraycopy(c.samples, 0, all, k, c.count);
                k += c.count;
            }
            Arrays.sort(all);
            return new Result(all, n, errors, connects, bytes, Math.max(1, last - warmEnd) / 1e9, firstError, refused);
        }

        /** One connection, requests back to back. Measured: the requests begun after the warm-up and before the end. */
        final class Client implements Runnable {
            Thread thread;
            long[] samples = new long[1024];
            int count;
            long errors, connects, bytes, lastDone, refused;
            private final byte[] request;
            final boolean checks;

            Client(byte[] request, boolean checks) {
                this.request = request;
                this.checks = checks;
            }
            private Socket socket;
            private OutputStream out;
            private final Response response = new Response();

            @Override
            public void run() {
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 - end >= 0 || tickets.getAndDecrement() <= 0) break;
                        boolean measured = t0 - warmEnd >= 0;
                        boolean ok;
                        long got = 0;
                        try {
                            if (socket == null) connect();
                            out.write(request);
                            out.flush();
                            got = response.read();
                            // the rate limit (429) and the bound on checks at once (503 after waiting): answers, not errors
                            boolean limited = checks && (response.status == 429 || response.status == 503);
                            if (limited && measured) refused++;
                            ok = response.status == 200 || limited;
                            if (!ok) fail("HTTP " + response.status);
                            if (response.close) disconnect();
                        } catch (IOException e) {
                            ok = false;
                            fail(e.toString());
                            disconnect();
                        }
                        long t1 = System.nanoTime();
                        if (measured) {
                            if (!ok) errors++;
                            bytes += got;
                            if (count == samples.length) samples = Arrays.copyOf(samples, count * 2);
                            samples[count++] = t1 - t0;
                            lastDone = t1;
                        }
                    }
                } finally {
                    disconnect();
                }
            }

            private void fail(String what) {
                if (firstError == null) firstError = what;
            }

            private void connect() throws IOException {
                if (System.nanoTime() - warmEnd >= 0) connects++;
                Socket s = new Socket();
                s.setTcpNoDelay(true);
                s.setSoTimeout(30_000);
                s.connect(server, 5_000);
                socket = s;
                response.on(s.getInputStream());
                out = s.getOutputStream();
            }

            private void disconnect() {
                if (socket == null) return;
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a connection the server dropped
                }
                socket = null;
            }
        }
    }

    /**
     * Just enough of an HTTP/1.1 response: status, Content-Length or chunked body, Connection: close.
     * Buffers the connection's input itself (one buffer, no lock per byte).
     */
    static final class Response {
        int status;
        boolean close;
        private final byte[] buf = new byte[64 * 1024];
        private int pos, lim;
        private InputStream in;

        /** A new connection: nothing buffered. */
        void on(InputStream in) {
            this.in = in;
            pos = lim = 0;
        }

        /** Reads one response; returns the bytes of its body. */
        long read() throws IOException {
            String statusLine = readLine();
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) throw new IOException("bad status line: " + statusLine);
            status = Integer.parseInt(statusLine.substring(9, 12));
            close = statusLine.startsWith("HTTP/1.0");
            long length = -1;
            boolean chunked = false;
            for (String h; !(h = readLine()).isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
                else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                else if (name.equalsIgnoreCase("Connection")) close = value.equalsIgnoreCase("close");
            }
            if (status == 204 || status == 304 || status / 100 == 1) return 0;
            if (chunked) {
                long total = 0;
                while (true) {
                    String size = readLine();
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) break;
                    skip(n);
                    if (!readLine().isEmpty()) throw new IOException("bad chunk");
                    total += n;
                }
                while (!readLine().isEmpty()) { } // trailers
                return total;
            }
            if (length >= 0) {
                skip(length);
                return length;
            }
            close = true; // a body that ends when the server closes
            long total = lim - pos;
            pos = lim;
            for (int r; (r = in.read(buf)) >= 0; ) total += r;
            return total;
        }

        private boolean fill() throws IOException {
            pos = 0;
            lim = Math.max(0, in.read(buf));
            return lim > 0;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                if (pos == lim && !fill()) throw new EOFException("connection closed in a response body");
                int k = (int) Math.min(n, lim - pos);
                pos += k;
                n -= k;
            }
        }

        private String readLine() throws IOException {
            StringBuilder sb = null;
            while (true) {
                if (pos == lim && !fill()) throw new EOFException("connection closed");
                int from = pos;
                while (pos < lim && buf[pos] != '\n') pos++;
                if (pos < lim) {
                    int to = pos++;
                    String part = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
                    String line = sb == null ? part : sb.append(part).toString();
                    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                }
                if (sb == null) sb = new StringBuilder();
                sb.append(new String(buf, from, lim - from, StandardCharsets.ISO_8859_1));
                if (sb.length() > 65536) throw new IOException("header line too long");
            }
        }
    }
}
