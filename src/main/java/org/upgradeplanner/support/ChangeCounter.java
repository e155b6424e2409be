package org.upgradeplanner.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet-wide change counter behind the feeds' ETags. Every change a feed could show raises it in the changing
 * transaction. Readers see this instance's own changes at once (the cached value is dropped on commit) and other
 * instances' within {@link #REFRESH_NANOS}, so a burst of subscribers costs one query a second, not one each.
 */
@ApplicationScoped
public class ChangeCounter {

    static final long REFRESH_NANOS = 1_000_000_000L;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry registry;
    private final AtomicLong cached = new AtomicLong(-1);
    private volatile long readAt;

    ChangeCounter(EntityManager em, TransactionSynchronizationRegistry registry) {
        this.em = em;
        this.registry = registry;
    }

    /** Raises the counter in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        em.createNativeQuery("update change_counter set current_value = current_value + 1 where counter = 'fleet'")
                .executeUpdate();
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cached.set(-1);
                }
            }
        });
    }

    /** The value last read, if it is recent enough to answer without asking the database (never blocks). */
    public java.util.OptionalLong fresh() {
        long value = cached.get();
        return value >= 0 && System.nanoTime() - readAt <= REFRESH_NANOS
                ? java.util.OptionalLong.of(value)
                : java.util.OptionalLong.empty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long current() {
        long value = cached.get();
        if (value < 0 || System.nanoTime() - readAt > REFRESH_NANOS) {
            value = ((Number) em.createNativeQuery("select current_value from change_counter where counter = 'fleet'")
                            .getSingleResult())
                    .longValue();
            readAt = System.nanoTime();
            cached.set(value);
        }
        return value;
    }
}
