package org.upgradeplanner.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The release each distro's hosts should reach: configured per distro, else the newest LTS released by today. */
public final class TargetPolicy {

    private final ReleaseCatalog catalog;
    private final Map<String, String> configured;
    private final LocalDate today;

    public TargetPolicy(ReleaseCatalog catalog, Map<String, String> configured, LocalDate today) {
        this.catalog = catalog;
        this.configured = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.configured.putAll(configured);
        this.today = today;
    }

    public Optional<Release> target(String distro) {
        String version = configured.get(distro);
        return version != null ? catalog.find(distro, version) : catalog.defaultTarget(distro, today);
    }

    /** The host's release, the distro's target and the path between them; each part empty when unknown. */
    public Placement place(String distro, String version) {
        return place(distro, version, null);
    }

    /**
     * As {@link #place(String, String)}, for a host with a target of its own ({@code target_release} or its campaign's):
     * that version of the host's distro wins over the fleet policy; null follows the policy.
     */
    public Placement place(String distro, String version, String hostTarget) {
        Release release = distro == null ? null : catalog.find(distro, version).orElse(null);
        Release target = release == null
                ? null
                : hostTarget != null
                        ? catalog.find(release.distro(), hostTarget).orElse(null)
                        : target(release.distro()).orElse(null);
        UpgradePath path = target == null ? null : catalog.path(release, target);
        return new Placement(release, target, path);
    }

    /** Where a host stands: its release, its target and the path (null parts are unknown). */
    public record Placement(Release release, Release target, UpgradePath path) {}

    /** Configured targets that name no known release: each is a setting the operator must fix. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        configured.forEach((distro, version) -> {
            if (catalog.find(distro, version).isEmpty()) {
                problems.add("planner.target-release." + distro + "=" + version + " names no release in the catalog");
            }
        });
        return problems;
    }

    public ReleaseCatalog catalog() {
        return catalog;
    }

    public LocalDate today() {
        return today;
    }
}
