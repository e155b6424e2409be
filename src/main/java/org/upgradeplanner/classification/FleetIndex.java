package org.upgradeplanner.classification;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fleet-wide facts a single host's rules need: how many replaceable hosts provide each service (in all, and per
 * group), who depends on each host. Built in one pass, so classifying a fleet stays linear in its size however
 * large its pools are.
 */
public final class FleetIndex {

    private final Map<String, Integer> replaceableProviders = new HashMap<>();
    private final Map<String, Map<String, Integer>> replaceableProvidersByGroup = new HashMap<>();
    private final Map<String, TreeSet<String>> dependents = new HashMap<>();

    public FleetIndex(Collection<HostFacts> fleet) {
        for (HostFacts h : fleet) {
            if (h.replaceable()) {
                for (String s : h.services()) {
                    replaceableProviders.merge(s, 1, Integer::sum);
                    Map<String, Integer> byGroup = replaceableProvidersByGroup.computeIfAbsent(s, k -> new HashMap<>());
                    h.groups().forEach(g -> byGroup.merge(g, 1, Integer::sum));
                }
            }
            h.dependsOn().forEach(d -> dependents.computeIfAbsent(d, k -> new TreeSet<>()).add(h.hostname()));
        }
    }

    /** Replaceable hosts providing the service (the host itself included, if it is one). */
    public int replaceableProviders(String service) {
        return replaceableProviders.getOrDefault(service, 0);
    }

    /** Replaceable hosts of the group providing the service. */
    public int replaceableProviders(String service, String group) {
        return replaceableProvidersByGroup.getOrDefault(service, Map.of()).getOrDefault(group, 0);
    }

    /** Hostnames that declare {@code depends_on} this host, sorted. */
    public TreeSet<String> dependents(String hostname) {
        return dependents.getOrDefault(hostname, new TreeSet<>());
    }
}
