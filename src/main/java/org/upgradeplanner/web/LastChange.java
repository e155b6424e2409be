package org.upgradeplanner.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.audit.AuditResource.AuditView;

/**
 * Who did the last change to a subject, for the pages that change it ({@code {inject:lastChange.of('host', name)}}):
 * the newest audit entry, with the person's display name and account.
 */
@ApplicationScoped
@Named("lastChange")
public class LastChange {

    /** What was done ({@code HOST_UPDATED}), by whom ("Alice Liddell (alice)"), when. */
    public record Change(String action, String who, Instant at) {}

    private final AuditLog audit;

    LastChange(AuditLog audit) {
        this.audit = audit;
    }

    /** The newest change; {@code null} when nothing is recorded. */
    public Change of(String subjectType, Object subject) {
        var page = audit.search(subjectType, subject == null ? null : subject.toString(), null, null, 0, 1);
        if (page.items().isEmpty()) {
            return null;
        }
        AuditView e = page.items().get(0);
        String who = e.actorName() == null || e.actorName().equals(e.actor())
                ? e.actor()
                : e.actorName() + " (" + e.actor() + ")";
        return new Change(e.action(), who, e.at());
    }
}
