package org.upgradeplanner.window;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.upgradeplanner.host.Host;

/**
 * Who depends on whom in the fleet ({@code depends_on}), read once and asked many times: the {@link Impact} of a set of
 * hosts. Breadth first, so each dependent host is explained by its shortest chain back to the window; a cycle in the
 * inventory ends where it meets a host already reached.
 */
public final class DependencyGraph {

    public static final DependencyGraph EMPTY = new DependencyGraph(Map.of(), Map.of());

    /** Host → the hosts that depend on it, sorted, so impacts read the same on every call. */
    private final Map<String, Set<String>> dependents = new HashMap<>();

    private final Map<String, Set<String>> services;

    /**
     * @param dependsOn host → the hosts it depends on (only hosts with dependencies need be listed)
     * @param services host → its services (at least for every host in {@code dependsOn})
     */
    public DependencyGraph(Map<String, Set<String>> dependsOn, Map<String, Set<String>> services) {
        dependsOn.forEach((host, ons) -> ons.forEach(
                on -> dependents.computeIfAbsent(on, k -> new TreeSet<>()).add(host)));
        this.services = services;
    }

    /** The fleet as stored now: two queries (see {@link Host#dependencies()}). */
    public static DependencyGraph stored() {
        Host.Dependencies d = Host.dependencies();
        return new DependencyGraph(d.dependsOn(), d.services());
    }

    /** The names of the services a window on these hosts takes down, its own and through dependencies. */
    public Set<String> servicesDown(Collection<String> hosts, Collection<String> directServices) {
        Set<String> down = new TreeSet<>(directServices);
        reached(hosts).forEach((h, on) -> {
            if (on != null) {
                down.addAll(services.getOrDefault(h, Set.of()));
            }
        });
        return down;
    }

    /** The impact of a window on these hosts, which itself names {@code directServices}. */
    public Impact impact(Collection<String> hosts, Collection<String> directServices) {
        List<Impact.Affected> affectedHosts = new ArrayList<>();
        Set<String> serviceNames = new LinkedHashSet<>(new TreeSet<>(directServices));
        List<Impact.Affected> affectedServices = new ArrayList<>();
        serviceNames.forEach(s -> affectedServices.add(new Impact.Affected(s, null)));
        Map<String, String> parent = reached(hosts);
        for (Map.Entry<String, String> e : parent.entrySet()) {
            String through = e.getValue() == null ? null : chain(e.getKey(), parent);
            affectedHosts.add(new Impact.Affected(e.getKey(), through));
            if (through != null) {
                for (String s : new TreeSet<>(services.getOrDefault(e.getKey(), Set.of()))) {
                    if (serviceNames.add(s)) {
                        affectedServices.add(new Impact.Affected(s, through));
                    }
                }
            }
        }
        return new Impact(List.copyOf(affectedServices), List.copyOf(affectedHosts));
    }

    /**
     * Every host the window's hosts take down, in breadth-first order (the window's own first, by name), each with the
     * host it depends on that brought it in (null for the window's own).
     */
    private Map<String, String> reached(Collection<String> hosts) {
        Map<String, String> parent = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String h : new TreeSet<>(hosts)) {
            parent.put(h, null);
            queue.add(h);
        }
        while (!queue.isEmpty()) {
            String h = queue.poll();
            for (String d : dependents.getOrDefault(h, Set.of())) {
                if (!parent.containsKey(d)) {
                    parent.put(d, h);
                    queue.add(d);
                }
            }
        }
        return parent;
    }

    /** "zuul depends on review, which depends on db01": from a dependent host back to the window's host. */
    private static String chain(String host, Map<String, String> parent) {
        StringBuilder s = new StringBuilder(host);
        String on = parent.get(host);
        s.append(" depends on ").append(on);
        for (String next = parent.get(on); next != null; on = next, next = parent.get(next)) {
            s.append(", which depends on ").append(next);
        }
        return s.toString();
    }
}
