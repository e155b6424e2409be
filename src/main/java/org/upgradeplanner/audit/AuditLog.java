package org.upgradeplanner.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.upgradeplanner.support.Json;

/** Writes audit entries in the caller's transaction, so a change and its record commit or roll back together. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

    /** The actor of changes no person made (start-up import, scheduled jobs). */
    public static final String SYSTEM = "system";

    private final Clock clock;
    private final Instance<SecurityIdentity> identity;

    AuditLog(Clock clock, Instance<SecurityIdentity> identity) {
        this.clock = clock;
        this.identity = identity;
    }

    /** The logged-in user, or {@link #SYSTEM} outside a request. */
    public String actor() {
        try {
            SecurityIdentity id = identity.get();
            return id == null || id.isAnonymous() ? SYSTEM : id.getPrincipal().getName();
        } catch (RuntimeException e) {
            return SYSTEM; // no request scope: a start-up task or a job
        }
    }

    public AuditEntry record(String action, String subjectType, String subject, Object before, Object after, String detail) {
        AuditEntry e = new AuditEntry();
        e.at = Instant.now(clock);
        e.actor = actor();
        e.action = action;
        e.subjectType = subjectType;
        e.subject = subject;
        e.before = before == null ? null : truncate(Json.write(before), 100_000);
        e.after = after == null ? null : truncate(Json.write(after), 100_000);
        e.detail = detail == null ? null : truncate(detail, 4000);
        e.persist();
        return e;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
