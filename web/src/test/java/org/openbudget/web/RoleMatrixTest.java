package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every endpoint, called as every role (and as the public), is allowed or denied as the access
 * rules say. Writes are sent with a stale version, so an allowed write is refused by the lock (409)
 * or the state (422) — never by access — and nothing changes. The matrix is written to
 * target/role-matrix.md.
 */
class RoleMatrixTest extends WebTestBase {
    static final String ANON = "(公众)";
    static final List<String> WHO = List.of(ANON, "sme", "benji", "scitech", "industry", "reviewer", "karamay", "inspector", "admin");
    static final Set<String> ALL = Set.copyOf(WHO);
    static final Set<String> LOGGED_IN = Set.of("sme", "benji", "scitech", "industry", "reviewer", "karamay", "inspector", "admin");

    record Endpoint(String method, String path, String body, Set<String> allowed) {
        boolean page() { return !path.startsWith("/api/") && !path.startsWith("/v3/"); }
    }

    static final String STALE = "{\"version\":-1,\"comment\":\"x\"}";
    static final byte[] PROFILE = new org.openbudget.io.refdata.ReferenceLibrary(null).builtInProfile("xinjiang-2025").orElseThrow().yaml()
            .getBytes(StandardCharsets.UTF_8);

    static List<Endpoint> endpoints() {
        String sme = "/api/documents/" + SME + "/2024";
        String dept = "/api/documents/" + BUREAU + "/2024";
        Set<String> readSme = Set.of("sme", "industry", "reviewer");
        Set<String> readDept = Set.of("industry", "reviewer");
        List<Endpoint> e = new ArrayList<>();
        for (String p : List.of("/", "/p/1", "/p/1/files/json", "/audit", "/login", "/api/public/documents", "/api/public/documents/1",
                "/api/public/documents/1/versions", "/api/public/documents/1/files/html", "/v3/api-docs", "/p/1/diff",
                "/audit/" + "0".repeat(32) + "/findings.xlsx", "/p/data", "/api/public/opendata", "/api/public/opendata/650100/2024",
                "/api/public/opendata/650100/2024/csv", "/api/public/opendata/650100/2024/fdp")) e.add(new Endpoint("GET", p, null, ALL));
        e.add(new Endpoint("POST", "/api/check", "yaml", ALL));
        // the setup page: once an administrator exists it offers nothing, and a post makes nothing
        e.add(new Endpoint("GET", "/setup", null, ALL));
        e.add(new Endpoint("POST", "/setup", "form", ALL));
        for (String p : List.of("/api/me", "/api/documents", "/work", "/account", "/notifications", "/api/me/notifications"))
            e.add(new Endpoint("GET", p, null, LOGGED_IN));
        // one's own notifications marked read (there are none to mark for the demo accounts here)
        e.add(new Endpoint("POST", "/api/me/notifications/read", null, LOGGED_IN));
        e.add(new Endpoint("POST", "/notifications/read", "form", LOGGED_IN));
        // one's own password: refused for the wrong current password (nothing changes), never for access
        e.add(new Endpoint("POST", "/api/me/password", "{\"current\":\"wrong\",\"password\":\"x\"}", LOGGED_IN));
        e.add(new Endpoint("POST", "/account/password", "form", LOGGED_IN));
        for (String p : List.of(sme, sme + "/dataset", sme + "/preview", sme + "/history", "/work/" + SME + "/2024", "/work/" + SME + "/2024/preview",
                "/work/" + SME + "/2024/findings.xlsx", "/work/" + SME + "/2024/diff", "/work/" + SME + "/2024/diff?against=last-year"))
            e.add(new Endpoint("GET", p, null, readSme));
        for (String p : List.of(dept, dept + "/history", "/work/" + BUREAU + "/2024")) e.add(new Endpoint("GET", p, null, readDept));
        // how far a publication is: whoever may publish the document
        e.add(new Endpoint("GET", sme + "/publish-progress", null, Set.of("reviewer")));
        e.add(new Endpoint("GET", dept + "/publish-progress", null, Set.of("reviewer")));
        e.add(new Endpoint("PUT", sme + "/dataset?version=-1", "yaml", Set.of("sme")));
        e.add(new Endpoint("POST", sme + "/upload?version=-1", "file", Set.of("sme")));
        e.add(new Endpoint("POST", sme + "/submit", STALE, Set.of("sme")));
        e.add(new Endpoint("POST", sme + "/withdraw", STALE, Set.of("sme")));
        e.add(new Endpoint("POST", sme + "/department-return", STALE, Set.of("industry")));
        e.add(new Endpoint("POST", dept + "/withdraw", STALE, Set.of("industry")));
        e.add(new Endpoint("POST", "/work/" + SME + "/2024/withdraw", "form", Set.of("sme")));
        e.add(new Endpoint("POST", "/work/" + SME + "/2024/department-return", "form", Set.of("industry")));
        e.add(new Endpoint("POST", "/work/" + SME + "/2024/dataset", "form", Set.of("sme")));
        e.add(new Endpoint("POST", "/work/" + SME + "/2024/submit", "form", Set.of("sme")));
        e.add(new Endpoint("POST", dept + "/consolidate", STALE, Set.of("industry")));
        e.add(new Endpoint("POST", dept + "/submit", STALE, Set.of("industry")));
        e.add(new Endpoint("POST", "/work/" + BUREAU + "/2024/consolidate", "form", Set.of("industry")));
        for (String a : List.of("return", "approve", "publish")) {
            e.add(new Endpoint("POST", sme + "/" + a, STALE, Set.of("reviewer")));
            e.add(new Endpoint("POST", dept + "/" + a, STALE, Set.of("reviewer")));
            e.add(new Endpoint("POST", "/work/" + SME + "/2024/" + a, "form", Set.of("reviewer")));
        }
        // the editing forms: the unit's preparer; a department for its own text part (its tables are its units')
        for (String f : List.of("lines", "projects", "text", "last-year", "options")) e.add(new Endpoint("GET", sme + "/forms/" + f, null, Set.of("sme")));
        for (String f : List.of("projects", "text", "last-year", "options")) e.add(new Endpoint("GET", dept + "/forms/" + f, null, Set.of("industry")));
        for (String f : List.of("lines", "projects", "text", "last-year")) {
            e.add(new Endpoint("POST", sme + "/forms/" + f + "/check", "{}", Set.of("sme")));
            e.add(new Endpoint("PUT", sme + "/forms/" + f + "?version=-1", "{}", Set.of("sme")));
            e.add(new Endpoint("POST", "/work/" + SME + "/2024/forms/" + f, "form", Set.of("sme")));
        }
        for (String f : List.of("projects", "text", "last-year")) {
            e.add(new Endpoint("POST", dept + "/forms/" + f + "/check", "{}", Set.of("industry")));
            e.add(new Endpoint("PUT", dept + "/forms/" + f + "?version=-1", "{}", Set.of("industry")));
            e.add(new Endpoint("POST", "/work/" + BUREAU + "/2024/forms/" + f, "form", Set.of("industry")));
        }
        for (String p : List.of("/api/admin/accounts", "/api/admin/checks", "/api/admin/refdata", "/api/admin/audit-log", "/admin",
                "/api/admin/audit-log?q=admin&page=2&size=5", "/api/admin/audit-log/csv?action=登录", "/admin/audit?q=x&from=2024-01-01", "/admin/audit/csv"))
            e.add(new Endpoint("GET", p, null, Set.of("admin")));
        e.add(new Endpoint("POST", "/api/admin/accounts", "{\"username\":\"x\"}", Set.of("admin")));
        // the registry: reads, and writes refused by their rules (nothing stored)
        for (String p : List.of("/api/admin/registry", "/admin/registry", "/admin/registry?edit=" + SME)) e.add(new Endpoint("GET", p, null, Set.of("admin")));
        e.add(new Endpoint("PUT", "/api/admin/regions/650100", "{\"name\":\"\"}", Set.of("admin")));
        e.add(new Endpoint("PUT", "/api/admin/agencies/" + SME, "{\"name\":\"x\",\"kind\":\"单位\",\"type\":\"企业\",\"regionCode\":\"650100\"}", Set.of("admin")));
        e.add(new Endpoint("DELETE", "/api/admin/agencies/" + SME, null, Set.of("admin")));
        e.add(new Endpoint("POST", "/api/admin/agencies/import", "file", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/regions", "form", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/agencies", "form", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/agencies/" + SME + "/delete", "form", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/agencies/import", "file", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/accounts/nobody", "form", Set.of("admin")));
        e.add(new Endpoint("PUT", "/api/admin/checks/NO.SUCH", "{\"severity\":\"ERROR\"}", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/checks/NO.SUCH", "form", Set.of("admin")));
        // reference data and profiles: reads, and writes that store nothing (stale base version, unknown version, refused content)
        for (String p : List.of("/api/admin/refdata/2025/functional?q=206", "/api/admin/refdata/2025/functional/csv", "/api/admin/refdata/2025/funding-sources/csv?version=0",
                "/api/admin/profiles", "/api/admin/profiles/xinjiang-2025", "/api/admin/profiles/xinjiang-2025/yaml?version=0",
                "/admin/refdata?year=2025&list=economic", "/admin/refdata/2025/functional?q=科学", "/admin/refdata/2025/functional/csv",
                "/admin/profiles/xinjiang-2025", "/admin/profiles/xinjiang-2025/yaml"))
            e.add(new Endpoint("GET", p, null, Set.of("admin")));
        e.add(new Endpoint("PUT", "/api/admin/refdata/2025/functional?complete=true&baseVersion=-1", "csv", Set.of("admin")));
        e.add(new Endpoint("POST", "/api/admin/refdata/2025/functional/rollback", "{\"version\":-1}", Set.of("admin")));
        e.add(new Endpoint("PUT", "/api/admin/profiles/xinjiang-2025?baseVersion=-1", "profile", Set.of("admin")));
        e.add(new Endpoint("POST", "/api/admin/profiles", "{\"id\":\"x\",\"copyOf\":\"xinjiang-2025\"}", Set.of("admin")));
        e.add(new Endpoint("POST", "/api/admin/profiles/xinjiang-2025/rollback", "{\"version\":-1}", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/refdata/2025/functional", "file", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/refdata/2025/functional/rollback", "form", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/profiles/xinjiang-2025", "form", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/profiles", "form", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/profiles/xinjiang-2025/rollback", "form", Set.of("admin")));
        // the profile of a region and year: reads, and writes that store nothing (stale base version; the default again while it is the default)
        for (String p : List.of("/api/admin/region-profiles", "/api/admin/region-profiles/650200/2025", "/admin/region-profiles?region=650200&year=2025",
                "/admin/region-profiles/650200/2025"))
            e.add(new Endpoint("GET", p, null, Set.of("admin")));
        e.add(new Endpoint("PUT", "/api/admin/region-profiles/650200/2032", "{\"profile\":\"\",\"baseVersion\":-1}", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/region-profiles/650200/2032", "form", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/region-profiles/650200/2032/final", "form", Set.of("admin")));
        // a region's scoring (weights, points, approval dates): the administrator; writes refused by their rules store nothing
        for (String p : List.of("/admin/scoring?region=650100", "/admin/scoring/650100")) e.add(new Endpoint("GET", p, null, Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/scoring/650100/approvals", "form", Set.of("admin")));
        e.add(new Endpoint("POST", "/admin/scoring/650100", "form", Set.of("admin")));
        // the region's batch audit: its reviewers (another region's reviewer: its own region's pages, none of this job), and the
        // province's inspector (every region under the province: 650100 too)
        Set<String> reviewers = Set.of("reviewer", "karamay", "inspector");
        String job = "/batch/" + batchJob, doc = job + "/documents/" + batchDoc;
        for (String p : List.of("/batch", "/dashboard", "/dashboard/2024", "/dashboard/2024?sort=overall&dir=desc&kind=单位", "/dashboard/2024/export.xlsx",
                "/dashboard/2024/export.csv", "/dashboard/2024/findings.csv", "/dashboard/2024/agencies/" + SME))
            e.add(new Endpoint("GET", p, null, reviewers));
        // no file: refused (400), nothing stored
        e.add(new Endpoint("POST", "/batch", "form", reviewers));
        e.add(new Endpoint("POST", "/api/batch", "form", reviewers));
        for (String p : List.of(job, doc, doc + "/file", "/api/batch/" + batchJob + "/progress")) e.add(new Endpoint("GET", p, null, Set.of("reviewer", "inspector")));
        // a finished job cannot be cancelled; a document assigned to none stays so
        for (String p : List.of(job + "/cancel", doc + "/agency")) e.add(new Endpoint("POST", p, "form", Set.of("reviewer", "inspector")));
        // publish without saying which way is refused: the region's reviewer only (an inspector publishes nothing)
        e.add(new Endpoint("POST", job + "/publish", "form", Set.of("reviewer")));
        // the year's 决算 (issue 12): the same addresses with 2024-final, the same parties; the comparison of the two
        String smeFinal = "/api/documents/" + SME + "/2024-final", deptFinal = "/api/documents/" + BUREAU + "/2024-final";
        for (String p : List.of(smeFinal, smeFinal + "/history", "/work/" + SME + "/2024-final", "/work/" + SME + "/2024/compare",
                "/work/" + SME + "/2024-final/compare")) e.add(new Endpoint("GET", p, null, readSme));
        for (String p : List.of(deptFinal, "/work/" + BUREAU + "/2024-final", "/work/" + BUREAU + "/2024/compare")) e.add(new Endpoint("GET", p, null, readDept));
        e.add(new Endpoint("GET", "/work/" + SME + "/2024-final/workbook/blank", null, Set.of("sme")));
        e.add(new Endpoint("GET", smeFinal + "/forms/lines", null, Set.of("sme")));
        e.add(new Endpoint("POST", smeFinal + "/forms/lines/check", "{}", Set.of("sme")));
        e.add(new Endpoint("GET", smeFinal + "/forms/accounts", null, Set.of("sme")));
        e.add(new Endpoint("POST", smeFinal + "/forms/accounts/check", "{}", Set.of("sme")));
        e.add(new Endpoint("PUT", smeFinal + "/forms/accounts?version=-1", "{}", Set.of("sme")));
        e.add(new Endpoint("POST", "/work/" + SME + "/2024-final/forms/accounts", "form", Set.of("sme")));
        // the 三公明细 tab: its own form, the unit's preparer only
        e.add(new Endpoint("GET", smeFinal + "/forms/three-public", null, Set.of("sme")));
        e.add(new Endpoint("POST", smeFinal + "/forms/three-public/check", "{}", Set.of("sme")));
        e.add(new Endpoint("PUT", smeFinal + "/forms/three-public?version=-1", "{}", Set.of("sme")));
        e.add(new Endpoint("POST", "/work/" + SME + "/2024-final/forms/three-public", "form", Set.of("sme")));
        e.add(new Endpoint("PUT", smeFinal + "/dataset?version=-1", "yaml", Set.of("sme")));
        e.add(new Endpoint("POST", smeFinal + "/submit", STALE, Set.of("sme")));
        e.add(new Endpoint("POST", "/work/" + SME + "/2024-final/submit", "form", Set.of("sme")));
        e.add(new Endpoint("POST", deptFinal + "/consolidate", STALE, Set.of("industry")));
        for (String a : List.of("return", "approve", "publish")) {
            e.add(new Endpoint("POST", smeFinal + "/" + a, STALE, Set.of("reviewer")));
            e.add(new Endpoint("POST", "/work/" + SME + "/2024-final/" + a, "form", Set.of("reviewer")));
        }
        e.add(new Endpoint("GET", "/p/compare/" + SME + "/2024", null, ALL));
        // the public transparency pages
        for (String p : List.of("/transparency", "/transparency/650100/2024")) e.add(new Endpoint("GET", p, null, ALL));
        return e;
    }

    @org.springframework.beans.factory.annotation.Autowired org.openbudget.web.db.repositories.BatchRepository batches;
    static long batchJob = -1, batchDoc = -1;

    /** A finished batch job of 乌鲁木齐市 with one refused file, for the batch pages' rows. */
    @org.junit.jupiter.api.BeforeEach
    void batchJob() {
        if (batchJob > 0) return;
        batchJob = batches.create("650100", null, "权限矩阵", "reviewer",
                List.of(new org.openbudget.web.db.repositories.BatchRepository.NewDoc("x.docx", "-".repeat(64), 0, null, "不是 PDF 或文本")));
        batches.finishJobIfDone(batchJob);
        batchDoc = batches.docs(batchJob).get(0).id();
    }

    MockMvcResultHolder call(Endpoint e, String who) throws Exception {
        MockHttpServletRequestBuilder b;
        if ("file".equals(e.body())) {
            b = MockMvcRequestBuilders.multipart(e.path()).file(new MockMultipartFile("file", "x.yaml", "application/yaml", smeDataset().getBytes(StandardCharsets.UTF_8)));
        } else {
            b = MockMvcRequestBuilders.request(HttpMethod.valueOf(e.method()), e.path());
            if ("yaml".equals(e.body())) b.contentType("application/yaml").content(smeDataset());
            else if ("csv".equals(e.body())) b.contentType("text/csv").content("code,name\n201,一般公共服务支出\n".getBytes(StandardCharsets.UTF_8));
            else if ("profile".equals(e.body())) b.contentType("application/yaml").content(PROFILE);
            else if ("form".equals(e.body())) b.contentType("application/x-www-form-urlencoded").param("version", "-1").param("comment", "x").param("yaml", smeDataset()).param("severity", "ERROR");
            else if (e.body() != null) b.contentType("application/json").content(e.body());
        }
        if (!e.method().equals("GET")) b.with(csrf());
        if (!who.equals(ANON)) b.with(user(as(who)));
        return new MockMvcResultHolder(mvc.perform(b).andReturn().getResponse());
    }

    record MockMvcResultHolder(MockHttpServletResponse response) {
        int status() { return response.getStatus(); }
        boolean toLogin() { String l = response.getRedirectedUrl(); return l != null && l.contains("/login"); }
        boolean denied() { return status() == 401 || status() == 403 || toLogin(); }
    }

    @Test
    void everyEndpointAsEveryRole() throws Exception {
        StringBuilder md = new StringBuilder("| 方法 | 路径 |");
        for (String w : WHO) md.append(' ').append(w).append(" |");
        md.append("\n|---|---|").append("---|".repeat(WHO.size())).append('\n');
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Endpoint e : endpoints()) {
            md.append("| ").append(e.method()).append(" | `").append(e.path()).append("` |");
            for (String who : WHO) {
                MockMvcResultHolder r = call(e, who);
                calls++;
                boolean allowed = e.allowed().contains(who);
                md.append(' ').append(allowed ? "✓" : "✗").append(r.status()).append(" |");
                if (allowed && r.denied()) wrong.add(e.method() + " " + e.path() + " as " + who + ": should be allowed, got " + r.status() + " " + r.response().getRedirectedUrl());
                if (allowed && r.status() >= 500) wrong.add(e.method() + " " + e.path() + " as " + who + ": server error " + r.status());
                if (!allowed) {
                    boolean ok = who.equals(ANON) ? (e.page() ? r.toLogin() : r.status() == 401) : r.status() == 403;
                    if (!ok) wrong.add(e.method() + " " + e.path() + " as " + who + ": should be denied, got " + r.status() + " " + r.response().getRedirectedUrl());
                }
            }
            md.append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/role-matrix.md"), md.toString());
        assertThat(wrong).as("role matrix (%d calls), see target/role-matrix.md", calls).isEmpty();
        assertThat(calls).isEqualTo(endpoints().size() * WHO.size()).isGreaterThan(300);
    }

    @Test
    void csrfIsRequiredForBrowserSessionsButNotForOwnCredentials() throws Exception {
        String submit = "/api/documents/" + SME + "/2024/submit";
        assertThat(mvc.perform(MockMvcRequestBuilders.post(submit).with(user(as("sme"))).contentType("application/json").content(STALE))
                .andReturn().getResponse().getStatus()).as("no CSRF token").isEqualTo(403);
        String basic = "Basic " + Base64.getEncoder().encodeToString("sme:demo2024".getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.perform(MockMvcRequestBuilders.post(submit).header("Authorization", basic).contentType("application/json").content(STALE))
                .andReturn().getResponse().getStatus()).as("HTTP Basic, no token needed: refused by the lock only").isEqualTo(409);
        String wrong = "Basic " + Base64.getEncoder().encodeToString("sme:wrong".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get("/api/me").header("Authorization", wrong)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(r.getHeader("WWW-Authenticate")).as("no Basic challenge, so browsers never cache credentials").isNull();
    }

    @Test
    void loginChecksTheHashedPassword() throws Exception {
        assertThat(as("sme").passwordHash()).startsWith("{bcrypt}").doesNotContain("demo2024");
        MockHttpServletResponse ok = mvc.perform(MockMvcRequestBuilders.post("/login").param("username", "sme").param("password", "demo2024").with(csrf()))
                .andReturn().getResponse();
        assertThat(ok.getRedirectedUrl()).endsWith("/work");
        MockHttpServletResponse bad = mvc.perform(MockMvcRequestBuilders.post("/login").param("username", "sme").param("password", "demo2025").with(csrf()))
                .andReturn().getResponse();
        assertThat(bad.getRedirectedUrl()).endsWith("/login?error");
        MockHttpServletResponse noToken = mvc.perform(MockMvcRequestBuilders.post("/login").param("username", "sme").param("password", "demo2024"))
                .andReturn().getResponse();
        assertThat(noToken.getStatus()).as("login form needs its CSRF token").isEqualTo(403);
    }
}
