package org.upgradeplanner.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 2xx is on disk: every kind of write, then kill -9 within 50 ms of the last answer, 20 rounds on one database.
 * Each round ends on another kind, so every kind is the last write before a kill at least twice; after every restart
 * every write of every earlier round is still there.
 */
class DurabilityIT {

    private static final int ROUNDS = 20;
    private static final List<String> KINDS =
            List.of("create", "edit", "action", "override", "import", "sent", "freeze", "claim");

    private final String run = Long.toString(System.nanoTime(), 36);
    private final Instant base = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @Test
    void everyAnsweredWriteSurvivesAKillRightAfterIt() throws Exception {
        String db = ForkedInstance.dbKind().equals("postgresql")
                ? ForkedInstance.sharedDatabase()
                : ForkedInstance.h2Url("durability-" + run);
        List<Round> done = new ArrayList<>();
        for (int r = 0; r <= ROUNDS; r++) {
            ForkedInstance instance = ForkedInstance.start("durability-" + r, db, Map.of());
            try {
                for (Round earlier : done) {
                    earlier.verify(instance);
                }
                if (r == ROUNDS) {
                    break;
                }
                Round round = new Round(r);
                round.prepare(instance);
                List<String> order = new ArrayList<>(KINDS);
                java.util.Collections.rotate(order, -(r % KINDS.size()) - 1); // the round's last write is KINDS[r % 8]
                for (String kind : order) {
                    round.write(instance, kind);
                }
                long answered = System.nanoTime();
                long killedAfterMs = (instance.kill() - answered) / 1_000_000;
                assertTrue(killedAfterMs < 50, "kill -9 came " + killedAfterMs + " ms after the last answer");
                done.add(round);
            } finally {
                instance.close(); // after the kill: nothing left to stop
            }
        }
    }

    /** One round's records: what it wrote and what it must find again. */
    private final class Round {
        final int n;
        final String tag;
        final String host;
        long draftToEdit;
        long draftToCancel;
        long created;
        long announcement;
        long campaign;

        Round(int n) {
            this.n = n;
            this.tag = "dur-" + run + "-" + n;
            this.host = tag + ".example.org";
        }

