package org.upgradeplanner.host;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.hibernate.engine.spi.SessionImplementor;
import org.upgradeplanner.support.EntityIds;
import org.upgradeplanner.support.JdbcBatch;

/**
 * Adds and deletes hosts with plain JDBC batches in the caller's transaction. An import adds or removes thousands of
 * hosts at once; as entities, each would cost Hibernate's persist or load, flush and collection bookkeeping, several
 * times the statement itself (and a bulk JPQL delete of 10,000 hosts outran the transaction timeout on H2).
 * Ids come from {@link Host}'s own generator ({@link EntityIds}). A new verdict is written the same way, to the
 * neighbours of a change that are not loaded as entities.
 * The column lists follow {@link Host}'s mapping; the import tests read every field back through the entity.
 */
final class HostRows {

    private static final int BATCH = JdbcBatch.SIZE;

    private static final String INSERT_HOST =
            "insert into host (id, hostname, distro, os_version, os_from, stateful, replaceable,"
                    + " is_public, vars, source, classification, rule, reasons, eol, version, created_at, updated_at,"
                    + " target_release) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";

    private HostRows() {}

    /** Inserts {@code hosts} (transient, never persisted) and sets their ids. */
    static void insert(EntityManager em, List<Host> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        EntityIds.assign(em, Host.class, hosts, (h, id) -> h.id = id);
        em.unwrap(SessionImplementor.class).doWork(connection -> {
            try (PreparedStatement rows = connection.prepareStatement(INSERT_HOST);
                    PreparedStatement services =
                            connection.prepareStatement("insert into host_service (host_id, service) values (?, ?)");
                    PreparedStatement groups =
                            connection.prepareStatement("insert into host_group (host_id, group_name) values (?, ?)");
                    PreparedStatement dependsOn = connection.prepareStatement(
                            "insert into host_dependency (host_id, hostname) values (?, ?)")) {
                for (int from = 0; from < hosts.size(); from += BATCH) {
                    List<Host> chunk = hosts.subList(from, Math.min(hosts.size(), from + BATCH));
                    for (Host h : chunk) {
                        bind(rows, h);
                    }
                    rows.executeBatch(); // before the rows that refer to these hosts
                    elements(services, chunk, h -> h.services);
                    elements(groups, chunk, h -> h.groups);
                    elements(dependsOn, chunk, h -> h.dependsOn);
                }
            }
        });
    }

    /** Deletes the hosts with these ids; their collection rows go with them (the tables cascade). */
    static void delete(EntityManager em, List<Long> ids) {
        JdbcBatch.execute(em, "delete from host where id = ?", ids, (s, id) -> s.setLong(1, id));
    }

    /** A new rule result for a stored host. */
    record VerdictUpdate(long id, String classification, String rule, String reasonsJson, java.time.LocalDate eol) {}

    /** Writes new rule results; each bumps the host's version, as an entity update would, so a stale edit gets 409. */
    static void updateVerdicts(EntityManager em, List<VerdictUpdate> updates) {
        JdbcBatch.execute(
                em,
                "update host set classification = ?, rule = ?, reasons = ?, eol = ?, version = version + 1 where id = ?",
                updates,
                (s, u) -> {
                    s.setString(1, u.classification());
                    s.setString(2, u.rule());
                    s.setString(3, u.reasonsJson());
                    date(s, 4, u.eol());
                    s.setLong(5, u.id());
                });
    }

    private static void date(PreparedStatement s, int index, java.time.LocalDate date) throws SQLException {
        if (date == null) {
            s.setNull(index, Types.DATE);
        } else {
            s.setObject(index, date);
        }
    }

    private static void bind(PreparedStatement s, Host h) throws SQLException {
        s.setLong(1, h.id);
        s.setString(2, h.hostname);
        s.setString(3, h.distro);
        s.setString(4, h.osVersion);
        s.setString(5, h.osFrom);
        s.setBoolean(6, h.stateful);
        s.setBoolean(7, h.replaceable);
        s.setBoolean(8, h.isPublic);
        s.setString(9, h.varsJson);
        s.setString(10, h.source);
        s.setString(11, h.classification.name());
        s.setString(12, h.rule);
        s.setString(13, h.reasonsJson);
        date(s, 14, h.eol);
        s.setObject(15, h.createdAt.atOffset(ZoneOffset.UTC));
        s.setObject(16, h.updatedAt.atOffset(ZoneOffset.UTC));
        s.setString(17, h.targetRelease);
        s.addBatch();
    }

    /** One element collection's rows for these hosts. */
    private static void elements(PreparedStatement s, List<Host> hosts, Function<Host, Collection<String>> collection)
            throws SQLException {
        int rows = 0;
        for (Host h : hosts) {
            for (String value : collection.apply(h)) {
                s.setLong(1, h.id);
                s.setString(2, value);
                s.addBatch();
                rows++;
            }
        }
        if (rows > 0) {
            s.executeBatch();
        }
    }
}
