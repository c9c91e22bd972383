package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.pages.Charts;
import org.openbudget.web.pages.PublicPageCache;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.PortalService;
import org.openbudget.web.service.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The public page of a published version: kept once rendered for anonymous readers, identical to a
 * fresh rendering, rendered again when something it shows changes (a correction supersedes it, last
 * year's document is published), revalidated by ETag, sent gzip when asked, and costing no session.
 * Works on a unit of its own (code 650100988001), published for 2025 and 2024.
 */
class PortalPageTest extends WebTestBase {
    static final String UNIT = "650100988001";
    static final String PREPARER = "p" + UNIT;

    @Autowired WorkflowService workflow;
    @Autowired AgencyRepository agencies;
    @Autowired PasswordEncoder encoder;
    @Autowired PortalService portal;
    @Autowired PublicPageCache pages;
    @Autowired ThymeleafViewResolver views;
    @Autowired WebApplicationContext context;
    @LocalServerPort int port;

    /** The sci-tech center's ledger under this test's unit code, for a year, with a marker comment that changes the dataset. */
    static String dataset(int year, String marker) {
        String y2024 = asUnit(example("urumqi-sci-tech-info-center-2024/dataset.yaml"), SCITECH, UNIT);
        // a later year takes its 上年数 from 2024 as published here, not the 2023 figures typed in the example
        return (year == 2024 ? y2024 : forYear(withoutLastYear(y2024), year)) + "\n# " + marker + "\n";
    }

    /** Saves, submits, approves and publishes one version; returns it. */
    Publication publish(int year, String marker) {
        agencies.upsert(new Agency(UNIT, ownName(UNIT), "单位", "事业", "650100", null, 9));
        if (accounts.find(PREPARER).isEmpty()) accounts.insert(new BudgetUser(PREPARER, encoder.encode("x"), Role.PREPARER, UNIT, null, "缓存测试", true));
        Integer version = workflow.view(as(PREPARER), UNIT, year).document() == null ? null : workflow.view(as(PREPARER), UNIT, year).document().rowVersion();
        var saved = workflow.saveDataset(as(PREPARER), UNIT, year, "dataset.yaml", dataset(year, marker), version);
        var submitted = workflow.submit(as(PREPARER), UNIT, year, saved.rowVersion(), "已说明");
        var approved = workflow.approve(as("reviewer"), UNIT, year, submitted.rowVersion(), "同意");
        return workflow.publish(as("reviewer"), UNIT, year, approved.rowVersion(), "更正：" + marker);
    }

    MvcResult anonymous(long id, String... headers) throws Exception {
        var b = get("/p/" + id);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return mvc.perform(b).andReturn();
    }

    static String text(MvcResult r) {
        return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The page as Spring MVC renders the view "publication" from the same model, for an anonymous reader, without any cache. */
    String freshRender(long id) throws Exception {
        PortalService.Page page = portal.page(id);
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("chart", Charts.of(page.summary(), page.lastYearSummary(), page.publication().year()));
        model.put("me", null);
        MockHttpServletRequest req = new MockHttpServletRequest(context.getServletContext(), "GET", "/p/" + id);
        req.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        MockHttpServletResponse res = new MockHttpServletResponse();
        View view = views.resolveViewName("publication", java.util.Locale.ENGLISH);
        view.render(model, req, res);
        return new String(res.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void thePublicPageIsKeptRevalidatedCompressedAndRenderedAgainWhenWhatItShowsChanges() throws Exception {
        Publication v1 = publish(2025, "第一版");

        // rendered once, then sent as kept: the same bytes, identical to a fresh rendering of the view
        long before = pages.renders();
        MvcResult first = anonymous(v1.id());
        MvcResult second = anonymous(v1.id());
        assertThat(pages.renders() - before).isEqualTo(1);
        assertThat(second.getResponse().getContentAsByteArray()).isEqualTo(first.getResponse().getContentAsByteArray());
        String page = text(first);
        assertThat(page).isEqualTo(freshRender(v1.id()));
        assertThat(page).contains("第 1 版").contains("当前版本").doesNotContain("本版本已被更正版本取代")
                .contains("上年度文档未在本系统公开").doesNotContain("与上年比较");
        // nothing of a user in it: no form token, no name, the login link
        assertThat(page).doesNotContain("_csrf").doesNotContain("退出").contains("登录");

        // headers: kept by anyone but revalidated each time; one representation per Accept-Encoding
        var h = first.getResponse();
        assertThat(h.getStatus()).isEqualTo(200);
        assertThat(h.getHeader("Cache-Control")).contains("public").contains("no-cache").doesNotContain("no-store");
        assertThat(h.getHeader("Pragma")).isNull();
        assertThat(h.getHeader("Vary")).contains("Accept-Encoding");
        assertThat(h.getHeader("Content-Encoding")).isNull();
        assertThat(h.getContentLength()).isEqualTo(h.getContentAsByteArray().length);
        assertThat(h.getHeader("Content-Security-Policy")).as("the security headers are still sent").contains("default-src 'self'");
        String etag = h.getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        // If-None-Match: 304 without a body, for either variant's tag; another tag gets the page
        MvcResult notModified = anonymous(v1.id(), "If-None-Match", etag);
        assertThat(notModified.getResponse().getStatus()).isEqualTo(304);
        assertThat(notModified.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(notModified.getResponse().getHeader("ETag")).isEqualTo(etag);
        assertThat(anonymous(v1.id(), "If-None-Match", "\"other\", W/" + etag).getResponse().getStatus()).isEqualTo(304);
        assertThat(anonymous(v1.id(), "If-None-Match", "\"other\"").getResponse().getStatus()).isEqualTo(200);

        // gzip when accepted (and only then), the same page once decompressed, with its own tag
        MvcResult gz = anonymous(v1.id(), "Accept-Encoding", "br, gzip;q=0.8");
        assertThat(gz.getResponse().getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gz.getResponse().getHeader("Vary")).contains("Accept-Encoding");
        assertThat(gz.getResponse().getContentAsByteArray().length).isLessThan(h.getContentAsByteArray().length / 3);
        assertThat(gunzip(gz.getResponse().getContentAsByteArray())).isEqualTo(h.getContentAsByteArray());
        String gzTag = gz.getResponse().getHeader("ETag");
        assertThat(gzTag).isNotEqualTo(etag).startsWith(etag.substring(0, etag.length() - 1));
        assertThat(anonymous(v1.id(), "Accept-Encoding", "gzip", "If-None-Match", gzTag).getResponse().getStatus()).isEqualTo(304);
        assertThat(anonymous(v1.id(), "Accept-Encoding", "gzip;q=0").getResponse().getHeader("Content-Encoding")).isNull();
        assertThat(pages.renders() - before).as("all of these were served as kept").isEqualTo(1);

        // another agency's page, kept: what this unit publishes next does not concern it
        long other = portal.search(2024, null, null, null).get(0).id();
        byte[] otherPage = anonymous(other).getResponse().getContentAsByteArray();

        // last year's document is published: the 2025 page now compares with it
        publish(2024, "上年");
        long rendersBefore = pages.renders();
        String withLastYear = text(anonymous(v1.id()));
        assertThat(pages.renders() - rendersBefore).isEqualTo(1);
        assertThat(withLastYear).contains("与上年比较").doesNotContain("上年度文档未在本系统公开");
        assertThat(withLastYear).isEqualTo(freshRender(v1.id()));
        assertThat(anonymous(v1.id(), "If-None-Match", etag).getResponse().getStatus()).as("the old tag no longer revalidates").isEqualTo(200);

        // a correction supersedes version 1: its page says so and lists both versions
        Publication v2 = publish(2025, "更正");
        String old = text(anonymous(v1.id()));
        assertThat(old).contains("本版本已被更正版本取代").contains("/p/" + v2.id()).contains("第 2 版").contains("已被取代");
        assertThat(old).isEqualTo(freshRender(v1.id()));
        String current = text(anonymous(v2.id()));
        assertThat(current).doesNotContain("本版本已被更正版本取代").contains("第 1 版").contains("第 2 版");
        assertThat(current).isEqualTo(freshRender(v2.id()));

        Thread.sleep(1200); // past budget.portal.recheck-ms: the database's view of these publications agrees, nothing more is stale
        rendersBefore = pages.renders();
        assertThat(anonymous(other).getResponse().getContentAsByteArray()).isEqualTo(otherPage);
        assertThat(text(anonymous(v1.id()))).isEqualTo(old);
        assertThat(pages.renders() - rendersBefore).as("kept through this unit's publications").isZero();
    }

    @Test
    void aLoggedInReaderGetsTheirOwnPageWhichIsNeitherKeptNorStored() throws Exception {
        long id = portal.search(2024, null, null, null).get(0).id();
        String anonymousBefore = text(anonymous(id));
        MvcResult mine = mvc.perform(get("/p/" + id).with(user(as("sme")))).andExpect(status().isOk()).andReturn();
        String page = text(mine);
        assertThat(page).contains(as("sme").displayName()).contains("退出").contains("name=\"_csrf\"");
        assertThat(mine.getResponse().getHeader("Cache-Control")).contains("no-store").contains("private");
        assertThat(mine.getResponse().getHeader("ETag")).isNull();
        // the anonymous page is unchanged by it
        String anonymousAfter = text(anonymous(id));
        assertThat(anonymousAfter).isEqualTo(anonymousBefore).doesNotContain(as("sme").displayName()).doesNotContain("_csrf");
    }

    /** Each published version is also open data: its ledger's lines as a Fiscal Data Package, public, beside its other files. */
    @Test
    void aPublishedVersionIsAlsoAFiscalDataPackage() throws Exception {
        long id = portal.search(2024, null, null, null).get(0).id();
        MvcResult r = mvc.perform(get("/api/public/documents/" + id + "/files/fdp")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).startsWith("application/zip");
        java.util.Map<String, String> files = new java.util.HashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(files).containsKeys("datapackage.json", "data/lines.csv");
        var descriptor = new com.fasterxml.jackson.databind.ObjectMapper().readTree(files.get("datapackage.json"));
        assertThat(descriptor.get("model").get("measures").get("amount").get("currency").asText()).isEqualTo("CNY");
        assertThat(files.get("data/lines.csv").split("\r\n")).hasSizeGreaterThan(2);
        assertThat(text(anonymous(id))).contains("/files/fdp");   // offered on the public page with the other files
    }

    @Test
    void anAnonymousPageViewCreatesNoSession() throws Exception {
        long id = portal.search(2024, null, null, null).get(0).id();
        MvcResult r = anonymous(id);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getRequest().getSession(false)).isNull();
        // and over HTTP, through the real server: no cookie set, for the page, its files, the list and the public API
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/p/" + id, "/p/" + id + "/files/json", "/", "/api/public/documents", "/css/site.css"}) {
            HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(res.statusCode()).as(path).isEqualTo(200);
            assertThat(res.headers().firstValue("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void aChangeMadeElsewhereInTheDatabaseIsSeenWithinTheRecheckTime() throws Exception {
        long id = portal.search(2024, "650100", null, null).get(0).id();
        String region = agencies.regions().get("650100");
        assertThat(text(anonymous(id))).contains("2024年 · " + region);
        // as another application on the same database would: straight to the database, no event here
        agencies.upsertRegion("650100", region + "（更名）");
        try {
            Thread.sleep(1200); // budget.portal.recheck-ms is 1000 by default
            assertThat(text(anonymous(id))).contains("2024年 · " + region + "（更名）");
        } finally {
            agencies.upsertRegion("650100", region);
        }
        Thread.sleep(1200);
        assertThat(text(anonymous(id))).contains("2024年 · " + region + "<").doesNotContain("（更名）");
    }

    @Autowired org.springframework.security.web.FilterChainProxy security;

    @Test
    void publicReadsGoThroughAChainThatKeepsNoState() {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/p/1");
        var filters = security.getFilters("/p/1").stream().map(f -> f.getClass().getSimpleName()).toList();
        assertThat(security.getFilterChains().get(0).matches(page)).isTrue();
        assertThat(filters).contains("SecurityContextHolderFilter", "HeaderWriterFilter", "CsrfFilter", "AuthorizationFilter")
                .doesNotContain("LogoutFilter", "UsernamePasswordAuthenticationFilter", "BasicAuthenticationFilter", "RequestCacheAwareFilter",
                        "SessionManagementFilter", "AnonymousAuthenticationFilter");
        // writes and everything else go through the main chain, which still has them
        assertThat(security.getFilterChains().get(0).matches(new MockHttpServletRequest("POST", "/p/1"))).isFalse();
        assertThat(security.getFilterChains().get(0).matches(new MockHttpServletRequest("GET", "/work"))).isFalse();
        assertThat(security.getFilterChains().get(0).matches(new MockHttpServletRequest("GET", "/audit"))).isFalse();
        assertThat(security.getFilterChains().get(0).matches(new MockHttpServletRequest("GET", "/login"))).isFalse();
    }

    @Test
    void anUnknownVersionIsNotFoundAndNotKept() throws Exception {
        long before = pages.size()[0];
        MvcResult r = anonymous(987654321L);
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(text(r)).contains("没有编号为 987654321 的公开文档");
        assertThat(pages.size()[0]).isLessThanOrEqualTo(before);
    }

    static byte[] gunzip(byte[] b) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }
}
