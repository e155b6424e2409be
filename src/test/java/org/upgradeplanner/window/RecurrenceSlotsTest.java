package org.upgradeplanner.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceSlotsTest {

    private static List<String> slots(String rrule, String zone, String from, String to) {
        return new RecurrenceSlots(rrule, ZoneId.of(zone))
                .starts(Instant.parse(from), Instant.parse(to)).stream()
                        .map(Instant::toString)
                        .toList();
    }

    @Test
    void weeklyFridayEveningInUtc() {
        assertEquals(
                List.of("2016-06-03T20:00:00Z", "2016-06-10T20:00:00Z", "2016-06-17T20:00:00Z"),
                slots(
                        "FREQ=WEEKLY;BYDAY=FR;BYHOUR=20;BYMINUTE=0",
                        "UTC",
                        "2016-06-01T00:00:00Z",
                        "2016-06-20T00:00:00Z"));
    }

    @Test
    void londonLocalTimeHoldsAcrossTheSpringChange() {
        // Clocks go forward on Sunday 27 March 2016: 20:00 GMT becomes 20:00 BST (19:00 UTC).
        assertEquals(
                List.of("2016-03-18T20:00:00Z", "2016-03-25T20:00:00Z", "2016-04-01T19:00:00Z", "2016-04-08T19:00:00Z"),
                slots(
                        "FREQ=WEEKLY;BYDAY=FR;BYHOUR=20;BYMINUTE=0",
                        "Europe/London",
                        "2016-03-15T00:00:00Z",
                        "2016-04-10T00:00:00Z"));
    }

    @Test
    void newYorkLocalTimeHoldsAcrossBothChanges() {
        // DST starts Sunday 13 March 2016 and ends Sunday 6 November 2016.
        assertEquals(
                List.of("2016-03-12T03:00:00Z", "2016-03-19T02:00:00Z"),
                slots(
                        "FREQ=WEEKLY;BYDAY=FR;BYHOUR=22;BYMINUTE=0",
                        "America/New_York",
                        "2016-03-10T00:00:00Z",
                        "2016-03-20T00:00:00Z"));
        assertEquals(
                List.of("2016-11-05T02:00:00Z", "2016-11-12T03:00:00Z"),
                slots(
                        "FREQ=WEEKLY;BYDAY=FR;BYHOUR=22;BYMINUTE=0",
                        "America/New_York",
                        "2016-11-03T00:00:00Z",
                        "2016-11-13T00:00:00Z"));
    }

    @Test
    void aSlotInsideTheSkippedHourMovesForward() {
        // 02:30 does not exist in New York on 13 March 2016; the slot is at 03:30 EDT (07:30 UTC).
        assertEquals(
                List.of("2016-03-12T07:30:00Z", "2016-03-13T07:30:00Z", "2016-03-14T06:30:00Z"),
                slots(
                        "FREQ=DAILY;BYHOUR=2;BYMINUTE=30",
                        "America/New_York",
                        "2016-03-12T00:00:00Z",
                        "2016-03-15T00:00:00Z"));
    }

    @Test
    void expansionIsTheSameWhateverTheRangeStart() {
        String rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=18";
        List<String> wide = slots(rule, "UTC", "2020-01-01T00:00:00Z", "2020-03-01T00:00:00Z");
        List<String> narrow = slots(rule, "UTC", "2020-01-20T00:00:00Z", "2020-03-01T00:00:00Z");
        assertEquals(wide.subList(wide.size() - narrow.size(), wide.size()), narrow);
    }

    @Test
    void badRulesAreRefusedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> new RecurrenceSlots("FREQ=SOMETIMES", ZoneId.of("UTC")));
        assertThrows(IllegalArgumentException.class, () -> new RecurrenceSlots("BYDAY=FR", ZoneId.of("UTC")));
    }
}
