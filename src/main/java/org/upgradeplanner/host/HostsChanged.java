package org.upgradeplanner.host;

import java.util.Set;

/**
 * Fired (synchronously, inside the transaction, after the change is flushed) when hosts are added, changed or removed
 * by an import or by hand: rooms that follow what the inventory says of hosts (campaign verification) read them anew.
 */
public record HostsChanged(Set<String> hostnames) {}
