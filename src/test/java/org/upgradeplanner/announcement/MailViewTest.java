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
            "Gerrit upgrade",
            null,
            Instant.parse("2016-06-10T20:00:00Z"),
            Instant.parse("2016-06-10T22:00:00Z"),
            List.of("review.openstack.org"),
            List.of("gerrit"),
            null,
            null);

    @Test
    void whenShowsUtcThenReferenceZonesWithOffsetsAndDst() {
        MailView m = MailView.of(
                Kind.ANNOUNCE,
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
            MailView.Window w = kind == Kind.EXTENDED
                    ? new MailView.Window(
                            "G",
                            null,
                            GERRIT.start(),
                            GERRIT.end().plusSeconds(3600),
                            GERRIT.hosts(),
                            GERRIT.services(),
                            null,
                            GERRIT.end())
                    : GERRIT;
            MailView m = MailView.of(kind, w, List.of(), "c", "p", "w");
            assertTrue(
                    !m.whatToDo().isBlank()
                            && !m.fallback().isBlank()
                            && !m.opening().isBlank(),
                    kind.name());
        }
        MailView extended = MailView.of(
                Kind.EXTENDED,
                new MailView.Window(
                        "G",
                        null,
                        GERRIT.start(),
                        GERRIT.end().plusSeconds(3600),
                        GERRIT.hosts(),
                        GERRIT.services(),
                        null,
                        GERRIT.end()),
                List.of(),
                "c",
                "p",
                "w");
        assertEquals(
                "Announced end 22:00 UTC Friday 10 June 2016; expected end now 23:00 UTC Friday 10 June 2016",
                extended.impact().get(2));
    }
}
