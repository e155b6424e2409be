package org.upgradeplanner.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upgradeplanner.support.Problem.FieldError;

/**
 * An inventory as read, before variables are resolved: groups with their vars, hosts and children, and host vars.
 * Every value remembers where it was written, so a bad one is reported with its file and line.
 */
final class InventoryModel {

    /** A value and where it came from ("fleet.yaml line 12", "facts/db01.example.org"). */
    record Value(Object value, String path, String where) {}

    static final class Group {
        final String name;
        final Map<String, Value> vars = new LinkedHashMap<>();
        final Set<String> hosts = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();

        Group(String name) {
            this.name = name;
        }
    }

    final String source;
    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, Map<String, Value>> hostVars = new LinkedHashMap<>();
    final List<FieldError> errors = new ArrayList<>();

    InventoryModel(String source) {
        this.source = source;
    }

    Group group(String name) {
        return groups.computeIfAbsent(name, Group::new);
    }

    void error(String path, String where, String message) {
        errors.add(new FieldError(path, where + ": " + message));
    }
}
