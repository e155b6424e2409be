package org.upgradeplanner.host;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.upgradeplanner.host.InventoryModel.Group;
import org.upgradeplanner.host.InventoryModel.Value;

/**
 * Resolves an inventory the way Ansible does. A host is a member of its groups and of all their ancestors (a host of
 * {@code zuul_mergers}, a child of {@code ci}, is in {@code ci} too); a host listed in {@code ungrouped} and in another
 * group is not in {@code ungrouped}. Variables: {@code all}'s vars, then each group's sorted as Ansible's
 * {@code sort_groups} does, by depth (shallowest first), {@code ansible_group_priority} (default 1, higher applies
 * later) and name, then the host's own; the OS falls back to the fact cache. {@code ansible_group_priority} is a
 * setting of the group, not a variable of its hosts. Checks the variables the planner reads and reports every problem
 * at once.
 */
public final class InventoryResolver {

    static final Set<String> PLANNER_VARS = Set.of("os", "services", "stateful", "replaceable", "public", "depends_on");
    /** A group setting Ansible takes out of the group's vars (its {@code Group.set_variable}). */
    static final String GROUP_PRIORITY = "ansible_group_priority";

    private static final Pattern PYTHON_INT = Pattern.compile("\\s*[+-]?[0-9]+(_[0-9]+)*\\s*");
    /** Groups every host is in: they say nothing about pools. */
    private static final Set<String> IMPLICIT_GROUPS = Set.of("all", "ungrouped");

    private final FactCache facts;

    public InventoryResolver(FactCache facts) {
        this.facts = facts;
    }

