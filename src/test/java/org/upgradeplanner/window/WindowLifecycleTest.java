package org.upgradeplanner.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.upgradeplanner.support.Api.admin;
import static org.upgradeplanner.window.WindowEvent.Kind.ANNOUNCE;
import static org.upgradeplanner.window.WindowEvent.Kind.CANCELLED;
import static org.upgradeplanner.window.WindowEvent.Kind.COMPLETED;
import static org.upgradeplanner.window.WindowEvent.Kind.EXTENDED;
import static org.upgradeplanner.window.WindowEvent.Kind.REMINDER;
import static org.upgradeplanner.window.WindowEvent.Kind.STARTED;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.PinnedClockTest;

/** The lifecycle driven by direct calls of what the Quartz jobs call, so no test waits for a clock. */
@QuarkusTest
class WindowLifecycleTest extends PinnedClockTest {

    @Inject
    WindowTriggers triggers;

    @Inject
    WindowCommands commands;

    @Inject
    WindowEventRecorder events;

    /** A Monday. */
    private static final Instant NOW = Instant.parse("2041-01-07T00:00:00Z");

    @Override
    protected Instant now() {
        return NOW;
    }

    /** Each test works in its own week, a Monday 20:00 UTC. */
    private static Instant week(int n) {
        return NOW.plus(Duration.ofDays(7L * n)).plus(Duration.ofHours(20));
    }

    private long create(int week, String host) {
        return WindowResourceTest.create(
                WindowResourceTest.window("Lifecycle " + week, week(week), Duration.ofHours(2), host));
    }

    /** Read through the API: a direct service read in the test's request context could see a cached copy. */
    private static WindowView read(long id) {
        return admin().when()
                .get("/api/windows/" + id)
                .then()
                .statusCode(200)
                .extract()
                .as(WindowView.class);
    }

    private static int audits(long id, String action) {
        return admin().queryParam("subject", Long.toString(id))
                .queryParam("action", action)
                .when()
                .get("/api/audit")
                .then()
                .extract()
                .path("total");
    }

    @Test
    void everyTransitionFiresItsEventOnce() {
        long id = create(1, "static.openstack.org");
        WindowView w = read(id);
        triggers.fire(id, WindowJobs.Kind.REMINDER, "PT24H", w.start().minus(Duration.ofHours(24)));
        triggers.fire(id, WindowJobs.Kind.START, "", w.start());
        commands.extend(id, w.end().plus(Duration.ofHours(1)), null, null);
        triggers.fire(id, WindowJobs.Kind.END, "", w.end().plus(Duration.ofHours(1)));
        assertEquals(List.of(ANNOUNCE, REMINDER, STARTED, EXTENDED, COMPLETED), events.kinds(id));
        assertEquals(
                List.of(0, 0, 1, 2, 3),
                events.of(id).stream().map(WindowEvent::sequence).toList());
        assertEquals("PT24H", events.of(id).get(1).detail());
        assertEquals(WindowState.COMPLETED, read(id).state());
    }

    @Test
    void aMissedStartRunsBeforeTheEndAndNothingRunsTwice() {
        long id = create(2, "lists.openstack.org");
        WindowView w = read(id);
        triggers.fire(id, WindowJobs.Kind.END, "", w.end());
        triggers.fire(id, WindowJobs.Kind.START, "", w.start());
        triggers.fire(id, WindowJobs.Kind.END, "", w.end());
        assertEquals(List.of(ANNOUNCE, STARTED, COMPLETED), events.kinds(id));
        assertEquals(1, audits(id, "WINDOW_STARTED"));
        assertEquals(1, audits(id, "WINDOW_COMPLETED"));
    }

    @Test
    void aTriggerFromBeforeARescheduleIsIgnored() {
        long id = create(3, "eavesdrop.openstack.org");
        WindowView w = read(id);
        WindowResourceTest.action((int) id, "cancel", Map.of("reason", "x")).statusCode(200);
        triggers.fire(id, WindowJobs.Kind.START, "", w.start());
        assertEquals(WindowState.CANCELLED, read(id).state());

        long other = create(4, "eavesdrop.openstack.org");
        WindowView o = read(other);
        Map<String, Object> moved = WindowResourceTest.window(
                o.title(), o.start().plus(Duration.ofHours(1)), Duration.ofHours(2), "eavesdrop.openstack.org");
        moved.put("version", o.version());
        admin().contentType("application/json")
                .body(moved)
                .when()
                .put("/api/windows/" + other)
                .then()
                .statusCode(200);
        triggers.fire(other, WindowJobs.Kind.START, "", o.start());
        assertEquals(WindowState.SCHEDULED, read(other).state(), "the old start no longer applies");
        assertEquals(
                List.of(ANNOUNCE, ANNOUNCE),
                events.kinds(other),
                "not announced yet: the new times are announced afresh");
        triggers.fire(other, WindowJobs.Kind.START, "", o.start().plus(Duration.ofHours(1)));
        assertEquals(WindowState.IN_PROGRESS, read(other).state());
    }

    @Test
    void theNoticeDeadlineFlagsAnUnannouncedWindowAndAnnouncingClearsIt() {
        long id = create(5, "translate.openstack.org");
        WindowView w = read(id);
        triggers.fire(id, WindowJobs.Kind.NOTICE, "", w.start().minus(Duration.ofDays(7)));
        assertTrue(read(id).overdue());
        assertEquals(1, audits(id, "WINDOW_NOTICE_OVERDUE"));
        triggers.fire(id, WindowJobs.Kind.NOTICE, "", w.start().minus(Duration.ofDays(7)));
        assertEquals(1, audits(id, "WINDOW_NOTICE_OVERDUE"), "flagged once");
        commands.announce(id);
        WindowView announced = read(id);
        assertEquals(WindowState.ANNOUNCED, announced.state());
        assertEquals(1, announced.sequence());
        assertTrue(!announced.overdue());
        WindowResourceTest.action((int) id, "cancel", Map.of("reason", "host retired"))
                .statusCode(200);
        assertEquals(List.of(ANNOUNCE, CANCELLED), events.kinds(id));
    }
}
