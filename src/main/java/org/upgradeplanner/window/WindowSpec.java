package org.upgradeplanner.window;

import java.time.Instant;
import java.util.Set;

/** A window as the policy checker and the planner see it: no persistence, no identity beyond {@code id} (null when new). */
public record WindowSpec(
        Long id, String title, Instant start, Instant end, Set<String> hosts, Set<String> services, WindowState state) {

    public boolean overlaps(WindowSpec other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }

    public String label() {
        return id == null ? "this window" : "window " + id + " (" + title + ")";
    }
}
