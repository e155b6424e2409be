package org.upgradeplanner.classification;

import static org.upgradeplanner.classification.Classification.OUTAGE_REQUIRED;
import static org.upgradeplanner.classification.Classification.TRIVIAL;
import static org.upgradeplanner.classification.Classification.UNKNOWN;
import static org.upgradeplanner.classification.Classification.UP_TO_DATE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/** The classification rules in the order they are tried. The README lists them in words. */
public final class Rules {

    private Rules() {}

    public static final List<Rule> DEFAULT = List.of(
            rule(
                    "no-os",
                    UNKNOWN,
                    s -> when(
                            s.host().distro() == null,
                            "no OS release known: set `os` in the inventory or provide facts")),
            rule(
                    "unknown-release",
                    UNKNOWN,
                    s -> when(
                            s.release() == null,
                            "release " + s.host().distro() + " " + s.host().version()
                                    + " is not in the release catalog")),
            rule(
                    "no-target",
                    UNKNOWN,
                    s -> when(
                            s.target() == null,
                            s.host().target() == null
                                    ? "no target release is known for "
                                            + s.host().distro()
                                    : "its target " + s.host().distro() + " "
                                            + s.host().target()
                                            + " (target_release or campaign) is not in the release catalog")),
            rule(
                    "at-target",
                    UP_TO_DATE,
                    s -> when(s.path().upToDate(), s.path().describe())),
            rule(
                    "rolling-pool",
                    TRIVIAL,
                    s -> s.host().replaceable() ? pool(s).map(p -> p + ": rolling replacement") : Optional.empty()),
            rule(
                    "replaceable-stateless",
                    TRIVIAL,
                    s -> when(
                            s.host().replaceable() && !s.host().stateful(),
                            "replaceable and stateless: " + (s.path().rebuild() ? "rebuild" : "build a replacement")
                                    + " on " + s.target().version()
                                    + " from configuration management, then switch over")),
            rule(
                    "stateful-single",
                    OUTAGE_REQUIRED,
                    s -> when(
                            s.host().stateful(),
                            "stateful single host: its data must be migrated or the host upgraded during an announced outage")),
            rule(
                    "public-single-point",
                    OUTAGE_REQUIRED,
                    s -> when(
                            s.host().isPublic(),
                            "serves users directly and no second host provides " + services(s.host()))),
            rule("depended-on", OUTAGE_REQUIRED, s -> dependents(s)),
            rule(
                    "not-replaceable",
                    OUTAGE_REQUIRED,
                    s -> when(
                            !s.host().replaceable(),
                            s.path().rebuild()
                                    ? "not replaceable and " + s.path().describe()
                                            + ": rebuild and migrate in an outage"
                                    : "not rebuilt from configuration management: upgraded in place, which takes it down")));

    private static Rule rule(String name, Classification result, Function<Subject, Optional<String>> test) {
        return new Rule(name, result, test);
    }

    private static Optional<String> when(boolean condition, String reason) {
        return condition ? Optional.of(reason) : Optional.empty();
    }

    /**
     * A rolling pool: every service of the host has at least two replaceable providers. The pool is named after the
     * host's group that holds most of those providers, as in "member of pool `zuul_mergers` (8 replaceable hosts
     * providing zuul-merger)"; with several services, the count is that of the least provided one.
     */
    static Optional<String> pool(Subject s) {
        HostFacts h = s.host();
        if (h.services().isEmpty()) {
            return Optional.empty();
        }
        int providers = h.services().stream()
                .mapToInt(svc -> s.fleet().replaceableProviders(svc))
                .min()
                .orElse(0);
        if (providers < 2) {
            return Optional.empty();
        }
        String bestGroup = null;
        int best = 1;
        for (String g : new TreeSet<>(h.groups())) {
            int inGroup = h.services().stream()
                    .mapToInt(svc -> s.fleet().replaceableProviders(svc, g))
                    .min()
                    .orElse(0);
            if (inGroup > best) {
                best = inGroup;
                bestGroup = g;
            }
        }
        String what = (h.services().size() == 1
                        ? providers + " replaceable hosts providing "
                        : "at least " + providers + " replaceable hosts providing each of ")
                + services(h);
        return Optional.of(bestGroup != null ? "member of pool `" + bestGroup + "` (" + what + ")" : "one of " + what);
    }

    private static Optional<String> dependents(Subject s) {
        TreeSet<String> deps = s.fleet().dependents(s.host().hostname());
        if (deps.isEmpty()) {
            return Optional.empty();
        }
        List<String> shown = new ArrayList<>(deps).subList(0, Math.min(5, deps.size()));
        String more = deps.size() > shown.size() ? " and " + (deps.size() - shown.size()) + " more" : "";
        return Optional.of(deps.size() + (deps.size() == 1 ? " host depends" : " hosts depend") + " on it ("
                + String.join(", ", shown) + more + "): its outage takes theirs down");
    }

    private static String services(HostFacts h) {
        return h.services().isEmpty() ? "its role" : String.join(", ", new TreeSet<>(h.services()));
    }
}
