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
import org.upgradeplanner.support.ArrayQuery;

/**
 * The stored fleet as {@link Reclassification} reads it, from aggregate queries on just the services and hosts a
 * change reaches (each list of names bound as one array). Keeps the rows of the neighbours it loaded, so the caller can
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
        Set<Long> ids = new HashSet<>(ArrayQuery.list(
                em,
                "select distinct h.id from host h join host_service s on s.host_id = h.id"
                        + " where h.replaceable = true and s.service = any(?)",
                services,
                rs -> rs.getLong(1)));
        ids.addAll(ArrayQuery.list(em, "select id from host where hostname = any(?)", hostnames, rs -> rs.getLong(1)));
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
        ArrayQuery.each(
                em,
                "select s.service, count(*) from host_service s join host h on h.id = s.host_id"
                        + " where h.replaceable = true and s.service = any(?) group by s.service",
                services,
                rs -> counts.put(rs.getString(1), rs.getInt(2)));
        return counts;
    }

    @Override
    public Map<String, Map<String, Integer>> replaceableProvidersByGroup(Set<String> services) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        ArrayQuery.each(
                em,
                "select s.service, g.group_name, count(*) from host_service s join host h on h.id = s.host_id"
                        + " join host_group g on g.host_id = s.host_id where h.replaceable = true and s.service = any(?)"
                        + " group by s.service, g.group_name",
                services,
                rs -> counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getInt(3)));
        return counts;
    }

    @Override
    public Map<String, TreeSet<String>> dependents(Set<String> hostnames) {
        Map<String, TreeSet<String>> dependents = new HashMap<>();
        ArrayQuery.each(
                em,
                "select d.hostname, h.hostname from host_dependency d join host h on h.id = d.host_id"
                        + " where d.hostname = any(?)",
                hostnames,
                rs -> dependents
                        .computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                        .add(rs.getString(2)));
        return dependents;
    }
}
