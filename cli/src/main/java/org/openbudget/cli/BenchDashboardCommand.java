package org.openbudget.cli;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.report.BatchReport;
import org.openbudget.audit.report.Scores;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.Format;
import org.openbudget.render.Renderers;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.web.WebApp;
import org.openbudget.web.batch.BatchIntake;
import org.openbudget.web.batch.BatchService;
import org.openbudget.web.db.repositories.AccountRepository;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The region's dashboard at scale (issue 14): a fresh web application on a temporary database, a region of
 * {@code --documents} agencies (departments of nine units each), and as many synthetic documents — built by
 * {@link SyntheticBudgets} under several profiles, printed by our PDF renderer and read back by the audit, each scored —
 * stored as one batch's results; then the dashboard page of the year is asked for over HTTP as the region's reviewer,
 * warm, and its answer times printed. With {@code --batch DIR}: the files of DIR (e.g. ../shared/realdocs) audited as a web
 * batch job, once to warm the server and once timed.
 */
@Command(name = "bench-dashboard", description = "基准测试：批量审核看板（1000 份文档）和批量审核耗时 (the dashboard of a region with N audited documents; a web batch, server warm)")
final class BenchDashboardCommand implements Callable<Integer> {
    @Option(names = "--documents", defaultValue = "1000", description = "文档数 (synthetic documents, one per agency; default ${DEFAULT-VALUE})")
    int documents;

    @Option(names = "--requests", defaultValue = "40", description = "计时的请求数 (dashboard requests timed, after 10 to warm up; default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--profiles", paramLabel = "ID,…",
            description = "生成文档所用的模板，默认为模板库中的全部预算模板 (profiles the documents are laid out under, in turn; default: every 预算 profile of the library)")
    String profiles;

    @Option(names = "--batch", description = "另测一批文件的网页批量审核耗时（如 ../shared/realdocs） (time a web batch job of these files, server warm)")
    Path batch;

