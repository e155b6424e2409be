package org.upgradeplanner.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * {@code Authorization: Bearer upt_…} on the API: one of our {@link ApiTokens}. Any other bearer token (a single
 * sign-on provider's JWT) is left to the OIDC mechanism, and a request without one to HTTP Basic.
 */
@ApplicationScoped
public class TokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    /** A token to look up. */
    public static final class Request extends BaseAuthenticationRequest {
        final String token;

        Request(String token) {
            this.token = token;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader("Authorization");
        if (header == null
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !header.substring(BEARER.length()).trim().startsWith(ApiTokens.PREFIX)
                || !context.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(
                new Request(header.substring(BEARER.length()).trim()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Request.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** Tried before the other mechanisms: it answers only for tokens of ours. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    /** Looks the token up: an unknown or revoked one is a failed login (401). */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<Request> {

        private final ApiTokens tokens;

        Provider(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<Request> getRequestType() {
            return Request.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> tokens.holder(request.token)
                    .map(Person::identity)
                    .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked token")));
        }
    }
}
