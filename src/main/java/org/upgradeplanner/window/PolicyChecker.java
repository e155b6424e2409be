package org.upgradeplanner.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.classification.PoolRule;

/**
 * Checks windows against the scheduling policy. It knows nothing of how windows were made (by hand or by the
 * planner): it is the independent judge of any plan. Only active windows (not cancelled, not completed) count.
 */
public final class PolicyChecker {

    private static final java.time.format.DateTimeFormatter HOLIDAY =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH);

    private final SchedulingPolicy policy;
    private final Map<String, Map<String, Classification>> providers;

    public PolicyChecker(SchedulingPolicy policy) {
        this(policy, Map.of());
    }

    /**
     * @param providers service → provider → effective class, for the services of the windows checked: a window may not
     *     take a rolling pool down whole ({@link PoolRule#emptiedPools})
     */
    public PolicyChecker(SchedulingPolicy policy, Map<String, Map<String, Classification>> providers) {
        this.policy = policy;
        this.providers = providers;
    }

    /** Every breach of a new or changed window against the others (which may include its old self: skipped by id). */
    public List<Breach> check(WindowSpec candidate, List<WindowSpec> all, Instant now) {
        List<Breach> breaches = new ArrayList<>();
        if (!candidate.state().isActive()) {
            return breaches;
        }
        List<WindowSpec> others = all.stream()
                .filter(w -> w.state().isActive()
                        && (candidate.id() == null || !candidate.id().equals(w.id())))
                .toList();
        Long id = candidate.id();
        for (WindowSpec other : others) {
            if (!candidate.overlaps(other)) {
                continue;
            }
            Set<String> hosts = intersection(candidate.hosts(), other.hosts());
            if (!hosts.isEmpty()) {
                breaches.add(new Breach(
                        id,
                        Breach.Rule.HOST_OVERLAP,
                        "hosts",
                        String.join(", ", hosts) + " already in overlapping " + other.label()));
            }
            Set<String> services = intersection(candidate.services(), other.services());
            if (!services.isEmpty()) {
                breaches.add(new Breach(
                        id,
                        Breach.Rule.SERVICE_OVERLAP,
                        "services",
                        "service " + String.join(", ", services) + " already down in overlapping " + other.label()));
            }
        }
        for (SchedulingPolicy.Freeze f : policy.freezes()) {
            if (candidate.overlaps(f.start(), f.end())) {
                breaches.add(new Breach(
                        id,
                        Breach.Rule.FREEZE,
                        "start",
                        "overlaps the freeze " + f.label() + " (" + f.start() + " to " + f.end() + ")"));
            }
        }
        boolean unannounced = candidate.state() == WindowState.DRAFT || candidate.state() == WindowState.SCHEDULED;
        if (unannounced && !policy.minimumNotice().isZero()) { // PT0S turns the check off
            Duration notice = Duration.between(now, candidate.start());
            if (notice.compareTo(policy.minimumNotice()) < 0) {
                breaches.add(new Breach(
                        id,
                        Breach.Rule.NOTICE,
                        "start",
                        "starts in " + human(notice) + ", less than the minimum notice of "
                                + human(policy.minimumNotice())));
            }
        }
        int concurrent = 1 + maxOverlapping(candidate, others);
        if (concurrent > policy.maxConcurrentWindows()) {
            breaches.add(new Breach(
                    id,
                    Breach.Rule.CONCURRENCY,
                    "start",
                    concurrent + " windows would run at the same time; the policy allows "
                            + policy.maxConcurrentWindows()));
        }
        for (String service : PoolRule.emptiedPools(candidate.hosts(), providers)) {
            breaches.add(new Breach(
                    id,
                    Breach.Rule.LAST_PROVIDER,
                    "hosts",
                    "takes down every provider of " + service + " ("
                            + String.join(", ", providers.get(service).keySet())
                            + "), a pool whose hosts are replaced one at a time: leave one serving"));
        }
        if (candidate.hosts().size() > policy.maxHostsPerWindow()) {
            breaches.add(new Breach(
                    id,
                    Breach.Rule.HOSTS_PER_WINDOW,
                    "hosts",
                    candidate.hosts().size() + " hosts in one window; the policy allows "
                            + policy.maxHostsPerWindow()));
        }
        return breaches;
    }

    /**
     * Every breach across all windows, each window checked against all the others. Windows are sorted by start, so each
     * is compared only with those that can overlap it (starting less than the longest window before its end).
     */
    public List<Breach> checkAll(List<WindowSpec> all, Instant now) {
        List<WindowSpec> sorted =
                all.stream().sorted(Comparator.comparing(WindowSpec::start)).toList();
        Duration longest = sorted.stream()
                .map(w -> Duration.between(w.start(), w.end()))
                .max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
        List<Breach> breaches = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < sorted.size(); i++) {
            WindowSpec w = sorted.get(i);
            while (from < i && !sorted.get(from).start().isAfter(w.start().minus(longest))) {
                from++;
            }
            int to = i;
            while (to < sorted.size() && sorted.get(to).start().isBefore(w.end())) {
                to++;
            }
            breaches.addAll(check(w, sorted.subList(Math.max(0, from - 1), Math.max(to, i + 1)), now));
        }
        return breaches;
    }

    /**
     * Warnings across all active windows: a window on a holiday; a service two windows take down (directly or through dependencies, as
     * {@code graph} says) when they start less than a week apart and together fit in one window. Each pair once, on the
     * later window.
     */
    public List<Breach> warnings(List<WindowSpec> all, DependencyGraph graph, Holidays holidays) {
        List<WindowSpec> sorted = all.stream()
                .filter(w -> w.state().isActive())
                .sorted(Comparator.comparing(WindowSpec::start))
                .toList();
        List<Set<String>> down = sorted.stream()
                .map(w -> graph.servicesDown(w.hosts(), w.services()))
                .toList();
        List<Breach> warnings = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            WindowSpec later = sorted.get(i);
            List<java.time.LocalDate> off = holidays.during(later.start(), later.end());
            if (!off.isEmpty()) {
                warnings.add(new Breach(
                        later.id(),
                        Breach.Rule.HOLIDAY,
                        "start",
                        "falls on "
                                + off.stream()
                                        .map(d -> d.format(HOLIDAY))
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + ", a holiday (planner.policy.holidays): few will read the notice, fewer will be"
                                + " around to help"));
            }
            for (int j = i - 1; j >= 0 && Planner.withinAWeek(sorted.get(j).start(), later.start()); j--) {
                WindowSpec earlier = sorted.get(j);
                Set<String> both = intersection(down.get(i), down.get(j));
                Set<String> hosts = new TreeSet<>(earlier.hosts());
                hosts.addAll(later.hosts());
                if (!both.isEmpty() && hosts.size() <= policy.maxHostsPerWindow()) {
                    warnings.add(new Breach(
                            later.id(),
                            Breach.Rule.SERVICE_TWICE_IN_A_WEEK,
                            "start",
                            String.join(", ", both) + " goes down here and in " + earlier.label()
                                    + ", less than a week apart; one window for both (" + hosts.size()
                                    + " hosts) would do"));
                }
            }
        }
        return warnings;
    }

    /** The most of {@code others} that run at one instant inside the candidate. */
    private static int maxOverlapping(WindowSpec candidate, List<WindowSpec> others) {
        List<Instant[]> events = new ArrayList<>();
        for (WindowSpec o : others) {
            if (candidate.overlaps(o)) {
                Instant from = o.start().isBefore(candidate.start()) ? candidate.start() : o.start();
                Instant to = o.end().isAfter(candidate.end()) ? candidate.end() : o.end();
                events.add(new Instant[] {from, to});
            }
        }
        List<Instant> starts = events.stream().map(e -> e[0]).sorted().toList();
        List<Instant> ends = events.stream().map(e -> e[1]).sorted().toList();
        int max = 0;
        int open = 0;
        int j = 0;
        for (Instant s : starts) {
            while (j < ends.size() && !ends.get(j).isAfter(s)) {
                open--;
                j++;
            }
            open++;
            max = Math.max(max, open);
        }
        return max;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    static String human(Duration d) {
        if (d.isNegative()) {
            return "the past";
        }
        long hours = d.toHours();
        return hours >= 48 ? d.toDays() + " days" : hours >= 1 ? hours + " h" : d.toMinutes() + " min";
    }
}
