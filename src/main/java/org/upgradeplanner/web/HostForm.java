package org.upgradeplanner.web;

import static org.upgradeplanner.web.FormFields.list;

import java.util.Map;
import org.upgradeplanner.host.HostInput;
import org.upgradeplanner.host.HostView;
import org.upgradeplanner.support.Json;

/** The edit form's fields as typed (lists comma-separated, vars as JSON), so a refused edit comes back unchanged. */
public record HostForm(
        String distro,
        String osVersion,
        String services,
        String groups,
        String dependsOn,
        boolean stateful,
        boolean replaceable,
        boolean isPublic,
        String vars,
        int version) {
    static HostForm of(HostView h) {
        return new HostForm(
                h.os() == null ? "" : h.os().distro(),
                h.os() == null ? "" : h.os().version(),
                String.join(", ", h.services()),
                String.join(", ", h.groups()),
                String.join(", ", h.dependsOn()),
                h.stateful(),
                h.replaceable(),
                h.isPublic(),
                Json.write(h.vars()),
                h.version());
    }

    /** The edit as the service takes it: the lists split, an empty distro and version meaning no OS. */
    HostInput input(Map<String, Object> parsedVars) {
        return new HostInput(
                null,
                distro.isEmpty() && osVersion.isEmpty() ? null : new HostView.Os(distro, osVersion),
                list(services),
                list(groups),
                stateful,
                replaceable,
                isPublic,
                list(dependsOn),
                parsedVars,
                version);
    }
}
