package org.upgradeplanner.host;

import java.util.IdentityHashMap;
import java.util.Map;
import org.upgradeplanner.host.InventoryModel.Value;
import org.upgradeplanner.support.Json;

/**
 * Caps the host vars of one inventory as they will be stored: JSON, one copy per host. A group's vars are copied to
 * every member and a range's to each of its hosts, so a small document could otherwise stand for gigabytes. Each
 * value is measured once, however many hosts share it.
 */
final class HostVarsBudget {

    private final Map<Value, Integer> sizes = new IdentityHashMap<>();
    private long total;

    /**
     * Why this host's vars are refused, or null when they fit; counts them against the inventory's total. Once the
     * total is exceeded that is said once: later hosts are not measured.
     */
    String charge(String hostname, Map<String, Value> vars) {
        if (total > InventoryLimits.MAX_INVENTORY_VARS_CHARS) {
            return null;
        }
        long size = vars.isEmpty() ? 2 : 1; // braces, less the comma the first entry does not need
        for (Map.Entry<String, Value> e : vars.entrySet()) {
            size += e.getKey().length()
                    + 4
                    + sizes.computeIfAbsent(
                            e.getValue(), v -> Json.write(v.value()).length());
        }
        if (size > InventoryLimits.MAX_HOST_VARS_CHARS) {
            return String.format(
                    "the vars of `%s` take %,d characters of JSON, group vars included; at most %,d per host",
                    hostname, size, InventoryLimits.MAX_HOST_VARS_CHARS);
        }
        total += size;
        if (total > InventoryLimits.MAX_INVENTORY_VARS_CHARS) {
            return String.format(
                    "with `%s`, the hosts' vars take more than %,d characters of JSON together"
                            + " (group vars count once per member host)",
                    hostname, InventoryLimits.MAX_INVENTORY_VARS_CHARS);
        }
        return null;
    }
}
