package org.upgradeplanner.window;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.upgradeplanner.support.Api.admin;
import static org.upgradeplanner.support.Api.announcer;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.upgradeplanner.support.Await;
import org.upgradeplanner.support.PinnedClockTest;

@QuarkusTest
public class WindowResourceTest extends PinnedClockTest {

    /** A Monday. */
    private static final Instant NOW = Instant.parse("2040-01-02T00:00:00Z");

    @Inject
    Scheduler scheduler;

    @Inject
    org.quartz.Scheduler quartz;

    @Override
    protected Instant now() {
        return NOW;
    }

    /** Each test works in its own week, a Monday 20:00 UTC. */
    private static Instant week(int n) {
        return NOW.plus(Duration.ofDays(7L * n)).plus(Duration.ofHours(20));
    }

    public static Map<String, Object> window(String title, Instant start, Duration length, String... hosts) {
        Map<String, Object> w = new HashMap<>();
        w.put("title", title);
        w.put("start", start.toString());
        w.put("end", start.plus(length).toString());
        w.put("hosts", List.of(hosts));
        return w;
    }

    public static ValidatableResponse post(Map<String, Object> body) {
        return admin().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/windows")
                .then();
    }

    public static int create(Map<String, Object> body) {
        return post(body).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse action(int id, String action, Map<String, Object> body) {
        return admin().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/windows/" + id + "/" + action)
                .then();
    }

    @Test
    void createReadAndList() {
        Instant start = week(1);
        int id = post(window("Gerrit upgrade", start, Duration.ofHours(2), "review.openstack.org"))
                .statusCode(201)
                .header("Location", containsString("/api/windows/"))
                .body("state", equalTo("SCHEDULED"))
                .body("sequence", equalTo(0))
                .body("uid", containsString("@upgrade-planner"))
                .body("services", contains("gerrit"))
                .body("start", equalTo(start.toString()))
                .body("actions", contains("edit", "cancel"))
                .extract()
                .path("id");
        admin().when().get("/api/windows/" + id).then().statusCode(200).body("title", equalTo("Gerrit upgrade"));
        admin().queryParam("host", "REVIEW.openstack.org")
                .queryParam("from", start.toString())
                .when()
                .get("/api/windows")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        admin().queryParam("service", "gerrit")
                .queryParam("state", "scheduled")
                .when()
                .get("/api/windows")
                .then()
                .body("id", hasItem(id));
        admin().queryParam("state", "LATER")
                .when()
                .get("/api/windows")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
        admin().queryParam("from", "tomorrow")
                .when()
                .get("/api/windows")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        admin().when().get("/api/windows/999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badInputNamesTheField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("title", "two\nlines");
        bad.put("start", week(2).toString());
        bad.put("end", week(2).minus(Duration.ofHours(1)).toString());
        bad.put("hosts", List.of("nope.example.org"));
        bad.put("services", List.of("bad service"));
        post(bad)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("title", "end", "hosts[0]", "services[0]"));
        post(Map.of("title", "x")).statusCode(400).body("errors.field", hasItems("start", "end", "hosts"));
        Map<String, Object> draftOrNothing = window("x", week(2), Duration.ofHours(1), "wiki.openstack.org");
        draftOrNothing.put("state", "ANNOUNCED");
        post(draftOrNothing).statusCode(400).body("errors[0].field", equalTo("state"));
        admin().contentType(ContentType.JSON)
                .body("{\"title\": \"x\", \"start\": \"soon\"}")
                .when()
                .post("/api/windows")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("start"));
    }