        /** Records the writes of this round act on (they must survive too, and do: they are verified with the rest). */
        void prepare(ForkedInstance i) {
            importHost(i, host, "prepare-" + tag);
            draftToEdit = window(i, "to-edit", 0, "DRAFT");
            draftToCancel = window(i, "to-cancel", 1, "DRAFT");
            long scheduled = window(i, "scheduled", 2, "SCHEDULED");
            List<Map<String, Object>> pending = i.api()
                    .queryParam("status", "PENDING")
                    .when()
                    .get("/api/announcements")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("");
            announcement = pending.stream()
                    .filter(a -> a.get("windowId") != null && ((Number) a.get("windowId")).longValue() == scheduled)
                    .map(a -> ((Number) a.get("id")).longValue())
                    .findFirst()
                    .orElseThrow();
            String trivial = "all:\n  hosts:\n    claim." + host
                    + ":\n      os: ubuntu-12.04\n      replaceable: true\n" + "      services: [" + tag + "-claim]\n";
            i.api()
                    .contentType("application/yaml")
                    .queryParam("source", "claim-" + tag)
                    .body(trivial.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when()
                    .post("/api/inventory/import")
                    .then()
                    .statusCode(200);
            campaign = ((Number) i.api()
                            .contentType("application/json")
                            .body(Map.of(
                                    "name", "durability " + tag,
                                    "targets", Map.of("ubuntu", "14.04"),
                                    "scope", Map.of("hosts", List.of("claim." + host))))
                            .when()
                            .post("/api/campaigns")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"))
                    .longValue();
        }

        void write(ForkedInstance i, String kind) {
            switch (kind) {
                case "create" -> created = window(i, "created", 3, "DRAFT");
                case "edit" -> {
                    int version = i.api()
                            .when()
                            .get("/api/windows/" + draftToEdit)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("version");
                    Map<String, Object> body = windowBody("edited", 0, "DRAFT");
                    body.put("version", version);
                    i.api()
                            .contentType("application/json")
                            .body(body)
                            .when()
                            .put("/api/windows/" + draftToEdit)
                            .then()
                            .statusCode(200);
                }
                case "action" ->
                    i.api()
                            .contentType("application/json")
                            .body(Map.of("reason", "durability " + tag))
                            .when()
                            .post("/api/windows/" + draftToCancel + "/cancel")
                            .then()
                            .statusCode(200);
                case "override" ->
                    i.api()
                            .contentType("application/json")
                            .body(Map.of("classification", "OUTAGE_REQUIRED", "reason", "durability " + tag))
                            .when()
                            .put("/api/hosts/" + host + "/classification")
                            .then()
                            .statusCode(200);
                case "import" -> importHost(i, "imported." + host, tag);
                case "sent" ->
                    i.api()
                            .when()
                            .post("/api/announcements/" + announcement + "/sent")
                            .then()
                            .statusCode(200);
                case "freeze" -> {
                    String day = base.plus(400 + n, ChronoUnit.DAYS)
                            .toString()
                            .substring(0, 10)
                            .replace("-", "");
                    String ics =
                            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//durability//EN\r\nBEGIN:VEVENT\r\nUID:" + tag
                                    + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:" + day + "\r\nSUMMARY:" + tag
                                    + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
                    i.api()
                            .contentType("text/calendar")
                            .queryParam("source", tag)
                            .body(ics.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .when()
                            .post("/api/policy/freezes")
                            .then()
                            .statusCode(200);
                }
                case "claim" ->
                    i.api()
                            .when()
                            .post("/api/campaigns/" + campaign + "/items/claim." + host + "/claim")
                            .then()
                            .statusCode(200);
                default -> throw new IllegalArgumentException(kind);
            }
        }

        void verify(ForkedInstance i) {
            String where = "round " + n + ": ";
            assertEquals(
                    "edited " + tag,
                    i.api()
                            .when()
                            .get("/api/windows/" + draftToEdit)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("title"),
                    where + "edit");
            assertEquals(
                    "CANCELLED",
                    i.api()
                            .when()
                            .get("/api/windows/" + draftToCancel)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("state"),
                    where + "action");
            assertEquals(
                    "created " + tag,
                    i.api()
                            .when()
                            .get("/api/windows/" + created)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("title"),
                    where + "create");
            Response h = i.api()
                    .when()
                    .get("/api/hosts/" + host)
                    .then()
                    .statusCode(200)
                    .extract()
                    .response();
            assertEquals("OVERRIDE", h.path("classificationSource"), where + "override");
            i.api().when().get("/api/hosts/imported." + host).then().statusCode(200);
            assertEquals(
                    "SENT",
                    i.api()
                            .when()
                            .get("/api/announcements/" + announcement)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("status"),
                    where + "sent");
            List<String> freezes = i.api()
                    .when()
                    .get("/api/policy")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("freezes.label");
            assertTrue(freezes.stream().anyMatch(l -> l.contains(tag)), where + "freeze, in " + freezes);
            assertEquals(
                    List.of("CLAIMED"),
                    i.api()
                            .queryParam("assignee", "admin")
                            .when()
                            .get("/api/campaigns/" + campaign + "/items")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("state"),
                    where + "claim");
        }

        private long window(ForkedInstance i, String what, int slot, String state) {
            Number id = i.api()
                    .contentType("application/json")
                    .body(windowBody(what, slot, state))
                    .when()
                    .post("/api/windows")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            return id.longValue();
        }

        /** Each window of each round has its own service and its own two hours, so none conflicts with another. */
        private Map<String, Object> windowBody(String what, int slot, String state) {
            Instant start = base.plus((n * 4L + slot) * 2, ChronoUnit.HOURS);
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("title", what + " " + tag);
            body.put("start", start.toString());
            body.put("end", start.plus(1, ChronoUnit.HOURS).toString());
            body.put("services", List.of(tag + "-" + slot));
            body.put("state", state);
            return body;
        }

        private void importHost(ForkedInstance i, String hostname, String source) {
            String yaml =
                    "all:\n  hosts:\n    " + hostname + ":\n      os: ubuntu-12.04\n      services: [" + tag + "]\n";
            i.api()
                    .contentType("application/yaml")
                    .queryParam("source", source)
                    .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when()
                    .post("/api/inventory/import")
                    .then()
                    .statusCode(200);
        }
    }
}
