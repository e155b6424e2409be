package org.upgradeplanner.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.Await;

/**
 * Two instances on one PostgreSQL database: 50 windows with every transition exactly once (Quartz clustered), accounts
 * and tokens changed on one refused at once on the other, and claims racing on both never empty a pool.
 */
class TwoInstancesIT {

    @Test
    void eachTriggerFiresOnceAcrossTheCluster() throws Exception {
        assumeTrue(
                ForkedInstance.dbKind().equals("postgresql"), "clustering needs the PostgreSQL build (-Ppostgresql)");
        String db = ForkedInstance.sharedDatabase();
        try (ForkedInstance a = ForkedInstance.start("cluster-a", db, Map.of());
                ForkedInstance b = ForkedInstance.start("cluster-b", db, Map.of())) {
            Instant base = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
            String run = Long.toString(System.nanoTime());
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Instant start = base.plusMillis(200L * i);
                ForkedInstance via = i % 2 == 0 ? a : b;
                ids.add(via.api()
                        .contentType("application/json")
                        .body(Map.of(
                                "title",
                                "Cluster " + i,
                                "start",
                                start.toString(),
                                "end",
                                start.plusSeconds(3).toString(),
                                "services",
                                List.of("cluster-" + run + "-" + i)))
                        .when()
                        .post("/api/windows")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
            }
            Map<Integer, String> states = new HashMap<>();
            for (int round = 0; round < 120; round++) {
                Thread.sleep(500);
                for (int id : ids) {
                    states.put(
                            id,
                            a.api()
                                    .when()
                                    .get("/api/windows/" + id)
                                    .then()
                                    .extract()
                                    .path("state"));
                }
                if (states.values().stream().allMatch("COMPLETED"::equals)) {
                    break;
                }
            }
            assertEquals(
                    List.of(),
                    states.entrySet().stream()
                            .filter(e -> !e.getValue().equals("COMPLETED"))
                            .toList());
            // No trigger or firing of these windows is left in the store: nothing could run a transition twice now.
            Await.until(
                    "the windows gone from the job store",
                    Duration.ofSeconds(30),
                    () -> ForkedInstance.triggersGone(db, ids));
            for (int id : ids) {
                for (String action : List.of("WINDOW_STARTED", "WINDOW_COMPLETED")) {
                    int total = b.api()
                            .queryParam("subject", Integer.toString(id))
                            .queryParam("action", action)
                            .when()
                            .get("/api/audit")
                            .then()
                            .extract()
                            .path("total");
                    assertEquals(1, total, action + " of window " + id);
                }
            }
        }
    }

