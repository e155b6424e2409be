package org.upgradeplanner.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.host.HostsChanged;
import org.upgradeplanner.release.ReleaseService;
import org.upgradeplanner.window.MaintenanceWindow;
import org.upgradeplanner.window.WindowEvent;

/**
 * Keeps work items true to the inventory, in the transaction of the change that moved it: every import or host edit
 * re-reads the items naming the changed hosts ({@link Verification}), and a completed maintenance window marks its
 * hosts' items REPLACED (then verifies them too). Nobody types VERIFIED.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CampaignVerifier {

    private final ReleaseService releases;
    private final AuditLog audit;
    private final Clock clock;

    CampaignVerifier(ReleaseService releases, AuditLog audit, Clock clock) {
        this.releases = releases;
        this.audit = audit;
        this.clock = clock;
    }

    void onHosts(@Observes HostsChanged change) {
        if (Campaign.count("state", Campaign.State.OPEN) > 0) { // most imports happen with no campaign open
            verify(WorkItem.openNaming(change.hostnames()));
        }
    }

    void onWindow(@Observes WindowEvent event) {
        if (event.kind() != WindowEvent.Kind.COMPLETED) {
            return;
        }
        MaintenanceWindow w = MaintenanceWindow.findById(event.windowId());
        Instant now = Instant.now(clock);
        List<WorkItem> done = new ArrayList<>();
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (WorkItem item : WorkItem.openNaming(w.hosts)) {
            if (w.hosts.contains(item.hostname) && (item.state == ItemState.TODO || item.state == ItemState.CLAIMED)) {
                Map<String, Object> before = item.snapshot();
                item.state = ItemState.REPLACED;
                item.replacedAt = now;
                item.note = "window " + w.id + " (" + w.title + ") completed";
                touched(item, now);
                entries.add(entry(item, "CAMPAIGN_ITEM_REPLACED", before));
                done.add(item);
            }
        }
        audit.recordAll(entries);
        verify(done);
    }

    /** Moves each item to what the inventory now says of its host (or replacement); audits each move. */
    void verify(Collection<WorkItem> items) {
        if (items.isEmpty()) {
            return;
        }
        Map<Long, Map<String, String>> targets = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (WorkItem item : items) {
            names.add(item.hostname);
            names.add(item.subject());
            targets.computeIfAbsent(item.campaignId, id -> Campaign.require(id).targets());
        }
        Map<String, Host.Running> running = Host.running(names);
        Verification verification = new Verification(releases.catalog());
        Instant now = Instant.now(clock);
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (WorkItem item : items) {
            Host.Running own = running.get(item.hostname);
            String target = own != null && own.targetRelease() != null
                    ? own.targetRelease()
                    : targets.get(item.campaignId).get(item.distro);
            Host.Running subject = running.get(item.subject());
            Verification.Seen seen =
                    subject == null ? null : new Verification.Seen(subject.distro(), subject.version());
            var outcome =
                    verification.next(item.state, item.replacedAt != null, item.subject(), seen, item.distro, target);
            if (outcome.isEmpty()) {
                continue;
            }
            Map<String, Object> before = item.snapshot();
            item.state = outcome.get().state();
            item.note = outcome.get().note();
            item.doneAt = item.state == ItemState.VERIFIED ? now : null;
            touched(item, now);
            entries.add(entry(
                    item,
                    item.state == ItemState.VERIFIED ? "CAMPAIGN_ITEM_VERIFIED" : "CAMPAIGN_ITEM_UNVERIFIED",
                    before));
        }
        audit.recordAll(entries);
    }

    private void touched(WorkItem item, Instant now) {
        item.updatedAt = now;
        item.updatedBy = audit.actor();
    }

    private static AuditLog.Entry entry(WorkItem item, String action, Map<String, Object> before) {
        return new AuditLog.Entry(
                action, "host", item.hostname, before, item.snapshot(), "campaign " + item.campaignId);
    }
}
