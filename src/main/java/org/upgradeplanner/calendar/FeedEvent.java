package org.upgradeplanner.calendar;

import java.time.Instant;
import java.time.temporal.Temporal;

/**
 * One VEVENT of a feed: a window as subscribers see it ({@code start} and {@code end} instants), or a sprint day (a
 * {@code LocalDate}, an all-day event ending the next day). {@code status} is TENTATIVE, CONFIRMED or CANCELLED.
 */
public record FeedEvent(
        String uid,
        Temporal start,
        Temporal end,
        String summary,
        String description,
        int sequence,
        String status,
        Instant created,
        Instant lastModified,
        String url) {}
