package org.upgradeplanner.classification;

import java.util.Set;

/** What the rules know of a host; {@code distro} and {@code version} are null when its OS is unknown. */
public record HostFacts(
        String hostname,
        String distro,
        String version,
        Set<String> services,
        Set<String> groups,
        boolean stateful,
        boolean replaceable,
        boolean isPublic,
        Set<String> dependsOn) {}
