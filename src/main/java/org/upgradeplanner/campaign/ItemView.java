package org.upgradeplanner.campaign;

import java.time.Instant;

/** One host's work item as the API shows it. */
public record ItemView(
        String hostname,
        String state,
        String assignee,
        String note,
        String replacement,
        Instant claimedAt,
        Instant replacedAt,
        Instant doneAt,
        String updatedBy,
        Instant updatedAt,
        int version) {

    static ItemView from(WorkItem i) {
        return new ItemView(
                i.hostname,
                i.state.name(),
                i.assignee,
                i.note,
                i.replacement,
                i.claimedAt,
                i.replacedAt,
                i.doneAt,
                i.updatedBy,
                i.updatedAt,
                i.version);
    }
}
