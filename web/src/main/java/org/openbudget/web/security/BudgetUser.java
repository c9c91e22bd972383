package org.openbudget.web.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in account: its role and what it is attached to (a unit or department, or a region).
 *
 * @param lockedUntil after repeated failed logins, no login before this instant (null: not locked)
 */
public record BudgetUser(String username, String passwordHash, Role role, String agencyCode, String regionCode,
                         String displayName, boolean enabled, java.time.Instant lockedUntil) implements UserDetails {

    public BudgetUser(String username, String passwordHash, Role role, String agencyCode, String regionCode, String displayName, boolean enabled) {
        this(username, passwordHash, role, agencyCode, regionCode, displayName, enabled, null);
    }

    @Override public boolean isAccountNonLocked() { return lockedUntil == null || java.time.Instant.now().isAfter(lockedUntil); }

    /** The same account as far as a session is concerned: what it may do, and with which password. */
    public boolean sameStanding(BudgetUser now) {
        return now != null && now.enabled && enabled && java.util.Objects.equals(role, now.role)
                && java.util.Objects.equals(agencyCode, now.agencyCode) && java.util.Objects.equals(regionCode, now.regionCode)
                && java.util.Objects.equals(passwordHash, now.passwordHash);
    }

    @Override public Collection<? extends GrantedAuthority> getAuthorities() { return List.of(new SimpleGrantedAuthority("ROLE_" + role.name())); }
    @Override public String getPassword() { return passwordHash; }
    @Override public String getUsername() { return username; }
    @Override public boolean isEnabled() { return enabled; }

    @Override
    public String toString() {
        return "BudgetUser[" + username + ", " + role + "]";
    }
}
