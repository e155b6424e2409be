package org.upgradeplanner.classification;

import java.util.List;
import org.upgradeplanner.release.Release;
import org.upgradeplanner.release.UpgradePath;

/** A rule result: the classification, the rule that decided it, the reasons, and the release facts behind it. */
public record Verdict(
        Classification classification,
        String rule,
        List<String> reasons,
        Release release,
        Release target,
        UpgradePath path) {}
