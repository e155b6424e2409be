package org.upgradeplanner.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What two replicas on one PostgreSQL promise: a session works on both and ends on both; when the replica about to
 * fire the next triggers is killed, the other fires them, each once; a database restart under a running replica is
 * survived without a lost or doubled transition, answering 503 (never 500, never a hang) while the database is away.
 */
class ReplicaIT {

    /** The check-in interval the instances run with: a dead one's triggers are taken over after about this long. */
    private static final Duration CHECKIN = Duration.ofSeconds(5);

    private final String run = Long.toString(System.nanoTime(), 36);
    private String db;

    @BeforeEach
    void onPostgreSql() throws java.sql.SQLException {
        assumeTrue(ForkedInstance.dbKind().equals("postgresql"), "replicas need the PostgreSQL build (-Ppostgresql)");
        db = ForkedInstance.sharedDatabase();
    }

    @Test
    void aSessionOpenedOnOneReplicaWorksOnTheOtherAndEndsOnBoth() throws Exception {
        try (ForkedInstance a = ForkedInstance.start("session-a", db, Map.of());
                ForkedInstance b = ForkedInstance.start("session-b", db, Map.of())) {
            var login = given().baseUri(a.baseUrl())
                    .redirects()
                    .follow(false)
                    .cookie("planner-csrf", "t")
                    .contentType(ContentType.URLENC)
                    .formParam("csrf-token", "t")
                    .formParam("username", "admin")
                    .formParam("password", ForkedInstance.PASSWORD)
                    .when()
                    .post("/login")
                    .then()
                    .statusCode(303)
                    .extract();
            String session = login.cookie("planner-session");
            String csrf = login.cookie("planner-csrf");
            given().baseUri(b.baseUrl())
                    .redirects()
                    .follow(false)
                    .cookie("planner-session", session)
                    .when()
                    .get("/hosts")
                    .then()
                    .statusCode(200);
            given().baseUri(a.baseUrl())
                    .redirects()
                    .follow(false)
                    .cookie("planner-session", session)
                    .cookie("planner-csrf", csrf)
                    .contentType(ContentType.URLENC)
                    .formParam("csrf-token", csrf)
                    .when()
                    .post("/logout")
                    .then()
                    .statusCode(303);
            given().baseUri(b.baseUrl())
                    .redirects()
                    .follow(false)
                    .cookie("planner-session", session)
                    .when()
                    .get("/hosts")
                    .then()
                    .statusCode(303);
        }
    }

