package org.upgradeplanner.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.classification.Reclassification;
import org.upgradeplanner.host.ImportResult.Action;
import org.upgradeplanner.host.ImportResult.Change;
import org.upgradeplanner.support.ChangeCounter;
import org.upgradeplanner.support.FleetLock;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;

/**
 * One source's inventory replaces what that source said before, all or nothing: hosts it brought earlier and no longer
 * lists are removed; hosts of other sources, or made by hand, are never touched (listing one is a conflict). Reads only
 * the source's hosts, the listed names and the neighbours the change reaches; writes in JDBC batches.
 */
@ApplicationScoped
@Transactional
public class InventoryImport {

    private static final Logger LOG = Logger.getLogger(InventoryImport.class);

    private static final int MAX_LISTED = 50;

    private final HostClassification classification;
    private final AuditLog audit;
    private final Clock clock;
    private final ChangeCounter counter;
    private final FleetLock fleetLock;
    private final Event<HostsChanged> changed;

    InventoryImport(
            HostClassification classification,
            AuditLog audit,
            Clock clock,
            ChangeCounter counter,
            FleetLock fleetLock,
            Event<HostsChanged> changed) {
        this.classification = classification;
        this.audit = audit;
        this.clock = clock;
        this.counter = counter;
        this.fleetLock = fleetLock;
        this.changed = changed;
    }

