package org.upgradeplanner.window;

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
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import org.upgradeplanner.support.ControlCharacters;
import org.upgradeplanner.window.SchedulingPolicy.Freeze;

/**
 * Reads freeze periods from an iCalendar file (a release calendar, a team's holiday calendar): every VEVENT, its
 * recurrences expanded within a range. All-day and floating times are read in the given zone. An event's SUMMARY is
 * its label, on one line: control characters and line breaks become spaces (DESCRIPTION is not read).
 *
 * <p>Limits, counted while reading and refused at the first one broken (nothing past it is expanded): at most
 * {@value #MAX_FREEZES} freeze periods per calendar; per event {@value RecurrenceBudget#MAX_OCCURRENCES_PER_EVENT}
 * occurrences in the range (and as many RDATE and EXDATE values), recurring daily at most; and the rules of all
 * events together walking {@value RecurrenceBudget#MAX_PERIODS} FREQ periods from their DTSTARTs and examining
 * {@value RecurrenceBudget#MAX_CANDIDATES} candidate dates (see {@link RecurrenceBudget}).
 */
public final class FreezeCalendar {

    /** Freeze periods one calendar may bring. */
    public static final int MAX_FREEZES = 10_000;
    /** How much of a SUMMARY an error message repeats. */
    private static final int NAME_LENGTH = 80;

    private FreezeCalendar() {}

    /** @throws IllegalArgumentException naming the line or the event (SUMMARY, UID, line) and what is wrong */
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
        RecurrenceBudget budget = new RecurrenceBudget(range, zone);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        List<Integer> lines = EventLines.of(ics, events.size());
        List<Freeze> freezes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            String summary = label(event);
            try {
                Optional<Instant> first =
                        event.<DtStart<Temporal>>getProperty(Property.DTSTART).map(d -> instant(d.getDate(), zone));
                if (first.isPresent() && first.get().isAfter(to)) {
                    throw new IllegalArgumentException(
                            "starts " + first.get().atZone(zone).toLocalDate()
                                    + ", after " + to.atZone(zone).toLocalDate()
                                    + ": freezes are read at most planner.policy.horizon ahead");
                }
                for (Period<Temporal> p : budget.occurrences(event)) {
                    Instant start = instant(p.getStart(), zone);
                    Instant end = instant(p.getEnd(), zone);
                    if (!end.isAfter(start)) {
                        end = LocalDate.ofInstant(start, zone)
                                .plusDays(1)
                                .atStartOfDay(zone)
                                .toInstant();
                    }
                    if (start.isBefore(to) && end.isAfter(from)) {
                        freezes.add(new Freeze(start, end, summary));
                    }
                }
                if (freezes.size() > MAX_FREEZES) {
                    throw new IllegalArgumentException(String.format(
                            "with this event, the calendar brings more than %,d freeze periods" + " between %s and %s",
                            MAX_FREEZES,
                            range.getStart().toLocalDate(),
                            range.getEnd().toLocalDate()));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name(event, summary, lines.get(i)) + ": " + rootMessage(e), e);
            }
        }
        freezes.sort(Comparator.comparing(Freeze::start));
        return freezes;
    }

    /** The SUMMARY on one line, or "freeze" when there is none. */
    private static String label(VEvent event) {
        String summary = event.<Summary>getProperty(Property.SUMMARY)
                .map(Summary::getValue)
                .map(ControlCharacters::oneLine)
                .orElse("");
        return summary.isEmpty() ? "freeze" : summary;
    }

    /** "event `Release week` (UID freeze-1@example.org, line 5)", as far as the event says. */
    private static String name(VEvent event, String summary, Integer line) {
        String shown = summary.length() > NAME_LENGTH ? summary.substring(0, NAME_LENGTH) + "…" : summary;
        List<String> where = new ArrayList<>();
        event.getUid()
                .map(u -> ControlCharacters.oneLine(String.valueOf(u.getValue())))
                .filter(u -> !u.isEmpty())
                .map(u -> "UID " + (u.length() > NAME_LENGTH ? u.substring(0, NAME_LENGTH) + "…" : u))
                .ifPresent(where::add);
        Optional.ofNullable(line).map(l -> "line " + l).ifPresent(where::add);
        return "event `" + shown + "`" + (where.isEmpty() ? "" : " (" + String.join(", ", where) + ")");
    }

    static Instant instant(Temporal t, ZoneId zone) {
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
