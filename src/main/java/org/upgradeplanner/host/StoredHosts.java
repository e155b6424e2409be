package org.upgradeplanner.host;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.upgradeplanner.classification.HostFacts;
import org.upgradeplanner.classification.Reclassification;

/**
 * The stored fleet as {@link Reclassification} reads it, from aggregate queries on just the services and hosts a
 * change reaches (each {@code in} list bound in chunks). Keeps the rows of the neighbours it loaded, so the caller can
 * compare their stored verdicts with the new ones. One instance per change.
 */
final class StoredHosts implements Reclassification.StoredFleet {

    private final EntityManager em = Host.getEntityManager();
    private final Map<String, Host.Row> neighbours = new LinkedHashMap<>();

    /** The neighbours loaded so far, by hostname. */
    Map<String, Host.Row> neighbours() {
        return neighbours;
    }

    @Override
    public Collection<HostFacts> neighbours(Set<String> services, Set<String> hostnames, Set<String> except) {
        Set<Long> ids = new HashSet<>();
        for (List<String> chunk : Host.chunks(services)) {
            ids.addAll(em.createQuery("select distinct h.id from Host h join h.services e where e in :s", Long.class)
                    .setParameter("s", chunk).getResultList());
        }
        for (List<String> chunk : Host.chunks(hostnames)) {
            ids.addAll(em.createQuery("select h.id from Host h where h.hostname in :n", Long.class)
                    .setParameter("n", chunk).getResultList());
        }
        List<HostFacts> facts = new java.util.ArrayList<>();
        for (Host.Row r : Host.rowsWithIds(ids)) {
            if (!except.contains(r.hostname())) {
                neighbours.put(r.hostname(), r);
                facts.add(r.facts());
            }
        }
        return facts;
    }

    @Override
    public Map<String, Integer> replaceableProviders(Set<String> services) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> chunk : Host.chunks(services)) {
            em.createQuery("select e, count(h) from Host h join h.services e where h.replaceable = true and e in :s group by e", Object[].class)
                    .setParameter("s", chunk).getResultStream()
                    .forEach(r -> counts.put((String) r[0], ((Long) r[1]).intValue()));
        }
        return counts;
    }

    @Override
    public Map<String, Map<String, Integer>> replaceableProvidersByGroup(Set<String> services) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (List<String> chunk : Host.chunks(services)) {
            em.createQuery("select e, g, count(h) from Host h join h.services e join h.groups g"
                            + " where h.replaceable = true and e in :s group by e, g", Object[].class)
                    .setParameter("s", chunk).getResultStream()
                    .forEach(r -> counts.computeIfAbsent((String) r[0], k -> new HashMap<>()).put((String) r[1], ((Long) r[2]).intValue()));
        }
        return counts;
    }

    @Override
    public Map<String, TreeSet<String>> dependents(Set<String> hostnames) {
        Map<String, TreeSet<String>> dependents = new HashMap<>();
        for (List<String> chunk : Host.chunks(hostnames)) {
            em.createQuery("select d, h.hostname from Host h join h.dependsOn d where d in :n", Object[].class)
                    .setParameter("n", chunk).getResultStream()
                    .forEach(r -> dependents.computeIfAbsent((String) r[0], k -> new TreeSet<>()).add((String) r[1]));
        }
        return dependents;
    }
}
