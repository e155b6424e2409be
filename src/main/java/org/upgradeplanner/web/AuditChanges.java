package org.upgradeplanner.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.upgradeplanner.support.Json;

/**
 * An audit entry's before and after snapshots (JSON) as the fields that changed, "field: old → new", for a person to
 * read; nested values are named by their path ({@code os.version}), lists are joined with commas.
 */
final class AuditChanges {

    /** One field: {@code before} is null when it was added, {@code after} when it was removed. */
    record Change(String field, String before, String after) {}

    private AuditChanges() {}

    static List<Change> of(String before, String after) {
        Map<String, String> was = flat(before);
        Map<String, String> is = flat(after);
        if (was == null || is == null) {
            // Not an object (or not JSON at all): shown whole, as the text it is.
            return Objects.equals(before, after) || before == null && after == null
                    ? List.of()
                    : List.of(new Change("value", before, after));
        }
        List<Change> changes = new ArrayList<>();
        for (String field : new TreeSet<>(union(was, is))) {
            String b = was.get(field);
            String a = is.get(field);
            // A field added or removed empty says nothing.
            if (!Objects.equals(b, a) && !(empty(b) && empty(a))) {
                changes.add(new Change(field, b, a));
            }
        }
        return changes;
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty() || value.equals("none");
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** An object snapshot as field path → text; empty for no snapshot, null for one that is no JSON object. */
    private static Map<String, String> flat(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> out = new LinkedHashMap<>();
            flatten("", Json.readMap(json), out);
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
            if (v instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(key, nested, out);
            } else {
                out.put(key, text(v));
            }
        });
    }

    private static String text(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof List<?> list) {
            return list.isEmpty()
                    ? "none"
                    : list.stream().map(AuditChanges::text).collect(Collectors.joining(", "));
        }
        if (v instanceof Map<?, ?> map) {
            return map.isEmpty() ? "none" : Json.write(map);
        }
        return String.valueOf(v);
    }
}
