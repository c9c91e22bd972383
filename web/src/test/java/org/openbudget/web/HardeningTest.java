package org.openbudget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import jakarta.servlet.http.Cookie;

/** The hardening a finance bureau's IT department asks for (docs/web.md, "Security"). */
class HardeningTest extends WebTestBase {
    static final String SUBMIT = "/api/documents/" + SME + "/2024/submit";
    static final String STALE = "{\"version\":-1,\"comment\":\"x\"}";

    @Autowired ServletWebServerApplicationContext context;
    @LocalServerPort int port;

    private int post(String path, String authorization, Cookie cookie) throws Exception {
        var b = MockMvcRequestBuilders.post(path).contentType("application/json").content(STALE);
        if (authorization != null) b.header("Authorization", authorization);
        if (cookie != null) b.cookie(cookie);
        return mvc.perform(b.with(user(as("sme")))).andReturn().getResponse().getStatus();
    }

    @Test
    void aSessionCookieNeedsItsCsrfTokenWhateverOtherHeaderComesWithIt() throws Exception {
        Cookie session = new Cookie("JSESSIONID", "0123456789ABCDEF");
        String basic = "Basic " + Base64.getEncoder().encodeToString("sme:demo2024".getBytes(StandardCharsets.UTF_8));
        assertThat(post(SUBMIT, "Bearer anything", session)).as("session cookie + Bearer header, no token").isEqualTo(403);
        assertThat(post(SUBMIT, "Bearer anything", null)).as("a Bearer header authenticates nothing, so it exempts nothing").isEqualTo(403);
        assertThat(post(SUBMIT, basic, session)).as("session cookie + Basic credentials, no token").isEqualTo(403);
        int basicOnly = mvc.perform(MockMvcRequestBuilders.post(SUBMIT).header("Authorization", basic)
                .contentType("application/json").content(STALE)).andReturn().getResponse().getStatus();
        assertThat(basicOnly).as("Basic credentials alone: no token needed, refused by the lock only").isEqualTo(409);
    }

    @Test
    void theAnonymousCheckNeedsATokenOnceASessionCookieComesWithIt() throws Exception {
        var check = MockMvcRequestBuilders.post("/api/check").contentType("application/yaml").content(smeDataset());
        assertThat(mvc.perform(check).andReturn().getResponse().getStatus()).as("anonymous, no cookie").isEqualTo(200);
        var withCookie = MockMvcRequestBuilders.post("/api/check").contentType("application/yaml").content(smeDataset())
                .cookie(new Cookie("JSESSIONID", "0123456789ABCDEF"));
        assertThat(mvc.perform(withCookie).andReturn().getResponse().getStatus()).as("a browser session's request").isEqualTo(403);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[]{"/", "/login", "/p/1", "/audit"}) {
            MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse();
            String csp = r.getHeader("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            String scripts = csp.substring(csp.indexOf("script-src"));
            assertThat(scripts.substring(0, scripts.indexOf(';'))).as(path + ": no inline script").doesNotContain("unsafe");
            assertThat(r.getHeader("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(r.getHeader("Permissions-Policy")).as(path).contains("camera=()", "geolocation=()");
            assertThat(r.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.getHeader("Strict-Transport-Security")).as(path + " over plain HTTP: no HSTS").isNull();
        }
    }

    @Test
    void theTemplatesHaveNoInlineScript() throws Exception {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        for (var t : resolver.getResources("classpath*:templates/**/*.html")) {
            String html = new String(t.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(html).as(t.getFilename()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("javascript:");
        }
    }

    @Test
    void openingAYearIsAPlainFormWithoutScript() throws Exception {
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get("/work").param("code", SME).param("year", "2025")
                .with(user(as("sme")))).andReturn().getResponse();
        assertThat(r.getRedirectedUrl()).isEqualTo("/work/" + SME + "/2025");
        MockHttpServletResponse bad = mvc.perform(MockMvcRequestBuilders.get("/work").param("code", "../x").param("year", "2025")
                .with(user(as("sme")))).andReturn().getResponse();
        assertThat(bad.getStatus()).as("a code that is not one stays on the list").isEqualTo(200);
    }

    @Test
    void behindAnHttpsProxyTheAnswerHasHstsAndTheSessionCookieIsSecure() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> viaProxy = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaProxy.statusCode()).isEqualTo(200);
        assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        assertThat(viaProxy.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure", "HttpOnly"));
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void onlyAProxyOnThisMachineIsBelievedAboutTheClientsAddress() {
        var valves = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves();
        var remoteIp = java.util.Arrays.stream(valves).filter(v -> v instanceof org.apache.catalina.valves.RemoteIpValve)
                .map(v -> (org.apache.catalina.valves.RemoteIpValve) v).findFirst().orElseThrow();
        java.util.regex.Pattern trusted = java.util.regex.Pattern.compile(remoteIp.getInternalProxies());
        assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        for (String other : new String[]{"10.0.0.5", "192.168.1.20", "172.16.0.3", "169.254.1.1", "203.0.113.9"})
            assertThat(trusted.matcher(other).matches()).as(other + " cannot pose as another address").isFalse();
    }

    @Test
    void itListensOnTheLoopbackAddressOnly() {
        var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("address")).isInstanceOf(InetAddress.class);
        assertThat(((InetAddress) connector.getProperty("address")).isLoopbackAddress()).isTrue();
    }
}
