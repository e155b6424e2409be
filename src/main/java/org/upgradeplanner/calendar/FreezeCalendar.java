package org.upgradeplanner.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Summary;
import org.upgradeplanner.window.SchedulingPolicy.Freeze;

/**
 * Reads freeze periods from an iCalendar file (a release calendar, a team's holiday calendar): every VEVENT, its
 * recurrences expanded within a range. All-day and floating times are read in the given zone.
 */
public final class FreezeCalendar {

    private FreezeCalendar() {
    }

    /** @throws IllegalArgumentException naming the line and what is wrong */
    public static List<Freeze> read(String ics, Instant from, Instant to, ZoneId zone) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException e) {
            throw new IllegalArgumentException("line " + e.getLineNo() + ": " + rootMessage(e), e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(rootMessage(e), e);
        }
        Period<ZonedDateTime> range = new Period<>(from.atZone(ZoneOffset.UTC), to.atZone(ZoneOffset.UTC));
        List<Freeze> freezes = new ArrayList<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            Summary s = event.getSummary();
            String summary = s == null || s.getValue() == null || s.getValue().isBlank() ? "freeze" : s.getValue().strip();
            try {
                event.getProperty(net.fortuna.ical4j.model.Property.RRULE)
                        .map(r -> ((net.fortuna.ical4j.model.property.RRule<?>) r).getRecur().getFrequency())
                        .filter(f -> f == net.fortuna.ical4j.transform.recurrence.Frequency.SECONDLY || f == net.fortuna.ical4j.transform.recurrence.Frequency.MINUTELY
                                || f == net.fortuna.ical4j.transform.recurrence.Frequency.HOURLY)
                        .ifPresent(f -> {
                            throw new IllegalArgumentException("recurs " + f.name().toLowerCase() + "; a freeze recurs daily at most");
                        });
                for (Period<Temporal> p : event.calculateRecurrenceSet(range)) {
                    Instant start = instant(p.getStart(), zone);
                    Instant end = instant(p.getEnd(), zone);
                    if (!end.isAfter(start)) {
                        end = LocalDate.ofInstant(start, zone).plusDays(1).atStartOfDay(zone).toInstant();
                    }
                    if (start.isBefore(to) && end.isAfter(from)) {
                        freezes.add(new Freeze(start, end, summary));
                    }
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("event `" + summary + "`: " + rootMessage(e), e);
            }
        }
        freezes.sort(Comparator.comparing(Freeze::start));
        return freezes;
    }

    private static Instant instant(Temporal t, ZoneId zone) {
        if (t instanceof Instant i) {
            return i;
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant();
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant();
        }
        throw new IllegalArgumentException("unsupported date value " + t);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
