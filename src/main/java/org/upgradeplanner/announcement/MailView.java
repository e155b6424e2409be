package org.upgradeplanner.announcement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.upgradeplanner.window.WindowEvent;

/**
 * Everything a draft's body shows, worked out in Java so the template only lays it out. All of it is plain text:
 * what a user typed is never interpreted.
 */
public record MailView(
        String opening,
        String title,
        String what,
        List<String> when,
        String why,
        List<String> impact,
        String whatToDo,
        String fallback,
        String contact,
        String page,
        String webcal) {

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final String PLAN =
            "Plan around the window if you rely on these services. Subscribe to the calendar below to follow changes.";

    /** The window as the mail describes it; its times come with the {@link MailHistory.Telling}. */
    /** {@code alsoDown}: services down through dependencies, each with its chain ("gerrit — review depends on db01"). */
    public record Window(
            String title,
            String description,
            List<String> hosts,
            List<String> services,
            List<String> alsoDown,
            String cancelReason) {}

    /**
     * The body of a draft. Times come from {@code tell}: the current ones, and previous ones only as the list was told
     * them ("Previously announced", "Announced end", a cancellation's "Was announced for").
     */
    public static MailView of(
            MailHistory.Telling tell, Window w, List<ZoneId> zones, String contact, String page, String webcal) {
        WindowEvent.Kind kind = tell.kind();
        MailHistory.Times now = tell.now();
        MailHistory.Times previous = tell.previous();
        boolean moved = tell.moved().isPresent();
        String services = w.services().isEmpty()
                ? "the services of " + String.join(", ", w.hosts())
                : String.join(", ", new TreeSet<>(w.services()));
        String opening = switch (kind) {
            case ANNOUNCE ->
                "We will take " + services + " down for planned maintenance" + (moved ? ", at a new time." : ".");
            case REMINDER ->
                tell.heardOf()
                        ? "Reminder: " + services + " will be down for planned maintenance soon"
                                + (moved ? ", at a new time." : ".")
                        : "Short notice: we will take " + services + " down for planned maintenance soon.";
            case STARTED -> "The planned maintenance of " + services + " has started.";
            case COMPLETED -> "The planned maintenance of " + services + " is complete; the services are back.";
            case CANCELLED ->
                "The planned maintenance of " + services
                        + (tell.heardOf() ? "" : ", not announced here before,")
                        + " is cancelled; the services stay up.";
            case RESCHEDULED ->
                !tell.heardOf()
                        ? "We will take " + services + " down for planned maintenance."
                        : previous != null && !moved
                                ? "The planned maintenance of " + services + " stays at the time announced before."
                                : "The planned maintenance of " + services + " has moved to a new time.";
            case EXTENDED ->
                "The maintenance of " + services + " takes longer than planned; it now ends at "
                        + Subjects.at(now.end()) + ".";
        };
        List<String> when = new ArrayList<>();
        if (kind == WindowEvent.Kind.CANCELLED) {
            if (previous == null) {
                when.add("No time for it had been announced on this list.");
            } else {
                when.add("Was announced for " + times(previous));
                zones.forEach(zone -> when.add(local(zone, previous.start(), previous.end())));
            }
        } else {
            when.add((kind == WindowEvent.Kind.RESCHEDULED && moved ? "New time: " : "") + times(now));
            zones.forEach(zone -> when.add(local(zone, now.start(), now.end())));
            if (moved) {
                when.add("Previously announced: " + Subjects.range(previous.start(), previous.end()));
            }
        }
        List<String> impact = new ArrayList<>();
        impact.add("Services unavailable: " + services);
        w.alsoDown().forEach(a -> impact.add("Also unavailable: " + a));
        impact.add("Hosts: " + (w.hosts().isEmpty() ? "none" : String.join(", ", w.hosts())));
        if (kind == WindowEvent.Kind.CANCELLED) {
            impact.add("None: the outage will not happen");
        } else if (previous != null
                && !previous.end().equals(now.end())
                && (kind == WindowEvent.Kind.EXTENDED || previous.start().equals(now.start()))) {
            impact.add("Announced end " + Subjects.at(previous.end()) + "; expected end now " + Subjects.at(now.end()));
        } else {
            impact.add("Expected duration: " + human(Duration.between(now.start(), now.end()))
                    + (previous != null && !moved ? ", within the announced time" : ""));
        }
        String why = w.description() == null || w.description().isBlank()
                ? "Operating system upgrade: the hosts move to a supported release before their current one reaches its end of life."
                : w.description().strip();
        String whatToDo = switch (kind) {
            case ANNOUNCE, REMINDER -> PLAN;
            case RESCHEDULED ->
                !tell.heardOf()
                        ? PLAN
                        : previous != null && !moved
                                ? "Keep your plans: the time is the one announced before."
                                : "Move your plans to the new time. Calendar subscribers see the change by themselves.";
            case STARTED, EXTENDED ->
                "Wait for the completion notice; there is no need to report the outage meanwhile.";
            case COMPLETED -> "Nothing. If anything behaves differently than before, tell us (see Contact).";
            case CANCELLED ->
                "Nothing."
                        + (w.cancelReason() == null
                                ? ""
                                : " Reason: " + w.cancelReason().strip());
        };
        String fallback = kind == WindowEvent.Kind.COMPLETED || kind == WindowEvent.Kind.CANCELLED
                ? "None needed."
                : "If the upgrade cannot be finished in time, the hosts go back to their state before the window and we announce a new date.";
        return new MailView(
                opening, w.title(), w.title(), when, why, impact, whatToDo, fallback, contact, page, webcal);
    }

    /** {@code Europe/London: Friday 10 June 2016 21:00–23:00 (UTC+01:00, summer time)}; DST changes inside are noted. */
    static String local(ZoneId zone, Instant start, Instant end) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        String endText = s.toLocalDate().equals(e.toLocalDate()) ? TIME.format(e) : LOCAL.format(e);
        String offset = "UTC"
                + (s.getOffset().getId().equals("Z") ? "+00:00" : s.getOffset().getId());
        boolean dst = zone.getRules().isDaylightSavings(start);
        String season = dst ? "daylight saving time" : "standard time";
        String change = s.getOffset().equals(e.getOffset())
                ? ""
                : "; clocks change during the window, UTC" + e.getOffset().getId() + " at the end";
        return zone.getId() + ": " + LOCAL.format(s) + "–" + endText + " (" + offset + ", " + season + change + ")";
    }

    private static String times(MailHistory.Times t) {
        return Subjects.range(t.start(), t.end()) + " (" + human(Duration.between(t.start(), t.end())) + ")";
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            long h = minutes / 60;
            return h + (h == 1 ? " hour" : " hours");
        }
        return minutes / 60 > 0 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }
}
