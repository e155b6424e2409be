package org.upgradeplanner.window;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TemporalAmountAdapter;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.ExRule;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Expands an event's recurrences only once they are known to fit the limits, so a hostile calendar is cheap to refuse.
 * iCal4j walks a rule from DTSTART one FREQ period at a time (a DAILY rule from the year 1 takes 740,000 of them, even
 * when none falls in the range), examines candidate dates in each, and then hands back every occurrence in the range at
 * once. Here the periods are reckoned before walking, the candidates counted while walking, and occurrences counted as
 * they are generated, the walk stopping one past the cap; only an event found within the limits is handed to iCal4j,
 * whose own walk then costs no more. One instance per calendar: periods and candidates add up.
 */
final class RecurrenceBudget {

    /** Occurrences of one event within the range; also the cap on its RDATE values and on its EXDATE values. */
    static final int MAX_OCCURRENCES_PER_EVENT = 1_000;
    /** FREQ periods the rules of one calendar may walk, each from its DTSTART to the range's end (or its UNTIL). */
    static final long MAX_PERIODS = 1_000_000;
    /** Candidate dates the rules of one calendar may examine. */
    static final long MAX_CANDIDATES = 50_000;

    private final Period<ZonedDateTime> range;
    private final ZoneId zone;
    private long periods;
    private long candidates;

    RecurrenceBudget(Period<ZonedDateTime> range, ZoneId zone) {
        this.range = range;
        this.zone = zone;
    }

    /** The event's occurrences within the range. @throws IllegalArgumentException naming the limit the event breaks */
    Set<Period<Temporal>> occurrences(VEvent event) {
        Temporal seed = event.<DateProperty<Temporal>>getProperty(Property.DTSTART)
                .map(DateProperty::getDate)
                .orElseThrow(() -> new IllegalArgumentException("has no DTSTART"));
        List<Recur<Temporal>> rules = event.<RRule<Temporal>>getProperties(Property.RRULE).stream()
                .map(RRule::getRecur)
                .toList();
        List<Recur<Temporal>> exRules = event.<ExRule<Temporal>>getProperties(Property.EXRULE).stream()
                .map(ExRule::getRecur)
                .toList();
        for (Recur<Temporal> rule :
                Stream.concat(rules.stream(), exRules.stream()).toList()) {
            requireDailyAtMost(rule);
            periods += periods(rule, seed);
            if (periods > MAX_PERIODS) {
                throw new IllegalArgumentException(String.format(
                        "with this event, the calendar's rules walk more than %,d FREQ periods"
                                + " from their DTSTART (this one from %s): start it later or end it with UNTIL",
                        MAX_PERIODS, date(seed)));
            }
        }
        requireListedAtMost(event, Property.RDATE);
        requireListedAtMost(event, Property.EXDATE);

        // iCal4j looks that much before the range for occurrences that reach into it; the count must see them too.
        Temporal lookBack = range.getStart().minus(length(event, seed));
        long generated = 0;
        for (Recur<Temporal> rule : rules) {
            generated += walk(rule, seed, lookBack, MAX_OCCURRENCES_PER_EVENT + 1L - generated);
            if (generated > MAX_OCCURRENCES_PER_EVENT) {
                throw tooMany("recurs");
            }
        }
        for (Recur<Temporal> rule : exRules) {
            if (walk(rule, seed, range.getStart(), MAX_OCCURRENCES_PER_EVENT + 1L) > MAX_OCCURRENCES_PER_EVENT) {
                throw tooMany("its EXRULE recurs");
            }
        }
        Set<Period<Temporal>> occurrences = event.calculateRecurrenceSet(range);
        if (occurrences.size() > MAX_OCCURRENCES_PER_EVENT) {
            throw tooMany("recurs");
        }
        return occurrences;
    }

    /** Occurrences of the rule from {@code from} to the range's end, at most {@code limit}, each candidate counted. */
    private long walk(Recur<Temporal> rule, Temporal seed, Temporal from, long limit) {
        Spliterator<Temporal> walk =
                rule.getDatesAsStream(seed, from, range.getEnd(), -1).spliterator();
        long[] found = {0};
        while (found[0] < limit && walk.tryAdvance(date -> found[0]++)) {
            if (++candidates > MAX_CANDIDATES) {
                throw new IllegalArgumentException(String.format(
                        "with this event, the calendar's rules examine more than %,d candidate dates", MAX_CANDIDATES));
            }
        }
        return found[0];
    }

    /** FREQ periods iCal4j steps through: from DTSTART to the range's end or the rule's UNTIL, whichever comes first. */
    private long periods(Recur<Temporal> rule, Temporal seed) {
        LocalDate to = range.getEnd().withZoneSameInstant(zone).toLocalDate();
        if (rule.getUntil() != null && date(rule.getUntil()).isBefore(to)) {
            to = date(rule.getUntil());
        }
        ChronoUnit unit = switch (rule.getFrequency()) {
            case YEARLY -> ChronoUnit.YEARS;
            case MONTHLY -> ChronoUnit.MONTHS;
            case WEEKLY -> ChronoUnit.WEEKS;
            default -> ChronoUnit.DAYS;
        };
        return Math.max(0, unit.between(date(seed), to)) / Math.max(1, rule.getInterval()) + 1;
    }

    /** A freeze recurs daily at most: a finer FREQ, or several BYHOUR, BYMINUTE or BYSECOND values, is refused. */
    private static void requireDailyAtMost(Recur<Temporal> rule) {
        Frequency f = rule.getFrequency();
        if (f == Frequency.SECONDLY || f == Frequency.MINUTELY || f == Frequency.HOURLY) {
            throw new IllegalArgumentException("recurs " + f.name().toLowerCase() + "; a freeze recurs daily at most");
        }
        if (rule.getHourList().size() > 1
                || rule.getMinuteList().size() > 1
                || rule.getSecondList().size() > 1) {
            throw new IllegalArgumentException(
                    "recurs several times a day (BYHOUR, BYMINUTE or BYSECOND); a freeze recurs daily at most");
        }
    }

    private static void requireListedAtMost(VEvent event, String name) {
        long listed = 0;
        for (DateListProperty<?> p : event.<DateListProperty<?>>getProperties(name)) {
            listed += p instanceof RDate<?> r && r.getPeriods().isPresent()
                    ? r.getPeriods().get().size()
                    : p.getDates().size();
        }
        if (listed > MAX_OCCURRENCES_PER_EVENT) {
            throw new IllegalArgumentException(String.format(
                    "lists %,d %s values; at most %,d per event", listed, name, MAX_OCCURRENCES_PER_EVENT));
        }
    }

    private IllegalArgumentException tooMany(String what) {
        return new IllegalArgumentException(String.format(
                "%s more than %,d times between %s and %s; at most %,d per event",
                what,
                MAX_OCCURRENCES_PER_EVENT,
                range.getStart().toLocalDate(),
                range.getEnd().toLocalDate(),
                MAX_OCCURRENCES_PER_EVENT));
    }

    /** How long each occurrence lasts, as iCal4j reckons it (DURATION, else DTEND − DTSTART, else up to a day). */
    private static TemporalAmount length(VEvent event, Temporal seed) {
        Optional<Duration> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            return duration.get().getDuration();
        }
        return event.<DateProperty<Temporal>>getProperty(Property.DTEND)
                .<TemporalAmount>map(end ->
                        TemporalAmountAdapter.between(seed, end.getDate()).getDuration())
                .orElse(java.time.Period.ofDays(1));
    }

    private LocalDate date(Temporal t) {
        return LocalDate.ofInstant(FreezeCalendar.instant(t, zone), zone);
    }
}
