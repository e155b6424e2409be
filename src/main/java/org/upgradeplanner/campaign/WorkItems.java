package org.upgradeplanner.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.classification.PoolRule;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.host.Names;
import org.upgradeplanner.support.FleetLock;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;
import org.upgradeplanner.support.Text;

/**
 * What people do with work items: claim, unclaim, mark replaced, skip. Claims are taken under the fleet lock (pools
 * span campaigns and replicas), so two people can never claim a pool's last providers at once. Only hosts trivial to
 * replace are claimed; a host that needs an outage follows its maintenance window. Every change is audited on the host.
 */
@ApplicationScoped
@Transactional
public class WorkItems {

    private final AuditLog audit;
    private final Clock clock;
    private final FleetLock fleetLock;
    private final PoolRule pools;
    private final CampaignVerifier verifier;

    WorkItems(AuditLog audit, Clock clock, FleetLock fleetLock, PlannerConfig config, CampaignVerifier verifier) {
        this.audit = audit;
        this.clock = clock;
        this.fleetLock = fleetLock;
        this.pools = new PoolRule(config.campaigns().poolFraction());
        this.verifier = verifier;
    }

    /** The signed-in person takes the host; claiming one's own claim again changes nothing. */
    public ItemView claim(long campaignId, String hostname) {
        fleetLock.acquire();
        Campaign c = open(campaignId);
        WorkItem item = WorkItem.require(campaignId, Names.hostname(hostname));
        String me = audit.actor();
        if (item.state == ItemState.CLAIMED && me.equals(item.assignee)) {
            return ItemView.from(item);
        }
        if (item.state != ItemState.TODO) {
            throw refused(item, "claim", item.state == ItemState.CLAIMED ? "claimed by " + item.assignee : null);
        }
        Host.Row host = trivial(item, "claimed");
        Map<String, Set<String>> providers = new HashMap<>();
        Host.providers(host.services()).forEach((service, byHost) -> providers.put(service, byHost.keySet()));
        pools.refuse(item.hostname, providers, WorkItem.claimedHosts()).ifPresent(why -> {
            throw PlannerException.conflict(
                    "cannot claim " + item.hostname + ": " + why, List.of(new FieldError("hostname", why)));
        });
        Map<String, Object> before = item.snapshot();
        item.state = ItemState.CLAIMED;
        item.assignee = me;
        item.claimedAt = Instant.now(clock);
        return changed(c, item, "CAMPAIGN_ITEM_CLAIMED", before);
    }

    /** Gives the host back to TODO; anyone may, for a colleague who is away. */
    public ItemView unclaim(long campaignId, String hostname) {
        Campaign c = open(campaignId);
        WorkItem item = WorkItem.require(campaignId, Names.hostname(hostname));
        if (item.state != ItemState.CLAIMED) {
            throw refused(item, "unclaim", null);
        }
        Map<String, Object> before = item.snapshot();
        item.state = ItemState.TODO;
        item.assignee = null;
        item.claimedAt = null;
        return changed(c, item, "CAMPAIGN_ITEM_UNCLAIMED", before);
    }

    /**
     * The replacement is built (under {@code replacement} when it has another name). Verification reads the inventory at
     * once, and again at every import: VERIFIED follows only from what it shows.
     */
    public ItemView replaced(long campaignId, String hostname, ItemInput in) {
        Campaign c = open(campaignId);
        WorkItem item = WorkItem.require(campaignId, Names.hostname(hostname));
        if (item.state != ItemState.TODO && item.state != ItemState.CLAIMED && item.state != ItemState.REPLACED) {
            throw refused(item, "mark replaced", null);
        }
        String replacement = Names.hostname(in.replacement());
        if (replacement != null && replacement.isEmpty()) {
            replacement = null;
        }
        if (replacement != null && !Names.isHostname(replacement)) {
            throw PlannerException.invalid("replacement", "not a valid host name");
        }
        String note = Text.oneLine("note", in.note(), 1000);
        trivial(item, "marked replaced by hand");
        Map<String, Object> before = item.snapshot();
        item.state = ItemState.REPLACED;
        item.assignee = item.assignee == null ? audit.actor() : item.assignee;
        item.replacedAt = Instant.now(clock);
        item.replacement = replacement;
        item.note = note == null || note.isEmpty() ? null : note;
        changed(c, item, "CAMPAIGN_ITEM_REPLACED", before);
        verifier.verify(List.of(item));
        return ItemView.from(item);
    }

    /** Leaves the host out of the campaign's work, with the reason (decommissioned, moved to another plan…). */
    public ItemView skip(long campaignId, String hostname, ItemInput in) {
        Campaign c = open(campaignId);
        WorkItem item = WorkItem.require(campaignId, Names.hostname(hostname));
        String reason = Text.oneLine("reason", in.reason(), 1000);
        if (reason == null || reason.isEmpty()) {
            throw PlannerException.invalid("reason", "required: say why this host is skipped");
        }
        if (item.state.done()) {
            throw refused(item, "skip", null);
        }
        Map<String, Object> before = item.snapshot();
        item.state = ItemState.SKIPPED;
        item.note = "skipped: " + reason;
        item.doneAt = Instant.now(clock);
        return changed(c, item, "CAMPAIGN_ITEM_SKIPPED", before);
    }

    private ItemView changed(Campaign c, WorkItem item, String action, Map<String, Object> before) {
        item.updatedAt = Instant.now(clock);
        item.updatedBy = audit.actor();
        audit.record(action, "host", item.hostname, before, item.snapshot(), "campaign " + c.id + ": " + c.name);
        WorkItem.flush();
        return ItemView.from(item);
    }

    /** The stored host, if it is one people replace; a host that needs an outage follows its window instead. */
    private static Host.Row trivial(WorkItem item, String what) {
        List<Host.Row> rows = Host.rowsNamed(List.of(item.hostname));
        if (rows.isEmpty()) {
            throw PlannerException.conflict(
                    item.hostname
                            + " is no longer in the inventory: mark it skipped, or replaced naming its replacement",
                    List.of(new FieldError("hostname", "not in the inventory")));
        }
        Classification c = rows.get(0).effective();
        if (c == Classification.OUTAGE_REQUIRED) {
            String why =
                    item.hostname + " needs an announced outage: it is replaced in its maintenance window (completing"
                            + " the window marks it replaced), not " + what;
            throw PlannerException.conflict(why, List.of(new FieldError("hostname", why)));
        }
        if (c != Classification.TRIVIAL && c != Classification.UP_TO_DATE) {
            String why = item.hostname + " is classified " + c + ": fix its facts or override its classification first";
            throw PlannerException.conflict(why, List.of(new FieldError("hostname", why)));
        }
        return rows.get(0);
    }

    private static Campaign open(long campaignId) {
        Campaign c = Campaign.require(campaignId);
        if (!c.open()) {
            throw PlannerException.conflict(
                    "campaign " + campaignId + " is closed", List.of(new FieldError("state", "CLOSED")));
        }
        return c;
    }

    private static PlannerException refused(WorkItem item, String action, String detail) {
        String why = item.hostname + " is " + item.state + (detail == null ? "" : " (" + detail + ")") + ": cannot "
                + action + " it";
        return PlannerException.conflict(why, List.of(new FieldError("state", why)));
    }
}
