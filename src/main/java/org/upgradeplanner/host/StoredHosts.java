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
        Set<Long> ids = new HashSet<>();
        ArrayQuery.Handler outsideTheChange = rs -> {
            if (!except.contains(rs.getString(2))) {
                ids.add(rs.getLong(1));
            }
        };
        ArrayQuery.each(
                em,
                "select distinct h.id, h.hostname from unnest(?) as v(service) join host_service s on s.service = v.service"
                        + " join host h on h.id = s.host_id where h.replaceable = true",
                services,
                outsideTheChange);
        ArrayQuery.each(
                em,
                "select h.id, h.hostname from unnest(?) as n(name) join host h on h.hostname = n.name",
                hostnames,
                outsideTheChange);
        List<HostFacts> facts = new java.util.ArrayList<>();
        for (Host.Row r : Host.rowsWithIds(ids)) {
            neighbours.put(r.hostname(), r);
            facts.add(r.facts());
        }
        return facts;
    }

    @Override
    public Map<String, Integer> replaceableProviders(Set<String> services) {
        Map<String, Integer> counts = new HashMap<>();
        ArrayQuery.each(
                em,
                "select s.service, count(*) from unnest(?) as v(service) join host_service s on s.service = v.service"
                        + " join host h on h.id = s.host_id where h.replaceable = true group by s.service",
                services,
                rs -> counts.put(rs.getString(1), rs.getInt(2)));
        return counts;
    }

    @Override
    public Map<String, Map<String, Integer>> replaceableProvidersByGroup(Set<String> services) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        ArrayQuery.each(
                em,
                "select s.service, g.group_name, count(*) from unnest(?) as v(service)"
                        + " join host_service s on s.service = v.service join host h on h.id = s.host_id"
                        + " join host_group g on g.host_id = s.host_id where h.replaceable = true group by s.service, g.group_name",
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
                "select d.hostname, h.hostname from unnest(?) as n(name)"
                        + " join host_dependency d on d.hostname = n.name join host h on h.id = d.host_id",
                hostnames,
                rs -> dependents
                        .computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                        .add(rs.getString(2)));
        return dependents;
    }
}
