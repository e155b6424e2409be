package org.upgradeplanner.host;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.upgradeplanner.support.Digests;

/**
 * Uploaded inventories waiting between their preview and "apply", in the database so that any replica can apply
 * them. Each has its own id and the digest of its content, which the apply form carries; the fleet's fingerprint at
 * preview time tells whether the preview still shows what applying would do. They expire after {@link #LIFETIME}.
 */
@ApplicationScoped
@Transactional
public class PendingImports {

    public static final Duration LIFETIME = Duration.ofHours(1);

    /** An uploaded inventory as previewed. */
    public record Pending(
            String id, String source, String fileName, String digest, String fleetFingerprint, String content) {}

    private final EntityManager em;
    private final Clock clock;

    PendingImports(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Keeps an uploaded inventory for {@link #LIFETIME}; returns it with its id and digest. */
    public Pending save(String source, String fileName, String content, String user) {
        Pending p = new Pending(
                UUID.randomUUID().toString(), source, fileName, Digests.sha256(content), fingerprint(), content);
        em.createNativeQuery(
                        "insert into pending_import (id, source, file_name, digest, fleet_fingerprint, content, created_by, expires_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, p.id())
                .setParameter(2, source)
                .setParameter(3, fileName)
                .setParameter(4, p.digest())
                .setParameter(5, p.fleetFingerprint())
                .setParameter(6, content)
                .setParameter(7, user)
                .setParameter(8, Instant.now(clock).plus(LIFETIME))
                .executeUpdate();
        return p;
    }

    /** The pending import with this id and digest, unless it expired, was applied already, or never was. */
    public Optional<Pending> find(String id, String digest) {
        if (id == null || digest == null) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery(
                        "select id, source, file_name, digest, fleet_fingerprint, content from pending_import"
                                + " where id = ?1 and digest = ?2 and expires_at > ?3")
                .setParameter(1, id)
                .setParameter(2, digest)
                .setParameter(3, Instant.now(clock))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(
                new Pending((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], text(r[5])));
    }

    /** After a fresh preview: the same upload, now showing the fleet as it is. */
    public Pending refresh(Pending p) {
        String now = fingerprint();
        em.createNativeQuery("update pending_import set fleet_fingerprint = ?1 where id = ?2")
                .setParameter(1, now)
                .setParameter(2, p.id())
                .executeUpdate();
        return new Pending(p.id(), p.source(), p.fileName(), p.digest(), now, p.content());
    }

    public void delete(String id) {
        em.createNativeQuery("delete from pending_import where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    /**
     * What an import's preview depends on: how many hosts there are and the latest change to any of them (an edit,
     * an override, an import). Equal fingerprints mean the preview still shows what applying would do.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String fingerprint() {
        Object[] r = (Object[]) em.createNativeQuery("select count(*), max(updated_at) from host")
                .getSingleResult();
        return r[0] + "@" + r[1];
    }

    @Scheduled(
            identity = "expired-pending-imports",
            every = "1h",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        em.createNativeQuery("delete from pending_import where expires_at <= ?1")
                .setParameter(1, Instant.now(clock))
                .executeUpdate();
    }

    /** PostgreSQL answers a text column as a String, H2 as a CLOB. */
    private static String text(Object value) {
        if (value instanceof Clob clob) {
            try (Reader in = clob.getCharacterStream()) {
                StringBuilder s = new StringBuilder();
                char[] buf = new char[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    s.append(buf, 0, n);
                }
                return s.toString();
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot read a pending import", e);
            }
        }
        return (String) value;
    }
}
