package org.upgradeplanner.calendar;

import java.time.Instant;

/** One VEVENT of a feed: a window as subscribers see it. {@code status} is TENTATIVE, CONFIRMED or CANCELLED. */
public record FeedEvent(
        String uid,
        Instant start,
        Instant end,
        String summary,
        String description,
        int sequence,
        String status,
        Instant created,
        Instant lastModified,
        String url) {}
