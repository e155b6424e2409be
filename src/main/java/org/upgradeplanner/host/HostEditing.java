package org.upgradeplanner.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.classification.HostFacts;
import org.upgradeplanner.classification.Reclassification;
import org.upgradeplanner.support.ChangeCounter;
import org.upgradeplanner.support.FleetLock;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;

/**
 * Hosts made, changed and deleted by hand (API or UI). Each takes the {@link FleetLock} before it reads, works out the
 * verdicts its change brings to the host and its neighbours, and writes them with it.
 */
@ApplicationScoped
@Transactional
public class HostEditing {

    private final HostClassification classification;
    private final HostQueries queries;
    private final AuditLog audit;
    private final Clock clock;
    private final ChangeCounter counter;
    private final FleetLock fleetLock;
    private final Event<HostsChanged> changed;

    HostEditing(
            HostClassification classification,
            HostQueries queries,
            AuditLog audit,
            Clock clock,
            ChangeCounter counter,
            FleetLock fleetLock,
            Event<HostsChanged> changed) {
        this.changed = changed;
        this.classification = classification;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
        this.counter = counter;
        this.fleetLock = fleetLock;
    }

    public HostView create(HostInput input) {
        String hostname = Names.hostname(input.hostname());
        InventoryHost fields = HostInputs.validate(input, hostname);
        fleetLock.acquire();
        if (Host.byHostname(hostname).isPresent()) {
            throw PlannerException.conflict(
                    "host " + hostname + " already exists", List.of(new FieldError("hostname", "already exists")));
        }
        HostClassification.Plan plan =
                classification.plan(List.of(new Reclassification.Change(null, HostFields.facts(fields, null))));
        Instant now = Instant.now(clock);
        Host h = new Host();
        h.source = Host.MANUAL;
        h.createdAt = now;
        HostFields.apply(h, fields, now);
        List<AuditLog.Entry> entries = new ArrayList<>();
        HostClassification.store(h, plan.of(hostname), entries);
        h.persist();
        counter.bump(); // the per-host feeds answer for known hosts only
        audit.record("HOST_CREATED", "host", hostname, null, HostFields.snapshot(h.row()), null);
        finish(plan, entries);
        HostView view = queries.flushedView(h);
        changed.fire(new HostsChanged(Set.of(hostname)));
        return view;
    }

    public HostView update(String hostname, HostInput input) {
        fleetLock.acquire();
        Host h = queries.find(hostname);
        if (input.hostname() != null && !Names.hostname(input.hostname()).equals(h.hostname)) {
            throw PlannerException.invalid(
                    "hostname", "cannot be changed (it is " + h.hostname + "); create a new host instead");
        }
        HostInputs.checkVersion(h, input.version(), true);
        InventoryHost fields = HostInputs.validate(input, h.hostname);
        if (!HostFields.differences(h.row(), fields).isEmpty()) {
            HostClassification.Plan plan = classification.plan(
                    List.of(new Reclassification.Change(stored(h), HostFields.facts(fields, h.campaignTarget))));
            Map<String, Object> before = HostFields.snapshot(h.row());
            HostFields.apply(h, fields, Instant.now(clock));
            List<AuditLog.Entry> entries = new ArrayList<>();
            HostClassification.store(h, plan.of(h.hostname), entries);
            counter.bump(); // the per-host feeds answer for known hosts only
            audit.record("HOST_UPDATED", "host", h.hostname, before, HostFields.snapshot(h.row()), null);
            finish(plan, entries);
            HostView view = queries.flushedView(h);
            changed.fire(new HostsChanged(Set.of(h.hostname)));
            return view;
        }
        return queries.flushedView(h);
    }

    public void delete(String hostname) {
        fleetLock.acquire();
        Host h = queries.find(hostname);
        HostClassification.Plan plan = classification.plan(List.of(new Reclassification.Change(stored(h), null)));
        counter.bump(); // the per-host feeds answer for known hosts only
        audit.record("HOST_DELETED", "host", h.hostname, HostFields.snapshot(h.row()), null, null);
        h.delete();
        Host.flush();
        finish(plan, List.of());
        changed.fire(new HostsChanged(Set.of(h.hostname)));
    }

    private void finish(HostClassification.Plan plan, List<AuditLog.Entry> entries) {
        classification.writeNeighbours(plan);
        audit.recordAll(entries);
    }

    /** The host's facts as stored, copied: the entity's collections change when an edit is applied. */
    private static HostFacts stored(Host h) {
        return new HostFacts(
                h.hostname,
                h.distro,
                h.osVersion,
                Set.copyOf(h.services),
                Set.copyOf(h.groups),
                h.stateful,
                h.replaceable,
                h.isPublic,
                Set.copyOf(h.dependsOn),
                h.ownTarget());
    }
}
