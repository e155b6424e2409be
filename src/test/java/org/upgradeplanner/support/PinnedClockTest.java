package org.upgradeplanner.support;

import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@code @QuarkusTest} whose every test runs at the fixed "now" that {@link #now()} names, and in real time again after
 * it. Each such class takes a year of its own, so that its windows never meet another class's in a policy check.
 */
public abstract class PinnedClockTest {

    @Inject
    protected TestClock clock;

    /** The instant the app reads as "now" during each test of the class. */
    protected abstract Instant now();

    @BeforeEach
    void pinTheClock() {
        clock.pin(now());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }
}
