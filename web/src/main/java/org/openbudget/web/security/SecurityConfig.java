package org.openbudget.web.security;

import java.nio.charset.StandardCharsets;

import org.openbudget.web.db.repositories.AccountRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

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

    @Bean
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
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
            .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }
}
