package org.upgradeplanner.window;

import java.time.Instant;
import java.util.List;

/** A window as the API shows it; {@code actions} are what its state allows next. */
public record WindowView(
        long id,
        String uid,
        String title,
        Instant start,
        Instant end,
        List<String> hosts,
        List<String> services,
        String description,
        WindowState state,
        int sequence,
        int version,
        boolean overdue,
        String cancelReason,
        Instant publishedAt,
        Instant startedAt,
        Instant endedAt,
        List<String> actions,
        Instant createdAt,
        Instant updatedAt) {

    public static WindowView from(MaintenanceWindow w) {
        return new WindowView(
                w.id,
                w.uid,
                w.title,
                w.start,
                w.end,
                List.copyOf(w.hosts),
                List.copyOf(w.services),
                w.description,
                w.state,
                w.sequence,
                w.version,
                w.overdue,
                w.cancelReason,
                w.publishedAt,
                w.startedAt,
                w.endedAt,
                Transitions.adminActions(w.state),
                w.createdAt,
                w.updatedAt);
    }
}