    @Test
    void timesOutsideTheHorizonAreRefusedAndNothingIsPublished() {
        long before = admin().get("/api/windows")
                .then()
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        post(window("Typo", Instant.parse("9999-01-01T20:00:00Z"), Duration.ofHours(1), "wiki.openstack.org"))
                .statusCode(400)
                .body("errors.field", hasItems("start", "end"))
                .body(
                        "errors[0].message",
                        equalTo("must not be after 2042-01-01: windows are planned at most 730 days ahead"
                                + " (planner.policy.horizon)"));
        post(window("Far", NOW.plus(Duration.ofDays(731)), Duration.ofHours(1), "wiki.openstack.org"))
                .statusCode(400)
                .body("errors[0].field", equalTo("start"));
        post(window("Old", Instant.parse("1999-12-31T20:00:00Z"), Duration.ofHours(1), "wiki.openstack.org"))
                .statusCode(400)
                .body("errors[0].message", equalTo("must not be before 2000-01-01, the planner's epoch"));
        admin().contentType(ContentType.JSON)
                .body("{\"title\": \"x\", \"start\": \"+100000-01-05T20:00:00Z\", \"end\": \"+100000-01-05T21:00:00Z\","
                        + " \"hosts\": [\"wiki.openstack.org\"]}")
                .when()
                .post("/api/windows")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("start"));
        assertEquals(
                before,
                admin().get("/api/windows")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size());
    }

    @Test
    void policyBreachesAre409WithOneErrorPerRule() {
        Instant start = week(3);
        create(window("Wiki", start, Duration.ofHours(4), "wiki.openstack.org"));
        Map<String, Object> clash = window(
                "Wiki again",
                start.plus(Duration.ofHours(1)),
                Duration.ofHours(2),
                "wiki.openstack.org",
                "etherpad.openstack.org",
                "paste.openstack.org",
                "lists.openstack.org",
                "static.openstack.org",
                "storyboard.openstack.org");
        post(clash)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("hosts", "services", "start"))
                .body(
                        "errors.message",
                        hasItems(
                                containsString("wiki.openstack.org already in overlapping window"),
                                containsString("service mediawiki already down"),
                                containsString("2 windows would run at the same time"),
                                containsString("6 hosts in one window")));
        clash.put("force", true);
        post(clash).statusCode(400).body("errors[0].field", equalTo("reason"));
        clash.put("reason", "vendor deadline");
        int forced = create(clash);
        admin().queryParam("subject", Integer.toString(forced))
                .queryParam("action", "WINDOW_POLICY_FORCED")
                .when()
                .get("/api/audit")
                .then()
                .body("total", equalTo(1))
                .body("items[0].detail", equalTo("create: vendor deadline"));
        admin().when()
                .get("/api/windows/conflicts")
                .then()
                .statusCode(200)
                .body(
                        "findAll { it.windowId == " + forced + " }.rule",
                        hasItems("HOST_OVERLAP", "SERVICE_OVERLAP", "CONCURRENCY", "HOSTS_PER_WINDOW"));
    }

    @Test
    void noticeAndFreezes() {
        post(window("Too soon", NOW.plus(Duration.ofDays(2)), Duration.ofHours(1), "lists.openstack.org"))
                .statusCode(409)
                .body("errors[0].message", containsString("less than the minimum notice of 7 days"));
        Instant frozen = week(4);
        String ics = String.join(
                "\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//test//EN",
                "BEGIN:VEVENT",
                "UID:f1@test",
                "DTSTAMP:20160101T000000Z",
                "DTSTART;VALUE=DATE:" + frozen.toString().substring(0, 10).replace("-", ""),
                "DTEND;VALUE=DATE:"
                        + frozen.plus(Duration.ofDays(2))
                                .toString()
                                .substring(0, 10)
                                .replace("-", ""),
                "SUMMARY:Release week",
                "END:VEVENT",
                "END:VCALENDAR",
                "");
        admin().contentType("text/calendar")
                .body(ics.getBytes())
                .queryParam("source", "releases")
                .when()
                .post("/api/policy/freezes")
                .then()
                .statusCode(200)
                .body("freezes", equalTo(1));
        admin().when()
                .get("/api/policy")
                .then()
                .statusCode(200)
                .body("freezes.label", hasItem("Release week (releases)"))
                .body("slotRule", equalTo("FREQ=WEEKLY;BYDAY=FR;BYHOUR=20;BYMINUTE=0"));
        post(window("Frozen", frozen, Duration.ofHours(1), "lists.openstack.org"))
                .statusCode(409)
                .body("errors[0].message", containsString("overlaps the freeze Release week"));
        admin().contentType("text/calendar")
                .body("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\n".getBytes())
                .when()
                .post("/api/policy/freezes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        admin().contentType("text/calendar")
                .body(ics.replace("SUMMARY:Release week", "RRULE:FREQ=MINUTELY\r\nSUMMARY:x")
                        .getBytes())
                .when()
                .post("/api/policy/freezes")
                .then()
                .statusCode(400)
                .body("detail", containsString("a freeze recurs daily at most"));
        admin().queryParam("source", "releases")
                .when()
                .delete("/api/policy/freezes")
                .then()
                .statusCode(200)
                .body("freezes", equalTo(1));
        create(window("Not frozen any more", frozen, Duration.ofHours(1), "lists.openstack.org"));
    }

    @Test
    void editsCheckTheVersionAndRaiseTheSequenceOfPublishedWindows() {
        Instant start = week(5);
        Map<String, Object> draft = window("Paste", start, Duration.ofHours(1), "paste.openstack.org");
        draft.put("state", "DRAFT");
        int id = create(draft);
        draft.put("title", "Paste upgrade");
        draft.put("version", 0);
        admin().contentType(ContentType.JSON)
                .body(draft)
                .when()
                .put("/api/windows/" + id)
                .then()
                .statusCode(200)
                .body("sequence", equalTo(0))
                .body("title", equalTo("Paste upgrade"));
        admin().contentType(ContentType.JSON)
                .body(draft)
                .when()
                .put("/api/windows/" + id)
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("version"));
        draft.remove("version");
        admin().contentType(ContentType.JSON)
                .body(draft)
                .when()
                .put("/api/windows/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("version"));

        int version = action(id, "schedule", Map.of())
                .statusCode(200)
                .body("state", equalTo("SCHEDULED"))
                .body("sequence", equalTo(0))
                .extract()
                .path("version");
        action(id, "schedule", Map.of())
                .statusCode(409)
                .body("detail", equalTo("window " + id + " is SCHEDULED: cannot schedule; allowed: edit, cancel"));

        draft.put("version", version);
        draft.put("start", start.plus(Duration.ofHours(1)).toString());
        draft.put("end", start.plus(Duration.ofHours(3)).toString());
        admin().contentType(ContentType.JSON)
                .body(draft)
                .when()
                .put("/api/windows/" + id)
                .then()
                .statusCode(200)
                .body("sequence", equalTo(1))
                .body("start", equalTo(start.plus(Duration.ofHours(1)).toString()));
        admin().queryParam("subject", Integer.toString(id))
                .queryParam("action", "WINDOW_RESCHEDULED")
                .when()
                .get("/api/audit")
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void cancelExtendCompleteFollowTheTransitionTable() {
        int id = create(window("Etherpad", week(6), Duration.ofHours(1), "etherpad.openstack.org"));
        action(id, "extend", Map.of("end", week(6).plus(Duration.ofHours(5)).toString()))
                .statusCode(409)
                .body("errors[0].field", equalTo("state"));
        action(id, "complete", Map.of()).statusCode(409);
        action(id, "cancel", Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        action(id, "cancel", Map.of("reason", "postponed to next quarter"))
                .statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("sequence", equalTo(1))
                .body("cancelReason", equalTo("postponed to next quarter"))
                .body("actions", hasSize(0));
        action(id, "cancel", Map.of("reason", "again"))
                .statusCode(409)
                .body("detail", containsString("allowed: nothing, it is final"));
        // A cancelled window frees its hosts and its slot.
        create(window("Etherpad, later", week(6), Duration.ofHours(1), "etherpad.openstack.org"));
    }

    @Test
    void onlyAdminsManageWindows() {
        given().when().get("/api/windows").then().statusCode(401);
        announcer().when().get("/api/windows").then().statusCode(403);
        announcer().when().post("/api/planner/proposals").then().statusCode(403);
        announcer().when().get("/api/policy").then().statusCode(403);
    }

    /** The one test of the firing itself: real time, the scheduler running, for this window's triggers alone. */
    @Test
    void aRealTriggerStartsAndCompletesAWindowOnTime() throws SchedulerException {
        clock.reset();
        Instant start = Instant.now(clock).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> soon = window("Quick reboot", start, Duration.ofSeconds(3), "puppetmaster.openstack.org");
        soon.put("force", true);
        soon.put("reason", "test of the real triggers");
        int id = create(soon);
        String group = "window-" + id;
        assertEquals(
                List.of(),
                dueBefore(start.plus(Duration.ofMinutes(5)), group),
                "other windows' triggers would fire meanwhile");
        scheduler.resume();
        try {
            // Done when the window is COMPLETED, its triggers are gone from the store and none of its jobs still runs:
            // nothing is left that could fire again, so the audit below is final.
            Await.until(
                    "window " + id + " completed and its triggers gone",
                    Duration.ofSeconds(30),
                    () -> admin().when()
                                    .get("/api/windows/" + id)
                                    .then()
                                    .extract()
                                    .path("state")
                                    .equals("COMPLETED")
                            && quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(group))
                                    .isEmpty()
                            && quartz.getCurrentlyExecutingJobs().stream()
                                    .noneMatch(j ->
                                            j.getJobDetail().getKey().getGroup().equals(group)));
        } finally {
            scheduler.pause();
        }
        assertTrue(quartz.getJobKeys(GroupMatcher.jobGroupEquals(group)).isEmpty());
        admin().when()
                .get("/api/windows/" + id)
                .then()
                .body("startedAt", notNullValue())
                .body("endedAt", notNullValue())
                .body("sequence", equalTo(2))
                .body("overdue", equalTo(true));
        for (String action : List.of("WINDOW_STARTED", "WINDOW_COMPLETED")) {
            admin().queryParam("subject", Integer.toString(id))
                    .queryParam("action", action)
                    .when()
                    .get("/api/audit")
                    .then()
                    .body("total", equalTo(1))
                    .body("items[0].actor", equalTo("system"));
        }
        admin().queryParam("subject", Integer.toString(id))
                .queryParam("action", "WINDOW_NOTICE_OVERDUE")
                .when()
                .get("/api/audit")
                .then()
                .body("total", equalTo(1))
                .body("items[0].actor", equalTo("admin"));
    }

    /** The triggers of other windows than this group's that are due before {@code until}. */
    private List<String> dueBefore(Instant until, String group) throws SchedulerException {
        return quartz.getTriggerKeys(GroupMatcher.triggerGroupStartsWith("window-")).stream()
                .filter(k -> !k.getGroup().equals(group))
                .filter(k -> {
                    try {
                        var t = quartz.getTrigger(k);
                        return t != null
                                && t.getNextFireTime() != null
                                && t.getNextFireTime().toInstant().isBefore(until);
                    } catch (SchedulerException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(Object::toString)
                .toList();
    }
}
