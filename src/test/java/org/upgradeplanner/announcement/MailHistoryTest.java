package org.upgradeplanner.announcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.Text;
import org.upgradeplanner.window.WindowEvent.Kind;

/**
 * Every sequence of up to four window events, each draft either sent at once or never, rendered with the real subject
 * rules and body template: no time is named as previous unless the list was told it, a reschedule names old and new,
 * subject and body agree, and the mails thread under the first one sent.
 */
class MailHistoryTest {

    private static final Instant T0 = Instant.parse("2016-06-10T10:00:00Z");
    private static final String HOST = "planner.example.org";
    private static final MailView.Window WINDOW = new MailView.Window(
            "Gerrit upgrade", null, List.of("review.openstack.org"), List.of("gerrit"), List.of(), "moved");

    /** A UTC time phrase as Subjects writes it (the test's windows never cross midnight). */
    private static final Pattern TIME =
            Pattern.compile("(\\d\\d:\\d\\d)(?:–(\\d\\d:\\d\\d))? UTC ([A-Z][a-z]+day \\d{1,2} [A-Z][a-z]+ \\d{4})");
    /** The phrases that name a time as what the list was told before. */
    private static final Pattern PREVIOUS = Pattern.compile(
            "(?:\\(was (?:until )?|\\(moved from |Previously announced: |Announced end |Was announced for )("
                    + TIME.pattern() + ")");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private static final Template BODY = template();

    /** One draft of the simulated window, mutable as the real row is. */
    private static final class Sim {
        final long id;
        final Kind kind;
        final int sequence;
        Announcement.Status status = Announcement.Status.PENDING;
        Instant sentAt;
        MailHistory.Times told;
        final String messageId;

        Sim(long id, Kind kind, int sequence) {
            this.id = id;
            this.kind = kind;
            this.sequence = sequence;
            this.messageId = MailHistory.messageId(id, kind, sequence, HOST);
        }

        Sim copy() {
            Sim c = new Sim(id, kind, sequence);
            c.status = status;
            c.sentAt = sentAt;
            c.told = told;
            return c;
        }

        MailHistory.Draft draft() {
            return new MailHistory.Draft(id, kind, status, sentAt, told, messageId);
        }
    }

    private record Step(Kind kind, boolean sent) {}

    /**
     * The window after some steps. {@code listKnows} and {@code heard} are the test's own account of what the list was
     * told (the times each sent draft stated), kept apart from MailHistory's; {@code mail} is the last draft's text.
     */
    private record State(
            List<Step> steps,
            List<Sim> drafts,
            MailHistory.Times now,
            MailHistory.Times listKnows,
            boolean heard,
            int sequence,
            String[] mail) {

        static final State START = new State(
                List.of(), List.of(), new MailHistory.Times(T0, T0.plus(Duration.ofHours(2))), null, false, 0, null);
    }

    @Test
    void everySequenceOfUpToFourEventsTellsTheTruthAndThreads() {
        assertEquals(14 + 196 + 2744 + 38416, explore(State.START, 4));
    }

    /** Every continuation of {@code s} by up to {@code depth} steps (each kind, sent or not); how many were checked. */
    private static int explore(State s, int depth) {
        if (depth == 0) {
            return 0;
        }
        int checked = 0;
        for (Kind kind : Kind.values()) {
            for (boolean sent : List.of(false, true)) {
                checked += 1 + explore(apply(s, new Step(kind, sent)), depth - 1);
            }
        }
        return checked;
    }

    @Test
    void theUsersCase_aCancellationAfterAnUnsentRescheduleNamesTheAnnouncedTime() {
        List<String[]> mails = run(List.of(
                new Step(Kind.ANNOUNCE, true), new Step(Kind.RESCHEDULED, false), new Step(Kind.CANCELLED, true)));
        assertEquals(
                "[infra] Rescheduled: Gerrit upgrade: now 10:00–12:00 UTC Tuesday 14 June 2016"
                        + " (was 10:00–12:00 UTC Friday 10 June 2016)",
                mails.get(1)[0]);
        assertEquals("[infra] Cancelled: Gerrit upgrade (was 10:00–12:00 UTC Friday 10 June 2016)", mails.get(2)[0]);
        assertFalse(mails.get(2)[1].contains("14 June"), mails.get(2)[1]);
    }

    @Test
    void aCancellationOfAWindowNeverAnnouncedNamesNoTime() {
        List<String[]> mails = run(List.of(new Step(Kind.ANNOUNCE, false), new Step(Kind.CANCELLED, false)));
        assertEquals("[infra] Cancelled: Gerrit upgrade (not announced before)", mails.get(1)[0]);
        assertFalse(TIME.matcher(mails.get(1)[1]).find(), mails.get(1)[1]);
    }

