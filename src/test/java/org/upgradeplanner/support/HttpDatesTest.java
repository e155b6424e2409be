package org.upgradeplanner.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    private static final Instant T = Instant.parse("2026-12-01T23:27:22Z");

    @Test
    void writesTheImfFixdateWithATwoDigitDay() {
        assertEquals("Tue, 01 Dec 2026 23:27:22 GMT", HttpDates.format(T));
        assertEquals("Tue, 01 Dec 2026 23:27:22 GMT", HttpDates.format(T.plusMillis(999)));
    }

    @Test
    void readsTheThreeFormsRecipientsMustAccept() {
        assertEquals(Optional.of(T), HttpDates.parse("Tue, 01 Dec 2026 23:27:22 GMT"));
        assertEquals(Optional.of(T), HttpDates.parse("Tuesday, 01-Dec-26 23:27:22 GMT"));
        assertEquals(Optional.of(T), HttpDates.parse("Tue Dec  1 23:27:22 2026"));
    }

    @Test
    void ignoresWhatIsNotADate() {
        assertEquals(Optional.empty(), HttpDates.parse(null));
        assertEquals(Optional.empty(), HttpDates.parse(""));
        assertEquals(Optional.empty(), HttpDates.parse("yesterday"));
        assertEquals(Optional.empty(), HttpDates.parse("Wed, 01 Dec 2026 23:27:22 GMT"), "wrong weekday");
        assertEquals(Optional.empty(), HttpDates.parse("Tue, 1 Dec 2026 23:27:22 GMT"), "one-digit day");
    }
}
