package org.openbudget.web.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openbudget.web.WebTestBase;
import org.openbudget.web.db.repositories.BatchRepository;
import org.openbudget.web.service.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Collecting from a disclosure listing (issue 14, item 1), against a local server (the JDK's) that serves a listing page and
 * our renderer's PDFs committed with the audit's tests: same host only, robots.txt obeyed, paced, bounded, each file kept
 * with its address, date and SHA-256; then the same through the web as a batch job.
 */
class CollectorTest extends WebTestBase {
    static final Path PDFS = Path.of("../audit/src/test/resources/pdf");
    static HttpServer server;
    static String base;
    static final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    static final List<Long> times = Collections.synchronizedList(new ArrayList<>());
    static byte[] sme, scitech;

    @Autowired BatchService batches;
    @Autowired BatchRepository repository;

    @BeforeAll
    static void serve() throws IOException {
        sme = Files.readAllBytes(PDFS.resolve("urumqi-sme-center-2024.render.pdf"));
        scitech = Files.readAllBytes(PDFS.resolve("urumqi-sci-tech-info-center-2024.render.pdf"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        String listing = """
                <html><head><meta charset="utf-8"></head><body><ul>
                <li><a href="sme.pdf">乌鲁木齐市中小企业服务中心2024年部门预算</a> <span>2024-02-15</span></li>
                <li><a href='/files/科技信息服务中心.pdf#page=1'>科技信息服务中心</a></li>
                <li><a href="/private/hidden.pdf">不许采集</a> 2024年3月1日</li>
                <li><a href="http://other.example.org/x.pdf">别的网站</a></li>
                <li><a href="notes.txt">说明</a></li>
                <li><a href="fake.pdf">不是 PDF</a></li>
                <li><a href="big.pdf">太大</a></li>
                <li><a href="away.pdf">转到别处</a></li>
                <li><a href="sme.pdf">重复的链接</a></li>
                </ul></body></html>""";
        server.createContext("/", ex -> {
            requests.add(ex.getRequestURI().getPath());
            times.add(System.nanoTime());
            String p = ex.getRequestURI().getPath();
            switch (p) {
                case "/robots.txt" -> send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n\nUser-agent: BadBot\nDisallow: /\n".getBytes(StandardCharsets.UTF_8), null);
                case "/yjsgk/index.html" -> send(ex, 200, "text/html; charset=utf-8", listing.getBytes(StandardCharsets.UTF_8), null);
                case "/yjsgk/sme.pdf" -> send(ex, 200, "application/pdf", sme, null);
                case "/files/科技信息服务中心.pdf" -> send(ex, 200, "application/pdf", scitech, "Tue, 20 Feb 2024 08:00:00 GMT");
                case "/private/hidden.pdf" -> send(ex, 200, "application/pdf", sme, null);
                case "/yjsgk/fake.pdf" -> send(ex, 200, "text/html", "<html>登录</html>".getBytes(StandardCharsets.UTF_8), null);
                case "/yjsgk/big.pdf" -> send(ex, 200, "application/pdf", new byte[300_000], null);
                case "/yjsgk/away.pdf" -> {
                    ex.getResponseHeaders().add("Location", "http://other.example.org/a.pdf");
                    send(ex, 302, "text/plain", new byte[0], null);
                }
                default -> send(ex, 404, "text/plain", new byte[0], null);
            }
        });
        server.start();
    }

    static void send(HttpExchange ex, int status, String type, byte[] body, String lastModified) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        if (lastModified != null) ex.getResponseHeaders().add("Last-Modified", lastModified);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
        ex.close();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void theListingsPdfsOnTheSameHostAreCollectedPolitelyAndBounded() throws Exception {
        requests.clear();
        times.clear();
        Collector c = new Collector(new Collector.Limits(10, 200_000, 1 << 20, Duration.ofMillis(60), Duration.ofSeconds(10), true));
        List<Collector.Fetched> got = new ArrayList<>();
        int n = c.collect(c.check(base + "/yjsgk/index.html"), got::add, () -> false);
        assertThat(n).isEqualTo(6);
        Map<String, Collector.Fetched> byName = new java.util.LinkedHashMap<>();
        for (Collector.Fetched f : got) byName.put(f.name(), f);
        assertThat(byName.keySet()).containsExactly("sme.pdf", "科技信息服务中心.pdf", "hidden.pdf", "fake.pdf", "big.pdf", "away.pdf");
        // fetched: the bytes as served, with the date beside the link, or else the server's Last-Modified
        assertThat(byName.get("sme.pdf").content()).isEqualTo(sme);
        assertThat(byName.get("sme.pdf").url()).isEqualTo(base + "/yjsgk/sme.pdf");
        assertThat(byName.get("sme.pdf").date()).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(byName.get("sme.pdf").dateFrom()).isEqualTo("列表页所列日期");
        assertThat(byName.get("科技信息服务中心.pdf").content()).isEqualTo(scitech);
        assertThat(byName.get("科技信息服务中心.pdf").date()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(byName.get("科技信息服务中心.pdf").dateFrom()).isEqualTo("服务器 Last-Modified");
        // refused, each saying why: robots.txt, not a PDF, too large, a redirect to another host
        assertThat(byName.get("hidden.pdf").refused()).contains("robots.txt");
        assertThat(byName.get("fake.pdf").refused()).contains("不是 PDF 或 OFD");
        assertThat(byName.get("big.pdf").refused()).contains("文件过大");
        assertThat(byName.get("away.pdf").refused()).contains("重定向到其他网站");
        // never asked: the disallowed file, another host, a link that is no PDF, the same file twice
        assertThat(requests).doesNotContain("/private/hidden.pdf", "/yjsgk/notes.txt", "/x.pdf", "/a.pdf");
        assertThat(requests.stream().filter("/yjsgk/sme.pdf"::equals).count()).isEqualTo(1);
        assertThat(requests.get(0)).isEqualTo("/robots.txt");
        // one request at a time, the pause between them
        for (int i = 2; i < times.size(); i++) assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(Duration.ofMillis(55).toNanos());

        // a listing robots.txt forbids, a private address, an address that is no web page: refused before anything is collected
        Collector strict = new Collector(new Collector.Limits(10, 200_000, 1 << 20, Duration.ZERO, Duration.ofSeconds(10), false));
        assertThatThrownBy(() -> strict.check(base + "/yjsgk/index.html")).isInstanceOf(RuleViolation.class).hasMessageContaining("内网");
        assertThatThrownBy(() -> strict.check("file:///etc/passwd")).isInstanceOf(RuleViolation.class).hasMessageContaining("http://");
        assertThatThrownBy(() -> c.collect(URI.create(base + "/private/list.html"), got::add, () -> false))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("robots.txt");
        assertThat(Collector.Robots.parse("User-agent: OpenBudget-Collector\nDisallow: /a\nAllow: /a/b\n\nUser-agent: *\nDisallow: /\n", Collector.AGENT)
                .allows("/a/b/c.pdf")).isTrue();
        // at most so many files: the rest named once, not fetched
        List<Collector.Fetched> two = new ArrayList<>();
        new Collector(new Collector.Limits(2, 200_000, 1 << 20, Duration.ZERO, Duration.ofSeconds(10), true)).collect(URI.create(base + "/yjsgk/index.html"), two::add, () -> false);
        assertThat(two).hasSize(3);
        assertThat(two.get(2).refused()).contains("文件数上限 2", "4 个未采集");
        assertThat(Collector.date("发布时间：2024年2月5日")).isEqualTo(LocalDate.of(2024, 2, 5));
        assertThat(Collector.date("文号 20240205")).isNull();
    }

    @Test
    void aReviewerCollectsAListingAsABatchJob() throws Exception {
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.post("/batch/collect").param("url", base + "/yjsgk/index.html")
                .with(csrf()).with(user(as("reviewer")))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        long id = Long.parseLong(r.getRedirectedUrl().replace("/batch/", ""));
        assertThat(batches.await(id, Duration.ofSeconds(120))).isTrue();
        List<BatchRepository.Doc> docs = repository.docs(id);
        assertThat(docs).hasSize(6);
        BatchRepository.Doc first = docs.get(0);
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.sourceUrl()).isEqualTo(base + "/yjsgk/sme.pdf");
        assertThat(first.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(sme)));
        assertThat(first.publishedOn()).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(first.unitName()).isEqualTo("乌鲁木齐市中小企业服务中心");
        assertThat(docs.stream().filter(d -> "REFUSED".equals(d.status())).count()).isEqualTo(4);
        String page = mvc.perform(MockMvcRequestBuilders.get("/batch/" + id).with(user(as("reviewer")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("采集自", base + "/yjsgk/index.html", "公开日期 2024-02-15（列表页所列日期）", "robots.txt 不允许采集此文件");
        // a bad address is refused on the page, no job made
        MockHttpServletResponse bad = mvc.perform(MockMvcRequestBuilders.post("/batch/collect").param("url", "ftp://x")
                .with(csrf()).with(user(as("reviewer")))).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("网址应以 http:// 或 https:// 开头");
    }
}
