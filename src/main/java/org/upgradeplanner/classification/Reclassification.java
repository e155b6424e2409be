package org.upgradeplanner.classification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upgradeplanner.release.TargetPolicy;

/**
 * Which hosts a change to the fleet can re-decide, and their verdicts after it, worked out from the stored fleet
 * before the change is written (so a dry run shows them too). A host's verdict reads, beyond its own facts, only the
 * replaceable providers of its services (pools) and the hosts that depend on it. So a change reaches: the changed hosts;
 * every replaceable host providing a service whose replaceable providers it changes (a replaceable host added, removed, or changing
 * services or groups); and the hosts it starts or stops depending on. Cost follows the change and its neighbours, not
 * the fleet. (A host that is not replaceable reads no pool counts, so it is no pool's neighbour.) Only a new target policy or release catalog needs the whole fleet ({@link Classifier#classify}).
 */
public final class Reclassification {

    /** One host's facts before and after a change: {@code before} is null for a new host, {@code after} for a removed one. */
    public record Change(HostFacts before, HostFacts after) {

        public Change {
            if (before == null && after == null
                    || before != null && after != null && !before.hostname().equals(after.hostname())) {
                throw new IllegalArgumentException("a change is of one host");
            }
        }

        public String hostname() {
            return after != null ? after.hostname() : before.hostname();
        }
    }

    /** What the rules need of the fleet as stored, before the change. */
    public interface StoredFleet {

        /**
         * Stored hosts not named in {@code except} that are replaceable and provide one of {@code services} (members of
         * those pools), or are named in {@code hostnames}.
         */
        Collection<HostFacts> neighbours(Set<String> services, Set<String> hostnames, Set<String> except);

        /** Replaceable providers of each of these services (a service none provides may be left out). */
        Map<String, Integer> replaceableProviders(Set<String> services);

        /** Replaceable providers of each of these services, per group. */
        Map<String, Map<String, Integer>> replaceableProvidersByGroup(Set<String> services);

        /** The hostnames that depend on each of these hosts. */
        Map<String, ? extends Collection<String>> dependents(Set<String> hostnames);
    }

    private final Classifier classifier;

    public Reclassification(Classifier classifier) {
        this.classifier = classifier;
    }

    /** Verdicts, after the changes, of every host whose verdict they can change (the changed hosts that remain included). */
    public Map<String, Verdict> verdicts(List<Change> changes, StoredFleet stored, TargetPolicy targets) {
        Set<String> changed = new HashSet<>();
        Set<String> services = new HashSet<>();
        Set<String> dependedOn = new HashSet<>();
        List<HostFacts> affected = new ArrayList<>();
        for (Change c : changes) {
            changed.add(c.hostname());
            if (c.after() != null) {
                affected.add(c.after());
            }
            if (!provision(c.before()).equals(provision(c.after()))) {
                services.addAll(provision(c.before()).services());
                services.addAll(provision(c.after()).services());
            }
            Set<String> before = c.before() == null ? Set.of() : c.before().dependsOn();
            Set<String> after = c.after() == null ? Set.of() : c.after().dependsOn();
            before.stream().filter(d -> !after.contains(d)).forEach(dependedOn::add);
            after.stream().filter(d -> !before.contains(d)).forEach(dependedOn::add);
        }
        if (!services.isEmpty() || !dependedOn.isEmpty()) {
            affected.addAll(stored.neighbours(services, dependedOn, changed));
        }
        if (affected.isEmpty()) {
            return Map.of();
        }

        // Only a replaceable host's rules count providers (a pool is of replaceable hosts): a stateful single host's
        // services, often widely shared (postgres), need no count.
        Set<String> indexed = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        for (HostFacts h : affected) {
            if (h.replaceable()) {
                indexed.addAll(h.services());
            }
            hosts.add(h.hostname());
        }
        FleetIndex index = FleetIndex.part(
                indexed,
                hosts,
                stored.replaceableProviders(indexed),
                stored.replaceableProvidersByGroup(indexed),
                stored.dependents(hosts));
        for (Change c : changes) {
            if (c.before() != null) {
                index.remove(c.before());
            }
            if (c.after() != null) {
                index.add(c.after());
            }
        }
        return classifier.classify(affected, targets, index);
    }

    /** What a host adds to the pools: its services and groups if it is replaceable, else nothing. */
    private static Provision provision(HostFacts h) {
        return h == null || !h.replaceable() || h.services().isEmpty()
                ? Provision.NONE
                : new Provision(h.services(), h.groups());
    }

    private record Provision(Set<String> services, Set<String> groups) {
        static final Provision NONE = new Provision(Set.of(), Set.of());
    }
}
