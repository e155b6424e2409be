package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.upgradeplanner.account.SignInThrottled;
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
        static native TemplateInstance login(String error, String sso);
    }

    private final IdentityProviderManager identities;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final Csrf csrf;
    private final String sso;

    LoginPages(
            IdentityProviderManager identities,
            Sessions sessions,
            SessionCookies cookies,
            Csrf csrf,
            PlannerConfig config) {
        this.identities = identities;
        this.sessions = sessions;
        this.cookies = cookies;
        this.csrf = csrf;
        this.sso = config.oidc().enabled() ? config.oidc().providerName() : null;
    }

    /** The login form; with single sign-on on, "Sign in with …" beside it. */
    static TemplateInstance page(String error, String sso) {
        return Templates.login(error, sso);
    }

    @GET
    @Path("login")
    public TemplateInstance login() {
        return Templates.login(null, sso);
    }

    @GET
    @Path("login-error")
    public TemplateInstance loginError() {
        return Templates.login("Wrong user name or password, or the form had expired: please try again.", sso);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @Context RoutingContext request,
            @FormParam(Csrf.FIELD) String token,
            @FormParam("username") String username,
            @FormParam("password") String password) {
        if (!csrf.matches(token) || username == null || username.isEmpty() || password == null) {
            return failed();
        }
        SecurityIdentity identity;
        try {
            identity = identities.authenticateBlocking(HttpSecurityUtils.setRoutingContextAttribute(
                    new UsernamePasswordAuthenticationRequest(username, new PasswordCredential(password.toCharArray())),
                    request));
        } catch (AuthenticationFailedException e) {
            return SignInThrottled.of(e).map(this::throttled).orElseGet(LoginPages::failed);
        }
        return cookies.open(Redirects.seeOtherBuilder(SessionCookies.landing(identity)), identity)
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
                .cookie(cookies.cookie(SessionMechanism.COOKIE, "", 0))
                .build();
    }

    private Response throttled(SignInThrottled t) {
        return Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, t.retryAfterSeconds())
                .entity(Templates.login(
                        "Too many failed sign-ins for this account or from this address: try again in "
                                + t.retryAfterSeconds() + " s.",
                        sso))
                .build();
    }

    private static Response failed() {
        return Redirects.seeOther("/login-error");
    }
}
