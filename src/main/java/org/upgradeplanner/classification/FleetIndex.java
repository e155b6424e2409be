package org.upgradeplanner.classification;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fleet-wide facts a single host's rules need: how many replaceable hosts provide each service (in all, and per
 * group), who depends on each host. Built in one pass over a whole fleet, or {@linkplain #part partly} from stored
 * counts of just the services and hosts a change reaches; {@link #add} and {@link #remove} then move it to the state
 * after the change. A part answers only for what it was built for, and fails loudly on anything else, so a
 * reclassification that forgot a neighbour cannot quietly read a zero.
 */
public final class FleetIndex {

    private final Map<String, Integer> replaceableProviders = new HashMap<>();
    private final Map<String, Map<String, Integer>> replaceableProvidersByGroup = new HashMap<>();
    private final Map<String, TreeSet<String>> dependents = new HashMap<>();
    /** What a part answers for; null for a whole fleet. */
    private final Set<String> services;

    private final Set<String> hosts;

    public FleetIndex(Collection<HostFacts> fleet) {
        this.services = null;
        this.hosts = null;
        fleet.forEach(this::add);
    }

    private FleetIndex(Set<String> services, Set<String> hosts) {
        this.services = Set.copyOf(services);
        this.hosts = Set.copyOf(hosts);
    }

    /**
     * The index of a stored fleet for these services and hosts only, from its counts: replaceable providers per service
     * and per service and group, and the hosts that depend on each host.
     */
    public static FleetIndex part(
            Set<String> services,
            Set<String> hosts,
            Map<String, Integer> providers,
            Map<String, Map<String, Integer>> providersByGroup,
            Map<String, ? extends Collection<String>> dependents) {
        FleetIndex index = new FleetIndex(services, hosts);
        providers.forEach((s, n) -> {
            if (services.contains(s)) {
                index.replaceableProviders.put(s, n);
            }
        });
        providersByGroup.forEach((s, byGroup) -> {
            if (services.contains(s)) {
                index.replaceableProvidersByGroup.put(s, new HashMap<>(byGroup));
            }
        });
        dependents.forEach((h, ds) -> {
            if (hosts.contains(h)) {
                index.dependents.put(h, new TreeSet<>(ds));
            }
        });
        return index;
    }

    /** Counts this host in (a host that joins the fleet, or a host's new facts). */
    public void add(HostFacts h) {
        count(h, 1);
    }

    /** Counts this host out (a host that leaves the fleet, or a host's old facts). */
    public void remove(HostFacts h) {
        count(h, -1);
    }

    private void count(HostFacts h, int delta) {
        if (h.replaceable()) {
            for (String s : h.services()) {
                if (services != null && !services.contains(s)) {
                    continue;
                }
                replaceableProviders.merge(s, delta, Integer::sum);
                Map<String, Integer> byGroup = replaceableProvidersByGroup.computeIfAbsent(s, k -> new HashMap<>());
                h.groups().forEach(g -> byGroup.merge(g, delta, Integer::sum));
            }
        }
        for (String d : h.dependsOn()) {
            if (hosts != null && !hosts.contains(d)) {
                continue;
            }
            TreeSet<String> of = dependents.computeIfAbsent(d, k -> new TreeSet<>());
            if (delta > 0) {
                of.add(h.hostname());
            } else {
                of.remove(h.hostname());
            }
        }
    }

    /** Replaceable hosts providing the service (the host itself included, if it is one). */
    public int replaceableProviders(String service) {
        covers(services, service, "service");
        return replaceableProviders.getOrDefault(service, 0);
    }

    /** Replaceable hosts of the group providing the service. */
    public int replaceableProviders(String service, String group) {
        covers(services, service, "service");
        return replaceableProvidersByGroup.getOrDefault(service, Map.of()).getOrDefault(group, 0);
    }

    /** Hostnames that declare {@code depends_on} this host, sorted. */
    public TreeSet<String> dependents(String hostname) {
        covers(hosts, hostname, "host");
        return dependents.getOrDefault(hostname, new TreeSet<>());
    }

    private static void covers(Set<String> part, String key, String what) {
        if (part != null && !part.contains(key)) {
            throw new IllegalStateException("this part of the fleet index was not built for " + what + " " + key);
        }
    }
}
