package org.upgradeplanner.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.release.ReleaseService;
import org.upgradeplanner.release.TargetPolicy;

/** The fleet at a glance, for the dashboard: from one aggregate query, never the whole fleet in memory. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FleetReport {

    private final ReleaseService releases;
    private final Clock clock;

    FleetReport(ReleaseService releases, Clock clock) {
        this.releases = releases;
        this.clock = clock;
    }

    /** Hosts on one release, with its end of life. */
    public record ReleaseCount(String distro, String version, long hosts, LocalDate eol, boolean pastEol) {}

    public record FleetSummary(
            long hosts,
            Map<Classification, Long> byClassification,
            List<ReleaseCount> byRelease,
            long hostsPastEol,
            ReleaseCount nextEol,
            Long daysToNextEol) {}

    public FleetSummary summary() {
        Map<Classification, Long> byClass = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            byClass.put(c, 0L);
        }
        // One pass over the fleet: counts per release and effective class, summed both ways here.
        Map<List<String>, Long> perRelease = new LinkedHashMap<>();
        long total = 0;
        for (Object[] r : Host.getEntityManager()
                .createQuery(
                        "select h.distro, h.osVersion, coalesce(h.overrideClassification, h.classification),"
                                + " count(h) from Host h group by h.distro, h.osVersion, coalesce(h.overrideClassification, h.classification)"
                                + " order by h.distro, h.osVersion",
                        Object[].class)
                .getResultList()) {
            long n = (Long) r[3];
            byClass.merge((Classification) r[2], n, Long::sum);
            perRelease.merge(Arrays.asList((String) r[0], (String) r[1]), n, Long::sum);
            total += n;
        }
        LocalDate today = LocalDate.now(clock);
        TargetPolicy policy = releases.policy();
        List<ReleaseCount> byRelease = perRelease.entrySet().stream()
                .map(e -> {
                    String distro = e.getKey().get(0);
                    String version = e.getKey().get(1);
                    var release = policy.place(distro, version).release();
                    var eol = release == null ? null : release.eol();
                    return new ReleaseCount(distro, version, e.getValue(), eol, eol != null && eol.isBefore(today));
                })
                .toList();
        long pastEol = byRelease.stream()
                .filter(ReleaseCount::pastEol)
                .mapToLong(ReleaseCount::hosts)
                .sum();
        ReleaseCount next = byRelease.stream()
                .filter(r -> r.eol() != null && !r.eol().isBefore(today))
                .min(Comparator.comparing(ReleaseCount::eol))
                .orElse(null);
        return new FleetSummary(
                total,
                byClass,
                byRelease,
                pastEol,
                next,
                next == null ? null : ChronoUnit.DAYS.between(today, next.eol()));
    }
}