    @Test
    void anExtensionAfterAnUnsentRescheduleNamesTheEndTheListHeard() {
        List<String[]> mails = run(List.of(
                new Step(Kind.ANNOUNCE, true),
                new Step(Kind.RESCHEDULED, false),
                new Step(Kind.STARTED, false),
                new Step(Kind.EXTENDED, false)));
        assertEquals(
                "[infra] Extended: Gerrit upgrade: now until 13:00 UTC Tuesday 14 June 2016"
                        + " (was until 12:00 UTC Friday 10 June 2016)",
                mails.get(3)[0]);
        assertTrue(
                mails.get(3)[1].contains("Previously announced: 10:00–12:00 UTC Friday 10 June 2016"), mails.get(3)[1]);
    }

    @Test
    void theRootIsTheFirstDraftEvenWhenItWasSupersededAndNeverSent() {
        MailHistory h = new MailHistory(List.of(
                new MailHistory.Draft(3, Kind.CANCELLED, Announcement.Status.PENDING, null, null, "<a3@x>"),
                new MailHistory.Draft(1, Kind.ANNOUNCE, Announcement.Status.SUPERSEDED, null, null, "<a1@x>"),
                new MailHistory.Draft(2, Kind.ANNOUNCE, Announcement.Status.SENT, T0, null, "<a2@x>")));
        assertEquals(MailHistory.Threading.START, h.threading(1));
        assertEquals(new MailHistory.Threading("<a1@x>", List.of("<a1@x>")), h.threading(2));
        assertEquals(new MailHistory.Threading("<a1@x>", List.of("<a1@x>")), h.threading(3));
    }

    @Test
    void messageIdsAreUniquePerDraftAndNeverCarryWhatTheyWereNotMadeOf() {
        assertEquals(
                "<announcement-42.rescheduled.3@planner.example.org>",
                MailHistory.messageId(42, Kind.RESCHEDULED, 3, HOST));
        assertEquals(
                "<announcement-42.announce.0@upgrade-planner>",
                MailHistory.messageId(42, Kind.ANNOUNCE, 0, "evil>\r\nBcc: x"));
        assertEquals("<announcement-7.announce.0@upgrade-planner>", MailHistory.messageId(7, Kind.ANNOUNCE, 0, null));
    }

    /** The subject and body of each draft the steps write. */
    private static List<String[]> run(List<Step> steps) {
        List<String[]> mails = new ArrayList<>();
        State s = State.START;
        for (Step step : steps) {
            s = apply(s, step);
            mails.add(s.mail());
        }
        return mails;
    }

