package org.upgradeplanner.window;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.upgradeplanner.support.Problem.FieldError;

/**
 * The dates a window may have: none before the planner's epoch, none more than {@code ahead} after now
 * ({@code planner.policy.horizon}). A year-9999 typo would otherwise be published for good, stretch every chart to
 * it, and a year past 9999 is not even valid iCalendar.
 */
public record DateHorizon(Duration ahead) {

    /** Nothing this planner runs happened before it. */
    public static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    public Instant latest(Instant now) {
        return now.plus(ahead);
    }

    /** What is wrong with these times, by field; empty when both are inside. */
    List<FieldError> check(Instant start, Instant end, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        check("start", start, now, errors);
        check("end", end, now, errors);
        return errors;
    }

    private void check(String field, Instant at, Instant now, List<FieldError> errors) {
        if (at == null) {
            return;
        }
        if (at.isBefore(EPOCH)) {
            errors.add(new FieldError(field, "must not be before " + day(EPOCH) + ", the planner's epoch"));
        } else if (at.isAfter(latest(now))) {
            errors.add(new FieldError(
                    field,
                    "must not be after " + day(latest(now)) + ": windows are planned at most " + ahead.toDays()
                            + " days ahead (planner.policy.horizon)"));
        }
    }

    private static String day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
