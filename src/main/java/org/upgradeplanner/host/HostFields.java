package org.upgradeplanner.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.upgradeplanner.classification.HostFacts;
import org.upgradeplanner.support.Json;

/** A host's fields as inventories and edits set them: what differs, writing them, and how the audit log shows them. */
final class HostFields {

    private HostFields() {}

    /** The fields an inventory entry would change on a stored host. */
    static List<String> differences(Host.Row r, InventoryHost ih) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(r.distro(), ih.distro())
                || !Objects.equals(r.osVersion(), ih.version())
                || !Objects.equals(r.osFrom(), ih.osFrom())) {
            fields.add("os");
        }
        if (!r.services().equals(ih.services())) {
            fields.add("services");
        }
        if (!r.groups().equals(ih.groups())) {
            fields.add("groups");
        }
        if (r.stateful() != ih.stateful()) {
            fields.add("stateful");
        }
        if (r.replaceable() != ih.replaceable()) {
            fields.add("replaceable");
        }
        if (r.isPublic() != ih.isPublic()) {
            fields.add("public");
        }
        if (!r.dependsOn().equals(ih.dependsOn())) {
            fields.add("dependsOn");
        }
        if (!r.varsJson().equals(Json.write(ih.vars()))) {
            fields.add("vars");
        }
        return fields;
    }

    static void apply(Host h, InventoryHost ih, Instant now) {
        h.hostname = ih.hostname();
        h.distro = ih.distro();
        h.osVersion = ih.version();
        h.osFrom = ih.osFrom();
        replace(h.services, ih.services());
        replace(h.groups, ih.groups());
        replace(h.dependsOn, ih.dependsOn());
        h.stateful = ih.stateful();
        h.replaceable = ih.replaceable();
        h.isPublic = ih.isPublic();
        h.targetRelease = ih.targetRelease();
        h.varsJson = Json.write(ih.vars());
        h.updatedAt = now;
    }

    private static void replace(Set<String> target, Collection<String> values) {
        if (!target.equals(new java.util.HashSet<>(values))) {
            target.clear();
            target.addAll(values);
        }
    }

    /** The facts of a host as the inventory entry describes it, in the campaign (with its target) it is in, if any. */
    static HostFacts facts(InventoryHost ih, String campaignTarget) {
        return new HostFacts(
                ih.hostname(),
                ih.distro(),
                ih.version(),
                ih.services(),
                ih.groups(),
                ih.stateful(),
                ih.replaceable(),
                ih.isPublic(),
                ih.dependsOn(),
                Host.ownTarget(ih.targetRelease(), campaignTarget));
    }

    /** A host's fields as the audit log records them. */
    static Map<String, Object> snapshot(Host.Row r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("hostname", r.hostname());
        s.put("os", r.distro() == null ? null : r.distro() + "-" + r.osVersion());
        s.put("services", new TreeSet<>(r.services()));
        s.put("groups", new TreeSet<>(r.groups()));
        s.put("stateful", r.stateful());
        s.put("replaceable", r.replaceable());
        s.put("public", r.isPublic());
        s.put("dependsOn", new TreeSet<>(r.dependsOn()));
        s.put("vars", Json.readMap(r.varsJson()));
        s.put("source", r.source());
        return s;
    }
}
