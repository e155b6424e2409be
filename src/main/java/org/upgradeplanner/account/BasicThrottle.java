package org.upgradeplanner.account;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.upgradeplanner.support.Json;
import org.upgradeplanner.support.Problem;

/**
 * HTTP Basic carries the password on every request, so a throttled account or address is answered 429 with
 * Retry-After before authentication runs (the identity provider would otherwise only be able to say 401).
 */
@ApplicationScoped
public class BasicThrottle {

    private final SignInThrottle throttle;

    BasicThrottle(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            String username = basicUser(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
            Duration wait = username == null
                    ? Duration.ZERO
                    : throttle.waitFor(username, PasswordIdentityProvider.address(rc.request()));
            if (wait.isZero()) {
                rc.next();
                return;
            }
            long seconds = SignInThrottled.seconds(wait);
            rc.response()
                    .setStatusCode(429)
                    .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Json.write(new Problem(
                            "about:blank",
                            "Too Many Requests",
                            429,
                            "Too many failed sign-ins for this account or from this address: try again in " + seconds
                                    + " s.",
                            java.util.List.of())));
        });
    }

    /** The user name of a Basic header, or {@code null} when it is none. */
    static String basicUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : pair.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
