package org.upgradeplanner.window;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/windows} and {@code PUT /api/windows/{id}}. {@code state} may be DRAFT on create (default
 * SCHEDULED); {@code version} is required on PUT; {@code force} with a {@code reason} accepts policy breaches.
 */
public record WindowInput(
        String title,
        Instant start,
        Instant end,
        List<String> hosts,
        List<String> services,
        String description,
        String state,
        Integer version,
        Boolean force,
        String reason) {}
