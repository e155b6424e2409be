package org.upgradeplanner.announcement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Subject lines like {@code [infra] Gerrit upgrade: outage 20:00–22:00 UTC Friday 10 June 2016}, one phrase per kind. */
public final class Subjects {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_NO_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private Subjects() {}

    /**
     * The subject of a draft: the current times, and a previous time only when the list was told it ({@link
     * MailHistory.Telling}). A cancellation names the times the list heard, or says it heard none.
     */
    public static String subject(String tag, String title, MailHistory.Telling tell) {
        String t = oneLine(title);
        MailHistory.Times now = tell.now();
        String range = range(now.start(), now.end());
        String moved = tell.moved()
                .map(p -> " (moved from " + range(p.start(), p.end()) + ")")
                .orElse("");
        String text = switch (tell.kind()) {
            case ANNOUNCE -> t + ": outage " + range + moved;
            case REMINDER -> (tell.heardOf() ? "Reminder: " : "Short notice: ") + t + ": outage " + range + moved;
            case STARTED -> "Started: " + t + ": outage until " + at(now.end());
            case COMPLETED -> "Completed: " + t;
            case CANCELLED ->
                "Cancelled: " + t
                        + (tell.previous() != null
                                ? " (was "
                                        + range(
                                                tell.previous().start(),
                                                tell.previous().end()) + ")"
                                : tell.heardOf() ? "" : " (not announced before)");
            case RESCHEDULED ->
                !tell.heardOf()
                        ? t + ": outage " + range
                        : tell.previous() != null && tell.moved().isEmpty()
                                ? "Unchanged: " + t + ": outage " + range + " as announced"
                                : "Rescheduled: " + t + ": now " + range
                                        + tell.moved()
                                                .map(p -> " (was " + range(p.start(), p.end()) + ")")
                                                .orElse("");
            case EXTENDED ->
                "Extended: " + t + ": now until " + at(now.end())
                        + (tell.previous() != null && !tell.previous().end().equals(now.end())
                                ? " (was until " + at(tell.previous().end()) + ")"
                                : "");
        };
        return "[" + oneLine(tag) + "] " + text;
    }

    /** {@code 20:00–22:00 UTC Friday 10 June 2016}, or both days when the window crosses midnight (UTC). */
    public static String range(Instant start, Instant end) {
        ZonedDateTime s = start.atZone(ZoneOffset.UTC);
        ZonedDateTime e = end.atZone(ZoneOffset.UTC);
        if (s.toLocalDate().equals(e.toLocalDate())) {
            return TIME.format(s) + "–" + TIME.format(e) + " UTC " + DAY.format(s);
        }
        DateTimeFormatter firstDay = s.getYear() == e.getYear() ? DAY_NO_YEAR : DAY;
        return TIME.format(s) + " UTC " + firstDay.format(s) + " – " + TIME.format(e) + " UTC " + DAY.format(e);
    }

    public static String at(Instant instant) {
        ZonedDateTime z = instant.atZone(ZoneOffset.UTC);
        return TIME.format(z) + " UTC " + DAY.format(z);
    }

    /** Anything typed that reaches a header: line breaks and other control characters become spaces. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        return b.toString().replaceAll(" {2,}", " ").strip();
    }
}
