package org.upgradeplanner.window;

/** Life of a maintenance window: DRAFT → SCHEDULED → ANNOUNCED → IN_PROGRESS → COMPLETED, or CANCELLED before completion. */
public enum WindowState {
    DRAFT,
    SCHEDULED,
    ANNOUNCED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    /** Published windows are in the feeds; a change subscribers should see raises their sequence. */
    public boolean isPublished() {
        return this != DRAFT;
    }

    /** Windows that still hold their hosts and services and count against capacity. */
    public boolean isActive() {
        return this != CANCELLED && this != COMPLETED;
    }
}
