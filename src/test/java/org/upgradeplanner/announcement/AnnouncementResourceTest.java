package org.upgradeplanner.announcement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.upgradeplanner.support.Api.admin;
import static org.upgradeplanner.support.Api.announcer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.PinnedClockTest;
import org.upgradeplanner.window.WindowResourceTest;

@QuarkusTest
class AnnouncementResourceTest extends PinnedClockTest {

    @Inject
    CrashingChange crashing;

    /** A Monday. */
    private static final Instant NOW = Instant.parse("2043-01-05T00:00:00Z");

    @Override
    protected Instant now() {
        return NOW;
    }

    /** Each test works in its own week, a Monday 20:00 UTC. */
    private static Instant week(int n) {
        return NOW.plus(Duration.ofDays(7L * n)).plus(Duration.ofHours(20));
    }

    private static List<Map<String, Object>> drafts(int windowId) {
        List<Map<String, Object>> all = announcer()
                .when()
                .get("/api/announcements")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        return all.stream()
                .filter(a -> ((Number) a.get("windowId")).intValue() == windowId)
                .toList();
    }

    @Test
    void markingSentIsIdempotentUnderRacingCalls() throws Exception {
        int id = WindowResourceTest.create(
                WindowResourceTest.window("Racing announcer", week(40), Duration.ofHours(1), "paste.openstack.org"));
        long draft = ((Number) drafts(id).get(0).get("id")).longValue();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return announcer()
                            .when()
                            .post("/api/announcements/" + draft + "/sent")
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
            go.countDown();
            for (var call : calls) {
                assertEquals(200, call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        announcer().when().get("/api/announcements/" + draft).then().body("status", equalTo("SENT"));
        admin().queryParam("subject", Long.toString(draft))
                .queryParam("action", "ANNOUNCEMENT_SENT")
                .when()
                .get("/api/audit")
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void schedulingWritesTheAnnounceDraftAndSendingItAnnouncesTheWindow() throws Exception {
        Map<String, Object> body =
                WindowResourceTest.window("Gerrit upgrade", week(1), Duration.ofHours(2), "review.openstack.org");
        body.put("description", "review.openstack.org moves to Ubuntu 14.04.");
        int id = WindowResourceTest.create(body);
        List<Map<String, Object>> drafts = drafts(id);
        assertEquals(1, drafts.size());
        Map<String, Object> a = drafts.get(0);
        assertEquals("ANNOUNCE", a.get("kind"));
        assertEquals("PENDING", a.get("status"));
        assertTrue(((String) a.get("subject")).startsWith("[infra] Gerrit upgrade: outage 20:00–22:00 UTC "), (String)
                a.get("subject"));
        String text = (String) a.get("body");
        for (String block :
                List.of("What\n", "When\n", "Why\n", "Impact\n", "What to do\n", "Fallback\n", "Contact\n")) {
            assertTrue(text.contains("\n" + block), block + " in\n" + text);
        }
        assertTrue(text.contains("review.openstack.org moves to Ubuntu 14.04."));
        assertTrue(text.contains("Calendar (subscribe): webcal://localhost:8080/calendar/outages.ics"));
        int draftId = ((Number) a.get("id")).intValue();

        announcer()
                .queryParam("status", "PENDING")
                .when()
                .get("/api/announcements")
                .then()
                .body("id", hasItem(draftId));
        announcer()
                .when()
                .get("/api/announcements/" + draftId)
                .then()
                .statusCode(200)
                .body("kind", equalTo("ANNOUNCE"));

        byte[] eml = announcer()
                .when()
                .get("/api/announcements/" + draftId + ".eml")
                .then()
                .statusCode(200)
                .contentType("message/rfc822")
                .extract()
                .asByteArray();
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
        assertEquals(a.get("subject"), m.getSubject());
        assertEquals("service-announce@lists.example.org", m.getAllRecipients()[0].toString());
        String ics = new String(
                ((MimeMultipart) m.getContent()).getBodyPart(1).getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        String uid = admin().when().get("/api/windows/" + id).then().extract().path("uid");
        assertTrue(ics.contains("UID:" + uid) && ics.contains("SEQUENCE:0"), ics);

        announcer()
                .when()
                .post("/api/announcements/" + draftId + "/sent")
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"))
                .body("sentBy", equalTo("announcer"));
        String sentAt = announcer()
                .when()
                .post("/api/announcements/" + draftId + "/sent")
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"))
                .extract()
                .path("sentAt");
        announcer().when().get("/api/announcements/" + draftId).then().body("sentAt", equalTo(sentAt));
        admin().when()
                .get("/api/windows/" + id)
                .then()
                .body("state", equalTo("ANNOUNCED"))
                .body("sequence", equalTo(1));

        given().when()
                .get("/announcements.atom")
                .then()
                .statusCode(200)
                .contentType(containsString("application/atom+xml"))
                .body(containsString("<id>tag:upgrade-planner,2026:announcement-" + draftId + "</id>"))
                .body(containsString("<title>" + a.get("subject") + "</title>"));
    }

    @Test
    void aRescheduleSupersedesPendingDraftsAndCancelWritesItsOwn() {
        int id = WindowResourceTest.create(
                WindowResourceTest.window("Wiki upgrade", week(2), Duration.ofHours(2), "wiki.openstack.org"));
        Map<String, Object> moved = WindowResourceTest.window(
                "Wiki upgrade", week(2).plus(Duration.ofDays(1)), Duration.ofHours(2), "wiki.openstack.org");
        moved.put(
                "version",
                admin().when().get("/api/windows/" + id).then().extract().path("version"));
        admin().contentType("application/json")
                .body(moved)
                .when()
                .put("/api/windows/" + id)
                .then()
                .statusCode(200);
        WindowResourceTest.action(id, "cancel", Map.of("reason", "wiki migrates to a new host instead"))
                .statusCode(200);
        List<Map<String, Object>> drafts = drafts(id);
        assertEquals(
                List.of("ANNOUNCE", "ANNOUNCE", "CANCELLED"),
                drafts.stream().map(d -> d.get("kind")).toList(),
                "moved before it was announced: the announcement to send carries the new times");
        assertEquals(
                List.of("SUPERSEDED", "SUPERSEDED", "PENDING"),
                drafts.stream().map(d -> d.get("status")).toList());
        assertTrue(((String) drafts.get(2).get("body")).contains("Reason: wiki migrates to a new host instead"));
        announcer()
                .when()
                .post("/api/announcements/" + drafts.get(0).get("id") + "/sent")
                .then()
                .statusCode(409);
    }

    @Test
    void aRescheduleAfterTheAnnouncementIsAnnouncedAsSuchAndStartingSupersedesWhatIsLeft() {
        int id = WindowResourceTest.create(
                WindowResourceTest.window("Paste upgrade", week(4), Duration.ofHours(2), "paste.openstack.org"));
        announcer()
                .when()
                .post("/api/announcements/" + drafts(id).get(0).get("id") + "/sent")
                .then()
                .statusCode(200);
        Map<String, Object> moved = WindowResourceTest.window(
                "Paste upgrade", week(4).plus(Duration.ofDays(1)), Duration.ofHours(2), "paste.openstack.org");
        moved.put(
                "version",
                admin().when().get("/api/windows/" + id).then().extract().path("version"));
        admin().contentType("application/json")
                .body(moved)
                .when()
                .put("/api/windows/" + id)
                .then()
                .statusCode(200);
        assertEquals(
                List.of("ANNOUNCE", "RESCHEDULED"),
                drafts(id).stream().map(d -> d.get("kind")).toList());
        assertEquals(
                List.of("SENT", "PENDING"),
                drafts(id).stream().map(d -> d.get("status")).toList());
    }

    private static MimeMessage eml(Object draftId) throws Exception {
        byte[] eml = announcer()
                .when()
                .get("/api/announcements/" + draftId + ".eml")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
    }

    @Test
    void followUpsThreadUnderTheFirstDraftAndNameOnlyAnnouncedTimes() throws Exception {
        int id = WindowResourceTest.create(
                WindowResourceTest.window("Zuul upgrade", week(5), Duration.ofHours(2), "zuul.openstack.org"));
        Object announce = drafts(id).get(0).get("id");
        String rootId = eml(announce).getMessageID();
        assertTrue(rootId.matches("<announcement-[0-9]+\\.announce\\.0@localhost>"), rootId);
        announcer()
                .when()
                .post("/api/announcements/" + announce + "/sent")
                .then()
                .statusCode(200);
        for (int day = 1; day <= 2; day++) { // two moves, the first never sent
            Map<String, Object> moved = WindowResourceTest.window(
                    "Zuul upgrade", week(5).plus(Duration.ofDays(day)), Duration.ofHours(2), "zuul.openstack.org");
            moved.put(
                    "version",
                    admin().when().get("/api/windows/" + id).then().extract().path("version"));
            admin().contentType("application/json")
                    .body(moved)
                    .when()
                    .put("/api/windows/" + id)
                    .then()
                    .statusCode(200);
        }
        WindowResourceTest.action(id, "cancel", Map.of("reason", "zuul is replaced instead"))
                .statusCode(200);
        List<Map<String, Object>> drafts = drafts(id);
        assertEquals(
                List.of("ANNOUNCE", "RESCHEDULED", "RESCHEDULED", "CANCELLED"),
                drafts.stream().map(d -> d.get("kind")).toList());
        String announced = Subjects.range(week(5), week(5).plus(Duration.ofHours(2)));
        String second = Subjects.range(
                week(5).plus(Duration.ofDays(2)),
                week(5).plus(Duration.ofDays(2)).plus(Duration.ofHours(2)));
        assertTrue(
                ((String) drafts.get(2).get("subject")).endsWith("now " + second + " (was " + announced + ")"),
                (String) drafts.get(2).get("subject"));
        assertTrue(((String) drafts.get(3).get("subject")).endsWith("(was " + announced + ")"), (String)
                drafts.get(3).get("subject"));

        MimeMessage root = eml(announce);
        assertEquals(rootId, root.getMessageID(), "the same on every fetch");
        assertEquals(null, root.getHeader("In-Reply-To"));
        java.util.Set<String> ids = new java.util.HashSet<>(List.of(rootId));
        for (Map<String, Object> d : drafts.subList(1, 4)) {
            MimeMessage m = eml(d.get("id"));
            assertEquals(m.getMessageID(), eml(d.get("id")).getMessageID());
            assertTrue(ids.add(m.getMessageID()), m.getMessageID());
            assertEquals(rootId, m.getHeader("In-Reply-To", null));
            assertEquals(rootId, m.getHeader("References", null));
        }
    }

    @Test
    void aCrashBetweenTheEventAndTheCommitLosesBothAndARetryWritesOne() {
        int id = WindowResourceTest.create(
                WindowResourceTest.window("Etherpad upgrade", week(3), Duration.ofHours(1), "etherpad.openstack.org"));
        assertThrows(IllegalStateException.class, () -> crashing.cancelThenCrash(id));
        admin().when().get("/api/windows/" + id).then().body("state", equalTo("SCHEDULED"));
        assertEquals(
                List.of("ANNOUNCE"), drafts(id).stream().map(d -> d.get("kind")).toList());
        crashing.cancelTwice(id);
        assertEquals(
                List.of("ANNOUNCE", "CANCELLED"),
                drafts(id).stream().map(d -> d.get("kind")).toList());
    }

    @Test
    void rolesAndBadInput() {
        given().when().get("/api/announcements").then().statusCode(401);
        announcer().when().get("/api/hosts").then().statusCode(403);
        announcer()
                .queryParam("status", "LOST")
                .when()
                .get("/api/announcements")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        announcer().when().get("/api/announcements/999999").then().statusCode(404);
        announcer().when().post("/api/announcements/999999/sent").then().statusCode(404);
        given().when().get("/announcements.atom").then().statusCode(200).body(not(containsString("PENDING")));
    }
}
