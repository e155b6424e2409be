package org.upgradeplanner.host;

import java.util.Map;
import java.util.SortedSet;

/**
 * A host as an inventory describes it, variables resolved. {@code osFrom} says where the OS came from
 * ({@code inventory}, {@code facts}) and is null with the OS unknown; {@code targetRelease} is its
 * {@code target_release}, null when unset; {@code vars} holds every other variable.
 */
public record InventoryHost(
        String hostname,
        String distro,
        String version,
        String osFrom,
        SortedSet<String> services,
        SortedSet<String> groups,
        boolean stateful,
        boolean replaceable,
        boolean isPublic,
        SortedSet<String> dependsOn,
        Map<String, Object> vars,
        String targetRelease) {}
