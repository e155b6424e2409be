package org.upgradeplanner.window;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Policies for unit tests. */
final class Policies {

    private Policies() {}

    static SchedulingPolicy fridays(int maxConcurrent, int maxHosts, List<SchedulingPolicy.Freeze> freezes) {
        return new SchedulingPolicy(
                Duration.ofDays(7),
                List.of(Duration.ofDays(1)),
                new RecurrenceSlots("FREQ=WEEKLY;BYDAY=FR;BYHOUR=20;BYMINUTE=0", ZoneId.of("UTC")),
                Duration.ofHours(4),
                freezes,
                maxConcurrent,
                maxHosts);
    }
}
