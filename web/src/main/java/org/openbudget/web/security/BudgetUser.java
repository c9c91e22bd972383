package org.openbudget.web.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in account: its role and what it is attached to (a unit or department, or a region). */
public record BudgetUser(String username, String passwordHash, Role role, String agencyCode, String regionCode,
                         String displayName, boolean enabled) implements UserDetails {

    @Override public Collection<? extends GrantedAuthority> getAuthorities() { return List.of(new SimpleGrantedAuthority("ROLE_" + role.name())); }
    @Override public String getPassword() { return passwordHash; }
    @Override public String getUsername() { return username; }
    @Override public boolean isEnabled() { return enabled; }

    @Override
    public String toString() {
        return "BudgetUser[" + username + ", " + role + "]";
    }
}
