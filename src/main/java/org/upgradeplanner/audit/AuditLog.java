package org.upgradeplanner.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.upgradeplanner.support.Json;
import org.upgradeplanner.support.Roles;

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
        return who().name();
    }

    /** Who is acting: the account, SSO user or token; its display name and SSO subject when it has them. */
    public record Who(String name, String displayName, String subject) {}

    private Who who() {
        try {
            SecurityIdentity id = identity.get();
            if (id == null || id.isAnonymous()) {
                return new Who(SYSTEM, null, null);
            }
            return new Who(
                    id.getPrincipal().getName(), id.getAttribute(Roles.DISPLAY_NAME), id.getAttribute(Roles.SUBJECT));
        } catch (RuntimeException e) {
            return new Who(SYSTEM, null, null); // no request scope: a start-up task or a job
        }
    }

    public AuditEntry record(
            String action, String subjectType, String subject, Object before, Object after, String detail) {
        AuditEntry e = entry(new Entry(action, subjectType, subject, before, after, detail), Instant.now(clock), who());
        e.persist();
        return e;
    }

    /** An entry by a given actor: for a change made while that person is being signed in (no identity yet). */
    public AuditEntry record(Who actor, Entry in) {
        AuditEntry e = entry(in, Instant.now(clock), actor);
        e.persist();
        return e;
    }

    /** An entry to record: what {@link #record} takes. */
    public record Entry(
            String action, String subjectType, String subject, Object before, Object after, String detail) {}

    /** Records many entries at once, in JDBC batches: one change to thousands of hosts is not thousands of persists. */
    public void recordAll(List<Entry> entries) {
        Instant now = Instant.now(clock);
        Who actor = who();
        AuditRows.insert(
                AuditEntry.getEntityManager(),
                entries.stream().map(e -> entry(e, now, actor)).toList());
    }

    private static AuditEntry entry(Entry in, Instant at, Who actor) {
        AuditEntry e = new AuditEntry();
        e.at = at;
        e.actor = actor.name();
        e.actorName = actor.displayName();
        e.actorSubject = actor.subject();
        e.action = in.action();
        e.subjectType = in.subjectType();
        e.subject = in.subject();
        e.before = in.before() == null ? null : truncate(Json.write(in.before()), 100_000);
        e.after = in.after() == null ? null : truncate(Json.write(in.after()), 100_000);
        e.detail = in.detail() == null ? null : truncate(in.detail(), 4000);
        return e;
    }

    /** A page of entries, newest first; every filter is optional and exact. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditResource.AuditPage search(
            String subjectType, String subject, String actor, String action, int page, int size) {
        java.util.List<String> where = new java.util.ArrayList<>();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        filter(where, params, "subjectType", subjectType);
        filter(where, params, "subject", subject);
        filter(where, params, "actor", actor);
        filter(where, params, "action", action);
        var sort = io.quarkus.panache.common.Sort.descending("at", "id");
        io.quarkus.hibernate.orm.panache.PanacheQuery<AuditEntry> q =
                where.isEmpty() ? AuditEntry.findAll(sort) : AuditEntry.find(String.join(" and ", where), sort, params);
        return new AuditResource.AuditPage(
                q.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                        .map(AuditResource.AuditView::from)
                        .toList(),
                q.count());
    }

    /** {@code field} is one of the fixed names above, never user input; the value is bound. */
    private static void filter(
            java.util.List<String> where, java.util.Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.add(field + " = :" + field);
            params.put(field, value.trim());
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
