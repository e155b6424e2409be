package org.upgradeplanner.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.support.PlannerException;

/** Reading the fields of a posted form as typed; times are UTC, as the forms say. */
final class FormFields {

    private FormFields() {}

    /** A form field as typed, without surrounding blanks; a missing field is empty. */
    static String stripped(String s) {
        return s == null ? "" : s.strip();
    }

    /** A list typed comma- or blank-separated. */
    static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .toList();
    }

    /**
     * {@code 2027-03-05T20:00} typed in a datetime-local field, read as UTC; null, with the message for beside the
     * field in {@code errors}, if it is none.
     */
    static Instant utc(String value, String field, Map<String, String> errors) {
        if (value.isEmpty()) {
            errors.put(field, "required, in UTC");
            return null;
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.put(field, "a date and time such as 2027-03-05T20:00 (UTC)");
            return null;
        }
    }

    /** The same for a form of one time field: one that is none is refused. */
    static Instant utc(String value, String field) {
        Map<String, String> errors = new HashMap<>();
        Instant instant = utc(value, field, errors);
        if (instant == null) {
            throw PlannerException.invalid(field, errors.get(field));
        }
        return instant;
    }

    /** What a datetime-local field shows for {@code instant} (UTC). */
    static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
