package org.upgradeplanner.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing. Every account and every client address has a bucket of tries: a wrong password takes
 * one, and one comes back every refill period. While a bucket is empty, sign-ins of that account, or from that
 * address, are refused before the password is looked at (HTTP 429 with Retry-After); the right password works again
 * as soon as a try has come back, and it refills the account's bucket. Buckets live in each replica's memory, so
 * with n replicas behind a load balancer a guesser gets at most n times the burst.
 */
public final class SignInThrottle {

    /** A bucket's size and how long one try takes to come back. */
    public record Limit(int burst, Duration refill) {}

    private static final int MAX_BUCKETS = 100_000;

    private final Limit perAccount;
    private final Limit perAddress;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SignInThrottle(Limit perAccount, Limit perAddress, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** How long until this account may try again from this address; zero when it may now. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = wait("u:" + username, now);
        Duration client = wait("a:" + address, now);
        return account.compareTo(client) >= 0 ? account : client;
    }

    /** A wrong password: one try less for the account and for the address. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.entrySet().removeIf(e -> e.getValue().full(now));
        }
        take("u:" + username, perAccount, now);
        take("a:" + address, perAddress, now);
    }

    /** The right password: the account's tries are whole again (the address keeps its count). */
    public void succeeded(String username) {
        buckets.remove("u:" + username);
    }

    private Duration wait(String key, Instant now) {
        Bucket b = buckets.get(key);
        return b == null ? Duration.ZERO : b.waitFor(now);
    }

    private void take(String key, Limit limit, Instant now) {
        buckets.compute(key, (k, b) -> (b == null ? new Bucket(limit, now) : b).take(now));
    }

    /** Tries left, as of a moment; refilled lazily from the time passed since. */
    private static final class Bucket {
        private final Limit limit;
        private double tries;
        private Instant at;

        Bucket(Limit limit, Instant now) {
            this.limit = limit;
            this.tries = limit.burst();
            this.at = now;
        }

        synchronized Bucket take(Instant now) {
            refill(now);
            tries = Math.max(0, tries - 1);
            return this;
        }

        synchronized Duration waitFor(Instant now) {
            refill(now);
            return tries >= 1
                    ? Duration.ZERO
                    : Duration.ofNanos(
                            (long) Math.ceil((1 - tries) * limit.refill().toNanos()));
        }

        synchronized boolean full(Instant now) {
            refill(now);
            return tries >= limit.burst();
        }

        private void refill(Instant now) {
            if (now.isAfter(at)) {
                double back = (double) Duration.between(at, now).toNanos()
                        / limit.refill().toNanos();
                tries = Math.min(limit.burst(), tries + back);
                at = now;
            }
        }
    }
}
