package org.upgradeplanner.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The app's clock in the in-process tests, in place of {@link ClockProducer}'s: the system clock until a test pins "now"
 * to a fixed instant, and again once the test resets it (every test that pins resets after itself).
 *
 * <p>A test pins a time later than any real "now" the suite will see (the 2040s): the triggers its windows leave in the
 * job store then stay in the future, so a test that resumes the scheduler fires only the triggers it made.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

    private volatile Clock current = Clock.systemUTC();

    /** From now on, "now" is this instant, until {@link #advance} or {@link #reset}. */
    public void pin(Instant now) {
        current = Clock.fixed(now, ZoneOffset.UTC);
    }

    public void advance(Duration by) {
        current = Clock.offset(current, by);
    }

    /** Back to the system clock. */
    public void reset() {
        current = Clock.systemUTC();
    }

    @Override
    public Instant instant() {
        return current.instant();
    }

    @Override
    public ZoneId getZone() {
        return current.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }
}
