package org.upgradeplanner.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    /** The sample fleet's core: Gerrit on MySQL, Zuul on Gerrit, mergers on Zuul, and a cycle for good measure. */
    private final DependencyGraph graph = new DependencyGraph(
            Map.of(
                    "review", Set.of("db01"),
                    "zuul", Set.of("review"),
                    "zm01", Set.of("zuul"),
                    "zm02", Set.of("zuul"),
                    "nodepool", Set.of("db01", "zuul"),
                    "a", Set.of("b"),
                    "b", Set.of("a")),
            Map.of(
                    "review", Set.of("gerrit"),
                    "zuul", Set.of("zuul-scheduler", "gearman"),
                    "zm01", Set.of("zuul-merger"),
                    "zm02", Set.of("zuul-merger"),
                    "nodepool", Set.of("nodepool"),
                    "a", Set.of("alpha"),
                    "b", Set.of("beta")));

    @Test
    void servicesOfDependentHostsAreDownThroughTheirShortestChain() {
        Impact impact = graph.impact(Set.of("db01"), Set.of("mysql"));
        assertEquals(
                List.of(
                        "mysql",
                        "nodepool — nodepool depends on db01",
                        "gerrit — review depends on db01",
                        "gearman — zuul depends on review, which depends on db01",
                        "zuul-scheduler — zuul depends on review, which depends on db01",
                        "zuul-merger — zm01 depends on zuul, which depends on review, which depends on db01"),
                impact.services().stream().map(Impact.Affected::text).toList());
        assertTrue(impact.takesDownHost("zm02"));
        assertTrue(impact.takesDownService("gerrit"));
        assertTrue(impact.services().get(0).direct());
        assertEquals(5, impact.indirectServices().size());
    }

    @Test
    void aHostInTheWindowIsDirectAndItsServicesAreNotRepeated() {
        Impact impact = graph.impact(Set.of("db01", "review"), Set.of("mysql", "gerrit"));
        assertEquals(
                List.of("db01", "review"),
                impact.hosts().stream()
                        .filter(Impact.Affected::direct)
                        .map(Impact.Affected::name)
                        .toList());
        assertEquals(
                1,
                impact.services().stream()
                        .filter(a -> a.name().equals("gerrit"))
                        .count());
        assertTrue(impact.services().stream()
                .filter(a -> a.name().equals("gerrit"))
                .findFirst()
                .orElseThrow()
                .direct());
    }

    @Test
    void aLeafTakesDownOnlyItselfAndACycleEnds() {
        Impact leaf = graph.impact(Set.of("zm01"), Set.of("zuul-merger"));
        assertEquals(
                List.of("zuul-merger"),
                leaf.services().stream().map(Impact.Affected::name).toList());
        assertFalse(leaf.takesDownHost("zuul"));
        Impact cycle = graph.impact(Set.of("a"), Set.of("alpha"));
        assertEquals(
                List.of("alpha", "beta — b depends on a"),
                cycle.services().stream().map(Impact.Affected::text).toList());
    }
}