    @Test
    void whenTheReplicaHoldingTheNextTriggersIsKilledTheOtherFiresThemOnce() throws Exception {
        ForkedInstance a = ForkedInstance.start("failover-a", db, clusterEnv("failover-a"));
        try (ForkedInstance b = ForkedInstance.start("failover-b", db, clusterEnv("failover-b"))) {
            Instant base = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(window(
                        i % 2 == 0 ? a : b,
                        "failover-" + run + "-" + i,
                        base.plusMillis(500L * i),
                        Duration.ofSeconds(2)));
            }
            // Wait until one replica has acquired a trigger of these windows, then kill that one.
            String holder = null;
            for (int i = 0; i < 400 && holder == null; i++) {
                Thread.sleep(50);
                holder = firedBy();
            }
            assertTrue(holder != null, "no replica acquired a trigger");
            ForkedInstance survivor = holder.equals("failover-a") ? b : a;
            (holder.equals("failover-a") ? a : b).kill();
            Instant lastDue = base.plusMillis(500L * 19).plusSeconds(2);
            Instant deadline = max(lastDue, Instant.now()).plus(CHECKIN).plusSeconds(15);
            awaitCompleted(survivor, ids, deadline);
            assertEachTransitionOnce(survivor, ids);
        } finally {
            a.close();
        }
    }

    @Test
    void aDatabaseRestartUnderARunningReplicaLosesAndDoublesNothing() throws Exception {
        try (ForkedInstance app = ForkedInstance.start("db-restart", db, Map.of())) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Instant base = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(window(app, "restart-" + run + "-" + i, base.plusSeconds(i), Duration.ofSeconds(2)));
            }
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), base).toMillis()));
            postgres("stop");
            try {
                assertEquals(503, status(http, app, "/q/health/ready"), "readiness while the database is away");
                for (String path : List.of("/api/windows/" + ids.get(0), "/api/hosts", "/calendar/outages.ics")) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = get(http, app, path);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertEquals(503, r.statusCode(), path + " while the database is away: " + r.body());
                    assertTrue(
                            r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                            path);
                    assertTrue(ms < 10_000, path + " answered after " + ms + " ms");
                }
                Thread.sleep(4000); // some of the windows fall due while the database is away
            } finally {
                postgres("start");
            }
            Instant up = Instant.now().plusSeconds(60);
            while (status(http, app, "/q/health/ready") != 200) {
                assertTrue(Instant.now().isBefore(up), "readiness did not come back within a minute");
                Thread.sleep(500);
            }
            awaitCompleted(app, ids, Instant.now().plusSeconds(150));
            assertEachTransitionOnce(app, ids);
        }
    }

    private Map<String, String> clusterEnv(String instanceId) {
        return Map.of(
                "QUARKUS_QUARTZ_INSTANCE_ID",
                instanceId,
                "QUARKUS_QUARTZ_CLUSTER_CHECKIN_INTERVAL",
                Long.toString(CHECKIN.toMillis()));
    }

    private static int window(ForkedInstance via, String service, Instant start, Duration length) {
        return via.api()
                .contentType("application/json")
                .body(Map.of(
                        "title",
                        service,
                        "start",
                        start.toString(),
                        "end",
                        start.plus(length).toString(),
                        "services",
                        List.of(service)))
                .when()
                .post("/api/windows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The Quartz instance that has acquired or is running a trigger of this run's windows, if any. */
    private String firedBy() throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", "");
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "select instance_name from qrtz_fired_triggers where instance_name in ('failover-a', 'failover-b') order by fired_time limit 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void awaitCompleted(ForkedInstance app, List<Integer> ids, Instant deadline)
            throws InterruptedException {
        List<Integer> open = new ArrayList<>(ids);
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            open.removeIf(id -> "COMPLETED"
                    .equals(app.api()
                            .when()
                            .get("/api/windows/" + id)
                            .then()
                            .extract()
                            .path("state")));
        }
        assertEquals(List.of(), open, "windows not completed by " + deadline);
    }

    /** Every window started and completed exactly once, by the audit log (a recovered job must not record twice). */
    private static void assertEachTransitionOnce(ForkedInstance app, List<Integer> ids) {
        for (int id : ids) {
            for (String action : List.of("WINDOW_STARTED", "WINDOW_COMPLETED")) {
                int total = app.api()
                        .queryParam("subject", Integer.toString(id))
                        .queryParam("action", action)
                        .when()
                        .get("/api/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("total");
                assertEquals(1, total, action + " of window " + id);
            }
        }
    }

    private static int status(HttpClient http, ForkedInstance app, String path) throws Exception {
        return get(http, app, path).statusCode();
    }

    private static HttpResponse<String> get(HttpClient http, ForkedInstance app, String path) throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString(("admin:" + ForkedInstance.PASSWORD).getBytes());
        return http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Basic " + auth)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Stops or starts this machine's PostgreSQL cluster (CI runs as root beside it). */
    private static void postgres(String action) throws Exception {
        String version = new String(new ProcessBuilder("ls", "/etc/postgresql")
                        .start()
                        .getInputStream()
                        .readAllBytes())
                .trim()
                .split("\\s+")[0];
        List<String> command =
                new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action));
        if (action.equals("stop")) {
            command.addAll(List.of("-m", "fast"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "pg_ctlcluster " + action + ": " + out);
        if (action.equals("start")) {
            for (int i = 0; i < 60; i++) {
                if (new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1")
                                .start()
                                .waitFor()
                        == 0) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("PostgreSQL did not come back");
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
