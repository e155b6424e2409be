package org.upgradeplanner.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.upgradeplanner.support.Accounts;

/** The identity behind a session cookie: the session must be open and its account still have a role. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionMechanism.Request> {

    private final Sessions sessions;
    private final Accounts accounts;

    SessionIdentityProvider(Sessions sessions, Accounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @Override
    public Class<SessionMechanism.Request> getRequestType() {
        return SessionMechanism.Request.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionMechanism.Request request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.user(request.token)
                .flatMap(user -> accounts.roleOf(user).map(role -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(user))
                        .addRole(role)
                        .build()))
                .orElseThrow(() -> new AuthenticationFailedException("no such session")));
    }
}
