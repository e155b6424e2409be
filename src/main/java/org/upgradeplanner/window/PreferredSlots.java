package org.upgradeplanner.window;

import java.time.Instant;
import java.util.List;

/** Start times of the preferred maintenance slots (an RRULE in some zone, see RecurrenceSlots). */
public interface PreferredSlots {

    /** Slot starts in [from, to), in order. */
    List<Instant> starts(Instant from, Instant to);
}
