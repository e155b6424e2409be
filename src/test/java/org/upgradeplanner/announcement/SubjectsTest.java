package org.upgradeplanner.announcement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.window.WindowEvent.Kind;

class SubjectsTest {

    private static final Instant START = Instant.parse("2016-06-10T20:00:00Z");
    private static final Instant END = Instant.parse("2016-06-10T22:00:00Z");
    private static final MailHistory.Times NOW = new MailHistory.Times(START, END);
    private static final MailHistory.Times EARLIER =
            new MailHistory.Times(START.minus(Duration.ofDays(1)), END.minus(Duration.ofDays(1)));

    private static String subject(Kind kind, MailHistory.Times previous, boolean heardOf) {
        return Subjects.subject(
                "infra",
                "review.openstack.org Gerrit outage for upgrade",
                new MailHistory.Telling(kind, NOW, previous, heardOf));
    }

    /** The list was told these very times. */
    private static String subject(Kind kind) {
        return subject(kind, NOW, true);
    }

    @Test
    void onePhrasePerKind() {
        assertEquals(
                "[infra] review.openstack.org Gerrit outage for upgrade: outage 20:00–22:00 UTC Friday 10 June 2016",
                subject(Kind.ANNOUNCE, null, false));
        assertEquals(
                "[infra] Reminder: review.openstack.org Gerrit outage for upgrade: outage 20:00–22:00 UTC Friday 10 June 2016",
                subject(Kind.REMINDER));
        assertEquals(
                "[infra] Started: review.openstack.org Gerrit outage for upgrade: outage until 22:00 UTC Friday 10 June 2016",
                subject(Kind.STARTED));
        assertEquals("[infra] Completed: review.openstack.org Gerrit outage for upgrade", subject(Kind.COMPLETED));
        assertEquals(
                "[infra] Cancelled: review.openstack.org Gerrit outage for upgrade (was 20:00–22:00 UTC Friday 10 June 2016)",
                subject(Kind.CANCELLED));
        assertEquals(
                "[infra] Rescheduled: review.openstack.org Gerrit outage for upgrade: now 20:00–22:00 UTC Friday 10 June 2016"
                        + " (was 20:00–22:00 UTC Thursday 9 June 2016)",
                subject(Kind.RESCHEDULED, EARLIER, true));
        assertEquals(
                "[infra] Extended: review.openstack.org Gerrit outage for upgrade: now until 22:00 UTC Friday 10 June 2016"
                        + " (was until 21:00 UTC Friday 10 June 2016)",
                subject(Kind.EXTENDED, new MailHistory.Times(START, END.minus(Duration.ofHours(1))), true));
    }

    @Test
    void previousTimesOnlyAsTheListWasToldThem() {
        assertEquals(
                "[infra] Cancelled: review.openstack.org Gerrit outage for upgrade (was 20:00–22:00 UTC Thursday 9 June 2016)",
                subject(Kind.CANCELLED, EARLIER, true),
                "the times the list heard, not the ones an unsent reschedule set");
        assertEquals(
                "[infra] Cancelled: review.openstack.org Gerrit outage for upgrade (not announced before)",
                subject(Kind.CANCELLED, null, false));
        assertEquals(
                "[infra] Cancelled: review.openstack.org Gerrit outage for upgrade",
                subject(Kind.CANCELLED, null, true),
                "told, but by a draft that recorded no times: none named");
        assertEquals(
                "[infra] Short notice: review.openstack.org Gerrit outage for upgrade: outage 20:00–22:00 UTC Friday 10 June 2016",
                subject(Kind.REMINDER, null, false));
        assertEquals(
                "[infra] Reminder: review.openstack.org Gerrit outage for upgrade: outage 20:00–22:00 UTC Friday 10 June 2016"
                        + " (moved from 20:00–22:00 UTC Thursday 9 June 2016)",
                subject(Kind.REMINDER, EARLIER, true));
        assertEquals(
                "[infra] Unchanged: review.openstack.org Gerrit outage for upgrade: outage 20:00–22:00 UTC Friday 10 June 2016"
                        + " as announced",
                subject(Kind.RESCHEDULED, NOW, true));
        assertEquals(
                "[infra] Extended: review.openstack.org Gerrit outage for upgrade: now until 22:00 UTC Friday 10 June 2016",
                subject(Kind.EXTENDED, null, false));
    }

    @Test
    void windowsAcrossMidnightNameBothDays() {
        assertEquals(
                "22:00 UTC Friday 10 June – 02:00 UTC Saturday 11 June 2016",
                Subjects.range(Instant.parse("2016-06-10T22:00:00Z"), Instant.parse("2016-06-11T02:00:00Z")));
        assertEquals(
                "22:00 UTC Saturday 31 December 2016 – 02:00 UTC Sunday 1 January 2017",
                Subjects.range(Instant.parse("2016-12-31T22:00:00Z"), Instant.parse("2017-01-01T02:00:00Z")));
    }

    @Test
    void lineBreaksNeverReachTheSubject() {
        assertEquals(
                "[in fra] Completed: Upgrade Bcc: victim@example.org",
                Subjects.subject(
                        "in\r\nfra",
                        "Upgrade\r\nBcc: victim@example.org",
                        new MailHistory.Telling(Kind.COMPLETED, NOW, NOW, true)));
        assertEquals("a b c", Subjects.oneLine("a\u2028b\tc"));
    }
}
