package org.upgradeplanner.support;

import java.time.Duration;
import java.time.Instant;

/** Waits for a condition to hold, polling it, and fails naming it when the deadline passes first. */
public final class Await {

    /** A condition that may throw, as a query of the job store or the database does. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {}

    public static void until(String what, Duration timeout, Condition condition) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (!condition.holds()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("not within " + timeout + ": " + what);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting: " + what, e);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("while waiting for " + what + ": " + e, e);
        }
    }
}
