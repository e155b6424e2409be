package org.upgradeplanner.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.release.ReleaseService;
import org.upgradeplanner.release.TargetPolicy;
import org.upgradeplanner.support.FleetLock;

/** Runs the {@link Planner} over the fleet as it is stored and keeps its proposals as DRAFT windows. */
@ApplicationScoped
@Transactional
public class PlannerService {

    private static final Logger LOG = Logger.getLogger(PlannerService.class);

    private final PolicyService policies;
    private final AuditLog audit;
    private final ReleaseService releases;
    private final FleetLock fleetLock;
    private final Clock clock;

    PlannerService(PolicyService policies, AuditLog audit, ReleaseService releases, FleetLock fleetLock, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.releases = releases;
        this.fleetLock = fleetLock;
        this.clock = clock;
    }

    /**
     * DRAFT windows covering every outage-required host not yet in an active window, each within the policy. Under the
     * fleet lock: a second run started meanwhile (a double click, another replica) finds these windows and adds none.
     */
    public List<WindowView> propose() {
        long t0 = System.nanoTime();
        fleetLock.acquire();
        Set<String> planned = new HashSet<>();
        List<WindowSpec> active = MaintenanceWindow.activeSpecs();
        active.forEach(w -> planned.addAll(w.hosts()));
        TargetPolicy targets = releases.policy();
        List<Planner.Candidate> candidates = new ArrayList<>();
        for (Host.Outline h : Host.outlines(Classification.OUTAGE_REQUIRED)) {
            if (!planned.contains(h.hostname())) {
                TargetPolicy.Placement at = targets.place(h.distro(), h.version(), h.target());
                String upgrade = at.path() == null
                        ? "upgrade"
                        : h.distro() + " " + h.version() + " → " + at.target().version();
                candidates.add(new Planner.Candidate(h.hostname(), h.services(), h.dependsOn(), h.eol(), upgrade));
            }
        }
        SchedulingPolicy policy = policies.current();
        List<String> unplaced = new ArrayList<>();
        Instant now = Instant.now(clock);
        long t1 = System.nanoTime();
        DateHorizon horizon = policies.horizon();
        List<Planner.Proposal> proposals = new Planner(policy, DependencyGraph.stored(), horizon.ahead())
                .propose(candidates, active, now, unplaced);
        if (!unplaced.isEmpty()) {
            LOG.warnf(
                    "The planner found no slot within %d days (planner.policy.horizon) for %d host(s): %s",
                    horizon.ahead().toDays(),
                    unplaced.size(),
                    unplaced.stream().limit(20).collect(Collectors.joining(", ")));
        }
        long t2 = System.nanoTime();
        List<MaintenanceWindow> created = new ArrayList<>();
        for (Planner.Proposal p : proposals) {
            created.add(draft(p, now));
        }
        if (!created.isEmpty()) {
            audit.record(
                    "WINDOWS_PROPOSED",
                    "planner",
                    null,
                    null,
                    Map.of(
                            "windows",
                            created.size(),
                            "hosts",
                            candidates.size() - unplaced.size(),
                            "unplaced",
                            unplaced.size()),
                    null);
        }
        MaintenanceWindow.flush();
        LOG.infof(
                "Planner: %d window(s) for %d host(s) in %d ms (load %d ms, plan %d ms, store %d ms)",
                created.size(),
                candidates.size() - unplaced.size(),
                (System.nanoTime() - t0) / 1_000_000,
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
        return created.stream().map(WindowView::from).toList();
    }

    private static MaintenanceWindow draft(Planner.Proposal p, Instant now) {
        MaintenanceWindow w = new MaintenanceWindow();
        w.uid = UUID.randomUUID() + "@upgrade-planner";
        w.title = p.title().length() > 200 ? p.title().substring(0, 199) + "…" : p.title();
        w.description = p.description().length() > 8000 ? p.description().substring(0, 7999) + "…" : p.description();
        w.start = p.start();
        w.end = p.end();
        w.hosts.addAll(p.hosts());
        w.services.addAll(p.services());
        w.state = WindowState.DRAFT;
        w.createdAt = now;
        w.updatedAt = now;
        w.persist();
        return w;
    }
}
