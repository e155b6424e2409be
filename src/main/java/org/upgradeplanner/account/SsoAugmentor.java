package org.upgradeplanner.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.upgradeplanner.support.Roles;

/**
 * Turns a single sign-on identity (the provider's token: its groups as roles) into one of ours: the account's name,
 * the role its groups map to, its display name and subject ({@link SignIns#sso}). A refused bearer token is a failed
 * login (401); a refused browser sign-in keeps no role and carries the reason, which the sign-in page shows.
 */
@ApplicationScoped
public class SsoAugmentor implements SecurityIdentityAugmentor {

    /** Identity attribute: why a browser's single sign-on was refused. */
    public static final String REFUSED = "planner.sso-refused";

    /** The tenant of the browser sign-in (application.properties: quarkus.oidc.web.*). */
    static final String WEB_TENANT = "web";

    private final SignIns signIns;

    SsoAugmentor(SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        boolean browser = WEB_TENANT.equals(identity.getAttribute("tenant-id"));
        String username = identity.getPrincipal().getName();
        String name = token.getClaim("name") instanceof String n && !n.isBlank() ? n : username;
        Set<String> groups = identity.getRoles();
        return context.runBlocking(() -> {
            SignIns.SsoVerdict verdict = signIns.sso(token.getSubject(), username, name, groups);
            if (verdict.person() == null && !browser) {
                throw new AuthenticationFailedException(verdict.refusal());
            }
            QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                    .addAttributes(identity.getAttributes())
                    .addCredentials(identity.getCredentials());
            if (verdict.person() == null) {
                return b.setPrincipal(identity.getPrincipal())
                        .addAttribute(REFUSED, verdict.refusal())
                        .build();
            }
            Person p = verdict.person();
            return b.setPrincipal(new QuarkusPrincipal(p.name()))
                    .addRole(p.role())
                    .addAttribute(Roles.DISPLAY_NAME, p.displayName())
                    .addAttribute(Roles.SUBJECT, p.subject())
                    .build();
        });
    }
}
