package org.upgradeplanner.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The fleet-wide write lock: a database row lock, so it holds across replicas (a JVM lock would not) and ends with the
 * transaction, whatever way it ends. Writes that read the whole fleet take it before their first read, so they never
 * work from what a concurrent one is about to change. Taking it again in the same transaction is free.
 */
@ApplicationScoped
public class FleetLock {

    private final EntityManager em;

    FleetLock(EntityManager em) {
        this.em = em;
    }

    /** Blocks until no other transaction holds the lock (or the database's lock timeout, a minute, passes). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        em.createNativeQuery("select name from fleet_lock where name = 'fleet' for update")
                .getResultList();
    }
}
