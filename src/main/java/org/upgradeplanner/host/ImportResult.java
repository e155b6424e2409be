package org.upgradeplanner.host;

import java.util.List;
import org.upgradeplanner.classification.Classification;

/**
 * What an import did (or, in a dry run, would do). {@code hosts} lists the hostnames the inventory holds;
 * {@code changes} every host added, updated or removed, with its classification before and after.
 */
public record ImportResult(
        String source,
        boolean dryRun,
        int added,
        int updated,
        int unchanged,
        int removed,
        List<String> hosts,
        List<Change> changes) {

    /** RECLASSIFIED: the host itself is unchanged, but what changed around it (its pool, its dependents) changes its class. */
    public enum Action {
        ADDED,
        UPDATED,
        REMOVED,
        RECLASSIFIED
    }

    public record Change(
            String hostname,
            Action action,
            List<String> fields,
            Classification classificationBefore,
            Classification classificationAfter) {}
}
