package org.upgradeplanner.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.window.SchedulingPolicy.Freeze;

class FreezeCalendarTest {

    private static final Instant FROM = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2036-01-01T00:00:00Z");

    /** One VEVENT's lines, without BEGIN/END. */
    private static List<String> event(String uid, String summary, String dtstart, String... more) {
        List<String> lines =
                new ArrayList<>(List.of("UID:" + uid, "DTSTAMP:20300101T000000Z", "DTSTART;VALUE=DATE:" + dtstart));
        if (summary != null) {
            lines.add("SUMMARY:" + summary);
        }
        lines.addAll(List.of(more));
        return lines;
    }

    @SafeVarargs
    private static String calendar(List<String>... events) {
        List<String> lines = new ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//freeze//EN"));
        for (List<String> e : events) {
            lines.add("BEGIN:VEVENT");
            lines.addAll(e);
            lines.add("END:VEVENT");
        }
        lines.add("END:VCALENDAR");
        return String.join("\r\n", lines) + "\r\n";
    }

    private static List<Freeze> read(String ics) {
        return FreezeCalendar.read(ics, FROM, TO, ZoneOffset.UTC);
    }

    private static String refused(String ics) {
        return assertThrows(IllegalArgumentException.class, () -> read(ics)).getMessage();
    }

    @Test
    void anAllDayEventIsOneFreezeLabelledBySummary() {
        List<Freeze> freezes =
                read(calendar(event("f1@test", "Release week", "20300401", "DTEND;VALUE=DATE:20300408")));
        assertEquals(
                List.of(new Freeze(
                        Instant.parse("2030-04-01T00:00:00Z"), Instant.parse("2030-04-08T00:00:00Z"), "Release week")),
                freezes);
    }

    @Test
    void controlCharactersAndLineBreaksInASummaryBecomeSpaces() {
        String ics = calendar(
                event("f1@test", "Release\\nweek\t\u0007 \u001b[2Jone", "20300401"),
                event("f2@test", null, "20300501"),
                event("f3@test", "\u0000\u0001", "20300601"));
        assertEquals(
                List.of("Release week [2Jone", "freeze", "freeze"),
                read(ics).stream().map(Freeze::label).toList());
    }

    @Test
    void thousandsOfDailyEventsAreRefusedAtTheFirstOneNamingIt() {
        // The shape that became 2.1 million freeze periods: 1,000 events recurring daily, a 143 KB file.
        List<String>[] events = new List[1_000];
        for (int i = 0; i < events.length; i++) {
            events[i] = event("daily-" + i + "@test", "Daily freeze " + i, "20300101", "RRULE:FREQ=DAILY");
        }
        String message = refused(calendar(events));
        assertEquals(
                "event `Daily freeze 0` (UID daily-0@test, line 4): recurs more than 1,000 times between 2030-01-01 and 2036-01-01;"
                        + " at most 1,000 per event",
                message);
    }

    @Test
    void oneEventMayRecurAThousandTimesNotMore() {
        assertEquals(
                1_000,
                read(calendar(event("d@test", "d", "20300101", "RRULE:FREQ=DAILY;COUNT=1000")))
                        .size());
        assertTrue(refused(calendar(event("d@test", "d", "20300101", "RRULE:FREQ=DAILY;COUNT=1001")))
                .contains("recurs more than 1,000 times"));
        assertTrue(
                refused(calendar(event(
                                "d@test",
                                "d",
                                "20300101",
                                "RRULE:FREQ=DAILY;COUNT=600",
                                "RRULE:FREQ=DAILY;INTERVAL=2;COUNT=500")))
                        .contains("recurs more than 1,000 times"),
                "two rules count together");
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            dates.add(Instant.parse("2031-01-01T00:00:00Z")
                    .plusSeconds(86_400L * i)
                    .toString()
                    .substring(0, 10)
                    .replace("-", ""));
        }
        assertEquals(
                "event `r` (UID r@test, line 4): lists 1,001 RDATE values; at most 1,000 per event",
                refused(calendar(event("r@test", "r", "20300101", "RDATE;VALUE=DATE:" + String.join(",", dates)))));
    }

    @Test
    void aCalendarBringsAtMostTenThousandFreezes() {
        List<String>[] weekly = new List[40];
        for (int i = 0; i < weekly.length; i++) {
            weekly[i] = event("w" + i + "@test", "Weekly " + i, "20300101", "RRULE:FREQ=WEEKLY");
        }
        assertEquals(
                "event `Weekly 31` (UID w31@test, line 221): with this event, the calendar brings more than 10,000 freeze periods"
                        + " between 2030-01-01 and 2036-01-01",
                refused(calendar(weekly)));
    }

    @Test
    void rulesWalkingFromTheDistantPastAreRefusedBeforeTheyAreWalked() {
        String longAgo = calendar(
                event("a@test", "a", "00010101", "RRULE:FREQ=DAILY;UNTIL=20000101"),
                event("b@test", "b", "00010101", "RRULE:FREQ=DAILY;UNTIL=20000101"));
        assertEquals(
                "event `b` (UID b@test, line 11): with this event, the calendar's rules walk more than 1,000,000 FREQ periods"
                        + " from their DTSTART (this one from 0001-01-01): start it later or end it with UNTIL",
                refused(longAgo));
        // With COUNT, iCal4j examines every date from DTSTART on.
        assertEquals(
                "event `c` (UID c@test, line 4): with this event, the calendar's rules examine more than 50,000 candidate dates",
                refused(calendar(event("c@test", "c", "00010101", "RRULE:FREQ=DAILY;COUNT=100000000"))));
        assertEquals(
                6,
                read(calendar(event("x@test", "Christmas", "19001225", "RRULE:FREQ=YEARLY")))
                        .size(),
                "a yearly holiday since 1900 is fine");
    }

    @Test
    void aFreezeRecursDailyAtMost() {
        assertTrue(refused(calendar(event("h@test", "h", "20300101", "RRULE:FREQ=HOURLY")))
                .endsWith("recurs hourly; a freeze recurs daily at most"));
        assertEquals(
                "event `h` (UID h@test, line 4): recurs several times a day (BYHOUR, BYMINUTE or BYSECOND); a freeze recurs daily at most",
                refused(calendar(event("h@test", "h", "20300101", "RRULE:FREQ=DAILY;BYHOUR=1,2"))));
    }

    @Test
    void malformedCalendarsNameTheLineOrTheEvent() {
        assertTrue(refused("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\n")
                .startsWith("line 3: "));
        assertTrue(refused("not a calendar\r\n").startsWith("line 1: "));
        String noStart = calendar(event("ok@test", "ok", "20300101"), List.of("UID:nostart@test", "SUMMARY:No start"));
        assertEquals("event `No start` (UID nostart@test, line 10): has no DTSTART", refused(noStart));
    }

    @Test
    void eventLinesSkipOtherComponentsAndNestedOnes() {
        String ics = String.join(
                "\r\n",
                "BEGIN:VCALENDAR",
                "BEGIN:VTIMEZONE",
                "TZID:X",
                "END:VTIMEZONE",
                "BEGIN:VEVENT",
                "BEGIN:VALARM",
                "END:VALARM",
                "END:VEVENT",
                "begin:vevent",
                "END:VEVENT",
                "END:VCALENDAR",
                "BEGIN:VCALENDAR",
                "BEGIN:VEVENT",
                "");
        assertEquals(List.of(5, 9), EventLines.of(ics, 2));
        assertEquals(
                java.util.Arrays.asList(null, null, null), EventLines.of(ics, 3), "counts that differ give no lines");
    }
}
