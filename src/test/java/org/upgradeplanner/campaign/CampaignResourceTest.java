package org.upgradeplanner.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.upgradeplanner.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.PinnedClockTest;
import org.upgradeplanner.window.WindowJobs;
import org.upgradeplanner.window.WindowResourceTest;
import org.upgradeplanner.window.WindowTriggers;

/**
 * The replacement sprint through the API, as the team runs it: a fleet of its own (source {@code camp-*}, hosts
 * {@code *.NAME.camp.test}), two people claiming, the pool rule, verification by re-import, a window that completes, the
 * summary. Each test closes its campaign, so its hosts are free for the next.
 */
@QuarkusTest
class CampaignResourceTest extends PinnedClockTest {

    /** A Monday. */
    private static final Instant NOW = Instant.parse("2047-01-07T00:00:00Z");

    @Inject
    WindowTriggers triggers;

    @Override
    protected Instant now() {
        return NOW;
    }

    /** A pool of three (service NAME-pool), a stateful database, a new system that names its own target. */
    private static String fleet(String name, String p1Os, boolean p2Replaced, String dbOs) {
        return """
                all:
                  children:
                    pool:
                      vars: {services: [%1$s-pool], replaceable: true, stateful: false}
                      hosts:
                        p1.%1$s.camp.test: {os: %2$s}
                        %3$s
                        p3.%1$s.camp.test: {os: ubuntu-12.04}
                    db:
                      hosts:
                        db.%1$s.camp.test: {os: %4$s, stateful: true, services: [%1$s-db]}
                    new_systems:
                      vars: {target_release: "16.04", replaceable: true}
                      hosts:
                        n1.%1$s.camp.test: {os: ubuntu-14.04, services: [%1$s-new]}
                """.formatted(
                        name,
                        p1Os,
                        p2Replaced
                                ? "p2new.%s.camp.test: {os: ubuntu-14.04}".formatted(name)
                                : "p2.%s.camp.test: {os: ubuntu-12.04}".formatted(name),
                        dbOs);
    }

