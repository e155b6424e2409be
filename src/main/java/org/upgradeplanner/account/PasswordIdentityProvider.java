package org.upgradeplanner.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Checks HTTP Basic and form sign-ins against the accounts, through the {@link SignInThrottle}: while the account
 * or the address has no tries left, the password is not even looked at.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final SignIns signIns;
    private final SignInThrottle throttle;

    PasswordIdentityProvider(SignIns signIns, SignInThrottle throttle) {
        this.signIns = signIns;
        this.throttle = throttle;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        String address = address(request);
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            Duration wait = throttle.waitFor(username, address);
            if (!wait.isZero()) {
                throw SignInThrottled.failure(wait);
            }
            return signIns.withPassword(username, password)
                    .map(person -> {
                        throttle.succeeded(username);
                        return person.identity();
                    })
                    .orElseThrow(() -> {
                        throttle.failed(username, address);
                        return new AuthenticationFailedException("wrong user name or password");
                    });
        });
    }

    /** The client's address, as the routing context of the request names it (behind a proxy: see the README). */
    static String address(AuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        return rc == null ? "unknown" : address(rc.request());
    }

    static String address(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }
}
