package org.upgradeplanner.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every known release, by distro, oldest first. Immutable: a refresh builds a new catalog. */
public final class ReleaseCatalog {

    private record DistroReleases(UpgradeStyle style, List<Release> releases) {}

    private final Map<String, DistroReleases> distros;

    private ReleaseCatalog(Map<String, DistroReleases> distros) {
        this.distros = distros;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Release> all() {
        return distros.values().stream().flatMap(d -> d.releases().stream()).toList();
    }

    public Collection<String> distros() {
        return distros.keySet();
    }

    public Optional<UpgradeStyle> style(String distro) {
        return Optional.ofNullable(distros.get(normalize(distro))).map(DistroReleases::style);
    }

    /**
     * The release a host runs: the exact version, or its series when the host reports a point release
     * ({@code 12.04.5} → 12.04, Debian {@code 7.11} → 7, CentOS {@code 7.9.2009} → 7).
     */
    public Optional<Release> find(String distro, String version) {
        DistroReleases d = distros.get(normalize(distro));
        if (d == null || version == null) {
            return Optional.empty();
        }
        String v = version.trim();
        while (true) {
            String candidate = v;
            Optional<Release> hit = d.releases().stream()
                    .filter(r -> r.version().equals(candidate))
                    .findFirst();
            int dot = v.lastIndexOf('.');
            if (hit.isPresent() || dot < 0) {
                return hit;
            }
            v = v.substring(0, dot);
        }
    }

    /** The newest release by {@code today} that hosts should move to: an LTS where the distro has LTS hops. */
    public Optional<Release> defaultTarget(String distro, LocalDate today) {
        DistroReleases d = distros.get(normalize(distro));
        if (d == null) {
            return Optional.empty();
        }
        return d.releases().stream()
                .filter(r -> r.isReleasedBy(today))
                .filter(r -> d.style() != UpgradeStyle.LTS_TO_LTS || r.lts())
                .reduce((a, b) -> b);
    }

    /** The hops from one release to the target of the same distro; empty hops when already at or past it. */
    public UpgradePath path(Release from, Release target) {
        DistroReleases d = distros.get(from.distro());
        if (d == null || !from.distro().equals(target.distro())) {
            throw new IllegalArgumentException("no path from " + from.id() + " to " + target.id());
        }
        List<Release> all = d.releases();
        int at = all.indexOf(from);
        int goal = all.indexOf(target);
        if (at >= goal) {
            return new UpgradePath(from, target, List.of(), false);
        }
        if (d.style() == UpgradeStyle.REBUILD) {
            return new UpgradePath(from, target, List.of(target), true);
        }
        List<Release> hops = new ArrayList<>();
        while (at < goal) {
            at = d.style() == UpgradeStyle.LTS_TO_LTS && all.get(at).lts() ? nextLtsOrNext(all, at, goal) : at + 1;
            hops.add(all.get(at));
        }
        return new UpgradePath(from, target, List.copyOf(hops), false);
    }

    /** From an LTS: the next LTS up to the goal; past the last LTS before a non-LTS goal, release by release. */
    private static int nextLtsOrNext(List<Release> all, int at, int goal) {
        for (int i = at + 1; i <= goal; i++) {
            if (all.get(i).lts()) {
                return i;
            }
        }
        return at + 1;
    }

    static String normalize(String distro) {
        return distro == null ? "" : distro.trim().toLowerCase(Locale.ROOT);
    }

    public static final class Builder {
        private final Map<String, DistroReleases> distros = new LinkedHashMap<>();

        /** Adds (or replaces) a distro's releases; they are kept in release order, unreleased ones last. */
        public Builder distro(String name, UpgradeStyle style, List<Release> releases) {
            List<Release> sorted = new ArrayList<>(releases);
            sorted.sort(Comparator.comparing(Release::released, Comparator.nullsLast(Comparator.naturalOrder())));
            distros.put(normalize(name), new DistroReleases(style, List.copyOf(sorted)));
            return this;
        }

        public ReleaseCatalog build() {
            return new ReleaseCatalog(Map.copyOf(distros));
        }
    }
}
