package org.upgradeplanner.classification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.upgradeplanner.release.TargetPolicy;
import org.upgradeplanner.release.UpgradePath;

/**
 * Applies ordered rules to a whole fleet in one pass. The first matching rule decides; an outage collects the reasons
 * of every outage rule that matches, since each is something the announcement must cover. A host no rule explains
 * fails safe: it needs an outage.
 */
public final class Classifier {

    static final String FALLBACK_RULE = "otherwise";
    static final String FALLBACK_REASON = "no rule shows the upgrade is invisible to users: plan an outage";

    private final List<Rule> rules;

    public Classifier(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Verdicts keyed by hostname. */
    public Map<String, Verdict> classify(Collection<HostFacts> fleet, TargetPolicy targets) {
        return classify(fleet, targets, new FleetIndex(fleet));
    }

    /** Verdicts of {@code hosts}, keyed by hostname, with what the rest of the fleet adds known from {@code index}. */
    public Map<String, Verdict> classify(Collection<HostFacts> hosts, TargetPolicy targets, FleetIndex index) {
        Map<String, Verdict> verdicts = new HashMap<>(hosts.size() * 2);
        for (HostFacts host : hosts) {
            verdicts.put(host.hostname(), classify(host, targets, index));
        }
        return verdicts;
    }

    Verdict classify(HostFacts host, TargetPolicy targets, FleetIndex index) {
        TargetPolicy.Placement at = targets.place(host.distro(), host.version(), host.target());
        UpgradePath path = at.path();
        Subject subject = new Subject(host, at.release(), at.target(), path, index);

        Rule decisive = null;
        List<String> reasons = new ArrayList<>();
        for (Rule rule : rules) {
            if (decisive != null && rule.result() != decisive.result()) {
                continue;
            }
            Optional<String> reason = rule.reason(subject);
            if (reason.isPresent()) {
                decisive = decisive == null ? rule : decisive;
                reasons.add(reason.get());
                if (decisive.result() != Classification.OUTAGE_REQUIRED) {
                    break;
                }
            }
        }
        Classification result = decisive == null ? Classification.OUTAGE_REQUIRED : decisive.result();
        if (decisive == null) {
            reasons.add(FALLBACK_REASON);
        }
        if (path != null && !path.upToDate()) {
            reasons.add(path.describe());
        }
        return new Verdict(
                result,
                decisive == null ? FALLBACK_RULE : decisive.name(),
                List.copyOf(reasons),
                at.release(),
                at.target(),
                path);
    }
}
