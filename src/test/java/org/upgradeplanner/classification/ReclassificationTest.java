package org.upgradeplanner.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.release.Catalogs;
import org.upgradeplanner.release.TargetPolicy;

/**
 * Property: after any sequence of changes to any fleet, verdicts kept up to date incrementally (only the hosts a
 * change reaches) equal a full classification of the fleet. Fleets are small and names few, so pools, shared
 * services and dependencies collide often.
 */
class ReclassificationTest {

    private static final TargetPolicy TARGETS = Catalogs.in2016();
    private static final Classifier CLASSIFIER = new Classifier(Rules.DEFAULT);
    private static final List<String> OSES =
            List.of("ubuntu-12.04", "ubuntu-14.04", "ubuntu-10.04", "debian-7", "gentoo-2");

    /** A fleet in memory with the stored verdicts, answering like the database does. */
    private static final class Fleet implements Reclassification.StoredFleet {
        final Map<String, HostFacts> hosts = new LinkedHashMap<>();
        final Map<String, Verdict> stored = new HashMap<>();

        @Override
        public Collection<HostFacts> neighbours(Set<String> services, Set<String> hostnames, Set<String> except) {
            return hosts.values().stream()
                    .filter(h -> !except.contains(h.hostname()))
                    .filter(h -> hostnames.contains(h.hostname())
                            || h.replaceable() && h.services().stream().anyMatch(services::contains))
                    .toList();
        }

        @Override
        public Map<String, Integer> replaceableProviders(Set<String> services) {
            Map<String, Integer> counts = new HashMap<>();
            hosts.values().stream()
                    .filter(HostFacts::replaceable)
                    .forEach(h -> h.services().stream()
                            .filter(services::contains)
                            .forEach(s -> counts.merge(s, 1, Integer::sum)));
            return counts;
        }

        @Override
        public Map<String, Map<String, Integer>> replaceableProvidersByGroup(Set<String> services) {
            Map<String, Map<String, Integer>> counts = new HashMap<>();
            hosts.values().stream()
                    .filter(HostFacts::replaceable)
                    .forEach(h -> h.services().stream()
                            .filter(services::contains)
                            .forEach(s -> h.groups()
                                    .forEach(g -> counts.computeIfAbsent(s, k -> new HashMap<>())
                                            .merge(g, 1, Integer::sum))));
            return counts;
        }

        @Override
        public Map<String, TreeSet<String>> dependents(Set<String> hostnames) {
            Map<String, TreeSet<String>> dependents = new HashMap<>();
            hosts.values()
                    .forEach(h -> h.dependsOn().stream()
                            .filter(hostnames::contains)
                            .forEach(d -> dependents
                                    .computeIfAbsent(d, k -> new TreeSet<>())
                                    .add(h.hostname())));
            return dependents;
        }

        void apply(List<Reclassification.Change> changes) {
            Map<String, Verdict> verdicts = new Reclassification(CLASSIFIER).verdicts(changes, this, TARGETS);
            for (Reclassification.Change c : changes) {
                if (c.after() == null) {
                    hosts.remove(c.hostname());
                    stored.remove(c.hostname());
                } else {
                    hosts.put(c.hostname(), c.after());
                }
            }
            stored.putAll(verdicts);
        }
    }

    @Test
    void incrementalVerdictsEqualAFullClassificationAfterEveryStep() {
        for (long seed = 1; seed <= 300; seed++) {
            Random rnd = new Random(seed);
            Fleet fleet = new Fleet();
            for (int step = 0; step < 40; step++) {
                fleet.apply(randomChanges(rnd, fleet));
                assertEquals(
                        stored(CLASSIFIER.classify(fleet.hosts.values(), TARGETS)),
                        stored(fleet.stored),
                        "seed " + seed + ", step " + step);
            }
        }
    }

    @Test
    void aPartOfTheIndexRefusesWhatItWasNotBuiltFor() {
        FleetIndex part = FleetIndex.part(Set.of("web"), Set.of("db1"), Map.of("web", 3), Map.of(), Map.of());
        assertEquals(3, part.replaceableProviders("web"));
        assertThrows(IllegalStateException.class, () -> part.replaceableProviders("mail"));
        assertThrows(IllegalStateException.class, () -> part.dependents("db2"));
    }

    /** What is stored of each verdict. */
    private static Map<String, List<Object>> stored(Map<String, Verdict> verdicts) {
        Map<String, List<Object>> stored = new HashMap<>();
        verdicts.forEach((h, v) -> stored.put(
                h,
                java.util.Arrays.asList(
                        v.classification(),
                        v.rule(),
                        v.reasons(),
                        v.release() == null ? null : v.release().eol())));
        return stored;
    }

    /** One to a few changes at once, as an import, an edit or a delete makes them: adds, edits and removals. */
    private static List<Reclassification.Change> randomChanges(Random rnd, Fleet fleet) {
        Map<String, Reclassification.Change> changes = new LinkedHashMap<>();
        int n = rnd.nextInt(10) < 7 ? 1 : 2 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            String name = "h" + rnd.nextInt(16);
            if (changes.containsKey(name)) {
                continue;
            }
            HostFacts before = fleet.hosts.get(name);
            HostFacts after = before != null && rnd.nextInt(4) == 0 ? null : randomHost(rnd, name);
            if (before != null || after != null) {
                changes.put(name, new Reclassification.Change(before, after));
            }
        }
        return new ArrayList<>(changes.values());
    }

    private static HostFacts randomHost(Random rnd, String name) {
        String os = rnd.nextInt(8) == 0 ? null : OSES.get(rnd.nextInt(OSES.size()));
        String[] parts = os == null ? new String[] {null, null} : os.split("-", 2);
        Set<String> dependsOn = new TreeSet<>(pick(rnd, "h", 16, 2));
        dependsOn.remove(name);
        return new HostFacts(
                name,
                parts[0],
                parts[1],
                pick(rnd, "s", 4, 2),
                pick(rnd, "g", 3, 2),
                rnd.nextInt(3) == 0,
                rnd.nextInt(3) > 0,
                rnd.nextInt(5) == 0,
                dependsOn);
    }

    private static Set<String> pick(Random rnd, String prefix, int names, int most) {
        Set<String> picked = new TreeSet<>();
        for (int i = rnd.nextInt(most + 1); i > 0; i--) {
            picked.add(prefix + rnd.nextInt(names));
        }
        return picked;
    }
}
