package org.upgradeplanner.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How pages write an instant: {@code <time datetime="2026-12-11T20:00:00Z">Fri 11 Dec 2026, 20:00 UTC</time>} (tags
 * {@code instant} and {@code range}); /js/local-time.js adds the reader's own time beside it when their zone is not UTC.
 */
@TemplateExtension
public final class Times {

    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Times() {}

    /** The machine-readable value of the {@code datetime} attribute, to the second. */
    static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "Fri 11 Dec 2026, 20:00 UTC"; also for text outside a template (flash messages). */
    public static String utc(Instant at) {
        return DAY_AND_TIME.format(at) + " UTC";
    }

    /** The start of a range, its zone said after the end: "Fri 11 Dec 2026, 20:00". */
    static String utcStart(Instant at) {
        return DAY_AND_TIME.format(at);
    }

    /** The end of a range that started at {@code start}: "22:00 UTC" on the same UTC day, else the full time. */
    static String utcEnd(Instant end, Instant start) {
        boolean sameDay = start != null
                && start.atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .equals(end.atZone(ZoneOffset.UTC).toLocalDate());
        return (sameDay ? TIME.format(end) : DAY_AND_TIME.format(end)) + " UTC";
    }
}
