package org.upgradeplanner.window;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Recur;

/**
 * Preferred slots as an RFC 5545 RRULE read in an IANA zone: {@code FREQ=WEEKLY;BYDAY=FR;BYHOUR=20;BYMINUTE=0} in
 * Europe/London is 20:00 London time every Friday, winter and summer alike (19:00 or 20:00 UTC).
 */
public final class RecurrenceSlots implements PreferredSlots {

    /**
     * The rule's DTSTART: local midnight, Monday 3 January 2000. Parts the rule leaves open (minutes, seconds, the
     * phase of an INTERVAL) come from it, so every expansion of the same rule gives the same slots.
     */
    private static final LocalDateTime ANCHOR = LocalDateTime.of(2000, 1, 3, 0, 0);

    private final Recur<ZonedDateTime> recur;
    private final ZoneId zone;

    /** @throws IllegalArgumentException naming what is wrong with the rule */
    public RecurrenceSlots(String rrule, ZoneId zone) {
        try {
            this.recur = new Recur<>(rrule);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid RRULE: " + e.getMessage(), e);
        }
        if (recur.getFrequency() == null) {
            throw new IllegalArgumentException("not a valid RRULE: FREQ is missing");
        }
        this.zone = zone;
    }

    @Override
    public List<Instant> starts(Instant from, Instant to) {
        return recur.getDates(ANCHOR.atZone(zone), from.atZone(zone), to.atZone(zone)).stream()
                .map(ZonedDateTime::toInstant)
                .filter(i -> !i.isBefore(from) && i.isBefore(to))
                .sorted()
                .toList();
    }
}
