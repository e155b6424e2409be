package org.upgradeplanner.window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What every window must respect. {@code freezes} are the periods no window may touch (configured and imported);
 * {@code slotDuration} is the length of the planner's windows.
 */
public record SchedulingPolicy(
        Duration minimumNotice,
        List<Duration> reminders,
        PreferredSlots slots,
        Duration slotDuration,
        List<Freeze> freezes,
        int maxConcurrentWindows,
        int maxHostsPerWindow) {

    /** A period no window may overlap, [start, end). */
    public record Freeze(Instant start, Instant end, String label) {}
}
