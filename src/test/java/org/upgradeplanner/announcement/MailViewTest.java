package org.upgradeplanner.announcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.window.WindowEvent.Kind;

class MailViewTest {

    private static final MailView.Window GERRIT = new MailView.Window(
            "Gerrit upgrade", null, List.of("review.openstack.org"), List.of("gerrit"), List.of(), null);
    private static final MailHistory.Times JUNE_10 =
            new MailHistory.Times(Instant.parse("2016-06-10T20:00:00Z"), Instant.parse("2016-06-10T22:00:00Z"));
    private static final MailHistory.Times JUNE_10_LONGER =
            new MailHistory.Times(JUNE_10.start(), JUNE_10.end().plusSeconds(3600));
    private static final MailHistory.Times JUNE_11 =
            new MailHistory.Times(Instant.parse("2016-06-11T20:00:00Z"), Instant.parse("2016-06-11T22:00:00Z"));

    private static MailView view(Kind kind, MailHistory.Times now, MailHistory.Times previous, boolean heardOf) {
        return MailView.of(new MailHistory.Telling(kind, now, previous, heardOf), GERRIT, List.of(), "c", "p", "w");
    }

    @Test
    void whenShowsUtcThenReferenceZonesWithOffsetsAndDst() {
        MailView m = MailView.of(
                new MailHistory.Telling(Kind.ANNOUNCE, JUNE_10, null, false),
                GERRIT,
                List.of(ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo")),
                "infra@example.org",
                "https://x/outages#window-1",
                "webcal://x/calendar/outages.ics");
        assertEquals(
                List.of(
                        "20:00–22:00 UTC Friday 10 June 2016 (2 hours)",
                        "America/New_York: Friday 10 June 2016 16:00–18:00 (UTC-04:00, daylight saving time)",
                        "Asia/Tokyo: Saturday 11 June 2016 05:00–07:00 (UTC+09:00, standard time)"),
                m.when());
        assertEquals("We will take gerrit down for planned maintenance.", m.opening());
        assertEquals("Expected duration: 2 hours", m.impact().get(2), "nothing announced yet to be within");
    }

    @Test
    void aClockChangeInsideTheWindowIsNoted() {
        String line = MailView.local(
                ZoneId.of("Europe/London"),
                Instant.parse("2016-03-27T00:00:00Z"),
                Instant.parse("2016-03-27T03:00:00Z"));
        assertEquals(
                "Europe/London: Sunday 27 March 2016 00:00–04:00 (UTC+00:00, standard time; clocks change during the window, "
                        + "UTC+01:00 at the end)",
                line);
    }

    @Test
    void eachKindSaysWhatToDo() {
        for (Kind kind : Kind.values()) {
            for (boolean heardOf : List.of(true, false)) {
                MailView m =
                        view(kind, kind == Kind.EXTENDED ? JUNE_10_LONGER : JUNE_10, heardOf ? JUNE_10 : null, heardOf);
                assertTrue(
                        !m.whatToDo().isBlank()
                                && !m.fallback().isBlank()
                                && !m.opening().isBlank(),
                        kind.name());
            }
        }
        assertEquals(
                "Announced end 22:00 UTC Friday 10 June 2016; expected end now 23:00 UTC Friday 10 June 2016",
                view(Kind.EXTENDED, JUNE_10_LONGER, JUNE_10, true).impact().get(2));
        assertEquals(
                "Expected duration: 3 hours",
                view(Kind.EXTENDED, JUNE_10_LONGER, null, false).impact().get(2),
                "no end was announced: none is named");
    }

    @Test
    void servicesDownThroughDependenciesAreNamedWithTheirChain() {
        MailView.Window db = new MailView.Window(
                "MySQL upgrade",
                null,
                List.of("db01.openstack.org"),
                List.of("mysql"),
                List.of("gerrit — review.openstack.org depends on db01.openstack.org"),
                null);
        MailView m =
                MailView.of(new MailHistory.Telling(Kind.ANNOUNCE, JUNE_10, null, false), db, List.of(), "c", "p", "w");
        assertEquals(
                List.of(
                        "Services unavailable: mysql",
                        "Also unavailable: gerrit — review.openstack.org depends on db01.openstack.org",
                        "Hosts: db01.openstack.org"),
                m.impact().subList(0, 3));
    }

    @Test
    void aRescheduleGivesOldAndNewTimes() {
        MailView m = view(Kind.RESCHEDULED, JUNE_11, JUNE_10, true);
        assertEquals(
                List.of(
                        "New time: 20:00–22:00 UTC Saturday 11 June 2016 (2 hours)",
                        "Previously announced: 20:00–22:00 UTC Friday 10 June 2016"),
                m.when());
        assertEquals("The planned maintenance of gerrit has moved to a new time.", m.opening());
        assertEquals("Expected duration: 2 hours", m.impact().get(2), "no \"announced end\" for a whole move");
    }

    @Test
    void aCancellationNamesOnlyTheAnnouncedTimes() {
        assertEquals(
                List.of("Was announced for 20:00–22:00 UTC Friday 10 June 2016 (2 hours)"),
                view(Kind.CANCELLED, JUNE_11, JUNE_10, true).when());
        MailView never = view(Kind.CANCELLED, JUNE_11, null, false);
        assertEquals(List.of("No time for it had been announced on this list."), never.when());
        assertEquals(
                "The planned maintenance of gerrit, not announced here before, is cancelled; the services stay up.",
                never.opening());
    }
}
