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

    /** The window as the mail describes it. */
    public record Window(
            String title,
            String description,
            Instant start,
            Instant end,
            List<String> hosts,
            List<String> services,
            String cancelReason,
            Instant announcedEnd) {}

    public static MailView of(
            WindowEvent.Kind kind, Window w, List<ZoneId> zones, String contact, String page, String webcal) {
        String services = w.services().isEmpty()
                ? "the services of " + String.join(", ", w.hosts())
                : String.join(", ", new TreeSet<>(w.services()));
        String opening = switch (kind) {
            case ANNOUNCE -> "We will take " + services + " down for planned maintenance.";
            case REMINDER -> "Reminder: " + services + " will be down for planned maintenance soon.";
            case STARTED -> "The planned maintenance of " + services + " has started.";
            case COMPLETED -> "The planned maintenance of " + services + " is complete; the services are back.";
            case CANCELLED -> "The planned maintenance of " + services + " is cancelled; the services stay up.";
            case RESCHEDULED -> "The planned maintenance of " + services + " has moved to a new time.";
            case EXTENDED ->
                "The maintenance of " + services + " takes longer than planned; it now ends at " + Subjects.at(w.end())
                        + ".";
        };
        List<String> when = new ArrayList<>();
        when.add(Subjects.range(w.start(), w.end()) + " (" + human(Duration.between(w.start(), w.end())) + ")");
        for (ZoneId zone : zones) {
            when.add(local(zone, w.start(), w.end()));
        }
        List<String> impact = new ArrayList<>();
        impact.add("Services unavailable: " + services);
        impact.add("Hosts: " + (w.hosts().isEmpty() ? "none" : String.join(", ", w.hosts())));
        if (w.announcedEnd() != null && !w.announcedEnd().equals(w.end())) {
            impact.add("Announced end " + Subjects.at(w.announcedEnd()) + "; expected end now " + Subjects.at(w.end()));
        } else {
            impact.add("Expected duration: " + human(Duration.between(w.start(), w.end()))
                    + ", within the announced time");
        }
        String why = w.description() == null || w.description().isBlank()
                ? "Operating system upgrade: the hosts move to a supported release before their current one reaches its end of life."
                : w.description().strip();
        String whatToDo = switch (kind) {
            case ANNOUNCE, REMINDER ->
                "Plan around the window if you rely on these services. Subscribe to the calendar below to follow changes.";
            case RESCHEDULED -> "Move your plans to the new time. Calendar subscribers see the change by themselves.";
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

    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            long h = minutes / 60;
            return h + (h == 1 ? " hour" : " hours");
        }
        return minutes / 60 > 0 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }
}