    /** One event as the service handles it, the draft it writes checked, then sent or not, then the thread checked. */
    private static State apply(State s, Step step) {
        Kind kind = step.kind();
        int i = s.steps().size();
        List<Step> steps = new ArrayList<>(s.steps());
        steps.add(step);
        MailHistory.Times now = s.now();
        if (kind == Kind.RESCHEDULED || kind == Kind.ANNOUNCE && i > 0) { // each move goes to a day of its own
            Instant start = T0.plus(Duration.ofDays(2L * (i + 1)));
            now = new MailHistory.Times(start, start.plus(Duration.ofHours(2)));
        } else if (kind == Kind.EXTENDED) {
            now = new MailHistory.Times(now.start(), now.end().plus(Duration.ofHours(1)));
        }
        int sequence = kind == Kind.REMINDER ? s.sequence() : s.sequence() + 1;
        List<Sim> drafts = new ArrayList<>();
        for (Sim d : s.drafts()) {
            Sim c = d.copy();
            if (c.status == Announcement.Status.PENDING
                    && c.sequence < sequence
                    && MailHistory.supersededBy(kind).contains(c.kind)) {
                c.status = Announcement.Status.SUPERSEDED;
            }
            drafts.add(c);
        }
        MailHistory.Telling tell =
                new MailHistory(drafts.stream().map(Sim::draft).toList()).next(kind, now);
        String subject = Text.printable(Subjects.subject("infra", WINDOW.title(), tell));
        String body = Text.printable(BODY.data("m", MailView.of(tell, WINDOW, List.of(), "c", "p", "w"))
                .render());
        check(steps.toString(), kind, now, s.listKnows(), s.heard(), subject, body);

        Sim d = new Sim(i + 1, kind, sequence);
        d.told = tell.told();
        MailHistory.Times listKnows = s.listKnows();
        boolean heard = s.heard();
        if (step.sent()) {
            d.status = Announcement.Status.SENT;
            d.sentAt = T0.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(i));
            heard = true;
            if (kind != Kind.CANCELLED) { // a cancellation tells no new time
                listKnows = now;
            }
        }
        drafts.add(d);
        checkThread(steps.toString(), drafts);
        return new State(List.copyOf(steps), drafts, now, listKnows, heard, sequence, new String[] {subject, body});
    }

    private static void check(
            String label,
            Kind kind,
            MailHistory.Times now,
            MailHistory.Times listKnows,
            boolean heard,
            String subject,
            String body) {
        String both = subject + "\n" + body;
        String where = label + "\n" + both;
        Set<Instant> allowed = new HashSet<>();
        if (kind != Kind.CANCELLED) {
            allowed.add(now.start());
            allowed.add(now.end());
        }
        if (listKnows != null) {
            allowed.add(listKnows.start());
            allowed.add(listKnows.end());
        }
        Set<Instant> named = instants(TIME.matcher(both));
        assertTrue(allowed.containsAll(named), "a time neither current nor told: " + where);
        Set<Instant> previous = instants(PREVIOUS.matcher(both), 1);
        if (!previous.isEmpty()) {
            assertNotNull(listKnows, "names a previous time, the list was told none: " + where);
            assertTrue(
                    Set.of(listKnows.start(), listKnows.end()).containsAll(previous),
                    "a previous time the list was not told last: " + where);
        }
        assertTrue(
                instants(TIME.matcher(body)).containsAll(instants(TIME.matcher(subject))), "subject ≠ body: " + where);
        boolean moved = listKnows != null && !listKnows.equals(now);
        String range = Subjects.range(now.start(), now.end());
        switch (kind) {
            case RESCHEDULED -> {
                assertTrue(subject.contains(range) && body.contains(range), "the new time: " + where);
                if (moved) {
                    String old = Subjects.range(listKnows.start(), listKnows.end());
                    assertTrue(subject.contains("(was " + old + ")"), "the old time in the subject: " + where);
                    assertTrue(body.contains("Previously announced: " + old), "the old time in the body: " + where);
                    assertTrue(subject.contains("Rescheduled:") && body.contains("has moved to a new time"), where);
                }
            }
            case CANCELLED -> {
                assertTrue(subject.contains("Cancelled:") && body.contains("is cancelled"), where);
                if (listKnows != null) {
                    String old = Subjects.range(listKnows.start(), listKnows.end());
                    assertTrue(subject.endsWith("(was " + old + ")"), where);
                    assertTrue(body.contains("Was announced for " + old), where);
                } else {
                    assertTrue(named.isEmpty(), "a cancellation names a time the list never heard: " + where);
                }
                if (!heard) {
                    assertTrue(subject.endsWith("(not announced before)"), where);
                    assertTrue(body.contains("not announced here before"), where);
                }
            }
            case REMINDER -> {
                assertEquals(heard, subject.contains("] Reminder:"), where);
                assertEquals(heard, body.startsWith("Reminder:"), where);
                assertTrue(subject.contains(range) && body.contains(range), where);
            }
            case ANNOUNCE -> assertTrue(subject.contains(range) && body.contains(range), where);
            case STARTED, EXTENDED -> {
                String end = Subjects.at(now.end());
                assertTrue(subject.contains(end) && body.contains(end), where);
            }
            case COMPLETED -> assertTrue(subject.contains("Completed:") && body.contains("is complete"), where);
        }
        if (moved && kind != Kind.CANCELLED) {
            assertTrue(
                    body.contains("Previously announced: " + Subjects.range(listKnows.start(), listKnows.end())),
                    "the list was told another time: say so: " + where);
        }
        if (body.contains("within the announced time")) {
            assertEquals(now, listKnows, where);
        }
    }

    private static void checkThread(String label, List<Sim> drafts) {
        MailHistory history = new MailHistory(drafts.stream().map(Sim::draft).toList());
        Sim root = drafts.isEmpty() ? null : drafts.get(0);
        assertEquals(
                drafts.size(), drafts.stream().map(d -> d.messageId).distinct().count(), label);
        for (Sim d : drafts) {
            MailHistory.Threading t = history.threading(d.id);
            if (root == null || root == d) {
                assertEquals(MailHistory.Threading.START, t, label + " #" + d.id + " starts the thread");
            } else {
                assertEquals(root.messageId, t.inReplyTo(), label + " #" + d.id);
                assertEquals(List.of(root.messageId), t.references(), label + " #" + d.id);
            }
        }
        Sim first = drafts.get(0);
        if (first.kind == Kind.ANNOUNCE && first.status == Announcement.Status.SENT) {
            assertEquals(MailHistory.Threading.START, history.threading(first.id), label);
        }
    }

    private static Set<Instant> instants(Matcher m) {
        return instants(m, 0);
    }

    /** The instants the time phrases name; {@code group} is where the phrase starts (0, or 1 inside PREVIOUS). */
    private static Set<Instant> instants(Matcher m, int group) {
        Set<Instant> out = new HashSet<>();
        while (m.find()) {
            LocalDate day = LocalDate.parse(m.group(group + 3), DAY);
            out.add(day.atTime(LocalTime.parse(m.group(group + 1))).toInstant(ZoneOffset.UTC));
            if (m.group(group + 2) != null) {
                out.add(day.atTime(LocalTime.parse(m.group(group + 2))).toInstant(ZoneOffset.UTC));
            }
        }
        return out;
    }

    private static Template template() {
        try (InputStream in = MailHistoryTest.class.getResourceAsStream("/templates/AnnouncementService/body.txt")) {
            if (in == null) {
                fail("body.txt not on the class path");
            }
            return Engine.builder()
                    .addDefaults()
                    .addValueResolver(new ReflectionValueResolver())
                    .build()
                    .parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
