package org.upgradeplanner.host;

/**
 * How much one inventory may hold or expand to. A document over any of these is refused whole (400) before anything
 * is built from it; the README's "Limits" paragraph lists the same numbers.
 */
final class InventoryLimits {

    /** Nesting of a YAML or JSON document, aliases expanded: Ansible inventories are a handful of levels deep. */
    static final int MAX_DEPTH = 64;
    /** Size of a YAML document, in code points (the HTTP body limit is smaller; this caps files read at start-up). */
    static final int MAX_CODE_POINTS = 32 * 1024 * 1024;
    /** YAML nodes once every alias counts as a full copy of what it names: a 10,000-host inventory has about 100,000. */
    static final long MAX_EXPANDED_NODES = 1_000_000;
    /** Characters of YAML scalars (keys and values), aliases expanded: as much as a document without aliases may hold. */
    static final long MAX_EXPANDED_CHARS = MAX_CODE_POINTS;
    /** Host names all the ranges ({@code web[001:100]}) of one inventory expand to. */
    static final int MAX_RANGE_HOSTS = 100_000;
    /** One host's vars as stored (JSON, inherited group vars included): the same cap as a host edited by hand. */
    static final int MAX_HOST_VARS_CHARS = 100_000;
    /** All hosts' vars of one inventory as stored: group vars count once per member, a range's once per host. */
    static final long MAX_INVENTORY_VARS_CHARS = 64L * 1024 * 1024;

    private InventoryLimits() {}
}
