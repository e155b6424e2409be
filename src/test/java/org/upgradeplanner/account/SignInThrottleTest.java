package org.upgradeplanner.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2040-01-01T00:00:00Z");

        public Instant instant() {
            return now;
        }

        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final Hand clock = new Hand();
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Limit(3, Duration.ofMinutes(1)),
            new SignInThrottle.Limit(5, Duration.ofSeconds(10)),
            clock);

    @Test
    void anAccountWaitsAfterItsBurstAndGetsOneTryPerRefill() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.waitFor("alice", "10.0.0.1"));
            throttle.failed("alice", "10.0.0." + i);
        }
        assertEquals(Duration.ofMinutes(1), throttle.waitFor("alice", "10.0.0.9"));
        clock.now = clock.now.plusSeconds(45);
        assertEquals(Duration.ofSeconds(15), throttle.waitFor("alice", "10.0.0.9"));
        clock.now = clock.now.plusSeconds(15);
        assertEquals(Duration.ZERO, throttle.waitFor("alice", "10.0.0.9"));
        throttle.failed("alice", "10.0.0.9");
        assertEquals(Duration.ofMinutes(1), throttle.waitFor("alice", "10.0.0.9"), "one try came back, and went");
        assertEquals(Duration.ZERO, throttle.waitFor("bob", "10.0.0.9"), "other accounts are not slowed");
    }

    @Test
    void anAddressWaitsWhateverNamesItTries() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertEquals(Duration.ofSeconds(10), throttle.waitFor("alice", "192.0.2.7"));
        assertEquals(Duration.ZERO, throttle.waitFor("alice", "192.0.2.8"));
    }

    @Test
    void theRightPasswordMakesTheAccountWholeAgain() {
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        throttle.succeeded("alice");
        throttle.failed("alice", "10.0.0.2");
        throttle.failed("alice", "10.0.0.2");
        assertEquals(Duration.ZERO, throttle.waitFor("alice", "10.0.0.3"));
    }
}
