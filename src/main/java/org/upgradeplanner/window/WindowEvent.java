package org.upgradeplanner.window;

/**
 * Fired (synchronously, inside the transaction that made the change) for every lifecycle event subscribers hear of:
 * announcement drafts are written from these. {@code detail} tells reminders apart (their offset, {@code PT24H}); an extension carries the end it replaced.
 */
public record WindowEvent(long windowId, Kind kind, int sequence, String detail) {

    public enum Kind {
        ANNOUNCE,
        REMINDER,
        STARTED,
        COMPLETED,
        CANCELLED,
        RESCHEDULED,
        EXTENDED
    }
}