    List<InventoryHost> resolve(InventoryModel model) throws InventoryException {
        Map<String, Integer> depth = depths(model);
        Map<String, Integer> priority = priorities(model);
        // ancestors() below climbs these chains recursively: only a tree found bounded and acyclic may be walked.
        if (!model.errors.isEmpty()) {
            throw new InventoryException(model.errors);
        }
        HostVarsBudget budget = new HostVarsBudget();
        Map<String, Set<String>> parents = new HashMap<>();
        model.groups
                .values()
                .forEach(g -> g.children.forEach(
                        c -> parents.computeIfAbsent(c, k -> new HashSet<>()).add(g.name)));
        Map<String, Set<String>> direct = new HashMap<>();
        model.groups
                .values()
                .forEach(g -> g.hosts.forEach(
                        h -> direct.computeIfAbsent(h, k -> new TreeSet<>()).add(g.name)));

        Map<String, InventoryHost> hosts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Value>> e : model.hostVars.entrySet()) {
            String hostname = Names.hostname(e.getKey());
            if (!Names.isHostname(hostname)) {
                model.error(e.getKey(), model.source, "`" + e.getKey() + "` is not a valid host name");
                continue;
            }
            Set<String> memberOf = new TreeSet<>(direct.getOrDefault(e.getKey(), Set.of()));
            // Ansible's reconcile_inventory: `ungrouped` keeps only hosts that are in no other group.
            if (memberOf.stream().anyMatch(g -> !IMPLICIT_GROUPS.contains(g))) {
                memberOf.remove("ungrouped");
            }
            List<Group> chain = new ArrayList<>();
            ancestors(model, memberOf, parents, chain, new HashSet<>());
            if (model.groups.containsKey("all")) {
                chain.add(model.groups.get("all"));
            }
            TreeSet<String> groups = new TreeSet<>();
            chain.forEach(g -> groups.add(g.name));
            groups.removeAll(IMPLICIT_GROUPS);
            chain.sort(Comparator.<Group>comparingInt(g -> depth.getOrDefault(g.name, 1))
                    .thenComparingInt(g -> priority.getOrDefault(g.name, 1))
                    .thenComparing(g -> g.name));
            Map<String, Value> vars = new LinkedHashMap<>();
            chain.forEach(g -> g.vars.forEach((k, v) -> {
                if (!k.equals(GROUP_PRIORITY)) {
                    vars.put(k, v);
                }
            }));
            vars.putAll(e.getValue());
            InventoryHost host = host(model, hostname, groups, vars, budget);
            if (host != null) {
                hosts.merge(hostname, host, (a, b) -> {
                    model.error(
                            e.getKey(),
                            model.source,
                            "host `" + hostname + "` is listed twice with different letter case");
                    return a;
                });
            }
        }
        if (!model.errors.isEmpty()) {
            throw new InventoryException(model.errors);
        }
        return List.copyOf(hosts.values());
    }

    private InventoryHost host(
            InventoryModel model,
            String hostname,
            TreeSet<String> groups,
            Map<String, Value> vars,
            HostVarsBudget budget) {
        int errorsBefore = model.errors.size();
        String distro = null;
        String version = null;
        String osFrom = null;
        Value os = vars.get("os");
        if (os != null && os.value() != null) {
            Matcher m =
                    os.value() instanceof String s ? Names.OS.matcher(s.trim().toLowerCase(Locale.ROOT)) : null;
            if (m == null || !m.matches()) {
                model.error(
                        os.path(),
                        os.where(),
                        "`os` must look like ubuntu-12.04 (distro, dash, version), not `" + os.value() + "`");
            } else {
                distro = m.group(1);
                version = m.group(m.groupCount());
                osFrom = "inventory";
            }
        } else {
            try {
                var fact = facts.os(hostname);
                if (fact.isPresent()) {
                    distro = fact.get().distro();
                    version = fact.get().version();
                    osFrom = "facts";
                    if (!Names.DISTRO.matcher(distro).matches()
                            || !Names.VERSION.matcher(version).matches()) {
                        model.error(
                                hostname,
                                facts.where(hostname),
                                "facts name an OS this planner cannot read: " + distro + " " + version);
                    }
                }
            } catch (IOException ex) {
                model.error(hostname, facts.where(hostname), ex.getMessage());
            }
        }
        TreeSet<String> services = names(model, vars.get("services"), false);
        TreeSet<String> dependsOn = names(model, vars.get("depends_on"), true);
        if (dependsOn.contains(hostname)) {
            Value d = vars.get("depends_on");
            model.error(d.path(), d.where(), "host `" + hostname + "` cannot depend on itself");
        }
        String targetRelease = version(model, vars.get("target_release"));
        boolean stateful = bool(model, vars.get("stateful"));
        boolean replaceable = bool(model, vars.get("replaceable"));
        boolean isPublic = bool(model, vars.get("public"));
        Map<String, Value> freeVars = new LinkedHashMap<>(vars);
        freeVars.keySet().removeAll(PLANNER_VARS);
        String overBudget = budget.charge(hostname, freeVars);
        if (overBudget != null) {
            model.error(hostname, model.source, overBudget);
        }
        Map<String, Object> free = new LinkedHashMap<>();
        freeVars.forEach((k, v) -> free.put(k, v.value()));
        if (model.errors.size() > errorsBefore) {
            return null;
        }
        return new InventoryHost(
                hostname,
                distro,
                version,
                osFrom,
                services,
                groups,
                stateful,
                replaceable,
                isPublic,
                dependsOn,
                free,
                targetRelease);
    }

    /**
     * {@code target_release}, which stays among the host's variables as written: a version such as "16.04", or an error.
     */
    private static String version(InventoryModel model, Value v) {
        if (v == null || v.value() == null) {
            return null;
        }
        String text = targetRelease(v.value());
        if (text == null) {
            model.error(
                    v.path(),
                    v.where(),
                    "`target_release` must be a release version such as \"16.04\", not `" + v.value() + "`");
        }
        return text;
    }

    /**
     * A {@code target_release} value as a version, or null when it is none. An unquoted YAML number is read by its text
     * as the parser gives it: 16.04 stays 16.04, but 16.10 is the number 16.1, so such versions need quotes (as in Ansible).
     */
    static String targetRelease(Object value) {
        String text = value instanceof String s ? s.trim() : value instanceof Number n ? n.toString() : null;
        return text != null && Names.VERSION.matcher(text).matches() ? text : null;
    }

    private static TreeSet<String> names(InventoryModel model, Value v, boolean hostnames) {
        TreeSet<String> names = new TreeSet<>();
        if (v == null || v.value() == null) {
            return names;
        }
        Collection<?> items = v.value() instanceof Collection<?> c ? c : List.of(v.value());
        for (Object item : items) {
            String name = item instanceof String s ? (hostnames ? Names.hostname(s) : s.trim()) : null;
            boolean ok = name != null
                    && (hostnames
                            ? Names.isHostname(name)
                            : Names.NAME.matcher(name).matches());
            if (ok) {
                names.add(name);
            } else {
                model.error(
                        v.path(),
                        v.where(),
                        (hostnames ? "not a host name: `" : "not a service name (letters, digits, . _ -): `") + item
                                + "`");
            }
        }
        return names;
    }

    private static boolean bool(InventoryModel model, Value v) {
        if (v == null || v.value() == null) {
            return false;
        }
        if (v.value() instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v.value()).trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> {
                String name = v.path().substring(v.path().lastIndexOf('.') + 1);
                model.error(v.path(), v.where(), "`" + name + "` must be true or false, not `" + v.value() + "`");
                yield false;
            }
        };
    }

    /**
     * Each group's {@code ansible_group_priority}, read as Python's {@code int()} reads it (Ansible calls it on the
     * value): a whole number, a float (truncated), a boolean, or text holding a whole number.
     */
    private static Map<String, Integer> priorities(InventoryModel model) {
        Map<String, Integer> priorities = new HashMap<>();
        for (Group g : model.groups.values()) {
            Value v = g.vars.get(GROUP_PRIORITY);
            if (v == null) {
                continue;
            }
            Object p = v.value();
            Long n = null;
            if (p instanceof Boolean b) {
                n = b ? 1L : 0L;
            } else if (p instanceof Number num && Double.isFinite(num.doubleValue())) {
                n = (long) num.doubleValue();
            } else if (p instanceof String s
                    && PYTHON_INT.matcher(s).matches()
                    && s.strip().length() < 19) {
                n = Long.parseLong(s.strip().replace("_", ""));
            }
            if (n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                model.error(
                        v.path(),
                        v.where(),
                        "`" + GROUP_PRIORITY + "` of group `" + g.name + "` must be a whole number, not `" + p + "`");
            } else {
                priorities.put(g.name, n.intValue());
            }
        }
        return priorities;
    }

    private static void ancestors(
            InventoryModel model,
            Set<String> groups,
            Map<String, Set<String>> parents,
            List<Group> into,
            Set<String> seen) {
        for (String g : groups) {
            if (seen.add(g)) {
                into.add(model.groups.get(g));
                ancestors(model, parents.getOrDefault(g, Set.of()), parents, into, seen);
            }
        }
    }

    /**
     * Depth below {@code all} (which is 0; a top-level group is 1), the longest way down; a cycle is an error, and so
     * is a chain of {@code children} deeper than {@link InventoryLimits#MAX_DEPTH} (each group names the next, so the
     * document's own nesting does not bound it).
     */
    private static Map<String, Integer> depths(InventoryModel model) {
        Map<String, Integer> depth = new HashMap<>();
        for (String g : model.groups.keySet()) {
            visit(model, g, g.equals("all") ? 0 : 1, depth, new HashSet<>());
        }
        return depth;
    }

    private static void visit(InventoryModel model, String group, int d, Map<String, Integer> depth, Set<String> path) {
        if (!path.add(group)) {
            model.error(group, model.source, "group `" + group + "` is its own ancestor (children form a cycle)");
            return;
        }
        if (d > InventoryLimits.MAX_DEPTH) {
            model.error(
                    group,
                    model.source,
                    "group `" + group + "` is more than " + InventoryLimits.MAX_DEPTH
                            + " levels of children below `all`");
            path.remove(group);
            return;
        }
        if (depth.getOrDefault(group, -1) < d) {
            depth.put(group, d);
            for (String child : model.groups.get(group).children) {
                visit(model, child, d + 1, depth, path);
            }
        }
        path.remove(group);
    }
}
