package org.openbudget.web.security;

import java.io.IOException;

import org.openbudget.web.db.repositories.AccountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A session lives only as long as its account stands as it did at login: on each request of a logged-in
 * session the account is read again (one primary-key look-up), and a session whose account has been disabled,
 * deleted, given another role, unit, department or region, or another password, ends at once — that request
 * is then served as anonymous (the login page, or 401 for the API).
 */
public class SessionStanding extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(SessionStanding.class);
    private final AccountRepository accounts;

    public SessionStanding(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        HttpSession session = req.getSession(false);
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && a != null && a.getPrincipal() instanceof BudgetUser u) {
            BudgetUser now = accounts.find(u.username()).orElse(null);
            if (!u.sameStanding(now)) {
                log.info("会话结束：账号已变更或停用 (session ended: account changed or disabled) {}", u.username());
                SecurityContextHolder.clearContext();
                session.invalidate();
            }
        }
        chain.doFilter(req, res);
    }
}
