package org.upgradeplanner.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.classification.HostFacts;
import org.upgradeplanner.classification.Reclassification;
import org.upgradeplanner.support.JdbcBatch;

/**
 * Campaign targets on hosts: a campaign that opens sets its distro's target on each host it takes, one that closes
 * clears them; the hosts are classified again against their new target (their pools and dependents are not: a target
 * changes no pool count nor dependency).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HostTargets {

    private final HostClassification classification;

    HostTargets(HostClassification classification) {
        this.classification = classification;
    }

    /** Sets each named host's campaign target (a null version clears it) and writes its new verdict. */
    public void setCampaignTargets(Map<String, String> targets) {
        Host.flush(); // the update below goes round the session
        List<Host.Row> rows = Host.rowsNamed(targets.keySet());
        List<Reclassification.Change> changes = new ArrayList<>(rows.size());
        for (Host.Row r : rows) {
            HostFacts before = r.facts();
            changes.add(new Reclassification.Change(
                    before, before.withTarget(Host.ownTarget(r.targetRelease(), targets.get(r.hostname())))));
        }
        JdbcBatch.execute(
                Host.getEntityManager(),
                "update host set campaign_target = ?, version = version + 1 where id = ?",
                rows,
                (s, r) -> {
                    s.setString(1, targets.get(r.hostname()));
                    s.setLong(2, r.id());
                });
        classification.writeVerdicts(rows, classification.plan(changes).verdicts());
    }
}
