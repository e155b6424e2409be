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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.classification.HostFacts;
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

    public static List<Host> bySource(String source) {
        return list("source", source);
    }

    /** What planning needs of a host, read without loading entities (the planner works on the whole fleet). */
    public record Outline(String hostname, String distro, String version, LocalDate eol, Set<String> services, Set<String> dependsOn) {
    }

    /** Hosts whose effective classification (override, else rule) is {@code c}: three queries, whatever the fleet size. */
    public static List<Outline> outlines(Classification c) {
        String where = " where coalesce(h.overrideClassification, h.classification) = :c";
        Map<String, Set<String>> services = new HashMap<>();
        Map<String, Set<String>> dependsOn = new HashMap<>();
        getEntityManager().createQuery("select h.hostname, s from Host h join h.services s" + where, Object[].class)
                .setParameter("c", c).getResultStream()
                .forEach(r -> services.computeIfAbsent((String) r[0], k -> new HashSet<>()).add((String) r[1]));
        getEntityManager().createQuery("select h.hostname, d from Host h join h.dependsOn d" + where, Object[].class)
                .setParameter("c", c).getResultStream()
                .forEach(r -> dependsOn.computeIfAbsent((String) r[0], k -> new HashSet<>()).add((String) r[1]));
        return getEntityManager().createQuery("select h.hostname, h.distro, h.osVersion, h.eol from Host h" + where + " order by h.hostname", Object[].class)
                .setParameter("c", c).getResultStream()
                .map(r -> new Outline((String) r[0], (String) r[1], (String) r[2], (LocalDate) r[3],
                        services.getOrDefault((String) r[0], Set.of()), dependsOn.getOrDefault((String) r[0], Set.of())))
                .toList();
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

    public HostFacts facts() {
        return new HostFacts(hostname, distro, osVersion, services, groups, stateful, replaceable, isPublic, dependsOn);
    }
}
