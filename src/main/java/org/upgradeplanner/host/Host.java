package org.upgradeplanner.host;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.classification.HostFacts;
import org.upgradeplanner.support.ArrayQuery;
import org.upgradeplanner.support.Json;

/** A server of the fleet. Hostnames are stored lower-case, so they are unique regardless of case. */
@Entity
@Table(name = "host")
public class Host extends PanacheEntityBase {

    /** The source of hosts made by hand (API or UI); imports never touch them. */
    public static final String MANUAL = "manual";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "host_seq")
    @SequenceGenerator(name = "host_seq", sequenceName = "host_seq", allocationSize = 100)
    public Long id;

    @Column(nullable = false, length = 253)
    public String hostname;

    @Column(length = 64)
    public String distro;

    @Column(name = "os_version", length = 64)
    public String osVersion;

    /** Where the OS came from: {@code inventory}, {@code facts}, {@code manual}; null when unknown. */
    @Column(name = "os_from", length = 16)
    public String osFrom;

    @ElementCollection
    @CollectionTable(name = "host_service", joinColumns = @JoinColumn(name = "host_id"))
    @Column(name = "service", length = 128)
    @BatchSize(size = 500)
    public Set<String> services = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "host_group", joinColumns = @JoinColumn(name = "host_id"))
    @Column(name = "group_name", length = 128)
    @BatchSize(size = 500)
    public Set<String> groups = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "host_dependency", joinColumns = @JoinColumn(name = "host_id"))
    @Column(name = "hostname", length = 253)
    @BatchSize(size = 500)
    public Set<String> dependsOn = new TreeSet<>();

    public boolean stateful;
    public boolean replaceable;

    @Column(name = "is_public")
    public boolean isPublic;

    /** The host's own target version ({@code target_release}); null follows its campaign, then the fleet policy. */
    @Column(name = "target_release", length = 64)
    public String targetRelease;

    /** The target of the open campaign the host is in (its distro's), set by the campaign; null when in none. */
    @Column(name = "campaign_target", length = 64)
    public String campaignTarget;

    /** Every other inventory variable, as JSON. */
    @Column(name = "vars", nullable = false, length = 1_000_000)
    public String varsJson = "{}";

    @Column(nullable = false, length = 512)
    public String source;

    /** The rule result; an override, when set, wins over it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Classification classification = Classification.UNKNOWN;

    @Column(nullable = false, length = 64)
    public String rule = "";

    @Column(name = "reasons", nullable = false, length = 16_000)
    public String reasonsJson = "[]";

    /** End of standard support of the host's release, when known; kept here so queries can filter and sort on it. */
    public LocalDate eol;

    @Enumerated(EnumType.STRING)
    @Column(name = "override_classification", length = 20)
    public Classification overrideClassification;

    @Column(name = "override_reason", length = 2000)
    public String overrideReason;

    @Column(name = "override_by", length = 255)
    public String overrideBy;

    @Column(name = "override_at")
    public Instant overrideAt;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Host> byHostname(String hostname) {
        return find("hostname", Names.hostname(hostname)).firstResultOptional();
    }

    /** At most this many values are bound to one {@code in} list. */
    static final int CHUNK = 1000;

    /** The hosts with these ids, loaded in chunks (a bound list of ids per query). */
    public static List<Host> byIds(Collection<Long> ids) {
        List<Host> hosts = new java.util.ArrayList<>(ids.size());
        for (List<Long> chunk : chunks(ids)) {
            hosts.addAll(list("id in ?1", chunk));
        }
        return hosts;
    }

    /** {@code values} in lists of at most {@link #CHUNK}. */
    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    /** A host as stored, read as plain values: imports and classification compare against these without loading entities. */
    public record Row(
            long id,
            String hostname,
            String distro,
            String osVersion,
            String osFrom,
            Set<String> services,
            Set<String> groups,
            Set<String> dependsOn,
            boolean stateful,
            boolean replaceable,
            boolean isPublic,
            String varsJson,
            String source,
            Classification classification,
            String rule,
            String reasonsJson,
            LocalDate eol,
            Classification overrideClassification,
            String targetRelease,
            String campaignTarget) {

        public HostFacts facts() {
            return new HostFacts(
                    hostname,
                    distro,
                    osVersion,
                    services,
                    groups,
                    stateful,
                    replaceable,
                    isPublic,
                    dependsOn,
                    ownTarget(targetRelease, campaignTarget));
        }

        public Classification effective() {
            return overrideClassification != null ? overrideClassification : classification;
        }
    }

    /** This host's current values as a {@link Row}. */
    public Row row() {
        return new Row(
                id == null ? 0 : id,
                hostname,
                distro,
                osVersion,
                osFrom,
                services,
                groups,
                dependsOn,
                stateful,
                replaceable,
                isPublic,
                varsJson,
                source,
                classification,
                rule,
                reasonsJson,
                eol,
                overrideClassification,
                targetRelease,
                campaignTarget);
    }

    /** The target a host follows before the fleet policy: its own {@code target_release}, else its campaign's. */
    public static String ownTarget(String targetRelease, String campaignTarget) {
        return targetRelease != null ? targetRelease : campaignTarget;
    }

    /** This host's own target, or null to follow the fleet policy. */
    public String ownTarget() {
        return ownTarget(targetRelease, campaignTarget);
    }

    /** Every host as a {@link Row}: four queries, whatever the fleet size. */
    public static List<Row> rows() {
        return rows("", Map.of());
    }

    /** The hosts with these names, as rows. */
    public static List<Row> rowsNamed(Collection<String> hostnames) {
        List<Row> rows = new java.util.ArrayList<>(hostnames.size());
        for (List<String> chunk : chunks(hostnames)) {
            rows.addAll(rows(" where h.hostname in :names", Map.of("names", chunk)));
        }
        return rows;
    }

    /** What a host runs and the target it names itself ({@code target_release}), as stored. */
    public record Running(String hostname, String distro, String version, String targetRelease) {}

    /** What each of these hosts runs, by hostname; hosts not stored are missing. One query per thousand names. */
    public static Map<String, Running> running(Collection<String> hostnames) {
        Map<String, Running> running = new HashMap<>();
        for (List<String> chunk : chunks(hostnames)) {
            getEntityManager()
                    .createQuery(
                            "select h.hostname, h.distro, h.osVersion, h.targetRelease from Host h"
                                    + " where h.hostname in :names",
                            Object[].class)
                    .setParameter("names", chunk)
                    .getResultStream()
                    .forEach(r -> running.put(
                            (String) r[0], new Running((String) r[0], (String) r[1], (String) r[2], (String) r[3])));
        }
        return running;
    }

    /**
     * Every provider of these services with its effective classification: service → hostname → class. One query per
     * thousand services.
     */
    public static Map<String, Map<String, Classification>> providers(Collection<String> services) {
        Map<String, Map<String, Classification>> providers = new HashMap<>();
        for (List<String> chunk : chunks(services)) {
            getEntityManager()
                    .createQuery(
                            "select s, h.hostname, coalesce(h.overrideClassification, h.classification)"
                                    + " from Host h join h.services s where s in :services",
                            Object[].class)
                    .setParameter("services", chunk)
                    .getResultStream()
                    .forEach(r -> providers
                            .computeIfAbsent((String) r[0], k -> new java.util.TreeMap<>())
                            .put((String) r[1], (Classification) r[2]));
        }
        return providers;
    }

    /** The hosts of this source, as rows. */
    public static List<Row> rowsOfSource(String source) {
        return rows(" where h.source = :source", Map.of("source", source));
    }

    /** The source of each stored host among these names. */
    public static Map<String, String> sources(Collection<String> hostnames) {
        return ArrayQuery.list(
                        getEntityManager(),
                        "select h.hostname, h.source from unnest(?) as n(name) join host h on h.hostname = n.name",
                        hostnames,
                        rs -> Map.entry(rs.getString(1), rs.getString(2)))
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The hosts with these ids, as rows. */
    public static List<Row> rowsWithIds(Collection<Long> ids) {
        List<Row> rows = new java.util.ArrayList<>(ids.size());
        for (List<Long> chunk : chunks(ids)) {
            rows.addAll(rows(" where h.id in :ids", Map.of("ids", chunk)));
        }
        return rows;
    }

    /** The hosts matching {@code where} (on {@code h}, a fixed string with bound parameters) as rows: four queries. */
    private static List<Row> rows(String where, Map<String, Object> params) {
        Map<Long, Set<String>> services = elements("services", where, params);
        Map<Long, Set<String>> groups = elements("groups", where, params);
        Map<Long, Set<String>> dependsOn = elements("dependsOn", where, params);
        var query = getEntityManager()
                .createQuery(
                        "select h.id, h.hostname, h.distro, h.osVersion, h.osFrom, h.stateful, h.replaceable,"
                                + " h.isPublic, h.varsJson, h.source, h.classification, h.rule, h.reasonsJson, h.eol, h.overrideClassification,"
                                + " h.targetRelease, h.campaignTarget from Host h" + where,
                        Object[].class);
        params.forEach(query::setParameter);
        return query.getResultStream()
                .map(r -> {
                    long id = (Long) r[0];
                    return new Row(
                            id,
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            services.getOrDefault(id, Set.of()),
                            groups.getOrDefault(id, Set.of()),
                            dependsOn.getOrDefault(id, Set.of()),
                            (Boolean) r[5],
                            (Boolean) r[6],
                            (Boolean) r[7],
                            (String) r[8],
                            (String) r[9],
                            (Classification) r[10],
                            (String) r[11],
                            (String) r[12],
                            (LocalDate) r[13],
                            (Classification) r[14],
                            (String) r[15],
                            (String) r[16]);
                })
                .toList();
    }

    /** What planning needs of a host, read without loading entities (the planner works on the whole fleet). */
    public record Outline(
            String hostname,
            String distro,
            String version,
            LocalDate eol,
            Set<String> services,
            Set<String> dependsOn,
            String target) {}

    /** Hosts whose effective classification (override, else rule) is {@code c}: three queries, whatever the fleet size. */
    public static List<Outline> outlines(Classification c) {
        String where = " where coalesce(h.overrideClassification, h.classification) = :c";
        Map<Long, Set<String>> services = elements("services", where, Map.of("c", c));
        Map<Long, Set<String>> dependsOn = elements("dependsOn", where, Map.of("c", c));
        return getEntityManager()
                .createQuery(
                        "select h.id, h.hostname, h.distro, h.osVersion, h.eol, h.targetRelease, h.campaignTarget"
                                + " from Host h" + where
                                + " order by h.hostname",
                        Object[].class)
                .setParameter("c", c)
                .getResultStream()
                .map(r -> new Outline(
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (LocalDate) r[4],
                        services.getOrDefault((Long) r[0], Set.of()),
                        dependsOn.getOrDefault((Long) r[0], Set.of()),
                        ownTarget((String) r[5], (String) r[6])))
                .toList();
    }

    /** Who depends on whom: host → the hosts it depends on, and the services of those dependent hosts. */
    public record Dependencies(Map<String, Set<String>> dependsOn, Map<String, Set<String>> services) {}

    /** The fleet's dependencies, for impacts: two queries over the hosts that depend on another, whatever their number. */
    public static Dependencies dependencies() {
        Map<String, Set<String>> dependsOn = new HashMap<>();
        getEntityManager()
                .createQuery("select h.hostname, d from Host h join h.dependsOn d", Object[].class)
                .getResultStream()
                .forEach(r -> dependsOn
                        .computeIfAbsent((String) r[0], k -> new HashSet<>())
                        .add((String) r[1]));
        Map<String, Set<String>> services = new HashMap<>();
        getEntityManager()
                .createQuery(
                        "select h.hostname, s from Host h join h.services s where size(h.dependsOn) > 0",
                        Object[].class)
                .getResultStream()
                .forEach(r -> services.computeIfAbsent((String) r[0], k -> new HashSet<>())
                        .add((String) r[1]));
        return new Dependencies(dependsOn, services);
    }

    /** One element collection of many hosts, by host id; {@code collection} is a field name, never user input. */
    private static Map<Long, Set<String>> elements(String collection, String where, Map<String, Object> params) {
        Map<Long, Set<String>> byHost = new HashMap<>();
        var query = getEntityManager()
                .createQuery("select h.id, e from Host h join h." + collection + " e" + where, Object[].class);
        params.forEach(query::setParameter);
        query.getResultStream()
                .forEach(r -> byHost.computeIfAbsent((Long) r[0], k -> new HashSet<>())
                        .add((String) r[1]));
        return byHost;
    }

    public Classification effectiveClassification() {
        return overrideClassification != null ? overrideClassification : classification;
    }

    public Map<String, Object> vars() {
        return Json.readMap(varsJson);
    }

    public List<String> reasons() {
        return Json.readList(reasonsJson);
    }
}
