package org.openbudget.web.security;

import java.nio.charset.StandardCharsets;

import org.openbudget.web.db.repositories.AccountRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Login with hashed passwords (bcrypt), sessions that expire (server.servlet.session.timeout),
 * CSRF tokens on every state-changing browser request. The REST API also takes HTTP Basic
 * credentials; a request that carries its own Basic credentials and no session cookie cannot be
 * forged by another site, so it needs no CSRF token (the API never sends a Basic challenge, so
 * browsers never cache one). A request carrying a session cookie needs its token whatever other
 * header it has: an {@code Authorization: Bearer …} header (which authenticates nothing here) or
 * Basic credentials next to the cookie do not exempt it.
 *
 * <p>Headers on every answer: a Content-Security-Policy without inline scripts, Referrer-Policy
 * same-origin, a Permissions-Policy switching off what the application never uses, and HSTS on
 * every request that arrived over HTTPS — directly, through a proxy's X-Forwarded-Proto
 * ({@code server.forward-headers-strategy=native}), or on every request with {@code budget.https=true}
 * ({@code ./budget serve --https}: the site is reached over HTTPS only, the session cookie is Secure).
 */
@Configuration
public class SecurityConfig {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService userDetailsService(AccountRepository accounts) {
        return username -> accounts.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /**
     * The paths below are path patterns matched on the request's path alone. (Otherwise Spring
     * Security matches them through Spring MVC's handler mappings: a second handler look-up on
     * every request, the largest part of an anonymous page view's cost once the page is kept.)
     */
    @Bean
    public PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** The public reading paths: published documents and their files, the list, the public API, static files. */
    static boolean publicRead(HttpServletRequest req) {
        String m = req.getMethod();
        if (!"GET".equals(m) && !"HEAD".equals(m)) return false;
        String p = req.getRequestURI().substring(req.getContextPath().length());
        return p.equals("/") || p.startsWith("/p/") || p.equals("/transparency") || p.startsWith("/transparency/") || p.startsWith("/api/public/") || p.startsWith("/css/") || p.startsWith("/js/")
                || p.equals("/favicon.ico");
    }

    /**
     * Reading what is public (GET and HEAD only) is open to everyone and costs no state: nothing
     * here creates a session or saves a security context; no form token is made for an anonymous
     * reader (none of these pages has a form for one: the token is made lazily, for a logged-in
     * reader's logout form); no login, logout, saved-request, session-management or anonymous-user
     * processing runs. A logged-in reader is still recognised from their session. Everything else
     * goes through {@link #filterChain}, where these paths were open too.
     */
    @Bean
    @Order(1)
    public SecurityFilterChain publicReads(HttpSecurity http) throws Exception {
        http
            .securityMatcher(SecurityConfig::publicRead)
            .authorizeHttpRequests(a -> a.anyRequest().permitAll())
            .logout(l -> l.disable())
            .requestCache(r -> r.disable())
            .sessionManagement(s -> s.disable())
            .anonymous(a -> a.disable());
        return headers(http).build();
    }

    /** No script but the application's own files: no inline script, no eval, no plug-in, no framing, forms post here only. */
    public static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    public static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
            + "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()";

    private final boolean httpsOnly;

    public SecurityConfig(@Value("${budget.https:false}") boolean httpsOnly) {
        this.httpsOnly = httpsOnly;
    }

    private HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(h -> {
            h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP));
            h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
            h.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS));
            h.httpStrictTransportSecurity(hsts -> {
                hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true);
                if (httpsOnly) hsts.requestMatcher(req -> true);
            });
        });
    }

    /** The name of the session cookie (server.servlet.session.cookie.name, Tomcat's JSESSIONID by default). */
    @Value("${server.servlet.session.cookie.name:JSESSIONID}")
    private String sessionCookie = "JSESSIONID";

    /** A request that says it belongs to a browser session: a session cookie or a requested session id. */
    boolean carriesSession(HttpServletRequest req) {
        if (req.getRequestedSessionId() != null) return true;
        Cookie[] cookies = req.getCookies();
        if (cookies == null) return false;
        for (Cookie c : cookies) if (sessionCookie.equalsIgnoreCase(c.getName())) return true;
        return false;
    }

    /** A locked account is told so (it was locked by failures, so whoever types knows the name); anything else is the one plain message. */
    private static AuthenticationFailureHandler loginFailure() {
        ExceptionMappingAuthenticationFailureHandler h = new ExceptionMappingAuthenticationFailureHandler();
        h.setDefaultFailureUrl("/login?error");
        h.setExceptionMappings(java.util.Map.of(LockedException.class.getName(), "/login?locked"));
        return h;
    }

    @Bean
    @Order(2)
    public SecurityFilterChain filterChain(HttpSecurity http, AccountRepository accounts, LoginGuard guard) throws Exception {
        AuthenticationEntryPoint api = (req, res, ex) -> {
            res.setStatus(401);
            res.setContentType(MediaType.APPLICATION_JSON_VALUE);
            res.setCharacterEncoding(StandardCharsets.UTF_8.name());
            res.getWriter().write("{\"error\":\"未登录或登录已过期 (authentication required)\"}");
        };
        RequestMatcher apiPaths = req -> req.getRequestURI().startsWith(req.getContextPath() + "/api/");
        // HTTP Basic credentials of its own and nothing of a browser session: nothing another site can make a browser send
        RequestMatcher ownCredentials = req -> {
            String auth = req.getHeader("Authorization");
            return apiPaths.matches(req) && auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6) && !carriesSession(req);
        };
        RequestMatcher statelessPublic = req -> {
            String p = req.getRequestURI().substring(req.getContextPath().length());
            return (p.equals("/api/check") || p.equals("/api/audit")) && !carriesSession(req);
        };
        http
            .authorizeHttpRequests(a -> a
                .requestMatchers("/", "/p/**", "/transparency", "/transparency/**", "/audit", "/audit/*/findings.xlsx", "/login", "/setup", "/css/**", "/js/**", "/favicon.ico", "/error",
                        "/v3/api-docs", "/v3/api-docs/**", "/api-docs.html", "/swagger-ui/**", "/swagger-ui.html",
                        "/api/public/**", "/api/check", "/api/audit").permitAll()
                .requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
            .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/work", false).failureHandler(loginFailure()).permitAll())
            .addFilterAfter(new SessionStanding(accounts), SecurityContextHolderFilter.class)
            .addFilterBefore(guard.filter(), UsernamePasswordAuthenticationFilter.class)
            .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?logout"))
            .httpBasic(b -> b.authenticationEntryPoint(api))
            .csrf(c -> c.ignoringRequestMatchers(ownCredentials, statelessPublic))
            .exceptionHandling(e -> e
                .defaultAuthenticationEntryPointFor(api, apiPaths)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), req -> true))
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return headers(http).build();
    }
}
