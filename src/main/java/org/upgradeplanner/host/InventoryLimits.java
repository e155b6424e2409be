package org.upgradeplanner.host;

/**
 * How much one inventory may hold or expand to. A document over any of these is refused whole (400) before anything
 * is built from it; the README's "Limits" paragraph lists the same numbers.
 */
final class InventoryLimits {

    /** Nesting of a YAML or JSON document, aliases expanded: Ansible inventories are a handful of levels deep. */
    static final int MAX_DEPTH = 64;

    private InventoryLimits() {
    }
}
