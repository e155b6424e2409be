package org.upgradeplanner.classification;

import java.util.Set;

/**
 * What the rules know of a host; {@code distro} and {@code version} are null when its OS is unknown. {@code target} is
 * the host's own target version (its {@code target_release}, else its open campaign's), null to follow the fleet policy.
 */
public record HostFacts(
        String hostname,
        String distro,
        String version,
        Set<String> services,
        Set<String> groups,
        boolean stateful,
        boolean replaceable,
        boolean isPublic,
        Set<String> dependsOn,
        String target) {

    /** A host that follows the fleet's target policy. */
    public HostFacts(
            String hostname,
            String distro,
            String version,
            Set<String> services,
            Set<String> groups,
            boolean stateful,
            boolean replaceable,
            boolean isPublic,
            Set<String> dependsOn) {
        this(hostname, distro, version, services, groups, stateful, replaceable, isPublic, dependsOn, null);
    }

    /** The same host with another target of its own (null: the fleet policy's). */
    public HostFacts withTarget(String newTarget) {
        return new HostFacts(
                hostname, distro, version, services, groups, stateful, replaceable, isPublic, dependsOn, newTarget);
    }
}
