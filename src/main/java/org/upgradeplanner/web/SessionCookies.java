package org.upgradeplanner.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.support.Roles;

/**
 * Opening a web session for a checked sign-in (a password, or single sign-on) and the cookies that carry it:
 * HttpOnly, SameSite=Strict, and Secure when the public base URL is https.
 */
@ApplicationScoped
class SessionCookies {

    private final Sessions sessions;
    private final boolean secure;

    SessionCookies(Sessions sessions, PlannerConfig config) {
        this.sessions = sessions;
        this.secure = config.baseUrl().startsWith("https:");
    }

    /** A new session for the identity: its cookie, and the forms' token bound to it (one seen before is void). */
    Response.ResponseBuilder open(Response.ResponseBuilder response, SecurityIdentity identity) {
        String secret = sessions.open(identity.getPrincipal().getName());
        return response.cookie(
                cookie(SessionMechanism.COOKIE, secret, -1), cookie(Csrf.COOKIE, Csrf.bound(secret), -1));
    }

    /** Where a person lands after signing in: the announcer on the drafts, everyone else on the dashboard. */
    static String landing(SecurityIdentity identity) {
        return identity.hasRole(Roles.ANNOUNCER) ? "/announcements" : "/";
    }

    NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
