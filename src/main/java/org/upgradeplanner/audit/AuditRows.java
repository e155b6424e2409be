package org.upgradeplanner.audit;

import jakarta.persistence.EntityManager;
import java.time.ZoneOffset;
import java.util.List;
import org.upgradeplanner.support.EntityIds;
import org.upgradeplanner.support.JdbcBatch;

/** Inserts audit entries with plain JDBC batches in the caller's transaction; the columns follow {@link AuditEntry}. */
final class AuditRows {

    private AuditRows() {}

    static void insert(EntityManager em, List<AuditEntry> entries) {
        EntityIds.assign(em, AuditEntry.class, entries, (e, id) -> e.id = id);
        JdbcBatch.execute(
                em,
                "insert into audit_entry (id, at, actor, actor_name, actor_subject, action, subject_type, subject,"
                        + " before_state, after_state, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries,
                (s, e) -> {
                    s.setLong(1, e.id);
                    s.setObject(2, e.at.atOffset(ZoneOffset.UTC));
                    s.setString(3, e.actor);
                    s.setString(4, e.actorName);
                    s.setString(5, e.actorSubject);
                    s.setString(6, e.action);
                    s.setString(7, e.subjectType);
                    s.setString(8, e.subject);
                    s.setString(9, e.before);
                    s.setString(10, e.after);
                    s.setString(11, e.detail);
                });
    }
}