    /**
     * The pool rule holds across replicas: with one provider of three claimed, the other two are claimed at the same
     * moment, one on each instance; exactly one claim wins and the pool keeps a provider. Ten pools, ten races.
     */
    @Test
    void claimsRacingOnTwoReplicasNeverTakeAPoolsLastProvider() throws Exception {
        assumeTrue(ForkedInstance.dbKind().equals("postgresql"), "two processes share a database on PostgreSQL");
        String db = ForkedInstance.sharedDatabase();
        try (ForkedInstance a = ForkedInstance.start("claims-a", db, Map.of());
                ForkedInstance b = ForkedInstance.start("claims-b", db, Map.of())) {
            for (int round = 0; round < 10; round++) {
                String tag = "race" + round + "-" + Long.toString(System.nanoTime(), 36);
                String yaml = "all:\n  hosts:\n"
                        + String.join(
                                "",
                                java.util.stream.IntStream.rangeClosed(1, 3)
                                        .mapToObj(n ->
                                                "    p" + n + "." + tag + ".test: {os: ubuntu-12.04, replaceable: true,"
                                                        + " services: [" + tag + "]}\n")
                                        .toList());
                a.api()
                        .contentType("application/yaml")
                        .queryParam("source", tag)
                        .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .when()
                        .post("/api/inventory/import")
                        .then()
                        .statusCode(200);
                int campaign = a.api()
                        .contentType("application/json")
                        .body(Map.of(
                                "name", tag,
                                "targets", Map.of("ubuntu", "14.04"),
                                "scope", Map.of("hosts", List.of("*." + tag + ".test"))))
                        .when()
                        .post("/api/campaigns")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
                String items = "/api/campaigns/" + campaign + "/items/";
                a.api().when().post(items + "p1." + tag + ".test/claim").then().statusCode(200);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.CompletableFuture<Integer>> claims = new ArrayList<>();
                for (ForkedInstance on : List.of(a, b)) {
                    String host = (on == a ? "p2." : "p3.") + tag + ".test";
                    claims.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return on.api()
                                .when()
                                .post(items + host + "/claim")
                                .then()
                                .extract()
                                .statusCode();
                    }));
                }
                go.countDown();
                assertEquals(
                        List.of(200, 409),
                        claims.stream()
                                .map(java.util.concurrent.CompletableFuture::join)
                                .sorted()
                                .toList(),
                        "round " + round);
                List<String> states = b.api()
                        .when()
                        .get(items)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("state");
                assertEquals(2, states.stream().filter("CLAIMED"::equals).count(), "round " + round + ": " + states);
                a.api()
                        .when()
                        .post("/api/campaigns/" + campaign + "/close")
                        .then()
                        .statusCode(200);
            }
        }
    }

    /** A change made on one replica holds on the other at the very next request: no cache, no shared key. */
    @Test
    void aDisabledAccountAndARevokedTokenAreRefusedAtOnceOnEveryReplica() throws Exception {
        assumeTrue(ForkedInstance.dbKind().equals("postgresql"), "two processes share a database on PostgreSQL");
        String db = ForkedInstance.sharedDatabase();
        try (ForkedInstance a = ForkedInstance.start("people-a", db, Map.of());
                ForkedInstance b = ForkedInstance.start("people-b", db, Map.of())) {
            String user = "replica-" + System.nanoTime();
            String password = "a long enough passphrase";
            a.api()
                    .contentType("application/json")
                    .body(Map.of("username", user, "role", "viewer", "password", password))
                    .when()
                    .post("/api/users")
                    .then()
                    .statusCode(201);
            String token = a.api()
                    .contentType("application/json")
                    .body(Map.of("name", user, "role", "viewer"))
                    .when()
                    .post("/api/tokens")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("token");
            String session = io.restassured.RestAssured.given()
                    .baseUri(b.baseUrl())
                    .redirects()
                    .follow(false)
                    .contentType("application/x-www-form-urlencoded")
                    .cookie("planner-csrf", "t")
                    .formParam("csrf-token", "t")
                    .formParam("username", user)
                    .formParam("password", password)
                    .when()
                    .post("/login")
                    .then()
                    .statusCode(303)
                    .extract()
                    .cookie("planner-session");
            var onB = io.restassured.RestAssured.given().baseUri(b.baseUrl());
            onB.auth()
                    .preemptive()
                    .basic(user, password)
                    .when()
                    .get("/api/hosts")
                    .then()
                    .statusCode(200);
            io.restassured.RestAssured.given()
                    .baseUri(b.baseUrl())
                    .header("Authorization", "Bearer " + token)
                    .when()
                    .get("/api/hosts")
                    .then()
                    .statusCode(200);

            a.api()
                    .contentType("application/json")
                    .body(Map.of("enabled", false))
                    .when()
                    .put("/api/users/" + user)
                    .then()
                    .statusCode(200);
            a.api().when().delete("/api/tokens/" + user).then().statusCode(204);

            io.restassured.RestAssured.given()
                    .baseUri(b.baseUrl())
                    .auth()
                    .preemptive()
                    .basic(user, password)
                    .when()
                    .get("/api/hosts")
                    .then()
                    .statusCode(401);
            io.restassured.RestAssured.given()
                    .baseUri(b.baseUrl())
                    .header("Authorization", "Bearer " + token)
                    .when()
                    .get("/api/hosts")
                    .then()
                    .statusCode(401);
            io.restassured.RestAssured.given()
                    .baseUri(b.baseUrl())
                    .redirects()
                    .follow(false)
                    .cookie("planner-session", session)
                    .when()
                    .get("/hosts")
                    .then()
                    .statusCode(303);
        }
    }
}
