package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.upgradeplanner.support.Accounts;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.support.Redirects;

/**
 * Signing in and out of the web UI. A login checks the form's CSRF token and the password, then opens a session
 * ({@link Sessions}) whose token only the cookie holds; a failed one lands on the error page with no session.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class LoginPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error);
    }

    private final IdentityProviderManager identities;
    private final Sessions sessions;
    private final Csrf csrf;
    private final boolean secureCookies;

    LoginPages(IdentityProviderManager identities, Sessions sessions, Csrf csrf, PlannerConfig config) {
        this.identities = identities;
        this.sessions = sessions;
        this.csrf = csrf;
        this.secureCookies = config.baseUrl().startsWith("https:");
    }

    @GET
    @Path("login")
    public TemplateInstance login() {
        return Templates.login(false);
    }

    @GET
    @Path("login-error")
    public TemplateInstance loginError() {
        return Templates.login(true);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @FormParam(Csrf.FIELD) String token,
            @FormParam("username") String username,
            @FormParam("password") String password) {
        if (!csrf.matches(token) || username == null || username.isEmpty() || password == null) {
            return failed();
        }
        SecurityIdentity identity;
        try {
            identity = identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(
                    username, new PasswordCredential(password.toCharArray())));
        } catch (AuthenticationFailedException e) {
            return failed();
        }
        String landing = identity.hasRole(Accounts.ADMIN) ? "/" : "/announcements";
        NewCookie session = cookie(
                SessionMechanism.COOKIE, sessions.open(identity.getPrincipal().getName()), -1);
        // A new CSRF token with the new session: one seen before the login is worth nothing after it.
        return Redirects.seeOtherBuilder(landing)
                .cookie(session, cookie(Csrf.COOKIE, Csrf.newToken(), -1))
                .build();
    }

    /** Ends the session on every replica: the same cookie, replayed, is no login any more. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam(Csrf.FIELD) String token, @CookieParam(SessionMechanism.COOKIE) String session) {
        csrf.verify(token);
        sessions.close(session);
        return Redirects.seeOtherBuilder("/login")
                .cookie(cookie(SessionMechanism.COOKIE, "", 0))
                .build();
    }

    private static Response failed() {
        return Redirects.seeOther("/login-error");
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
