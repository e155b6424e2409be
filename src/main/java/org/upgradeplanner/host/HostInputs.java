package org.upgradeplanner.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.upgradeplanner.support.Json;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;

/** Checks a hand-typed host, naming each bad field. */
final class HostInputs {

    private HostInputs() {}

    /** The host in the shape an inventory gives, or a refusal naming every bad field. */
    static InventoryHost validate(HostInput in, String hostname) {
        List<FieldError> errors = new ArrayList<>();
        if (hostname == null || hostname.isEmpty()) {
            errors.add(new FieldError("hostname", "required"));
        } else if (!Names.isHostname(hostname)) {
            errors.add(new FieldError(
                    "hostname", "not a valid host name (letters, digits, dashes, dots; at most 253 characters)"));
        }
        String distro = null;
        String version = null;
        if (in.os() != null && (in.os().distro() != null || in.os().version() != null)) {
            distro = in.os().distro() == null ? "" : in.os().distro().trim().toLowerCase(java.util.Locale.ROOT);
            version = in.os().version() == null ? "" : in.os().version().trim();
            if (!Names.DISTRO.matcher(distro).matches()) {
                errors.add(new FieldError("os.distro", "required with os: a lower-case name such as ubuntu"));
            }
            if (!Names.VERSION.matcher(version).matches()) {
                errors.add(new FieldError("os.version", "required with os: a version such as 12.04"));
            }
        }
        TreeSet<String> services = names(in.services(), "services", false, errors);
        TreeSet<String> groups = names(in.groups(), "groups", false, errors);
        TreeSet<String> dependsOn = names(in.dependsOn(), "dependsOn", true, errors);
        if (hostname != null && dependsOn.contains(hostname)) {
            errors.add(new FieldError("dependsOn", "a host cannot depend on itself"));
        }
        Map<String, Object> vars = in.vars() == null ? Map.of() : in.vars();
        String target = InventoryResolver.targetRelease(vars.get("target_release"));
        if (vars.get("target_release") != null && target == null) {
            errors.add(new FieldError("vars.target_release", "a release version such as \"16.04\""));
        }
        vars.keySet().stream()
                .filter(InventoryResolver.PLANNER_VARS::contains)
                .forEach(k -> errors.add(new FieldError("vars." + k, "`" + k + "` has its own field; set it there")));
        if (Json.write(vars).length() > InventoryLimits.MAX_HOST_VARS_CHARS) {
            errors.add(new FieldError(
                    "vars", String.format("at most %,d characters of JSON", InventoryLimits.MAX_HOST_VARS_CHARS)));
        }
        if (!errors.isEmpty()) {
            throw PlannerException.invalid(errors);
        }
        return new InventoryHost(
                hostname,
                distro,
                version,
                distro == null ? null : Host.MANUAL,
                services,
                groups,
                Boolean.TRUE.equals(in.stateful()),
                Boolean.TRUE.equals(in.replaceable()),
                Boolean.TRUE.equals(in.isPublic()),
                dependsOn,
                new java.util.TreeMap<>(vars),
                target);
    }

    /** A stale or missing {@code version} is refused, so concurrent edits are caught. */
    static void checkVersion(Host h, Integer version, boolean required) {
        if (version == null && required) {
            throw PlannerException.invalid(
                    "version", "required: send the version you read, so concurrent edits are caught");
        }
        if (version != null && version != h.version) {
            throw PlannerException.conflict(
                    "host " + h.hostname + " was changed by someone else (your version " + version + ", now "
                            + h.version + "): reload it and apply your change again",
                    List.of(new FieldError("version", "stale")));
        }
    }

    private static TreeSet<String> names(
            List<String> values, String field, boolean hostnames, List<FieldError> errors) {
        TreeSet<String> names = new TreeSet<>();
        if (values == null) {
            return names;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null
                    ? ""
                    : hostnames ? Names.hostname(values.get(i)) : values.get(i).trim();
            if (hostnames ? Names.isHostname(v) : Names.NAME.matcher(v).matches()) {
                names.add(v);
            } else {
                errors.add(new FieldError(
                        field + "[" + i + "]",
                        hostnames ? "not a valid host name" : "use letters, digits, dots, dashes and underscores"));
            }
        }
        return names;
    }
}
