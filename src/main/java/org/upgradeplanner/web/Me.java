package org.upgradeplanner.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.upgradeplanner.support.Roles;

/** The signed-in person as the templates ask of them ({@code {inject:me.admin}}): who, and what they may do. */
@RequestScoped
@Named("me")
public class Me {

    private final SecurityIdentity identity;

    Me(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String getName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public String getDisplayName() {
        String name = identity.getAttribute(Roles.DISPLAY_NAME);
        return name == null ? getName() : name;
    }

    /** May change things. */
    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** May read the fleet, the windows and the audit log. */
    public boolean isReader() {
        return isAdmin() || identity.hasRole(Roles.VIEWER);
    }
}