    private static void importFleet(String name, String yaml) {
        admin().contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .queryParam("source", "camp-" + name)
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(200);
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "a long passphrase");
    }

    /** Two admins of the team; created once, whichever test runs first. */
    private static void people() {
        for (String user : List.of("camp-alice", "camp-bob")) {
            int status = admin().contentType(ContentType.JSON)
                    .body(Map.of(
                            "username", user, "displayName", user, "role", "admin", "password", "a long passphrase"))
                    .when()
                    .post("/api/users")
                    .then()
                    .extract()
                    .statusCode();
            assertTrue(status == 201 || status == 409, "creating " + user + ": " + status);
        }
    }

    private static int open(String name, List<String> sprintDays) {
        return admin().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Sprint " + name,
                        "targets",
                        Map.of("ubuntu", "14.04"),
                        "scope",
                        Map.of("hosts", List.of("*." + name + ".camp.test")),
                        "sprintDays",
                        sprintDays))
                .when()
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static ValidatableResponse act(String user, int id, String host, String action, Map<String, Object> body) {
        RequestSpecification r = as(user);
        if (body != null || action.equals("replaced")) {
            r = r.contentType(ContentType.JSON).body(body == null ? Map.of() : body);
        }
        return r.when()
                .post("/api/campaigns/" + id + "/items/" + host + "/" + action)
                .then();
    }

    private static String state(int id, String host) {
        return item(id, host).get("state");
    }

    private static Map<String, String> item(int id, String host) {
        List<Map<String, String>> items = admin().when()
                .get("/api/campaigns/" + id + "/items")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        return items.stream()
                .filter(i -> i.get("hostname").equals(host))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + host));
    }

    private static void close(int id) {
        admin().when()
                .post("/api/campaigns/" + id + "/close")
                .then()
                .statusCode(200)
                .body("state", equalTo("CLOSED"));
    }

    @Test
    void theSprintFromClaimsToVerifiedToTheSummary() {
        people();
        String n = "sprint";
        importFleet(n, fleet(n, "ubuntu-12.04", false, "ubuntu-12.04"));
        String p1 = "p1.sprint.camp.test", p2 = "p2.sprint.camp.test", p3 = "p3.sprint.camp.test";
        String db = "db.sprint.camp.test", n1 = "n1.sprint.camp.test";
        // the group's target_release wins over the fleet policy, and later over the campaign
        admin().when()
                .get("/api/hosts/" + n1)
                .then()
                .body("targetRelease", equalTo("16.04"))
                .body("upgradePath", equalTo(List.of("16.04")))
                .body("classification", equalTo("TRIVIAL"));

        int id = open(n, List.of("2047-01-15"));
        admin().when()
                .get("/api/campaigns/" + id)
                .then()
                .body("items.TODO", equalTo(5))
                .body("deadline", equalTo("2017-04-28"));
        admin().when().get("/api/hosts/" + p1).then().body("targetRelease", equalTo("14.04"));
        admin().when().get("/api/hosts/" + n1).then().body("targetRelease", equalTo("16.04"));

        // two people claim; the pool keeps its last provider; an outage-required host follows its window
        act("camp-alice", id, p1, "claim", null)
                .statusCode(200)
                .body("state", equalTo("CLAIMED"))
                .body("assignee", equalTo("camp-alice"));
        act("camp-alice", id, p1, "claim", null).statusCode(200).body("assignee", equalTo("camp-alice"));
        act("camp-bob", id, p1, "claim", null).statusCode(409).body("detail", containsString("claimed by camp-alice"));
        act("camp-bob", id, p2, "claim", null).statusCode(200).body("assignee", equalTo("camp-bob"));
        act("camp-bob", id, p3, "claim", null)
                .statusCode(409)
                .body("detail", containsString("sprint-pool would lose its last provider: " + p3))
                .body("errors[0].field", equalTo("hostname"));
        act("camp-bob", id, db, "claim", null)
                .statusCode(409)
                .body("detail", containsString("needs an announced outage"));
        assertEquals("TODO", state(id, p3));
        // a window may not take the whole pool down either
        WindowResourceTest.post(WindowResourceTest.window(
                        "Whole pool", NOW.plus(Duration.ofDays(9)), Duration.ofHours(2), p1, p2, p3))
                .statusCode(409)
                .body("errors.message", hasItem(containsString("takes down every provider of sprint-pool")));

        // replaced: the inventory is the proof
        act("camp-alice", id, p1, "replaced", null).statusCode(200).body("state", equalTo("REPLACED"));
        act("camp-bob", id, p2, "replaced", Map.of("replacement", "P2new.sprint.camp.test", "note", "renamed"))
                .statusCode(200)
                .body("replacement", equalTo("p2new.sprint.camp.test"));
        assertEquals("REPLACED", state(id, p2));
        importFleet(n, fleet(n, "ubuntu-14.04", true, "ubuntu-12.04"));
        assertEquals("VERIFIED", state(id, p1));
        assertEquals("VERIFIED", state(id, p2));
        assertEquals(
                "verified: the inventory shows p2new.sprint.camp.test on ubuntu 14.04",
                item(id, p2).get("note"));
        // a host that reverts drops back, with a note
        importFleet(n, fleet(n, "ubuntu-12.04", true, "ubuntu-12.04"));
        assertEquals("REPLACED", state(id, p1));
        assertTrue(
                item(id, p1).get("note").startsWith("no longer verified"),
                item(id, p1).get("note"));
        importFleet(n, fleet(n, "ubuntu-14.04", true, "ubuntu-12.04"));
        assertEquals("VERIFIED", state(id, p1));
        admin().queryParam("subject", p1)
                .queryParam("action", "CAMPAIGN_ITEM_CLAIMED")
                .when()
                .get("/api/audit")
                .then()
                .body("items[0].actor", equalTo("camp-alice"));

        // the outage-required host follows its window: completed means replaced, the import verifies it
        Map<String, Object> w =
                WindowResourceTest.window("Database " + n, NOW.plus(Duration.ofDays(8)), Duration.ofHours(2), db);
        long window =
                ((Number) WindowResourceTest.post(w).statusCode(201).extract().path("id")).longValue();
        Instant start = NOW.plus(Duration.ofDays(8));
        triggers.fire(window, WindowJobs.Kind.START, "", start);
        triggers.fire(window, WindowJobs.Kind.END, "", start.plus(Duration.ofHours(2)));
        assertEquals("REPLACED", state(id, db));
        assertEquals(
                "window " + window + " (Database sprint) completed",
                item(id, db).get("note"));
        importFleet(n, fleet(n, "ubuntu-14.04", true, "ubuntu-14.04"));
        assertEquals("VERIFIED", state(id, db));

        // VERIFIED is never typed in; skipping needs a reason
        act("camp-bob", id, p3, "verified", null).statusCode(404);
        act("camp-bob", id, p3, "skip", Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        act("camp-bob", id, p3, "skip", Map.of("reason", "decommissioned"))
                .statusCode(200)
                .body("state", equalTo("SKIPPED"));
        act("camp-bob", id, p3, "claim", null).statusCode(409);

        close(id);
        admin().when().post("/api/campaigns/" + id + "/close").then().statusCode(409);
        act("camp-alice", id, n1, "claim", null).statusCode(409).body("detail", containsString("closed"));
        // the hosts follow the fleet policy again; the group's own target stays
        admin().when().get("/api/hosts/" + p3).then().body("targetRelease", not(equalTo("14.04")));
        admin().when().get("/api/hosts/" + n1).then().body("targetRelease", equalTo("16.04"));

        List<Map<String, Object>> drafts = admin().when()
                .get("/api/announcements?status=PENDING")
                .then()
                .extract()
                .path("findAll { it.campaignId == " + id + " }");
        assertEquals(
                List.of("CAMPAIGN", "CAMPAIGN_SUMMARY"),
                drafts.stream().map(d -> d.get("kind")).toList());
        assertEquals(null, drafts.get(0).get("windowId"));
        String summary = (String) drafts.get(1).get("body");
        assertTrue(summary.contains("Replaced and verified (3)"), summary);
        assertTrue(summary.contains(p2 + " → p2new.sprint.camp.test (camp-bob)"), summary);
        assertTrue(summary.contains("Skipped (1)\n  " + p3 + ": skipped: decommissioned"), summary);
        assertTrue(summary.contains("Remaining (1)\n  " + n1 + ": to do"), summary);
        String sprintMail = admin().when()
                .get("/api/announcements/" + drafts.get(0).get("id") + ".eml")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String summaryMail = admin().when()
                .get("/api/announcements/" + drafts.get(1).get("id") + ".eml")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String sprintId = header(sprintMail, "Message-ID");
        assertEquals(sprintId, header(summaryMail, "In-Reply-To"));
        assertEquals("infra-root@lists.example.org", header(summaryMail, "To"));
        assertTrue(sprintMail.contains("DTSTART;VALUE=DATE:20470115"), sprintMail);

        // the sprint day is its own event; closed before it, it is cancelled
        given().when()
                .get("/calendar/campaigns/" + id + ".ics")
                .then()
                .statusCode(200)
                .contentType(containsString("text/calendar"))
                .body(containsString("DTSTART;VALUE=DATE:20470115"))
                .body(containsString("STATUS:CANCELLED"));
    }

    @Test
    void twoPeopleClaimingAPoolsLastTwoProvidersAtOnceGetOneEach() throws Exception {
        people();
        String n = "race";
        importFleet(n, fleet(n, "ubuntu-12.04", false, "ubuntu-12.04"));
        int id = open(n, List.of());
        try {
            act("camp-alice", id, "p1.race.camp.test", "claim", null).statusCode(200);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> claims = new ArrayList<>();
            for (String[] who :
                    new String[][] {{"camp-alice", "p2.race.camp.test"}, {"camp-bob", "p3.race.camp.test"}}) {
                claims.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return act(who[0], id, who[1], "claim", null).extract().statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses =
                    claims.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals(List.of(200, 409), statuses);
            admin().when().get("/api/campaigns/" + id).then().body("items.CLAIMED", equalTo(2));
        } finally {
            close(id);
        }
    }

    @Test
    void badCampaignsAreRefusedNamingTheFieldAndChangeNothing() {
        String n = "bad";
        importFleet(n, fleet(n, "ubuntu-12.04", false, "ubuntu-12.04"));
        int before = admin().when().get("/api/campaigns").then().extract().path("size()");
        admin().contentType(ContentType.JSON)
                .body(Map.of(
                        "targets", Map.of("ubuntu", "13.13", "plan9", "4"),
                        "sprintDays", List.of("tomorrow", "2099-01-01"),
                        "deadline", "1999-12-31",
                        "scope", Map.of("hosts", List.of("not a host"))))
                .when()
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("targets.ubuntu"))
                .body("errors.field", hasItem("targets.plan9"))
                .body("errors.field", hasItem("sprintDays[0]"))
                .body("errors.field", hasItem("sprintDays[1]"))
                .body("errors.field", hasItem("deadline"))
                .body("errors.field", hasItem("scope.hosts[0]"));
        admin().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Nothing",
                        "targets",
                        Map.of("ubuntu", "14.04"),
                        "scope",
                        Map.of("hosts", List.of("*.nowhere.test"))))
                .when()
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scope"));
        admin().contentType(ContentType.JSON)
                .body("")
                .when()
                .post("/api/campaigns")
                .then()
                .statusCode(400);
        admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Scope", "targets", Map.of("ubuntu", "14.04"), "scope", List.of(1)))
                .when()
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
        admin().when().get("/api/campaigns").then().body("size()", equalTo(before));

        // a host is in one open campaign at most; a scope may be a host query
        int id = admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Query", "targets", Map.of("ubuntu", "14.04"), "scope", ".bad.camp"))
                .when()
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .body("scope.hosts", equalTo(List.of("*.bad.camp*")))
                .body("items.TODO", equalTo(5))
                .extract()
                .path("id");
        try {
            admin().contentType(ContentType.JSON)
                    .body(Map.of(
                            "name",
                            "Again",
                            "targets",
                            Map.of("ubuntu", "14.04"),
                            "scope",
                            Map.of("groups", List.of("pool"), "hosts", List.of("*.bad.camp.test"))))
                    .when()
                    .post("/api/campaigns")
                    .then()
                    .statusCode(409)
                    .body("detail", containsString("already in an open campaign"));
            admin().when().get("/api/campaigns/" + id + "/items/").then().statusCode(200);
            admin().when().get("/api/campaigns/987654").then().statusCode(404);
            given().when().get("/calendar/campaigns/987654.ics").then().statusCode(404);
            admin().when()
                    .post("/api/campaigns/" + id + "/items/nosuch.camp.test/claim")
                    .then()
                    .statusCode(404);
        } finally {
            close(id);
        }
        admin().when().get("/api/campaigns/" + id).then().body("closedAt", not(nullValue()));
    }

    private static String header(String mail, String name) {
        return mail.lines()
                .filter(l -> l.startsWith(name + ": "))
                .findFirst()
                .map(l -> l.substring(name.length() + 2))
                .orElseThrow(() -> new AssertionError("no " + name + " in " + mail));
    }
}
