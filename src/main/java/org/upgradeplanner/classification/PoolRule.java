package org.upgradeplanner.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pools keep serving: of a service's n providers (n ≥ 2, a rolling pool), at most n − 1 may be out of service at once,
 * fewer when a fraction is configured. Claims in a replacement sprint and maintenance windows both answer to it. A
 * service with a single provider is no pool: its host is replaced beside itself, or taken down in an announced outage.
 */
public final class PoolRule {

    private final double fraction;

    /** @param fraction at most this share of a pool out at once (rounded down, at least one, never all); 1 allows n − 1 */
    public PoolRule(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the pool fraction must be more than 0 and at most 1, not " + fraction);
        }
        this.fraction = fraction;
    }

    /** How many of a pool of {@code providers} may be out at once. */
    public int limit(int providers) {
        return Math.max(1, Math.min(providers - 1, (int) Math.floor(providers * fraction)));
    }

    /**
     * Why {@code hostname} may not be taken out now, or empty when it may. {@code providers} gives each of its services'
     * providers (any host providing it, the host itself included); {@code out} are the hosts already out (claimed).
     */
    public Optional<String> refuse(String hostname, Map<String, Set<String>> providers, Set<String> out) {
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : new java.util.TreeMap<>(providers).entrySet()) {
            Set<String> pool = e.getValue();
            if (pool.size() < 2) {
                continue;
            }
            TreeSet<String> already = new TreeSet<>(pool);
            already.retainAll(out);
            already.remove(hostname);
            int limit = limit(pool.size());
            if (already.size() + 1 <= limit) {
                continue;
            }
            if (already.size() + 1 >= pool.size()) {
                reasons.add(e.getKey() + " would lose its last provider: " + hostname + " is the only one of its "
                        + pool.size() + " providers not claimed (claimed: " + names(already) + ")");
            } else {
                reasons.add(e.getKey() + " may have at most " + limit + " of its " + pool.size()
                        + " providers out at once, and " + already.size() + " are claimed (" + names(already) + ")");
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /**
     * The services a window taking down {@code hosts} would leave with no provider, though they are rolling pools
     * (at least two providers, one of them trivial to replace): taking such a pool down whole is never needed. A
     * service whose providers all need an outage is itself outage-required, and may go down in its window.
     */
    public static List<String> emptiedPools(Set<String> hosts, Map<String, Map<String, Classification>> providers) {
        List<String> emptied = new ArrayList<>();
        for (Map.Entry<String, Map<String, Classification>> e : new java.util.TreeMap<>(providers).entrySet()) {
            Map<String, Classification> pool = e.getValue();
            if (pool.size() >= 2 && hosts.containsAll(pool.keySet()) && pool.containsValue(Classification.TRIVIAL)) {
                emptied.add(e.getKey());
            }
        }
        return emptied;
    }

    private static String names(Set<String> hosts) {
        List<String> shown = new ArrayList<>(hosts).subList(0, Math.min(5, hosts.size()));
        return String.join(", ", shown)
                + (hosts.size() > shown.size() ? " and " + (hosts.size() - shown.size()) + " more" : "");
    }
}
