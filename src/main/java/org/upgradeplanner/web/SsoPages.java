package org.upgradeplanner.web;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.upgradeplanner.account.SsoAugmentor;
import org.upgradeplanner.support.PlannerConfig;

/**
 * Signing in with the organisation's identity provider. {@code /sso/*} needs the OpenID Connect code flow
 * (application.properties: the {@code web} tenant), so a browser arriving here has been to the provider and back.
 * The provider's word is then turned into one of our own sessions, like a password login's, and the OIDC session
 * cookie is dropped: logout, disabling and every later request work the same for both kinds of person.
 */
@Path("/sso")
@Produces(MediaType.TEXT_HTML)
@PermitAll // the HTTP permission on /sso/* asks for the code flow first
public class SsoPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedIn(String landing);
    }

    private final SecurityIdentity identity;
    private final OidcSession oidc;
    private final SessionCookies cookies;
    private final String provider;

    SsoPages(SecurityIdentity identity, OidcSession oidc, SessionCookies cookies, PlannerConfig config) {
        this.identity = identity;
        this.oidc = oidc;
        this.cookies = cookies;
        this.provider = config.oidc().providerName();
    }

    /**
     * Both the link on the login page and the provider's redirect back land here. The answer is a page that moves on
     * by itself rather than a redirect: coming back from the provider is a cross-site navigation, on which a browser
     * would not send the new SameSite=Strict cookie to a redirect's target.
     */
    @GET
    @Path("{step: login|callback}")
    public Response signedIn() {
        oidc.logout().await().indefinitely();
        String refusal = identity.getAttribute(SsoAugmentor.REFUSED);
        if (identity.isAnonymous() || refusal != null) {
            return Response.status(403)
                    .entity(LoginPages.page(
                            refusal == null ? "Single sign-on did not say who you are." : refusal, provider))
                    .build();
        }
        String landing = SessionCookies.landing(identity);
        return cookies.open(Response.ok(Templates.signedIn(landing)), identity).build();
    }
}
