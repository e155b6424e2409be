package org.upgradeplanner.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Days the team and the community are mostly away ({@code planner.policy.holidays}): yearly ones ({@code 12-25}) and
 * single ones ({@code 2027-04-16}), read in the slot zone. A window on one is a warning, or, with
 * {@code planner.policy.holidays-are-freezes}, a freeze.
 */
public final class Holidays {

    private final Set<MonthDay> yearly = new TreeSet<>();
    private final Set<LocalDate> once = new TreeSet<>();
    private final ZoneId zone;

    /** @throws IllegalStateException naming the entry that is neither {@code MM-DD} nor {@code YYYY-MM-DD} */
    public Holidays(List<String> days, ZoneId zone) {
        this.zone = zone;
        for (String d : days) {
            String day = d.trim();
            try {
                if (day.length() == 5) {
                    yearly.add(MonthDay.parse("--" + day));
                } else {
                    once.add(LocalDate.parse(day));
                }
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(
                        "planner.policy.holidays: `" + day + "` is neither MM-DD (every year) nor YYYY-MM-DD", e);
            }
        }
    }

    /** The holidays a period touches, as dates in the zone, in order. */
    public List<LocalDate> during(Instant start, Instant end) {
        List<LocalDate> hits = new ArrayList<>();
        if (yearly.isEmpty() && once.isEmpty()) {
            return hits;
        }
        LocalDate last = end.minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate d = start.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (once.contains(d) || yearly.contains(MonthDay.from(d))) {
                hits.add(d);
            }
        }
        return hits;
    }

    /** Each holiday from {@code from} to {@code to} as a freeze of its whole day in the zone. */
    public List<SchedulingPolicy.Freeze> asFreezes(Instant from, Instant to) {
        List<SchedulingPolicy.Freeze> freezes = new ArrayList<>();
        for (LocalDate d : during(from, to.isAfter(from) ? to : from.plusSeconds(1))) {
            freezes.add(new SchedulingPolicy.Freeze(
                    d.atStartOfDay(zone).toInstant(),
                    d.plusDays(1).atStartOfDay(zone).toInstant(),
                    "holiday " + d));
        }
        return freezes;
    }
}