    @Option(names = "--explain", description = "打印看板查询的执行计划（EXPLAIN ANALYZE） (print the plans of the dashboard's queries)")
    boolean explain;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    static final String REGION = "659800", YEAR_REGION_NAME = "基准测试市";

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("openbudget-bench-dashboard");
        ReferenceLibrary lib = ReferenceLibrary.standard();
        if (profiles == null || profiles.isBlank()) profiles = String.join(",", budgetProfiles(lib));
        out.printf("生成并审核 %d 份合成文档（模板 %s）…%n", documents, profiles);
        out.flush();
        long t0 = System.nanoTime();
        List<Made> made = make(lib);
        out.printf("  %d 份：生成、排版为 PDF、审核和评分共 %.1f 秒（%d 个线程）%n", made.size(), (System.nanoTime() - t0) / 1e9, threads());
        try (ConfigurableApplicationContext ctx = WebApp.start(new WebApp.Options(0, null, null, null, dir.toString(), false, "127.0.0.1", null),
                "--logging.level.root=WARN")) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            String password = "Bench-" + Long.toHexString(new Random().nextLong()) + "!a1";
            fill(ctx, made, password);
            HttpClient http = login(port, "bench-reviewer", password);
            String path = "/dashboard/2024";
            // the whole table first: every agency of the region listed with its document, or the figures mean nothing
            String whole = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
            long listed = java.util.stream.IntStream.range(0, made.size()).filter(i -> whole.contains(agencyName(made.get(i), i))).count();
            out.printf("看板列出 %d 个单位中的 %d 个%n", made.size(), listed);
            if (listed != made.size()) {
                spec.commandLine().getErr().println("看板未列出全部单位 (the dashboard does not list every agency)");
                return 1;
            }
            for (String p : List.of(path, path + "?sort=overall&dir=desc", path + "?kind=" + URLEncoder.encode("单位", StandardCharsets.UTF_8) + "&errors=true")) {
                double[] ms = time(http, port, p);
                out.printf("GET %s：%d 次，最短 %.1f ms，中位 %.1f ms，p95 %.1f ms，最长 %.1f ms（%d 字节）%n", p, ms.length - 1, ms[0], median(ms),
                        pct(ms, 0.95), ms[ms.length - 2], (long) ms[ms.length - 1]);
            }
            if (explain) {
                for (String plan : ctx.getBean(org.openbudget.web.db.repositories.BatchRepository.class).explainDashboard(REGION, 2024)) out.println(plan);
            }
            if (batch != null && !batch(ctx, out)) return 1;
        } finally {
            deleteQuietly(dir);
        }
        return 0;
    }

    /** The registered name of the {@code i}th document's agency (unique in the region). */
    private static String agencyName(Made m, int i) {
        return YEAR_REGION_NAME + m.name() + "（" + i + "）";
    }

    record Made(String name, String kind, String basis, String summary, String findings, byte[] pdf) {}

    /** The library's 预算 profiles (refdata/profiles): the default mix of the synthetic documents. */
    static List<String> budgetProfiles(ReferenceLibrary lib) {
        List<String> ids = new ArrayList<>();
        for (String id : lib.profileIds()) if ("预算".equals(lib.profileHead(id).basis())) ids.add(id);
        return ids;
    }

    private static int threads() { return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())); }

    /** Each document: a synthetic department or unit under the next profile, printed as PDF, audited and scored. */
    private List<Made> make(ReferenceLibrary lib) throws Exception {
        String[] ids = profiles.split(",");
        ExecutorService pool = Executors.newFixedThreadPool(threads());
        try {
            List<Future<Made>> fs = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                int n = i;
                fs.add(pool.submit(() -> {
                    String id = ids[n % ids.length].strip();
                    TemplateProfile profile = lib.profile(id);
                    int year = Math.max(2024, profile.year());
                    SyntheticBudgets gen = new SyntheticBudgets(lib.year(year), id);
                    Random rnd = new Random(7_000 + n);
                    boolean dept = n % 10 == 0;
                    Budget b = dept ? gen.department(rnd, n, 2, 4, 30) : gen.unit(rnd, n, 6 + n % 40);
                    Disclosure d = Deriver.tables(b, lib.year(year), profile);
                    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                    Renderers.of(Format.PDF).write(new DocumentView(d, profile), pdf);
                    long s = System.nanoTime();
                    DocumentAudit.Result a = DocumentAudit.run(b.agency().name() + ".pdf", pdf.toByteArray(), lib);
                    BatchReport.Entry e = BatchReport.Entry.of(b.agency().name() + ".pdf", a, (System.nanoTime() - s) / 1_000_000, Scores.of(a, lib));
                    BatchReport.Entry line = new BatchReport.Entry(e.file(), e.outcome(), e.profile(), e.year(), e.unit(), e.tables(), e.errors(),
                            e.warnings(), e.notices(), e.message(), e.millis(), e.status(), e.scores(), List.of());
                    return new Made(b.agency().name(), dept ? "部门" : "单位", profile.meta().basis(), JSON.writeValueAsString(line),
                            JSON.writeValueAsString(e.findings()), pdf.toByteArray());
                }));
            }
            List<Made> out = new ArrayList<>();
            for (Future<Made> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The region, its agencies (a department of nine units, in turn), the reviewer, and one finished job holding every document. */
    private void fill(ConfigurableApplicationContext ctx, List<Made> made, String password) throws Exception {
        AgencyRepository agencies = ctx.getBean(AgencyRepository.class);
        JdbcClient db = ctx.getBean(JdbcClient.class);
        agencies.upsertRegion(REGION, YEAR_REGION_NAME);
        String dept = null;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            boolean isDept = i % 10 == 0;
            String code = REGION + String.format("%06d", i);
            if (isDept) dept = code;
            agencies.upsert(new Agency(code, agencyName(made.get(i), i), isDept ? "部门" : "单位", "事业", REGION,
                    isDept ? null : dept, i));
            codes.add(code);
        }
        ctx.getBean(AccountRepository.class).insert(new BudgetUser("bench-reviewer", ctx.getBean(PasswordEncoder.class).encode(password), Role.REVIEWER,
                null, REGION, "基准测试审核人", true));
        long job = db.sql("insert into batch_job(region_code, budget_year, title, status, created_by, finished_at) values (?, 2024, ?, 'DONE', ?, now()) returning id")
                .params(REGION, "基准：" + made.size() + " 份合成文档", "bench-reviewer").query(Long.class).single();
        for (int i = 0; i < made.size(); i++) {
            Made m = made.get(i);
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(m.pdf());
            db.sql("""
                    insert into batch_document(job_id, position, file_name, sha256, size_bytes, content, status, started_at, finished_at, millis,
                      doc_year, basis, unit_name, summary, findings, agency_code, confidence, matched_by)
                    values (?,?,?,?,?,?,'DONE',now(),now(),0,2024,?,?,cast(? as jsonb),cast(? as jsonb),?,1,'自动')""")
                    .params(job, i, m.name() + ".pdf", java.util.HexFormat.of().formatHex(sha), m.pdf().length, m.pdf(), m.basis(), m.name(), m.summary(),
                            m.findings(), codes.get(i))
                    .update();
        }
        db.sql("analyze").update();
    }

    /** A session as the form logs in: the login page's token, then the credentials. */
    private static HttpClient login(int port, String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        int at = page.indexOf("name=\"_csrf\"");
        int v = page.indexOf("value=\"", at) + 7;
        String token = page.substring(v, page.indexOf('"', v));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String to = r.headers().firstValue("Location").orElse("");
        if (to.contains("error")) throw new IllegalStateException("the bench reviewer cannot log in");
        return http;
    }

    /** Answer times in ms, sorted, of {@code requests} GETs after ten to warm up; the last element is the page's size in bytes. */
    private double[] time(HttpClient http, int port, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
        long size = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
            size = r.body().length;
        }
        double[] ms = new double[requests + 1];
        for (int i = 0; i < requests; i++) {
            long s = System.nanoTime();
            http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms, 0, requests);
        ms[requests] = size;
        return ms;
    }

    private static double median(double[] sortedWithSize) {
        int n = sortedWithSize.length - 1;
        return n % 2 == 1 ? sortedWithSize[n / 2] : (sortedWithSize[n / 2 - 1] + sortedWithSize[n / 2]) / 2;
    }

    private static double pct(double[] sortedWithSize, double p) {
        int n = sortedWithSize.length - 1;
        return sortedWithSize[Math.min(n - 1, (int) Math.ceil(p * n) - 1)];
    }

    /** The files of a directory as a web batch job of the bench region: once to warm the server, once timed; false if a job did not finish. */
    private boolean batch(ConfigurableApplicationContext ctx, java.io.PrintWriter out) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(batch)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(pdf|ofd|txt)")).sorted().toList();
        }
        BatchService service = ctx.getBean(BatchService.class);
        BudgetUser me = ctx.getBean(AccountRepository.class).find("bench-reviewer").orElseThrow();
        for (String round : List.of("预热", "计时")) {
            List<BatchIntake.Upload> uploads = new ArrayList<>();
            for (Path p : files) uploads.add(new BatchIntake.Upload(p.getFileName().toString(), () -> Files.readAllBytes(p)));
            long s = System.nanoTime();
            long id = service.create(me, null, null, round, uploads, null);
            if (!service.await(id, Duration.ofMinutes(30))) {
                spec.commandLine().getErr().println("批量审核 30 分钟内未完成 (the batch job did not finish)");
                return false;
            }
            out.printf("网页批量审核（%s）：%d 个文件 %.1f 秒（%d 个工作线程）%n", round, files.size(), (System.nanoTime() - s) / 1e9, service.workers());
            out.flush();
        }
        return true;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a temporary directory left behind
        }
    }
}
