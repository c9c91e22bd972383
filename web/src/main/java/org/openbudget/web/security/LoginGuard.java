package org.openbudget.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openbudget.web.db.repositories.AccountRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Login protection. Each account: after {@code budget.login.max-failures} consecutive failed logins (5) it is
 * locked for {@code budget.login.lock-minutes} (15) — even the right password is refused until then — and
 * unlocked by an administrator's password reset. Each source address: after {@code budget.login.address-failures}
 * failures (20) within the lock time, every login attempt from it is refused for that time (guessing across
 * many user names). Every login, failed login and lockout is in the audit trail and the log, with the source address.
 */
@Component
public class LoginGuard {
    private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);
    /** How many source addresses are remembered at most (the oldest forgotten first): bounded memory under a flood. */
    static final int MAX_ADDRESSES = 10_000;

    private final AccountRepository accounts;
    private final AuditLogRepository audit;
    private final int maxFailures;
    private final Duration lockTime;
    private final int addressFailures;
    private final Map<String, Deque<Instant>> failuresByAddress = new LinkedHashMap<>(16, 0.75f, true);

    public LoginGuard(AccountRepository accounts, AuditLogRepository audit,
                      @Value("${budget.login.max-failures:5}") int maxFailures,
                      @Value("${budget.login.lock-minutes:15}") int lockMinutes,
                      @Value("${budget.login.address-failures:20}") int addressFailures) {
        this.accounts = accounts;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockTime = Duration.ofMinutes(lockMinutes);
        this.addressFailures = addressFailures;
    }

    static String source(Authentication a) {
        if (a != null && a.getDetails() instanceof WebAuthenticationDetails d) return d.getRemoteAddress();
        return AuditLogRepository.currentSource();
    }

    @EventListener
    public void success(AuthenticationSuccessEvent e) {
        String user = e.getAuthentication().getName();
        String from = source(e.getAuthentication());
        accounts.successfulLogin(user);
        // HTTP Basic authenticates every API call: one record per call would drown the trail; a form login is one per session
        if (e.getAuthentication().getDetails() instanceof WebAuthenticationDetails d && d.getSessionId() == null && isBasic()) return;
        audit.record(user, "登录", null, null, "", from);
        log.info("登录成功 (login) {} from {}", user, from);
    }

    private static boolean isBasic() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes a) {
            String h = a.getRequest().getHeader("Authorization");
            return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
        }
        return false;
    }

    @EventListener
    public void failure(AbstractAuthenticationFailureEvent e) {
        String user = String.valueOf(e.getAuthentication().getName());
        String from = source(e.getAuthentication());
        countAddress(from);
        if (e instanceof AuthenticationFailureLockedEvent) {
            audit.record(user, "登录被拒（已锁定）", null, null, "账号因连续登录失败被锁定", from);
            log.warn("登录被拒：账号已锁定 (login refused, account locked) {} from {}", user, from);
            return;
        }
        String detail = e.getException().getClass().getSimpleName();
        if (e instanceof AuthenticationFailureBadCredentialsEvent) {
            AccountRepository.Failure f = accounts.failedLogin(user, maxFailures, (int) lockTime.toMinutes());
            detail = f.consecutive() == 0 ? "用户名或密码错误" : "密码错误，连续第 " + f.consecutive() + " 次";
            if (f.consecutive() == maxFailures) {
                audit.record(user, "账号锁定", null, null, "连续 " + maxFailures + " 次登录失败，锁定至 " + f.lockedUntil(), from);
                log.warn("账号锁定 (account locked after {} failed logins) {} from {} until {}", maxFailures, user, from, f.lockedUntil());
            }
        }
        audit.record(user, "登录失败", null, null, detail, from);
        log.warn("登录失败 (failed login) {} from {}: {}", user, from, detail);
    }

    private synchronized void countAddress(String from) {
        if (from == null) return;
        Instant now = Instant.now();
        Deque<Instant> d = failuresByAddress.computeIfAbsent(from, k -> new ArrayDeque<>());
        d.addLast(now);
        while (d.size() > addressFailures + 1) d.removeFirst();
        if (failuresByAddress.size() > MAX_ADDRESSES) {
            Iterator<String> oldest = failuresByAddress.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Whether logins from this address are refused now: as many failures as allowed within the lock time. */
    public synchronized boolean addressBlocked(String from) {
        Deque<Instant> d = failuresByAddress.get(from);
        if (d == null || d.size() < addressFailures) return false;
        Instant cutoff = Instant.now().minus(lockTime);
        while (!d.isEmpty() && d.peekFirst().isBefore(cutoff)) d.removeFirst();
        if (d.isEmpty()) failuresByAddress.remove(from);
        return d.size() >= addressFailures;
    }

    /** Refuses a login attempt (the login form, or HTTP Basic credentials) from an address that failed too often. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
                String path = req.getRequestURI().substring(req.getContextPath().length());
                boolean formLogin = "POST".equals(req.getMethod()) && path.equals("/login");
                String auth = req.getHeader("Authorization");
                boolean basic = auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6);
                if ((formLogin || basic) && addressBlocked(req.getRemoteAddr())) {
                    log.warn("登录尝试被拒：来源地址失败次数过多 (login attempt refused, too many failures from) {}", req.getRemoteAddr());
                    if (formLogin) {
                        res.sendRedirect(req.getContextPath() + "/login?throttled");
                    } else {
                        res.setStatus(429);
                        res.setHeader("Retry-After", String.valueOf(lockTime.toSeconds()));
                        res.setContentType("application/json");
                        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
                        res.getWriter().write("{\"error\":\"登录失败次数过多，请 " + lockTime.toMinutes() + " 分钟后再试\"}");
                    }
                    return;
                }
                chain.doFilter(req, res);
            }
        };
    }

    public Duration lockTime() { return lockTime; }
}
