package org.upgradeplanner.host;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.release.Release;
import org.upgradeplanner.release.TargetPolicy;
import org.upgradeplanner.release.UpgradePath;

/** A host as the API shows it: inventory facts, release facts and the classification with its reasons. */
public record HostView(
        String hostname,
        Os os,
        String osFrom,
        List<String> services,
        List<String> groups,
        boolean stateful,
        boolean replaceable,
        @JsonProperty("public") boolean isPublic,
        List<String> dependsOn,
        Map<String, Object> vars,
        String source,
        String targetRelease,
        List<String> upgradePath,
        String upgradeMethod,
        LocalDate eol,
        LocalDate eolExtended,
        Classification classification,
        String classificationSource,
        List<String> reasons,
        Override override,
        int version) {

    public record Os(String distro, String version) {}

    public record Override(
            Classification classification, String reason, String by, Instant at, Classification ruleResult) {}

    public static HostView from(Host h, TargetPolicy policy) {
        TargetPolicy.Placement at = policy.place(h.distro, h.osVersion, h.ownTarget());
        Release release = at.release();
        UpgradePath path = at.path();
        Override override = h.overrideClassification == null
                ? null
                : new Override(
                        h.overrideClassification, h.overrideReason, h.overrideBy, h.overrideAt, h.classification);
        List<String> reasons = override == null ? h.reasons() : withOverride(h);
        return new HostView(
                h.hostname,
                h.distro == null ? null : new Os(h.distro, h.osVersion),
                h.osFrom,
                sorted(h.services),
                sorted(h.groups),
                h.stateful,
                h.replaceable,
                h.isPublic,
                sorted(h.dependsOn),
                h.vars(),
                h.source,
                at.target() == null ? null : at.target().version(),
                path == null ? List.of() : path.versions(),
                path == null || path.upToDate() ? null : path.rebuild() ? "REBUILD" : "IN_PLACE",
                release == null ? null : release.eol(),
                release == null ? null : release.eolExtended(),
                h.effectiveClassification(),
                override == null ? "RULE" : "OVERRIDE",
                reasons,
                override,
                h.version);
    }

    /** Sets load from the database in no particular order; the API lists them sorted, the same on every call. */
    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static List<String> withOverride(Host h) {
        List<String> reasons = new java.util.ArrayList<>();
        reasons.add("overridden by " + h.overrideBy + ": " + h.overrideReason);
        reasons.add("the rules say " + h.classification + ":");
        reasons.addAll(h.reasons());
        return List.copyOf(reasons);
    }
}
