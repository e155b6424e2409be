package org.upgradeplanner.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.support.PlannerException;

/** Freeze periods imported from iCalendar files, one set per source. */
@ApplicationScoped
@Transactional
public class FreezeService {

    private final PolicyService policies;
    private final AuditLog audit;
    private final Clock clock;

    FreezeService(PolicyService policies, AuditLog audit, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    public List<SchedulingPolicy.Freeze> replace(String source, String ics) {
        Instant now = Instant.now(clock);
        List<SchedulingPolicy.Freeze> periods;
        try {
            periods = FreezeCalendar.read(
                    ics,
                    now.minus(Duration.ofDays(366)),
                    policies.horizon().latest(now),
                    policies.settings().slot().zone());
        } catch (IllegalArgumentException e) {
            throw PlannerException.invalid("body", "not a usable iCalendar file: " + e.getMessage());
        }
        long removed = FreezePeriod.delete("source", source);
        for (SchedulingPolicy.Freeze f : periods) {
            FreezePeriod p = new FreezePeriod();
            p.source = source;
            p.summary = f.label().length() > 500 ? f.label().substring(0, 499) + "…" : f.label();
            p.start = f.start();
            p.end = f.end();
            p.persist();
        }
        audit.record("FREEZES_IMPORTED", "policy", source, removed, periods.size(), null);
        return periods;
    }

    public int delete(String source) {
        long removed = FreezePeriod.delete("source", source);
        audit.record("FREEZES_DELETED", "policy", source, removed, 0, null);
        return (int) removed;
    }
}
