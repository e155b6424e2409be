package org.upgradeplanner.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.release.TargetPolicy;

/**
 * Which hosts a new campaign takes: in its scope, of a distro it targets, below their target (a host's own
 * {@code target_release} wins over the campaign's), and in no other open campaign; those in another are {@code taken}.
 * A host whose release or target is unknown has no path, so no campaign takes it.
 */
record CampaignSelection(List<Host.Row> chosen, List<String> taken) {

    static CampaignSelection of(
            List<Host.Row> fleet,
            Map<String, String> targets,
            CampaignScope scope,
            TargetPolicy policy,
            Set<String> inOpenCampaigns) {
        List<Host.Row> chosen = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (Host.Row r : fleet) {
            String target = r.distro() == null ? null : targets.get(r.distro());
            if (target == null || !scope.includes(r.hostname(), r.groups(), r.services())) {
                continue;
            }
            var path = policy.place(r.distro(), r.osVersion(), Host.ownTarget(r.targetRelease(), target))
                    .path();
            if (path == null || path.upToDate()) {
                continue;
            }
            if (inOpenCampaigns.contains(r.hostname())) {
                taken.add(r.hostname());
            } else {
                chosen.add(r);
            }
        }
        taken.sort(null);
        return new CampaignSelection(chosen, taken);
    }
}
