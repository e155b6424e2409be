package org.upgradeplanner.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Proposes windows for the hosts that need an outage: hosts sharing a service or depending on each other go together
 * (as capacity allows: a group too big for one window is cut into chunks of neighbours, so a host and those that depend
 * on it share a window), the earliest EOL first, each chunk in the first preferred slot that is after the notice
 * period, outside freezes, under the concurrency limit, clear of overlapping windows with the same hosts or services,
 * and not within a week of another window that takes one of its services down (directly or through dependencies).
 */
public final class Planner {

    /** A host to place; {@code upgrade} says what it goes through, e.g. "ubuntu 12.04 → 14.04". */
    public record Candidate(
            String hostname, Set<String> services, Set<String> dependsOn, LocalDate eol, String upgrade) {}

    public record Proposal(
            String title, Instant start, Instant end, List<String> hosts, Set<String> services, String description) {}

    private static final Duration STEP = Duration.ofDays(7 * 26);

    /** A service taken down twice closer than this is an outage its users did not need. */
    static final Duration WEEK = Duration.ofDays(7);

    private final SchedulingPolicy policy;
    private final DependencyGraph graph;
    private final Duration horizon;

    /** @param horizon how far ahead of now the planner may place a window (the service's date horizon) */
    public Planner(SchedulingPolicy policy, DependencyGraph graph, Duration horizon) {
        this.policy = policy;
        this.graph = graph;
        this.horizon = horizon;
    }

    /** Proposals in slot order; {@code unplaced} receives the hosts for which no slot was found within the horizon. */
    public List<Proposal> propose(
            List<Candidate> candidates, List<WindowSpec> existing, Instant now, List<String> unplaced) {
        List<List<Candidate>> chunks =
                new PlanningGroups(graph, policy.maxHostsPerWindow()).chunks(PlanningGroups.groups(candidates));
        Occupancy occupancy = new Occupancy(existing.stream()
                .filter(w -> w.state().isActive())
                .map(this::impacted)
                .toList());
        Slots slots = new Slots(now.plus(policy.minimumNotice()), now.plus(horizon));
        List<Proposal> proposals = new ArrayList<>();
        for (List<Candidate> chunk : chunks) {
            Set<String> hosts = new TreeSet<>();
            Set<String> services = new TreeSet<>();
            chunk.forEach(c -> {
                hosts.add(c.hostname());
                services.addAll(c.services());
            });
            Set<String> down = graph.servicesDown(hosts, services);
            Instant start = slots.firstFree(hosts, down, occupancy);
            if (start == null) {
                chunk.forEach(c -> unplaced.add(c.hostname()));
                continue;
            }
            Instant end = start.plus(policy.slotDuration());
            occupancy.add(new WindowSpec(null, "", start, end, hosts, down, WindowState.DRAFT));
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

    /** A window's spec with the services it takes down through dependencies as well as its own. */
    private WindowSpec impacted(WindowSpec w) {
        return new WindowSpec(
                w.id(),
                w.title(),
                w.start(),
                w.end(),
                w.hosts(),
                graph.servicesDown(w.hosts(), w.services()),
                w.state());
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

        Slots(Instant earliest, Instant limit) {
            this.expandedTo = earliest;
            this.limit = limit;
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
                if (end.isAfter(limit)) {
                    return null;
                }
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
                                .anyMatch(w -> !disjoint(w.hosts(), hosts) || !disjoint(w.services(), services))
                        || occupancy.overlapping(start.minus(WEEK), end.plus(WEEK)).stream()
                                .anyMatch(w -> withinAWeek(w.start(), start) && !disjoint(w.services(), services));
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

    /** Starts less than seven days apart, either way. */
    static boolean withinAWeek(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(WEEK) < 0;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }
}
