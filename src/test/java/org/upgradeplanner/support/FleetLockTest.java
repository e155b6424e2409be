package org.upgradeplanner.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.upgradeplanner.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.host.HostClassification;

/** Racing fleet-wide writes, started together from many threads, end as if they had run one after another. */
@QuarkusTest
class FleetLockTest {

    @Inject
    HostClassification hosts;

    @Test
    void parallelImportsOfDifferentSourcesEndWithTheUnionClassifiedAsAWhole() throws Exception {
        String run = "lock-" + System.nanoTime();
        // Stateful, replaceable members of one pool: trivial only once each import has seen the others.
        List<Integer> statuses = race(
                10,
                i -> admin().contentType("application/yaml")
                        .queryParam("source", run + "-" + i)
                        .body(("all:\n  hosts:\n    m" + i + "." + run
                                        + ".test:\n      os: ubuntu-12.04\n      services: [" + run + "]\n"
                                        + "      stateful: true\n      replaceable: true\n")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .when()
                        .post("/api/inventory/import")
                        .then()
                        .extract()
                        .statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200), statuses);
        List<String> classes = admin().queryParam("service", run)
                .queryParam("size", 100)
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(200)
                .extract()
                .path("items.classification");
        assertEquals(10, classes.size(), "every import's host is there");
        assertEquals(
                List.of("TRIVIAL"), classes.stream().distinct().toList(), "each import classified the pool it found");
        assertEquals(0, hosts.reclassifyAll(), "a full reclassification changes nothing");
    }

    @Test
    void twoPlannerRunsAtOnceMakeOneSetOfDrafts() throws Exception {
        String run = "plan-" + System.nanoTime();
        StringBuilder yaml = new StringBuilder("all:\n  hosts:\n");
        for (int i = 0; i < 3; i++) {
            yaml.append("    db")
                    .append(i)
                    .append('.')
                    .append(run)
                    .append(".test:\n      os: ubuntu-12.04\n      services: [")
                    .append(run)
                    .append(i)
                    .append("]\n      stateful: true\n");
        }
        admin().contentType("application/yaml")
                .queryParam("source", run)
                .body(yaml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(200);
        List<List<String>> proposed = race(
                2,
                i -> admin()
                        .when()
                        .post("/api/planner/proposals")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<List<String>>>path("hosts")
                        .stream()
                        .flatMap(List::stream)
                        .toList());
        List<String> mine = proposed.stream()
                .flatMap(List::stream)
                .filter(h -> h.contains(run))
                .sorted()
                .toList();
        assertEquals(
                IntStream.range(0, 3)
                        .mapToObj(i -> "db" + i + "." + run + ".test")
                        .toList(),
                mine,
                "each new outage-required host is in exactly one proposed window");
    }

    @Test
    void parallelEditsWithTheSameVersionGiveOneSuccessAndConflicts() throws Exception {
        String host = "edit-" + System.nanoTime() + ".test";
        int version = admin().contentType("application/json")
                .body(Map.of("hostname", host, "services", List.of("a")))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
        List<Integer> statuses = race(
                8,
                i -> admin().contentType("application/json")
                        .body(Map.of("services", List.of("s" + i), "version", version))
                        .when()
                        .put("/api/hosts/" + host)
                        .then()
                        .extract()
                        .statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    /** Runs {@code n} calls released at the same moment; their results in call order. */
    private static <T> List<T> race(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    go.await();
                    return call.apply(index);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
