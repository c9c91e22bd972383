package org.openbudget.web.service;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.NotificationRepository;
import org.openbudget.web.db.repositories.NotificationRepository.Notification;
import org.openbudget.web.security.BudgetUser;
import org.springframework.stereotype.Service;

/**
 * In-app notifications: whoever prepares a document (a unit's preparers, a department's accounts) — and for a unit, its
 * department — is told when it is returned, approved or published, in the same transaction as the decision.
 */
@Service
public class NotificationService {
    private final NotificationRepository repo;

    public NotificationService(NotificationRepository repo) {
        this.repo = repo;
    }

    /** A decision on an agency's document: its own accounts are told, and for a unit its department's. */
    public void decided(Agency agency, int year, String kind, String actor, String message) {
        List<String> to = new ArrayList<>();
        to.add(agency.code());
        if (!agency.isDepartment() && agency.parentCode() != null) to.add(agency.parentCode());
        repo.notifyAccountsOf(to, actor, agency.code(), year, kind, message);
    }

    public long unread(BudgetUser u) {
        return u == null ? 0 : repo.unread(u.username());
    }

    /** The latest 100 of one's own. */
    public List<Notification> mine(BudgetUser u) {
        return repo.latest(u.username(), 100);
    }

    public int markAllRead(BudgetUser u) {
        return repo.markAllRead(u.username());
    }
}