    public ImportResult importHosts(String source, List<InventoryHost> hosts, boolean dryRun) {
        long t0 = System.nanoTime();
        fleetLock.acquire();
        Map<String, InventoryHost> incoming = new LinkedHashMap<>();
        hosts.forEach(h -> incoming.put(h.hostname(), h));
        Map<String, Host.Row> existing = new HashMap<>();
        refuseOtherSources(source, incoming.keySet(), Host.sources(incoming.keySet()));
        for (Host.Row r : Host.rowsOfSource(source)) {
            existing.put(r.hostname(), r);
        }

        List<Reclassification.Change> changes = new ArrayList<>();
        Map<String, List<String>> changedFields = new LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        List<Host.Row> removed = new ArrayList<>();
        for (Host.Row r : existing.values()) {
            InventoryHost ih = incoming.get(r.hostname());
            if (ih == null) {
                removed.add(r);
                changes.add(new Reclassification.Change(r.facts(), null));
                continue;
            }
            List<String> fields = HostFields.differences(r, ih);
            if (!fields.isEmpty()) {
                changedFields.put(r.hostname(), fields);
                changes.add(new Reclassification.Change(r.facts(), HostFields.facts(ih, r.campaignTarget())));
            }
        }
        for (InventoryHost ih : incoming.values()) {
            if (!existing.containsKey(ih.hostname())) {
                added.add(ih.hostname());
                changes.add(new Reclassification.Change(null, HostFields.facts(ih, null)));
            }
        }
        long tRead = System.nanoTime();
        HostClassification.Plan plan = classification.plan(changes);

        List<Change> reported = new ArrayList<>();
        added.forEach(n -> reported.add(
                new Change(n, Action.ADDED, List.of(), null, plan.of(n).classification())));
        changedFields.forEach((n, fields) -> reported.add(new Change(
                n,
                Action.UPDATED,
                fields,
                existing.get(n).effective(),
                HostClassification.effective(existing.get(n), plan.of(n)))));
        removed.forEach(r -> reported.add(new Change(r.hostname(), Action.REMOVED, List.of(), r.effective(), null)));
        for (Host.Row r : plan.neighbours().values()) {
            Classification after = HostClassification.effective(r, plan.of(r.hostname()));
            if (after != r.effective()) {
                reported.add(new Change(r.hostname(), Action.RECLASSIFIED, List.of(), r.effective(), after));
            }
        }
        ImportResult result = new ImportResult(
                source,
                dryRun,
                added.size(),
                changedFields.size(),
                incoming.size() - added.size() - changedFields.size(),
                removed.size(),
                List.copyOf(incoming.keySet()),
                reported);
        if (dryRun) {
            return result;
        }

        long t1 = System.nanoTime();
        write(source, incoming, existing, changedFields, added, removed, plan);
        long t2 = System.nanoTime();
        counter.bump(); // the per-host feeds answer for known hosts only
        audit.record(
                "INVENTORY_IMPORTED",
                "inventory",
                source,
                null,
                Map.of(
                        "added",
                        result.added(),
                        "updated",
                        result.updated(),
                        "unchanged",
                        result.unchanged(),
                        "removed",
                        result.removed()),
                summary("added", added)
                        + summary("updated", changedFields.keySet())
                        + summary(
                                "removed",
                                removed.stream().map(Host.Row::hostname).toList()));
        Host.flush();
        // Nothing is changed after this: detach the entities so the commit does not dirty-check them.
        Host.getEntityManager().clear();
        Set<String> touched = new HashSet<>(added);
        touched.addAll(changedFields.keySet());
        removed.forEach(r -> touched.add(r.hostname()));
        if (!touched.isEmpty()) {
            changed.fire(new HostsChanged(touched));
        }
        LOG.debugf(
                "import %s: read %d ms, classify %d ms, write %d ms, flush %d ms",
                source,
                (tRead - t0) / 1_000_000,
                (t1 - tRead) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
        return result;
    }

    /** Updated hosts as entities (they are the change), new and removed ones and the neighbours' verdicts in batches. */
    private void write(
            String source,
            Map<String, InventoryHost> incoming,
            Map<String, Host.Row> existing,
            Map<String, List<String>> changedFields,
            List<String> added,
            List<Host.Row> removed,
            HostClassification.Plan plan) {
        Instant now = Instant.now(clock);
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (Host h : Host.byIds(
                changedFields.keySet().stream().map(n -> existing.get(n).id()).toList())) {
            Map<String, Object> before = HostFields.snapshot(h.row());
            HostFields.apply(h, incoming.get(h.hostname), now);
            entries.add(new AuditLog.Entry(
                    "HOST_UPDATED", "host", h.hostname, before, HostFields.snapshot(h.row()), "import from " + source));
            HostClassification.store(h, plan.of(h.hostname), entries);
        }
        for (Host.Row r : removed) {
            entries.add(new AuditLog.Entry(
                    "HOST_REMOVED", "host", r.hostname(), HostFields.snapshot(r), null, "no longer in " + source));
        }
        HostRows.delete(
                Host.getEntityManager(), removed.stream().map(Host.Row::id).toList());
        List<Host> newHosts = new ArrayList<>(added.size());
        for (String name : added) {
            Host h = new Host();
            h.source = source;
            h.createdAt = now;
            HostFields.apply(h, incoming.get(name), now);
            HostClassification.store(h, plan.of(name), entries);
            newHosts.add(h);
        }
        HostRows.insert(Host.getEntityManager(), newHosts);
        classification.writeNeighbours(plan);
        audit.recordAll(entries);
    }

    /** Listing a host of another source is a conflict; they are named in the inventory's order. */
    private static void refuseOtherSources(String source, Collection<String> listed, Map<String, String> sources) {
        List<FieldError> conflicts = listed.stream()
                .filter(n -> sources.containsKey(n) && !sources.get(n).equals(source))
                .map(n -> new FieldError(
                        n, "belongs to source `" + sources.get(n) + "`; an import only changes its own hosts"))
                .toList();
        if (!conflicts.isEmpty()) {
            throw PlannerException.conflict(
                    conflicts.size() + " host(s) of this inventory belong to another source, first: "
                            + conflicts.get(0).field() + " (" + conflicts.get(0).message() + ")",
                    conflicts.subList(0, Math.min(conflicts.size(), MAX_LISTED)));
        }
    }

    private static String summary(String what, Collection<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>(names).subList(0, Math.min(names.size(), 20));
        return what + ": " + String.join(", ", shown) + (names.size() > shown.size() ? " … (" + names.size() + ")" : "")
                + ". ";
    }
}
