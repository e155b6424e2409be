package org.upgradeplanner.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.Await;

/** kill -9 before a window starts; after a restart the missed start and end each run exactly once. */
class CrashRecoveryIT {

    @Test
    void missedTransitionsRunOnceAfterACrash() throws Exception {
        String db = ForkedInstance.dbKind().equals("postgresql")
                ? ForkedInstance.sharedDatabase()
                : ForkedInstance.h2Url("crash-" + System.nanoTime());
        Instant start = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        int id;
        ForkedInstance first = ForkedInstance.start("crash-before", db, Map.of());
        try {
            id = first.api()
                    .contentType("application/json")
                    .body(Map.of(
                            "title",
                            "Crash test",
                            "start",
                            start.toString(),
                            "end",
                            start.plusSeconds(2).toString(),
                            "services",
                            List.of("crash-" + System.nanoTime())))
                    .when()
                    .post("/api/windows")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        } finally {
            first.kill();
        }
        // Stay down until both the start and the end have passed.
        long wait = Duration.between(Instant.now(), start.plusSeconds(4)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        try (ForkedInstance second = ForkedInstance.start("crash-after", db, Map.of())) {
            Await.until(
                    "window " + id + " completed",
                    Duration.ofSeconds(60),
                    () -> "COMPLETED"
                            .equals(second.api()
                                    .when()
                                    .get("/api/windows/" + id)
                                    .then()
                                    .extract()
                                    .path("state")));
        }
        // The instance has stopped (its scheduler waits for running jobs) and the store holds no trigger or firing of
        // the
        // window: nothing is left that could run a transition twice, so the audit is final.
        Await.until(
                "window " + id + " gone from the job store",
                Duration.ofSeconds(10),
                () -> ForkedInstance.triggersGone(db, List.of(id)));
        for (String action : List.of("WINDOW_STARTED", "WINDOW_COMPLETED")) {
            assertEquals(1, ForkedInstance.audits(db, id, action), action);
        }
    }
}
