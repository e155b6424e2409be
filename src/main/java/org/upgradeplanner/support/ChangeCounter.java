package org.upgradeplanner.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fleet-wide change counter behind the feeds' ETags. Every change a feed could show raises it in the changing
 * transaction. Readers see this instance's own changes at once (the cached value is dropped on commit) and other
 * instances' within {@link #REFRESH_NANOS}, so a burst of subscribers costs one query a second, not one each. The
 * counter remembers when it last moved: that is the feeds' {@code Last-Modified}, the same on every replica.
 */
@ApplicationScoped
public class ChangeCounter {

    static final long REFRESH_NANOS = 1_000_000_000L;

    /** The counter's value and when it took it. */
    public record Version(long value, Instant changedAt) {}

    private final EntityManager em;
    private final TransactionSynchronizationRegistry registry;
    private final Clock clock;
    private final AtomicReference<Version> cached = new AtomicReference<>();
    private volatile long readAt;

    ChangeCounter(EntityManager em, TransactionSynchronizationRegistry registry, Clock clock) {
        this.em = em;
        this.registry = registry;
        this.clock = clock;
    }

    /** Raises the counter in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        em.createNativeQuery("update change_counter set current_value = current_value + 1, changed_at = ?1"
                        + " where counter = 'fleet'")
                .setParameter(1, OffsetDateTime.ofInstant(Instant.now(clock), java.time.ZoneOffset.UTC))
                .executeUpdate();
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cached.set(null);
                }
            }
        });
    }

    /** The value last read, if it is recent enough to answer without asking the database (never blocks). */
    public Optional<Version> fresh() {
        Version value = cached.get();
        return value != null && System.nanoTime() - readAt <= REFRESH_NANOS ? Optional.of(value) : Optional.empty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Version current() {
        Version value = cached.get();
        if (value == null || System.nanoTime() - readAt > REFRESH_NANOS) {
            Object[] row = (Object[])
                    em.createNativeQuery("select current_value, changed_at from change_counter where counter = 'fleet'")
                            .getSingleResult();
            value = new Version(((Number) row[0]).longValue(), instant(row[1]));
            readAt = System.nanoTime();
            cached.set(value);
        }
        return value;
    }

    private static Instant instant(Object column) {
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (column instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("change_counter.changed_at read as " + column);
    }
}
