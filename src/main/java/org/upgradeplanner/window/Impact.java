package org.upgradeplanner.window;

import java.util.List;

/**
 * What a window takes down: its own services and hosts (direct), and, through {@code depends_on} followed
 * transitively, the hosts that depend on them and those hosts' services, each with the chain that explains it
 * ("review.openstack.org depends on db01.openstack.org").
 */
public record Impact(List<Affected> services, List<Affected> hosts) {

    /** A service or host the window takes down; {@code through} is null when the window names it itself. */
    public record Affected(String name, String through) {

        public boolean direct() {
            return through == null;
        }

        /** {@code gerrit — review.openstack.org depends on db01.openstack.org}, or just the name when direct. */
        public String text() {
            return through == null ? name : name + " — " + through;
        }
    }

    public List<Affected> indirectServices() {
        return services.stream().filter(a -> !a.direct()).toList();
    }

    public boolean takesDownService(String service) {
        return services.stream().anyMatch(a -> a.name().equals(service));
    }

    public boolean takesDownHost(String hostname) {
        return hosts.stream().anyMatch(a -> a.name().equals(hostname));
    }
}
