package org.upgradeplanner.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.upgradeplanner.account.Person;
import org.upgradeplanner.account.SignIns;

/**
 * The identity behind a session cookie: the session must be open and its account still enabled, asked of the
 * database on every request, so disabling an account ends its sessions at once on every replica.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionMechanism.Request> {

    private final Sessions sessions;
    private final SignIns signIns;

    SessionIdentityProvider(Sessions sessions, SignIns signIns) {
        this.sessions = sessions;
        this.signIns = signIns;
    }

    @Override
    public Class<SessionMechanism.Request> getRequestType() {
        return SessionMechanism.Request.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionMechanism.Request request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.user(request.token)
                .flatMap(signIns::active)
                .map(Person::identity)
                .orElseThrow(() -> new AuthenticationFailedException("no such session")));
    }
}
