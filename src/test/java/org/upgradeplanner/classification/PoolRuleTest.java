package org.upgradeplanner.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoolRuleTest {

    private static Set<String> pool(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> "zm0" + i)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void aPoolKeepsOneProviderServingWhateverTheOrderOfClaims() {
        PoolRule rule = new PoolRule(1.0);
        for (int n = 2; n <= 8; n++) {
            Set<String> providers = pool(n);
            Set<String> claimed = new HashSet<>();
            for (String host : providers) {
                Optional<String> refused = rule.refuse(host, Map.of("zuul-merger", providers), claimed);
                if (claimed.size() < n - 1) {
                    assertTrue(refused.isEmpty(), n + " providers, " + claimed.size() + " claimed: " + refused);
                    claimed.add(host);
                } else {
                    assertEquals(
                            "zuul-merger would lose its last provider: " + host + " is the only one of its " + n
                                    + " providers not claimed (claimed: "
                                    + String.join(
                                            ", ",
                                            claimed.stream().sorted().limit(5).toList())
                                    + (n - 1 > 5 ? " and " + (n - 1 - 5) + " more" : "") + ")",
                            refused.orElseThrow());
                }
            }
            assertEquals(n - 1, claimed.size());
        }
    }

    @Test
    void aFractionLimitsClaimsButNeverBelowOneNorToAll() {
        assertEquals(4, new PoolRule(0.5).limit(8));
        assertEquals(1, new PoolRule(0.5).limit(2));
        assertEquals(1, new PoolRule(0.1).limit(3));
        assertEquals(7, new PoolRule(1.0).limit(8));
        Set<String> providers = pool(8);
        Optional<String> refused = new PoolRule(0.5)
                .refuse("zm05", Map.of("zuul-merger", providers), Set.of("zm01", "zm02", "zm03", "zm04"));
        assertEquals(
                "zuul-merger may have at most 4 of its 8 providers out at once, and 4 are claimed (zm01, zm02, zm03, zm04)",
                refused.orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new PoolRule(0));
        assertThrows(IllegalArgumentException.class, () -> new PoolRule(1.5));
    }

    @Test
    void aSingleProviderIsNoPoolAndEveryServiceOfTheHostCounts() {
        PoolRule rule = new PoolRule(1.0);
        assertTrue(rule.refuse("solo", Map.of("wiki", Set.of("solo")), Set.of()).isEmpty());
        // a host in two pools: the second one is down to it
        Optional<String> refused = rule.refuse(
                "web1",
                Map.of("apache", Set.of("web1", "web2", "web3"), "php", Set.of("web1", "web2")),
                Set.of("web2"));
        assertEquals(
                "php would lose its last provider: web1 is the only one of its 2 providers not claimed (claimed: web2)",
                refused.orElseThrow());
    }

    @Test
    void aWindowMayNotEmptyARollingPoolButMayTakeAnOutageRequiredServiceDown() {
        Map<String, Map<String, Classification>> providers = Map.of(
                "zuul-merger", Map.of("zm01", Classification.TRIVIAL, "zm02", Classification.UP_TO_DATE),
                "mysql", Map.of("db01", Classification.OUTAGE_REQUIRED, "db02", Classification.OUTAGE_REQUIRED),
                "wiki", Map.of("wiki01", Classification.TRIVIAL));
        assertEquals(List.of("zuul-merger"), PoolRule.emptiedPools(Set.of("zm01", "zm02", "db01"), providers));
        assertEquals(List.of(), PoolRule.emptiedPools(Set.of("zm01", "db01", "db02", "wiki01"), providers));
    }
}
