package org.openbudget.web.security;

import java.nio.charset.StandardCharsets;

import org.openbudget.web.db.repositories.AccountRepository;
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
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Login with hashed passwords (bcrypt), sessions that expire (server.servlet.session.timeout),
 * CSRF tokens on every state-changing browser request. The REST API also takes HTTP Basic
 * credentials; a request that carries its own Authorization header cannot be forged by another
 * site, so it needs no CSRF token (the API never sends a Basic challenge, so browsers never cache one).
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
        return p.equals("/") || p.startsWith("/p/") || p.startsWith("/api/public/") || p.startsWith("/css/") || p.startsWith("/js/")
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

    private static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
    }

    @Bean
    @Order(2)
    public SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint api = (req, res, ex) -> {
            res.setStatus(401);
            res.setContentType(MediaType.APPLICATION_JSON_VALUE);
            res.setCharacterEncoding(StandardCharsets.UTF_8.name());
            res.getWriter().write("{\"error\":\"未登录或登录已过期 (authentication required)\"}");
        };
        RequestMatcher apiPaths = req -> req.getRequestURI().startsWith(req.getContextPath() + "/api/");
        RequestMatcher ownCredentials = req -> apiPaths.matches(req) && req.getHeader("Authorization") != null;
        RequestMatcher statelessPublic = req -> {
            String p = req.getRequestURI().substring(req.getContextPath().length());
            return p.equals("/api/check") || p.equals("/api/audit");
        };
        http
            .authorizeHttpRequests(a -> a
                .requestMatchers("/", "/p/**", "/audit", "/login", "/css/**", "/js/**", "/favicon.ico", "/error",
                        "/v3/api-docs", "/v3/api-docs/**", "/api-docs.html", "/swagger-ui/**", "/swagger-ui.html",
                        "/api/public/**", "/api/check", "/api/audit").permitAll()
                .requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
            .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/work", false).failureUrl("/login?error").permitAll())
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
