package org.upgradeplanner.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110 §5.6.7): written as IMF-fixdate, {@code Tue, 01 Dec 2026 23:27:22 GMT} — two-digit day, always
 * GMT, English names — which {@link DateTimeFormatter#RFC_1123_DATE_TIME} does not do (it writes {@code 1 Dec}). Read
 * in the three forms a recipient must accept.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    /** The obsolete RFC 850 form, {@code Tuesday, 01-Dec-26 23:27:22 GMT}. */
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
    /** C's asctime(), {@code Tue Dec  1 23:27:22 2026}. */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private HttpDates() {}

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** The instant a header names, or empty for a missing or malformed one (which RFC 9110 says to ignore). */
    public static Optional<Instant> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String text = header.trim();
        for (DateTimeFormatter f : new DateTimeFormatter[] {IMF_FIXDATE, RFC_850, ASCTIME}) {
            try {
                LocalDateTime t = LocalDateTime.parse(text, f);
                if (f == RFC_850
                        && t.getYear() > LocalDateTime.now(ZoneOffset.UTC).getYear() + 50) {
                    t = t.minusYears(100); // RFC 9110: a two-digit year more than 50 years ahead is in the past
                }
                return Optional.of(t.toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException next) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
