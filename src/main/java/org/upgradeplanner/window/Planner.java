package org.upgradeplanner.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Proposes windows for the hosts that need an outage: hosts sharing a service or depending on each other go together
 * (as capacity allows), the earliest EOL first, each group in the first preferred slot that is after the notice
 * period, outside freezes, under the concurrency limit and clear of overlapping windows with the same hosts or services.
 */
public final class Planner {

    /** A host to place; {@code upgrade} says what it goes through, e.g. "ubuntu 12.04 → 14.04". */
    public record Candidate(
            String hostname, Set<String> services, Set<String> dependsOn, LocalDate eol, String upgrade) {}

    public record Proposal(
            String title, Instant start, Instant end, List<String> hosts, Set<String> services, String description) {}

    /** How far ahead the planner looks for a free slot before it gives up on a group. */
    static final Duration HORIZON = Duration.ofDays(366L * 30);

    private static final Duration STEP = Duration.ofDays(7 * 26);

    private final SchedulingPolicy policy;

    public Planner(SchedulingPolicy policy) {
        this.policy = policy;
    }

    /** Proposals in slot order; {@code unplaced} receives the hosts for which no slot was found within the horizon. */
    public List<Proposal> propose(
            List<Candidate> candidates, List<WindowSpec> existing, Instant now, List<String> unplaced) {
        List<List<Candidate>> chunks = chunks(groups(candidates));
        Occupancy occupancy = new Occupancy(
                existing.stream().filter(w -> w.state().isActive()).toList());
        Slots slots = new Slots(now.plus(policy.minimumNotice()));
        List<Proposal> proposals = new ArrayList<>();
        for (List<Candidate> chunk : chunks) {
            Set<String> hosts = new TreeSet<>();
            Set<String> services = new TreeSet<>();
            chunk.forEach(c -> {
                hosts.add(c.hostname());
                services.addAll(c.services());
            });
            Instant start = slots.firstFree(hosts, services, occupancy);
            if (start == null) {
                chunk.forEach(c -> unplaced.add(c.hostname()));
                continue;
            }
            Instant end = start.plus(policy.slotDuration());
            occupancy.add(new WindowSpec(null, "", start, end, hosts, services, WindowState.DRAFT));
            proposals.add(new Proposal(
                    title(chunk, services),
                    start,
                    end,
                    chunk.stream().map(Candidate::hostname).toList(),
                    services,
                    description(chunk)));
        }
        proposals.sort(Comparator.comparing(Proposal::start));
        return proposals;
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

    private List<List<Candidate>> chunks(List<List<Candidate>> groups) {
        int max = Math.max(1, policy.maxHostsPerWindow());
        List<List<Candidate>> chunks = new ArrayList<>();
        for (List<Candidate> g : groups) {
            for (int i = 0; i < g.size(); i += max) {
                chunks.add(g.subList(i, Math.min(g.size(), i + max)));
            }
        }
        return chunks;
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

    private static String title(List<Candidate> chunk, Set<String> services) {
        String what = services.isEmpty() ? "" : " (" + String.join(", ", services) + ")";
        return chunk.size() == 1
                ? "Upgrade of " + chunk.get(0).hostname() + what
                : "Upgrade of " + chunk.size() + " hosts" + what;
    }

    private static String description(List<Candidate> chunk) {
        StringBuilder d = new StringBuilder("Planned upgrades:\n");
        for (Candidate c : chunk) {
            d.append("- ").append(c.hostname()).append(": ").append(c.upgrade());
            if (c.eol() != null) {
                d.append(" (current release EOL ").append(c.eol()).append(")");
            }
            d.append('\n');
        }
        return d.toString().strip();
    }

    /** Placed windows by start, to find those overlapping an interval without scanning them all. */
    private static final class Occupancy {
        private final NavigableMap<Instant, List<WindowSpec>> byStart = new TreeMap<>();
        private Duration longest = Duration.ZERO;

        Occupancy(List<WindowSpec> windows) {
            windows.forEach(this::add);
        }

        void add(WindowSpec w) {
            byStart.computeIfAbsent(w.start(), k -> new ArrayList<>()).add(w);
            Duration d = Duration.between(w.start(), w.end());
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }

        List<WindowSpec> overlapping(Instant from, Instant to) {
            List<WindowSpec> hits = new ArrayList<>();
            byStart.subMap(from.minus(longest), false, to, false)
                    .values()
                    .forEach(ws -> ws.stream().filter(w -> w.overlaps(from, to)).forEach(hits::add));
            return hits;
        }
    }

    /** Preferred slot starts after the notice, expanded half a year at a time, with a pointer past the full ones. */
    private final class Slots {
        private final List<Instant> starts = new ArrayList<>();
        private final Instant limit;
        private Instant expandedTo;
        private int firstOpen;

        Slots(Instant earliest) {
            this.expandedTo = earliest;
            this.limit = earliest.plus(HORIZON);
        }

        Instant firstFree(Set<String> hosts, Set<String> services, Occupancy occupancy) {
            for (int i = firstOpen; ; i++) {
                while (i >= starts.size()) {
                    if (!expandedTo.isBefore(limit)) {
                        return null;
                    }
                    Instant to = expandedTo.plus(STEP);
                    starts.addAll(policy.slots().starts(expandedTo, to));
                    expandedTo = to;
                }
                Instant start = starts.get(i);
                Instant end = start.plus(policy.slotDuration());
                List<WindowSpec> overlapping = occupancy.overlapping(start, end);
                // Counting every overlapping window (not only simultaneous ones) can only err on the safe side.
                boolean full = overlapping.size() + 1 > policy.maxConcurrentWindows() || frozen(start, end);
                if (full) {
                    if (i == firstOpen) {
                        firstOpen++;
                    }
                    continue;
                }
                boolean clash = overlapping.stream()
                        .anyMatch(w -> !disjoint(w.hosts(), hosts) || !disjoint(w.services(), services));
                if (!clash) {
                    return start;
                }
            }
        }

        private boolean frozen(Instant start, Instant end) {
            return policy.freezes().stream()
                    .anyMatch(f -> start.isBefore(f.end()) && f.start().isBefore(end));
        }
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }
}
