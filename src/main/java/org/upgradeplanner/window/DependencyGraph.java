package org.upgradeplanner.window;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who depends on whom in the fleet ({@code depends_on}), read once and asked many times: the {@link Impact} of a set of
 * hosts. Breadth first, so each dependent host is explained by its shortest chain back to the window; a cycle in the
 * inventory ends where it meets a host already reached.
 */
public final class DependencyGraph {

    public static final DependencyGraph EMPTY = new DependencyGraph(Map.of(), Map.of());

    /** Host → the hosts that depend on it, sorted, so impacts read the same on every call. */
    private final Map<String, TreeSet<String>> dependents = new HashMap<>();

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

    /** The fleet as stored. */
    public static DependencyGraph of(org.upgradeplanner.host.Host.Dependencies d) {
        return new DependencyGraph(d.dependsOn(), d.services());
    }

    /** The impact of a window on these hosts, which itself names {@code directServices}. */
    public Impact impact(Collection<String> hosts, Collection<String> directServices) {
        List<Impact.Affected> affectedHosts = new ArrayList<>();
        Set<String> serviceNames = new LinkedHashSet<>(new TreeSet<>(directServices));
        List<Impact.Affected> affectedServices = new ArrayList<>();
        serviceNames.forEach(s -> affectedServices.add(new Impact.Affected(s, null)));
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String h : new TreeSet<>(hosts)) {
            parent.put(h, null);
            affectedHosts.add(new Impact.Affected(h, null));
            queue.add(h);
        }
        while (!queue.isEmpty()) {
            String h = queue.poll();
            for (String d : dependents.getOrDefault(h, new TreeSet<>())) {
                if (parent.containsKey(d)) {
                    continue;
                }
                parent.put(d, h);
                queue.add(d);
                String through = chain(d, parent);
                affectedHosts.add(new Impact.Affected(d, through));
                for (String s : new TreeSet<>(services.getOrDefault(d, Set.of()))) {
                    if (serviceNames.add(s)) {
                        affectedServices.add(new Impact.Affected(s, through));
                    }
                }
            }
        }
        return new Impact(List.copyOf(affectedServices), List.copyOf(affectedHosts));
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
