package org.openbudget.web.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The session's account replaced by its state as now stored (after its owner changed the password, the session goes on). */
public final class Sessions {
    private static final HttpSessionSecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

    private Sessions() {
    }

    public static void keep(BudgetUser now, HttpServletRequest req, HttpServletResponse res) {
        if (req.getSession(false) == null) return;          // HTTP Basic: no session to keep
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        REPOSITORY.saveContext(ctx, req, res);
    }
}
