package org.upgradeplanner.host;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.classification.Classifier;
import org.upgradeplanner.classification.HostFacts;
import org.upgradeplanner.classification.Rules;
import org.upgradeplanner.classification.Verdict;
import org.upgradeplanner.host.ImportResult.Action;
import org.upgradeplanner.host.ImportResult.Change;
import org.upgradeplanner.release.ReleaseService;
import org.upgradeplanner.release.TargetPolicy;
import org.upgradeplanner.support.ChangeCounter;
import org.upgradeplanner.support.FleetLock;
import org.upgradeplanner.support.Json;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;
import org.upgradeplanner.support.Text;

/**
 * Every change to the fleet: imports, hand edits, overrides. Each ends by classifying the fleet again in one pass,
 * since a change to one host (its pool, what depends on it) can change another's class; so each takes the
 * {@link FleetLock} before it reads anything.
 */
@ApplicationScoped
@Transactional
public class HostService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HostService.class);

    private static final int MAX_LISTED = 50;

    private final ReleaseService releases;
    private final AuditLog audit;
    private final Clock clock;
    private final ChangeCounter counter;
    private final FleetLock fleetLock;
    private final Classifier classifier = new Classifier(Rules.DEFAULT);

    HostService(ReleaseService releases, AuditLog audit, Clock clock, ChangeCounter counter, FleetLock fleetLock) {
        this.releases = releases;
        this.audit = audit;
        this.clock = clock;
        this.counter = counter;
        this.fleetLock = fleetLock;
    }

    // ---------------------------------------------------------------- import

    /**
     * Replaces what {@code source} said before with {@code hosts}, all or nothing: hosts the source brought earlier and
     * no longer lists are removed; hosts of other sources, or made by hand, are never touched (listing one is a conflict).
     */
    public ImportResult importHosts(String source, List<InventoryHost> hosts, boolean dryRun) {
        long t0 = System.nanoTime();
        fleetLock.acquire();
        Map<String, Host.Row> existing = new HashMap<>();
        for (Host.Row r : Host.rows()) {
            existing.put(r.hostname(), r);
        }
        List<FieldError> conflicts = new ArrayList<>();
        for (InventoryHost ih : hosts) {
            Host.Row r = existing.get(ih.hostname());
            if (r != null && !r.source().equals(source)) {
                conflicts.add(new FieldError(ih.hostname(), "belongs to source `" + r.source() + "`; an import only changes its own hosts"));
            }
        }
        if (!conflicts.isEmpty()) {
            throw PlannerException.conflict(conflicts.size() + " host(s) of this inventory belong to another source, first: "
                    + conflicts.get(0).field() + " (" + conflicts.get(0).message() + ")", conflicts.subList(0, Math.min(conflicts.size(), MAX_LISTED)));
        }

        Map<String, InventoryHost> incoming = new LinkedHashMap<>();
        hosts.forEach(h -> incoming.put(h.hostname(), h));
        List<HostFacts> fleet = new ArrayList<>(existing.size() + incoming.size());
        Map<String, List<String>> changedFields = new LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        List<Host.Row> removed = new ArrayList<>();
        for (Host.Row r : existing.values()) {
            InventoryHost ih = incoming.get(r.hostname());
            if (ih == null && r.source().equals(source)) {
                removed.add(r);
            } else if (ih == null) {
                fleet.add(r.facts());
            } else {
                List<String> fields = differences(r, ih);
                if (!fields.isEmpty()) {
                    changedFields.put(r.hostname(), fields);
                }
                fleet.add(facts(ih));
            }
        }
        for (InventoryHost ih : incoming.values()) {
            if (!existing.containsKey(ih.hostname())) {
                added.add(ih.hostname());
                fleet.add(facts(ih));
            }
        }
        Map<String, Verdict> verdicts = classifier.classify(fleet, releases.policy());
        removed.forEach(r -> existing.remove(r.hostname()));

        List<Change> changes = new ArrayList<>();
        added.forEach(n -> changes.add(new Change(n, Action.ADDED, List.of(), null, verdicts.get(n).classification())));
        changedFields.forEach((n, fields) -> changes.add(new Change(n, Action.UPDATED, fields,
                existing.get(n).effective(), effective(existing.get(n), verdicts.get(n)))));
        removed.forEach(r -> changes.add(new Change(r.hostname(), Action.REMOVED, List.of(), r.effective(), null)));
        for (Host.Row r : existing.values()) {
            Classification after = effective(r, verdicts.get(r.hostname()));
            if (!changedFields.containsKey(r.hostname()) && after != r.effective()) {
                changes.add(new Change(r.hostname(), Action.RECLASSIFIED, List.of(), r.effective(), after));
            }
        }
        ImportResult result = new ImportResult(source, dryRun, added.size(), changedFields.size(),
                incoming.size() - added.size() - changedFields.size(), removed.size(), List.copyOf(incoming.keySet()), changes);
        if (dryRun) {
            return result;
        }

        long t1 = System.nanoTime();
        Instant now = Instant.now(clock);
        // Only the hosts that change are loaded as entities: an unchanged re-import writes nothing but its audit entry.
        List<Long> touched = existing.values().stream()
                .filter(r -> changedFields.containsKey(r.hostname()) || !matches(r, verdicts.get(r.hostname())))
                .map(Host.Row::id).toList();
        for (Host h : Host.byIds(touched)) {
            if (changedFields.containsKey(h.hostname)) {
                Map<String, Object> before = snapshot(h);
                apply(h, incoming.get(h.hostname), now);
                audit.record("HOST_UPDATED", "host", h.hostname, before, snapshot(h), "import from " + source);
            }
            store(h, verdicts.get(h.hostname), true);
        }
        for (Host.Row r : removed) {
            audit.record("HOST_REMOVED", "host", r.hostname(), snapshot(r), null, "no longer in " + source);
        }
        HostRows.delete(Host.getEntityManager(), removed.stream().map(Host.Row::id).toList());
        List<Host> newHosts = new ArrayList<>(added.size());
        for (String name : added) {
            Host h = new Host();
            h.source = source;
            h.createdAt = now;
            apply(h, incoming.get(name), now);
            store(h, verdicts.get(name), false);
            newHosts.add(h);
        }
        HostRows.insert(Host.getEntityManager(), newHosts);
        long t2 = System.nanoTime();
        counter.bump(); // the per-host feeds answer for known hosts only
        audit.record("INVENTORY_IMPORTED", "inventory", source, null,
                Map.of("added", result.added(), "updated", result.updated(), "unchanged", result.unchanged(), "removed", result.removed()),
                summary("added", added) + summary("updated", changedFields.keySet()) + summary("removed", removed.stream().map(Host.Row::hostname).toList()));
        Host.flush();
        // Nothing is changed after this: detach the entities so the commit does not dirty-check thousands of them.
        Host.getEntityManager().clear();
        LOG.debugf("import %s: read and classify %d ms, write changes and new hosts %d ms, flush %d ms", source,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        return result;
    }

    public long count() {
        return Host.count();
    }

    // ---------------------------------------------------------------- hand edits

    public HostView create(HostInput input) {
        String hostname = Names.hostname(input.hostname());
        InventoryHost fields = validate(input, hostname);
        fleetLock.acquire();
        if (Host.byHostname(hostname).isPresent()) {
            throw PlannerException.conflict("host " + hostname + " already exists", List.of(new FieldError("hostname", "already exists")));
        }
        Instant now = Instant.now(clock);
        Host h = new Host();
        h.source = Host.MANUAL;
        h.createdAt = now;
        apply(h, fields, now);
        h.persist();
        counter.bump(); // the per-host feeds answer for known hosts only
        audit.record("HOST_CREATED", "host", hostname, null, snapshot(h), null);
        reclassify();
        return flushedView(h);
    }

    public HostView update(String hostname, HostInput input) {
        fleetLock.acquire();
        Host h = find(hostname);
        if (input.hostname() != null && !Names.hostname(input.hostname()).equals(h.hostname)) {
            throw PlannerException.invalid("hostname", "cannot be changed (it is " + h.hostname + "); create a new host instead");
        }
        checkVersion(h, input.version(), true);
        InventoryHost fields = validate(input, h.hostname);
        Map<String, Object> before = snapshot(h);
        if (!differences(h.row(), fields).isEmpty()) {
            apply(h, fields, Instant.now(clock));
            counter.bump(); // the per-host feeds answer for known hosts only
            audit.record("HOST_UPDATED", "host", h.hostname, before, snapshot(h), null);
            Host.flush();
            reclassify();
        }
        return flushedView(h);
    }

    public void delete(String hostname) {
        fleetLock.acquire();
        Host h = find(hostname);
        counter.bump(); // the per-host feeds answer for known hosts only
        audit.record("HOST_DELETED", "host", h.hostname, snapshot(h), null, null);
        h.delete();
        Host.flush();
        reclassify();
    }

    // ---------------------------------------------------------------- overrides

    public HostView override(String hostname, Classification classification, String reason, Integer version) {
        List<FieldError> errors = new ArrayList<>();
        if (classification == null) {
            errors.add(new FieldError("classification", "required: one of TRIVIAL, OUTAGE_REQUIRED, UP_TO_DATE, UNKNOWN"));
        }
        String why = null;
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "required: say why the rules are wrong for this host"));
        } else {
            try {
                why = Text.multiLine("reason", reason, 2000);
            } catch (PlannerException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw PlannerException.invalid("the override is incomplete", errors);
        }
        Host h = find(hostname);
        checkVersion(h, version, false);
        Map<String, Object> before = overrideState(h);
        h.overrideClassification = classification;
        h.overrideReason = why;
        h.overrideBy = audit.actor();
        h.overrideAt = Instant.now(clock);
        h.updatedAt = h.overrideAt;
        audit.record("CLASSIFICATION_OVERRIDDEN", "host", h.hostname, before, overrideState(h), h.overrideReason);
        return flushedView(h);
    }

    /** The same override (or, with no classification and {@code clear}, none) on several hosts: all of them or none. */
    public int overrideAll(List<String> hostnames, Classification classification, String reason, boolean clear) {
        for (String hostname : hostnames) {
            if (clear) {
                clearOverride(hostname, null);
            } else {
                override(hostname, classification, reason, null);
            }
        }
        return hostnames.size();
    }

    public HostView clearOverride(String hostname, Integer version) {
        Host h = find(hostname);
        checkVersion(h, version, false);
        if (h.overrideClassification != null) {
            Map<String, Object> before = overrideState(h);
            h.overrideClassification = null;
            h.overrideReason = null;
            h.overrideBy = null;
            h.overrideAt = null;
            h.updatedAt = Instant.now(clock);
            audit.record("CLASSIFICATION_OVERRIDE_CLEARED", "host", h.hostname, before, overrideState(h), null);
        }
        return flushedView(h);
    }

    // ---------------------------------------------------------------- classification

    /** Classifies the whole fleet again (after a change, at start-up, when the target moves); returns how many changed. */
    public int reclassify() {
        fleetLock.acquire();
        List<Host.Row> rows = Host.rows();
        Map<String, Verdict> verdicts = classifier.classify(rows.stream().map(Host.Row::facts).toList(), releases.policy());
        List<Long> changed = rows.stream().filter(r -> !matches(r, verdicts.get(r.hostname()))).map(Host.Row::id).toList();
        for (Host h : Host.byIds(changed)) {
            store(h, verdicts.get(h.hostname), true);
        }
        return changed.size();
    }

    // ---------------------------------------------------------------- reads

    /** Filtered, sorted and paged in the database; only the page is loaded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HostPage list(HostFilter filter, int page, int size) {
        var query = Host.<Host>find(filter.where() + filter.orderBy(), filter.parameters());
        TargetPolicy policy = releases.policy(); // once per page, not once per host
        List<HostView> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                .map(h -> HostView.from(h, policy)).toList();
        return new HostPage(items, query.count());
    }

    public record HostPage(List<HostView> items, long total) {
    }

    /** Hosts on one release, with its end of life. */
    public record ReleaseCount(String distro, String version, long hosts, java.time.LocalDate eol, boolean pastEol) {
    }

    /** The fleet at a glance, from aggregate queries: never the whole fleet in memory. */
    public record FleetSummary(long hosts, Map<Classification, Long> byClassification, List<ReleaseCount> byRelease,
                               long hostsPastEol, ReleaseCount nextEol, Long daysToNextEol) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FleetSummary summary() {
        Map<Classification, Long> byClass = new java.util.EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            byClass.put(c, 0L);
        }
        // One pass over the fleet: counts per release and effective class, summed both ways here.
        Map<List<String>, Long> perRelease = new LinkedHashMap<>();
        long total = 0;
        for (Object[] r : Host.getEntityManager().createQuery("select h.distro, h.osVersion, coalesce(h.overrideClassification, h.classification),"
                + " count(h) from Host h group by h.distro, h.osVersion, coalesce(h.overrideClassification, h.classification)"
                + " order by h.distro, h.osVersion", Object[].class).getResultList()) {
            long n = (Long) r[3];
            byClass.merge((Classification) r[2], n, Long::sum);
            perRelease.merge(java.util.Arrays.asList((String) r[0], (String) r[1]), n, Long::sum);
            total += n;
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        TargetPolicy policy = releases.policy();
        List<ReleaseCount> byRelease = perRelease.entrySet().stream()
                .map(e -> {
                    String distro = e.getKey().get(0);
                    String version = e.getKey().get(1);
                    var release = policy.place(distro, version).release();
                    var eol = release == null ? null : release.eol();
                    return new ReleaseCount(distro, version, e.getValue(), eol, eol != null && eol.isBefore(today));
                })
                .toList();
        long pastEol = byRelease.stream().filter(ReleaseCount::pastEol).mapToLong(ReleaseCount::hosts).sum();
        ReleaseCount next = byRelease.stream().filter(r -> r.eol() != null && !r.eol().isBefore(today))
                .min(java.util.Comparator.comparing(ReleaseCount::eol)).orElse(null);
        return new FleetSummary(total, byClass, byRelease, pastEol, next,
                next == null ? null : java.time.temporal.ChronoUnit.DAYS.between(today, next.eol()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HostView get(String hostname) {
        return view(find(hostname));
    }

    /** The view after the change is written, so its {@code version} is the one a following PUT must send. */
    private HostView flushedView(Host h) {
        Host.flush();
        return view(h);
    }

    HostView view(Host h) {
        return HostView.from(h, releases.policy());
    }

    private Host find(String hostname) {
        return Host.byHostname(hostname).orElseThrow(() -> PlannerException.notFound("no host named " + Names.hostname(hostname)));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Writes a verdict to the host; when {@code audited}, a change of class is recorded (not a new host's first one:
     * its rule is still empty). True if anything changed.
     */
    private boolean store(Host h, Verdict v, boolean audited) {
        String reasons = Json.write(v.reasons());
        var eol = eol(v);
        if (h.classification == v.classification() && h.rule.equals(v.rule()) && h.reasonsJson.equals(reasons) && Objects.equals(h.eol, eol)) {
            return false;
        }
        if (audited && !h.rule.isEmpty() && h.classification != v.classification()) {
            audit.record("CLASSIFICATION_CHANGED", "host", h.hostname,
                    Map.of("classification", h.classification, "rule", h.rule),
                    Map.of("classification", v.classification(), "rule", v.rule()), String.join("; ", v.reasons()));
        }
        h.classification = v.classification();
        h.rule = v.rule();
        h.reasonsJson = reasons;
        h.eol = eol;
        return true;
    }

    private static Classification effective(Host.Row r, Verdict v) {
        return r.overrideClassification() != null ? r.overrideClassification() : v.classification();
    }

    /** Whether the stored rule result is the verdict's. */
    private static boolean matches(Host.Row r, Verdict v) {
        return r.classification() == v.classification() && r.rule().equals(v.rule())
                && r.reasonsJson().equals(Json.write(v.reasons())) && Objects.equals(r.eol(), eol(v));
    }

    private static java.time.LocalDate eol(Verdict v) {
        return v.release() == null ? null : v.release().eol();
    }

    private static void apply(Host h, InventoryHost ih, Instant now) {
        h.hostname = ih.hostname();
        h.distro = ih.distro();
        h.osVersion = ih.version();
        h.osFrom = ih.osFrom();
        replace(h.services, ih.services());
        replace(h.groups, ih.groups());
        replace(h.dependsOn, ih.dependsOn());
        h.stateful = ih.stateful();
        h.replaceable = ih.replaceable();
        h.isPublic = ih.isPublic();
        h.varsJson = Json.write(ih.vars());
        h.updatedAt = now;
    }

    private static void replace(Set<String> target, Collection<String> values) {
        if (!target.equals(new java.util.HashSet<>(values))) {
            target.clear();
            target.addAll(values);
        }
    }

    /** The fields an inventory entry would change on a stored host. */
    static List<String> differences(Host.Row r, InventoryHost ih) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(r.distro(), ih.distro()) || !Objects.equals(r.osVersion(), ih.version()) || !Objects.equals(r.osFrom(), ih.osFrom())) {
            fields.add("os");
        }
        if (!r.services().equals(ih.services())) {
            fields.add("services");
        }
        if (!r.groups().equals(ih.groups())) {
            fields.add("groups");
        }
        if (r.stateful() != ih.stateful()) {
            fields.add("stateful");
        }
        if (r.replaceable() != ih.replaceable()) {
            fields.add("replaceable");
        }
        if (r.isPublic() != ih.isPublic()) {
            fields.add("public");
        }
        if (!r.dependsOn().equals(ih.dependsOn())) {
            fields.add("dependsOn");
        }
        if (!r.varsJson().equals(Json.write(ih.vars()))) {
            fields.add("vars");
        }
        return fields;
    }

    private static HostFacts facts(InventoryHost ih) {
        return new HostFacts(ih.hostname(), ih.distro(), ih.version(), ih.services(), ih.groups(),
                ih.stateful(), ih.replaceable(), ih.isPublic(), ih.dependsOn());
    }

    private static Map<String, Object> snapshot(Host h) {
        return snapshot(h.row());
    }

    /** A host's fields as the audit log records them. */
    private static Map<String, Object> snapshot(Host.Row r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("hostname", r.hostname());
        s.put("os", r.distro() == null ? null : r.distro() + "-" + r.osVersion());
        s.put("services", new TreeSet<>(r.services()));
        s.put("groups", new TreeSet<>(r.groups()));
        s.put("stateful", r.stateful());
        s.put("replaceable", r.replaceable());
        s.put("public", r.isPublic());
        s.put("dependsOn", new TreeSet<>(r.dependsOn()));
        s.put("vars", Json.readMap(r.varsJson()));
        s.put("source", r.source());
        return s;
    }

    private static Map<String, Object> overrideState(Host h) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("classification", h.effectiveClassification());
        s.put("source", h.overrideClassification == null ? "RULE" : "OVERRIDE");
        s.put("reason", h.overrideReason);
        return s;
    }

    private static String summary(String what, Collection<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>(names).subList(0, Math.min(names.size(), 20));
        return what + ": " + String.join(", ", shown) + (names.size() > shown.size() ? " … (" + names.size() + ")" : "") + ". ";
    }

    private static void checkVersion(Host h, Integer version, boolean required) {
        if (version == null && required) {
            throw PlannerException.invalid("version", "required: send the version you read, so concurrent edits are caught");
        }
        if (version != null && version != h.version) {
            throw PlannerException.conflict("host " + h.hostname + " was changed by someone else (your version " + version
                    + ", now " + h.version + "): reload it and apply your change again", List.of(new FieldError("version", "stale")));
        }
    }

    /** Checks a hand-typed host, naming each bad field; returns it in the shape an inventory gives. */
    static InventoryHost validate(HostInput in, String hostname) {
        List<FieldError> errors = new ArrayList<>();
        if (hostname == null || hostname.isEmpty()) {
            errors.add(new FieldError("hostname", "required"));
        } else if (!Names.isHostname(hostname)) {
            errors.add(new FieldError("hostname", "not a valid host name (letters, digits, dashes, dots; at most 253 characters)"));
        }
        String distro = null;
        String version = null;
        if (in.os() != null && (in.os().distro() != null || in.os().version() != null)) {
            distro = in.os().distro() == null ? "" : in.os().distro().trim().toLowerCase(java.util.Locale.ROOT);
            version = in.os().version() == null ? "" : in.os().version().trim();
            if (!Names.DISTRO.matcher(distro).matches()) {
                errors.add(new FieldError("os.distro", "required with os: a lower-case name such as ubuntu"));
            }
            if (!Names.VERSION.matcher(version).matches()) {
                errors.add(new FieldError("os.version", "required with os: a version such as 12.04"));
            }
        }
        TreeSet<String> services = names(in.services(), "services", false, errors);
        TreeSet<String> groups = names(in.groups(), "groups", false, errors);
        TreeSet<String> dependsOn = names(in.dependsOn(), "dependsOn", true, errors);
        if (hostname != null && dependsOn.contains(hostname)) {
            errors.add(new FieldError("dependsOn", "a host cannot depend on itself"));
        }
        Map<String, Object> vars = in.vars() == null ? Map.of() : in.vars();
        vars.keySet().stream().filter(InventoryResolver.PLANNER_VARS::contains).forEach(k ->
                errors.add(new FieldError("vars." + k, "`" + k + "` has its own field; set it there")));
        if (Json.write(vars).length() > InventoryLimits.MAX_HOST_VARS_CHARS) {
            errors.add(new FieldError("vars", String.format("at most %,d characters of JSON", InventoryLimits.MAX_HOST_VARS_CHARS)));
        }
        if (!errors.isEmpty()) {
            throw PlannerException.invalid(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid", errors);
        }
        return new InventoryHost(hostname, distro, version, distro == null ? null : Host.MANUAL, services, groups,
                Boolean.TRUE.equals(in.stateful()), Boolean.TRUE.equals(in.replaceable()), Boolean.TRUE.equals(in.isPublic()),
                dependsOn, new java.util.TreeMap<>(vars));
    }

    private static TreeSet<String> names(List<String> values, String field, boolean hostnames, List<FieldError> errors) {
        TreeSet<String> names = new TreeSet<>();
        if (values == null) {
            return names;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : hostnames ? Names.hostname(values.get(i)) : values.get(i).trim();
            if (hostnames ? Names.isHostname(v) : Names.NAME.matcher(v).matches()) {
                names.add(v);
            } else {
                errors.add(new FieldError(field + "[" + i + "]", hostnames ? "not a valid host name" : "use letters, digits, dots, dashes and underscores"));
            }
        }
        return names;
    }
}
