package org.upgradeplanner.classification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Fleet-wide facts a single host's rule needs: who else provides its services, who depends on it. Built in one pass. */
public final class FleetIndex {

    private final Map<String, List<HostFacts>> replaceableProviders = new HashMap<>();
    private final Map<String, TreeSet<String>> dependents = new HashMap<>();

    public FleetIndex(Collection<HostFacts> fleet) {
        for (HostFacts h : fleet) {
            if (h.replaceable()) {
                h.services().forEach(s -> replaceableProviders.computeIfAbsent(s, k -> new ArrayList<>()).add(h));
            }
            h.dependsOn().forEach(d -> dependents.computeIfAbsent(d, k -> new TreeSet<>()).add(h.hostname()));
        }
    }

    /** Replaceable hosts providing the service (the host itself included, if it is one). */
    public List<HostFacts> replaceableProviders(String service) {
        return replaceableProviders.getOrDefault(service, List.of());
    }

    /** Hostnames that declare {@code depends_on} this host, sorted. */
    public TreeSet<String> dependents(String hostname) {
        return dependents.getOrDefault(hostname, new TreeSet<>());
    }
}
