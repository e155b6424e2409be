package org.upgradeplanner.release;

import java.util.List;

/** How a release gets to the target: the hops in order (each one upgrade), or a rebuild straight onto the target. */
public record UpgradePath(Release from, Release target, List<Release> hops, boolean rebuild) {

    public boolean upToDate() {
        return hops.isEmpty();
    }

    public List<String> versions() {
        return hops.stream().map(Release::version).toList();
    }

    public String describe() {
        if (upToDate()) {
            return from.version() + " is at or past the target " + target.version();
        }
        if (rebuild) {
            return "no in-place upgrade from " + from.distro() + " " + from.version() + " to " + target.version()
                    + ": rebuild on " + target.version();
        }
        int n = hops.size();
        return "in-place upgrade " + from.version() + " → " + String.join(" → ", versions()) + " (" + n
                + (n == 1 ? " hop)" : " hops)");
    }
}
