package org.upgradeplanner.account;

import io.quarkus.security.AuthenticationFailedException;
import java.time.Duration;
import java.util.Optional;

/**
 * Why a sign-in was refused unchecked: the account or the client address has used its tries (see
 * {@link SignInThrottle}). It travels as the cause of the {@link AuthenticationFailedException}.
 */
public class SignInThrottled extends RuntimeException {

    private final Duration retryAfter;

    SignInThrottled(Duration retryAfter) {
        super("too many failed sign-ins: try again in " + seconds(retryAfter) + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    static AuthenticationFailedException failure(Duration retryAfter) {
        SignInThrottled why = new SignInThrottled(retryAfter);
        return new AuthenticationFailedException(why.getMessage(), why);
    }

    /** The throttling behind a failed sign-in, if that is why it failed. */
    public static Optional<SignInThrottled> of(AuthenticationFailedException e) {
        return e.getCause() instanceof SignInThrottled t ? Optional.of(t) : Optional.empty();
    }

    /** Whole seconds to wait, at least one (the Retry-After header). */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
