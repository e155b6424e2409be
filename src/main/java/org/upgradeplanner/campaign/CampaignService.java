package org.upgradeplanner.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.host.HostTargets;
import org.upgradeplanner.release.ReleaseService;
import org.upgradeplanner.support.ChangeCounter;
import org.upgradeplanner.support.FleetLock;
import org.upgradeplanner.support.Json;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;

/**
 * Opens and closes campaigns. Opening takes, under the fleet lock, every host in scope that runs a targeted distro below
 * its target and is in no other open campaign, gives each a TODO item and the campaign's target (unless the host names
 * its own), and classifies them again against it; closing gives the hosts back to the fleet policy.
 */
@ApplicationScoped
@Transactional
public class CampaignService {

    private static final Logger LOG = Logger.getLogger(CampaignService.class);

    private static final int MAX_LISTED = 50;

    private final ReleaseService releases;
    private final HostTargets hostTargets;
    private final AuditLog audit;
    private final Clock clock;
    private final FleetLock fleetLock;
    private final ChangeCounter counter;
    private final Event<CampaignEvent> events;
    private final PlannerConfig config;

    CampaignService(
            ReleaseService releases,
            HostTargets hostTargets,
            AuditLog audit,
            Clock clock,
            FleetLock fleetLock,
            ChangeCounter counter,
            Event<CampaignEvent> events,
            PlannerConfig config) {
        this.releases = releases;
        this.hostTargets = hostTargets;
        this.audit = audit;
        this.clock = clock;
        this.fleetLock = fleetLock;
        this.counter = counter;
        this.events = events;
        this.config = config;
    }

    public CampaignView create(CampaignInput in) {
        long t0 = System.nanoTime();
        PlannerException.requireBody(in);
        LocalDate today = LocalDate.now(clock);
        CampaignFields.Valid f = CampaignFields.validate(
                in, releases.catalog(), today.plusDays(config.policy().horizon().toDays()));
        fleetLock.acquire();
        Set<String> inOpenCampaigns = new HashSet<>(WorkItem.getEntityManager()
                .createQuery("select i.openHostname from WorkItem i where i.openHostname is not null", String.class)
                .getResultList());
        CampaignSelection selection =
                CampaignSelection.of(Host.rows(), f.targets(), f.scope(), releases.policy(), inOpenCampaigns);
        List<Host.Row> chosen = selection.chosen();
        List<String> taken = selection.taken();
        if (!taken.isEmpty() && !f.scope().everyHost()) {
            throw PlannerException.conflict(
                    taken.size() + " host(s) in this scope are already in an open campaign (a host is in one at most),"
                            + " first: " + taken.get(0),
                    taken.subList(0, Math.min(MAX_LISTED, taken.size())).stream()
                            .map(h -> new FieldError("scope", h + " is already in an open campaign"))
                            .toList());
        }
        if (chosen.isEmpty()) {
            throw PlannerException.invalid(
                    "scope",
                    "no host in it runs " + String.join(" or ", f.targets().keySet())
                            + " below its target outside other open campaigns");
        }
        long tChosen = System.nanoTime();
        Instant now = Instant.now(clock);
        Campaign c = new Campaign();
        c.uid = UUID.randomUUID() + "@upgrade-planner";
        c.name = f.name();
        c.targetsJson = Json.write(f.targets());
        c.scopeJson = Json.write(f.scope());
        c.sprintDaysJson =
                Json.write(f.sprintDays().stream().map(LocalDate::toString).toList());
        c.deadline = f.deadline() != null
                ? f.deadline()
                : chosen.stream()
                        .map(Host.Row::eol)
                        .filter(Objects::nonNull)
                        .min(LocalDate::compareTo)
                        .orElse(null);
        c.createdBy = audit.actor();
        c.createdAt = now;
        c.updatedAt = now;
        c.persist();
        Map<String, String> targets = new HashMap<>();
        for (Host.Row r : chosen) {
            WorkItem item = new WorkItem();
            item.campaignId = c.id;
            item.hostname = r.hostname();
            item.openHostname = r.hostname();
            item.distro = r.distro();
            item.updatedAt = now;
            item.updatedBy = c.createdBy;
            item.persist();
            targets.put(r.hostname(), f.targets().get(r.distro()));
        }
        WorkItem.flush(); // the unique open_hostname refuses a host a concurrent campaign took meanwhile
        long tItems = System.nanoTime();
        hostTargets.setCampaignTargets(targets);
        long tTargets = System.nanoTime();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", c.name);
        after.put("targets", f.targets());
        after.put("scope", f.scope().describe());
        after.put("hosts", chosen.size());
        after.put("sprintDays", c.sprintDays().stream().map(LocalDate::toString).toList());
        after.put("deadline", c.deadline == null ? null : c.deadline.toString());
        audit.record("CAMPAIGN_CREATED", "campaign", c.id.toString(), null, after, null);
        counter.bump(); // the public page lists sprint days
        if (!c.sprintDays().isEmpty()) {
            events.fire(new CampaignEvent(c.id, CampaignEvent.Kind.SPRINT));
        }
        LOG.debugf(
                "campaign %d opened with %d hosts: choose %d ms, items %d ms, targets and classes %d ms, draft %d ms",
                c.id,
                chosen.size(),
                (tChosen - t0) / 1_000_000,
                (tItems - tChosen) / 1_000_000,
                (tTargets - tItems) / 1_000_000,
                (System.nanoTime() - tTargets) / 1_000_000);
        return CampaignView.from(c, counts(c.id));
    }

