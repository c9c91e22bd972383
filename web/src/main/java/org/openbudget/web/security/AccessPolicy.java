package org.openbudget.web.security;

import java.util.EnumSet;
import java.util.Set;

import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.workflow.Party;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with an agency's working documents. Published documents are public and
 * need no policy. The services call this for every action, so pages and the REST API share it.
 */
@Component
public class AccessPolicy {

    /** Sees the working document (status, dataset, findings, history). */
    public boolean canRead(BudgetUser u, Agency a) {
        if (u == null) return false;
        return switch (u.role()) {
            case PREPARER -> a.code().equals(u.agencyCode());
            case DEPARTMENT -> a.code().equals(u.agencyCode()) || u.agencyCode().equals(a.parentCode());
            case REVIEWER -> a.regionCode().equals(u.regionCode());
            case ADMIN, INSPECTOR -> false;
        };
    }

    /** Uploads and edits a unit's dataset, submits it. */
    public boolean canPrepare(BudgetUser u, Agency a) {
        return u != null && u.role() == Role.PREPARER && !a.isDepartment() && a.code().equals(u.agencyCode());
    }

    /** Consolidates and submits a department's document. */
    public boolean canConsolidate(BudgetUser u, Agency a) {
        return u != null && u.role() == Role.DEPARTMENT && a.isDepartment() && a.code().equals(u.agencyCode());
    }

    /** A department returns one of its units' submitted budgets before consolidating it. */
    public boolean canReturnUnit(BudgetUser u, Agency a) {
        return u != null && u.role() == Role.DEPARTMENT && !a.isDepartment() && a.parentCode() != null && a.parentCode().equals(u.agencyCode());
    }

    /** Returns, approves, publishes. */
    public boolean canReview(BudgetUser u, Agency a) {
        return u != null && u.role() == Role.REVIEWER && a.regionCode().equals(u.regionCode());
    }

    /** The parts the user plays for this agency's document (none: a stranger to it); the workflow's table says what each may do. */
    public Set<Party> parties(BudgetUser u, Agency a) {
        Set<Party> out = EnumSet.noneOf(Party.class);
        if (canPrepare(u, a)) out.add(Party.PREPARER);
        if (canConsolidate(u, a)) out.add(Party.DEPARTMENT);
        if (canReturnUnit(u, a)) out.add(Party.PARENT_DEPARTMENT);
        if (canReview(u, a)) out.add(Party.REVIEWER);
        return out;
    }

    public boolean isAdmin(BudgetUser u) {
        return u != null && u.role() == Role.ADMIN;
    }

    public static void require(boolean allowed, String what) {
        if (!allowed) throw new AccessDeniedException("无权限：" + what);
    }
}
