package org.upgradeplanner.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.upgradeplanner.window.Planner.Candidate;

/**
 * What the {@link Planner} places together: hosts linked by a shared service or a dependency form a group, and a group
 * too big for one window is cut into chunks of neighbours, so that one outage takes down together what is upgraded
 * together.
 */
final class PlanningGroups {

    private final DependencyGraph graph;
    private final int maxHostsPerWindow;

    PlanningGroups(DependencyGraph graph, int maxHostsPerWindow) {
        this.graph = graph;
        this.maxHostsPerWindow = maxHostsPerWindow;
    }

    /** Hosts linked by a shared service or a dependency, each group sorted by EOL; groups by their earliest EOL. */
    static List<List<Candidate>> groups(List<Candidate> candidates) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            index.put(candidates.get(i).hostname(), i);
        }
        int[] parent = new int[candidates.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> byService = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            for (String s : c.services()) {
                Integer other = byService.putIfAbsent(s, i);
                if (other != null) {
                    union(parent, i, other);
                }
            }
            for (String d : c.dependsOn()) {
                Integer other = index.get(d);
                if (other != null) {
                    union(parent, i, other);
                }
            }
        }
        Map<Integer, List<Candidate>> groups = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(candidates.get(i));
        }
        Comparator<Candidate> byEol = Comparator.comparing(
                        Candidate::eol, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Candidate::hostname);
        List<List<Candidate>> sorted = new ArrayList<>();
        for (List<Candidate> g : groups.values()) {
            g.sort(byEol);
            sorted.add(g);
        }
        sorted.sort(Comparator.comparing((List<Candidate> g) -> g.get(0), byEol));
        return sorted;
    }

    /**
     * Groups cut to the policy's window size. A chunk starts at the group's first host left (earliest EOL) and grows
     * breadth first through its neighbours — hosts that depend on it, that it depends on, or that share a service —
     * so what one outage takes down together is upgraded together.
     */
    List<List<Candidate>> chunks(List<List<Candidate>> groups) {
        int max = Math.max(1, maxHostsPerWindow);
        List<List<Candidate>> chunks = new ArrayList<>();
        for (List<Candidate> g : groups) {
            if (g.size() <= max) {
                chunks.add(g);
                continue;
            }
            Map<String, Set<String>> neighbours = neighbours(g);
            Map<String, Integer> order = new HashMap<>();
            g.forEach(c -> order.put(c.hostname(), order.size()));
            Map<String, Candidate> left = new java.util.LinkedHashMap<>();
            g.forEach(c -> left.put(c.hostname(), c));
            while (!left.isEmpty()) {
                List<Candidate> chunk = new ArrayList<>();
                java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
                queue.add(left.keySet().iterator().next());
                while (!queue.isEmpty() && chunk.size() < max) {
                    Candidate c = left.remove(queue.poll());
                    if (c == null) {
                        continue;
                    }
                    chunk.add(c);
                    neighbours.getOrDefault(c.hostname(), Set.of()).stream()
                            .filter(left::containsKey)
                            .forEach(queue::add);
                }
                chunk.sort(Comparator.comparing(c -> order.get(c.hostname())));
                chunks.add(chunk);
            }
        }
        return chunks;
    }

    /**
     * Within a group: each host's dependents and dependencies first — those whose own outage takes down the most hosts
     * first, so a hub's window takes along the dependents that would cost most a second time — then the hosts sharing a
     * service, by name.
     */
    private Map<String, Set<String>> neighbours(List<Candidate> group) {
        Map<String, Integer> reach = new HashMap<>();
        group.forEach(c -> reach.put(
                c.hostname(),
                graph.impact(Set.of(c.hostname()), Set.of()).hosts().size()));
        Comparator<String> heaviestFirst = Comparator.<String>comparingInt(h -> -reach.getOrDefault(h, 1))
                .thenComparing(Comparator.naturalOrder());
        Map<String, Set<String>> byDependency = new HashMap<>();
        Map<String, Set<String>> providers = new HashMap<>();
        for (Candidate c : group) {
            c.services()
                    .forEach(s ->
                            providers.computeIfAbsent(s, k -> new TreeSet<>()).add(c.hostname()));
            for (String d : c.dependsOn()) {
                byDependency
                        .computeIfAbsent(c.hostname(), k -> new TreeSet<>(heaviestFirst))
                        .add(d);
                byDependency
                        .computeIfAbsent(d, k -> new TreeSet<>(heaviestFirst))
                        .add(c.hostname());
            }
        }
        Map<String, Set<String>> neighbours = new HashMap<>();
        for (Candidate c : group) {
            Set<String> n = new java.util.LinkedHashSet<>(byDependency.getOrDefault(c.hostname(), Set.of()));
            c.services().forEach(s -> n.addAll(providers.get(s)));
            n.remove(c.hostname());
            neighbours.put(c.hostname(), n);
        }
        return neighbours;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