    /** Closes an open campaign: its hosts leave it (and its target), and the summary draft is written. */
    public CampaignView close(long id) {
        fleetLock.acquire();
        Campaign c = Campaign.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw PlannerException.notFound("no campaign with id " + id);
        }
        if (!c.open()) {
            throw PlannerException.conflict(
                    "campaign " + id + " is already closed", List.of(new FieldError("state", "CLOSED")));
        }
        Instant now = Instant.now(clock);
        Map<String, String> cleared = new HashMap<>();
        for (WorkItem item : WorkItem.ofCampaign(id)) {
            item.openHostname = null;
            cleared.put(item.hostname, null);
        }
        WorkItem.flush();
        long t0 = System.nanoTime();
        hostTargets.setCampaignTargets(cleared);
        long tTargets = System.nanoTime();
        c.state = Campaign.State.CLOSED;
        c.closedAt = now;
        c.updatedAt = now;
        Map<ItemState, Long> counts = counts(id);
        audit.record(
                "CAMPAIGN_CLOSED",
                "campaign",
                c.id.toString(),
                Map.of("state", "OPEN"),
                Map.of("state", "CLOSED", "items", counts),
                null);
        counter.bump();
        events.fire(new CampaignEvent(c.id, CampaignEvent.Kind.SUMMARY));
        Campaign.flush();
        LOG.debugf(
                "campaign %d closed: targets and classes %d ms, summary %d ms",
                new Object[] {c.id, (tTargets - t0) / 1_000_000, (System.nanoTime() - tTargets) / 1_000_000});
        return CampaignView.from(c, counts);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignView get(long id) {
        return CampaignView.from(Campaign.require(id), counts(id));
    }

    /** Every campaign, open ones first, newest first; with their counts from one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CampaignView> list() {
        return views(Campaign.list("order by state desc, createdAt desc, id desc"), "");
    }

    /** The open campaigns, newest first, counting only their items (for the dashboard and the public page). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CampaignView> open() {
        return views(
                Campaign.list("state = ?1 order by createdAt desc, id desc", Campaign.State.OPEN),
                " where i.openHostname is not null");
    }

    private static List<CampaignView> views(List<Campaign> campaigns, String items) {
        Map<Long, Map<ItemState, Long>> counts = new HashMap<>();
        WorkItem.getEntityManager()
                .createQuery(
                        "select i.campaignId, i.state, count(i) from WorkItem i" + items
                                + " group by i.campaignId, i.state",
                        Object[].class)
                .getResultStream()
                .forEach(r -> counts.computeIfAbsent((Long) r[0], k -> empty()).put((ItemState) r[1], (Long) r[2]));
        return campaigns.stream()
                .map(c -> CampaignView.from(c, counts.getOrDefault(c.id, empty())))
                .toList();
    }

    /** How many of the campaign's items are in each state (every state listed). */
    static Map<ItemState, Long> counts(long campaignId) {
        Map<ItemState, Long> counts = empty();
        WorkItem.getEntityManager()
                .createQuery(
                        "select i.state, count(i) from WorkItem i where i.campaignId = :id group by i.state",
                        Object[].class)
                .setParameter("id", campaignId)
                .getResultStream()
                .forEach(r -> counts.put((ItemState) r[0], (Long) r[1]));
        return counts;
    }

    private static Map<ItemState, Long> empty() {
        Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
        for (ItemState s : ItemState.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }
}
