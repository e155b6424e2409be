package org.upgradeplanner.announcement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.window.WindowEvent.Kind;

class SubjectsTest {

    private static final Instant START = Instant.parse("2016-06-10T20:00:00Z");
    private static final Instant END = Instant.parse("2016-06-10T22:00:00Z");

    private static String subject(Kind kind) {
        return Subjects.subject("infra", kind, "review.openstack.org Gerrit outage for upgrade", START, END);
    }

    @Test
    void onePhrasePerKind() {
        assertEquals(
                "[infra] review.openstack.org Gerrit outage for upgrade: outage 20:00–22:00 UTC Friday 10 June 2016",
                subject(Kind.ANNOUNCE));
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
                "[infra] Rescheduled: review.openstack.org Gerrit outage for upgrade: now 20:00–22:00 UTC Friday 10 June 2016",
                subject(Kind.RESCHEDULED));
        assertEquals(
                "[infra] Extended: review.openstack.org Gerrit outage for upgrade: now until 22:00 UTC Friday 10 June 2016",
                subject(Kind.EXTENDED));
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
                Subjects.subject("in\r\nfra", Kind.COMPLETED, "Upgrade\r\nBcc: victim@example.org", START, END));
        assertEquals("a b c", Subjects.oneLine("a\u2028b\tc"));
    }
}
