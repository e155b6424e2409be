package org.upgradeplanner.window;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.host.Names;
import org.upgradeplanner.release.ReleaseService;
import org.upgradeplanner.release.TargetPolicy;
import org.upgradeplanner.support.ChangeCounter;
import org.upgradeplanner.support.FleetLock;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;
import org.upgradeplanner.support.Text;

/**
 * Every change to a maintenance window: checked against the policy and the transition table, audited, published as a
 * {@link WindowEvent}, and mirrored in the window's Quartz triggers, all in one transaction.
 */
@ApplicationScoped
@Transactional
public class WindowService {

    private static final Logger LOG = Logger.getLogger(WindowService.class);
    private static final Duration LONGEST_WINDOW = Duration.ofDays(14);

    private final PolicyService policies;
    private final WindowJobs jobs;
    private final AuditLog audit;
    private final Event<WindowEvent> events;
    private final ReleaseService releases;
    private final ChangeCounter counter;
    private final FleetLock fleetLock;
    private final Clock clock;

    WindowService(PolicyService policies, WindowJobs jobs, AuditLog audit, Event<WindowEvent> events, ReleaseService releases,
                  ChangeCounter counter, FleetLock fleetLock, Clock clock) {
        this.policies = policies;
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.releases = releases;
        this.counter = counter;
        this.fleetLock = fleetLock;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public WindowView get(long id) {
        return WindowView.from(find(id));
    }

    /** Windows by start time; every filter is optional: state, a host, a service, and those ending after {@code from} / starting before {@code to}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WindowView> list(WindowState state, String host, String service, Instant from, Instant to) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        Parameters p = new Parameters();
        if (state != null) {
            where.add("state = :state");
            p.and("state", state);
        }
        if (host != null) {
            where.add(":host member of hosts");
            p.and("host", Names.hostname(host));
        }
        if (service != null) {
            where.add(":service member of services");
            p.and("service", service);
        }
        if (from != null) {
            where.add("end > :from");
            p.and("from", from);
        }
        if (to != null) {
            where.add("start < :to");
            p.and("to", to);
        }
        return MaintenanceWindow.<MaintenanceWindow>find(String.join(" and ", where) + " order by start, id", p)
                .list().stream().map(WindowView::from).toList();
    }

    /** Every active window (not cancelled or completed), as the policy checker and the burn-down read them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WindowSpec> active() {
        return MaintenanceWindow.activeSpecs();
    }

    /** The next active windows that have not ended yet, soonest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WindowView> upcoming(Instant now, int max) {
        return MaintenanceWindow.<MaintenanceWindow>find("state not in ?1 and end > ?2 order by start, id",
                        List.of(WindowState.CANCELLED, WindowState.COMPLETED), now)
                .page(0, max).list().stream().map(WindowView::from).toList();
    }

    /** Every current breach across all active windows, from the independent checker. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Breach> conflicts() {
        return conflicts(MaintenanceWindow.activeSpecs());
    }

    /** The breaches among these windows (all the active ones, read by the caller for more than this). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Breach> conflicts(List<WindowSpec> active) {
        return new PolicyChecker(policies.current()).checkAll(active, Instant.now(clock));
    }

    /**
     * What creating this window would be refused for, without creating it: the invalid fields, then the broken policy
     * rules, each with the field it is about. For live feedback while an admin types.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldError> preview(Long id, WindowInput in) {
        MaintenanceWindow w = new MaintenanceWindow();
        w.id = id; // an edited window is not in conflict with its own current version
        try {
            w.state = initialState(in.state());
            applyFields(w, in);
        } catch (PlannerException e) {
            return e.errors();
        }
        List<WindowSpec> others = MaintenanceWindow.activeSpecs();
        return new PolicyChecker(policies.current()).check(w.spec(), others, Instant.now(clock)).stream()
                .map(b -> new FieldError(b.field(), b.message())).toList();
    }

    // ---------------------------------------------------------------- edits

    public WindowView create(WindowInput in) {
        WindowState state = initialState(in.state());
        MaintenanceWindow w = new MaintenanceWindow();
        w.uid = UUID.randomUUID() + "@upgrade-planner";
        w.state = state;
        w.sequence = 0;
        w.createdAt = Instant.now(clock);
        w.updatedAt = w.createdAt;
        applyFields(w, in);
        w.persist();
        MaintenanceWindow.flush(); // the id names the window in breaches, audit entries and trigger keys
        counter.bump(); // first: its row lock serializes policy checks across requests and instances
        SchedulingPolicy policy = policies.current();
        enforce(w, in.force(), in.reason(), policy, "create");
        audit.record("WINDOW_CREATED", "window", w.id.toString(), null, snapshot(w), null);
        if (state == WindowState.SCHEDULED) {
            w.publishedAt = w.createdAt;
            published(w, policy);
        }
        return flushed(w);
    }

    public WindowView update(long id, WindowInput in) {
        MaintenanceWindow w = find(id);
        transition(w, WindowAction.EDIT);
        if (in.version() == null) {
            throw PlannerException.invalid("version", "required: send the version you read, so concurrent edits are caught");
        }
        if (in.version() != w.version) {
            throw stale(w, in.version());
        }
        Map<String, Object> before = snapshot(w);
        Instant oldStart = w.start;
        Instant oldEnd = w.end;
        String oldTitle = w.title;
        Set<String> oldHosts = new TreeSet<>(w.hosts);
        applyFields(w, in);
        boolean retimed = !w.start.equals(oldStart) || !w.end.equals(oldEnd);
        boolean visible = retimed || !w.title.equals(oldTitle) || !w.hosts.equals(oldHosts);
        if (before.equals(snapshot(w))) {
            return WindowView.from(w);
        }
        counter.bump(); // first: its row lock serializes policy checks across requests and instances
        SchedulingPolicy policy = policies.current();
        enforce(w, in.force(), in.reason(), policy, "update");
        w.updatedAt = Instant.now(clock);
        if (w.state.isPublished() && visible) {
            w.sequence++;
        }
        audit.record(retimed && w.state.isPublished() ? "WINDOW_RESCHEDULED" : "WINDOW_UPDATED", "window", w.id.toString(), before, snapshot(w), null);
        if (w.state.isPublished() && retimed) {
            armTriggers(w, policy);
            // Not announced yet: the announcement still to be sent simply carries the new times.
            WindowEvent.Kind kind = w.state == WindowState.SCHEDULED ? WindowEvent.Kind.ANNOUNCE : WindowEvent.Kind.RESCHEDULED;
            events.fire(new WindowEvent(w.id, kind, w.sequence, null));
        }
        return flushed(w);
    }

    public WindowView schedule(long id, Boolean force, String reason) {
        MaintenanceWindow w = find(id);
        Map<String, Object> before = snapshot(w);
        w.state = transition(w, WindowAction.SCHEDULE);
        counter.bump(); // first: its row lock serializes policy checks across requests and instances
        SchedulingPolicy policy = policies.current();
        enforce(w, force, reason, policy, "schedule");
        w.updatedAt = Instant.now(clock);
        if (w.publishedAt == null) {
            w.publishedAt = w.updatedAt;
        }
        audit.record("WINDOW_SCHEDULED", "window", w.id.toString(), before, snapshot(w), null);
        published(w, policy);
        return flushed(w);
    }

    /** The announcement went out: marking the ANNOUNCE draft sent calls this. */
    public WindowView announce(long id) {
        MaintenanceWindow w = find(id);
        if (w.state != WindowState.SCHEDULED) {
            return WindowView.from(w); // announced already, or past that point: nothing left to record
        }
        Map<String, Object> before = snapshot(w);
        w.state = WindowState.ANNOUNCED;
        w.overdue = false;
        w.sequence++;
        w.updatedAt = Instant.now(clock);
        counter.bump();
        audit.record("WINDOW_ANNOUNCED", "window", w.id.toString(), before, snapshot(w), null);
        return flushed(w);
    }

    public WindowView cancel(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw PlannerException.invalid("reason", "required: say why the window is cancelled (subscribers read it)");
        }
        MaintenanceWindow w = find(id);
        Map<String, Object> before = snapshot(w);
        boolean wasPublished = w.state.isPublished();
        w.state = transition(w, WindowAction.CANCEL);
        w.cancelReason = clean(reason, 2000, "reason");
        w.updatedAt = Instant.now(clock);
        if (wasPublished) {
            w.sequence++;
        }
        counter.bump(); // before the Quartz lock that unscheduling takes: every change locks the two in this order
        jobs.unschedule(w.id);
        audit.record("WINDOW_CANCELLED", "window", w.id.toString(), before, snapshot(w), w.cancelReason);
        if (wasPublished) {
            events.fire(new WindowEvent(w.id, WindowEvent.Kind.CANCELLED, w.sequence, null));
        }
        return flushed(w);
    }

    public WindowView extend(long id, Instant end, Boolean force, String reason) {
        if (end == null) {
            throw PlannerException.invalid("end", "required: the new end, later than the current one");
        }
        MaintenanceWindow w = find(id);
        transition(w, WindowAction.EXTEND);
        if (!end.isAfter(w.end)) {
            throw PlannerException.invalid("end", "must be later than the current end " + w.end);
        }
        if (Duration.between(w.start, end).compareTo(LONGEST_WINDOW) > 0) {
            throw PlannerException.invalid("end", "a window lasts at most " + LONGEST_WINDOW.toDays() + " days");
        }
        Map<String, Object> before = snapshot(w);
        Instant previousEnd = w.end;
        w.end = end;
        counter.bump(); // first: its row lock serializes policy checks across requests and instances
        SchedulingPolicy policy = policies.current();
        enforce(w, force, reason, policy, "extend");
        w.sequence++;
        w.updatedAt = Instant.now(clock);
        jobs.schedule(w, policy, Instant.now(clock));
        audit.record("WINDOW_EXTENDED", "window", w.id.toString(), before, snapshot(w), null);
        events.fire(new WindowEvent(w.id, WindowEvent.Kind.EXTENDED, w.sequence, previousEnd.toString()));
        return flushed(w);
    }

    public WindowView complete(long id) {
        MaintenanceWindow w = find(id);
        transition(w, WindowAction.COMPLETE);
        finish(w);
        return flushed(w);
    }

    // ---------------------------------------------------------------- lifecycle jobs

    /**
     * A Quartz trigger fired. Every transition is guarded by the state, so a trigger that fires twice (a recovered job)
     * changes nothing the second time; an END that finds the window not started runs the missed START first.
     * A trigger left over from before a reschedule (its due time no longer matches) is ignored.
     */
    public void fire(long id, WindowJobs.Kind kind, String detail, Instant due) {
        MaintenanceWindow w = MaintenanceWindow.findById(id);
        if (w == null) {
            return;
        }
        SchedulingPolicy policy = policies.current();
        if (due.toEpochMilli() != WindowJobs.dueTime(w, policy, kind, detail).toEpochMilli()) {
            LOG.infof("Ignoring stale %s trigger of window %d (due %s)", kind, id, due);
            return;
        }
        switch (kind) {
            case NOTICE -> flagOverdue(w, policy);
            case REMINDER -> {
                if (w.state == WindowState.SCHEDULED || w.state == WindowState.ANNOUNCED) {
                    audit.record("WINDOW_REMINDER_DUE", "window", w.id.toString(), null, null, detail);
                    events.fire(new WindowEvent(w.id, WindowEvent.Kind.REMINDER, w.sequence, detail));
                }
            }
            case START -> start(w);
            case END -> {
                start(w);
                if (w.state == WindowState.IN_PROGRESS) {
                    finish(w);
                }
            }
        }
    }

    /** Sets the window's triggers for its new times; a notice deadline already behind us is settled now. */
    private void armTriggers(MaintenanceWindow w, SchedulingPolicy policy) {
        Instant now = Instant.now(clock);
        if (!policy.minimumNotice().isZero() && !w.start.minus(policy.minimumNotice()).isAfter(now)) {
            flagOverdue(w, policy); // scheduled (by force) with less notice than the policy wants
        }
        jobs.schedule(w, policy, now);
    }

    /** The notice deadline passed and the window is still not announced: flag it, once. */
    private void flagOverdue(MaintenanceWindow w, SchedulingPolicy policy) {
        if (w.state == WindowState.SCHEDULED && !w.overdue) {
            w.overdue = true;
            w.updatedAt = Instant.now(clock);
            counter.bump();
            audit.record("WINDOW_NOTICE_OVERDUE", "window", w.id.toString(), null, null,
                    "not announced " + PolicyChecker.human(policy.minimumNotice()) + " before its start");
        }
    }

    private void start(MaintenanceWindow w) {
        if (w.state != WindowState.SCHEDULED && w.state != WindowState.ANNOUNCED) {
            return;
        }
        Map<String, Object> before = snapshot(w);
        w.state = WindowState.IN_PROGRESS;
        w.startedAt = Instant.now(clock);
        w.sequence++;
        w.updatedAt = w.startedAt;
        counter.bump();
        audit.record("WINDOW_STARTED", "window", w.id.toString(), before, snapshot(w), null);
        events.fire(new WindowEvent(w.id, WindowEvent.Kind.STARTED, w.sequence, null));
    }

    private void finish(MaintenanceWindow w) {
        Map<String, Object> before = snapshot(w);
        w.state = WindowState.COMPLETED;
        w.endedAt = Instant.now(clock);
        w.sequence++;
        w.updatedAt = w.endedAt;
        counter.bump(); // before the Quartz lock that unscheduling takes: every change locks the two in this order
        jobs.unschedule(w.id);
        audit.record("WINDOW_COMPLETED", "window", w.id.toString(), before, snapshot(w), null);
        events.fire(new WindowEvent(w.id, WindowEvent.Kind.COMPLETED, w.sequence, null));
    }

    // ---------------------------------------------------------------- planner

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
                TargetPolicy.Placement at = targets.place(h.distro(), h.version());
                String upgrade = at.path() == null ? "upgrade" : h.distro() + " " + h.version() + " → " + at.target().version();
                candidates.add(new Planner.Candidate(h.hostname(), h.services(), h.dependsOn(), h.eol(), upgrade));
            }
        }
        SchedulingPolicy policy = policies.current();
        List<String> unplaced = new ArrayList<>();
        Instant now = Instant.now(clock);
        long t1 = System.nanoTime();
        List<Planner.Proposal> proposals = new Planner(policy).propose(candidates,
                active, now, unplaced);
        if (!unplaced.isEmpty()) {
            LOG.warnf("The planner found no slot within %d years for %d host(s): %s", Planner.HORIZON.toDays() / 366,
                    unplaced.size(), unplaced.stream().limit(20).collect(Collectors.joining(", ")));
        }
        long t2 = System.nanoTime();
        List<MaintenanceWindow> created = new ArrayList<>();
        for (Planner.Proposal p : proposals) {
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
            created.add(w);
        }
        if (!created.isEmpty()) {
            audit.record("WINDOWS_PROPOSED", "planner", null, null,
                    Map.of("windows", created.size(), "hosts", candidates.size() - unplaced.size(), "unplaced", unplaced.size()), null);
        }
        MaintenanceWindow.flush();
        LOG.infof("Planner: %d window(s) for %d host(s) in %d ms (load %d ms, plan %d ms, store %d ms)", created.size(),
                candidates.size() - unplaced.size(), (System.nanoTime() - t0) / 1_000_000, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        return created.stream().map(WindowView::from).toList();
    }

    // ---------------------------------------------------------------- helpers

    private void published(MaintenanceWindow w, SchedulingPolicy policy) {
        armTriggers(w, policy);
        events.fire(new WindowEvent(w.id, WindowEvent.Kind.ANNOUNCE, w.sequence, null));
    }

    private WindowView flushed(MaintenanceWindow w) {
        MaintenanceWindow.flush();
        return WindowView.from(w);
    }

    private static MaintenanceWindow find(long id) {
        MaintenanceWindow w = MaintenanceWindow.findById(id);
        if (w == null) {
            throw PlannerException.notFound("no window with id " + id);
        }
        return w;
    }

    private static WindowState transition(MaintenanceWindow w, WindowAction action) {
        return Transitions.next(w.state, action).orElseThrow(() -> {
            List<String> allowed = Transitions.adminActions(w.state);
            String detail = "window " + w.id + " is " + w.state + ": cannot " + action.path + "; allowed: "
                    + (allowed.isEmpty() ? "nothing, it is final" : String.join(", ", allowed));
            return PlannerException.conflict(detail, List.of(new FieldError("state", detail)));
        });
    }

    /** Checks the policy; breaches are a 409 unless forced with a reason, which is audited with the breaches. */
    private void enforce(MaintenanceWindow w, Boolean force, String reason, SchedulingPolicy policy, String what) {
        List<WindowSpec> others = MaintenanceWindow.activeSpecs().stream().filter(o -> !o.id().equals(w.id)).toList();
        List<Breach> breaches = new PolicyChecker(policy).check(w.spec(), others, Instant.now(clock));
        if (breaches.isEmpty()) {
            return;
        }
        List<FieldError> errors = breaches.stream().map(b -> new FieldError(b.field(), b.message())).toList();
        if (!Boolean.TRUE.equals(force)) {
            throw PlannerException.conflict("The window breaks the scheduling policy (" + breaches.size() + " rule"
                    + (breaches.size() == 1 ? "" : "s") + "); fix it, or send \"force\": true with a reason", errors);
        }
        if (reason == null || reason.isBlank()) {
            throw PlannerException.invalid("reason", "required with force: say why the policy may be broken");
        }
        audit.record("WINDOW_POLICY_FORCED", "window", w.id == null ? null : w.id.toString(), null,
                breaches.stream().map(b -> b.rule() + ": " + b.message()).toList(), what + ": " + clean(reason, 2000, "reason"));
    }

    /** Copies and checks the editable fields, naming each bad one. */
    private static void applyFields(MaintenanceWindow w, WindowInput in) {
        List<FieldError> errors = new ArrayList<>();
        String title = null;
        try {
            title = Text.oneLine("title", in.title(), 200);
        } catch (PlannerException e) {
            errors.addAll(e.errors());
        }
        if (in.title() == null || in.title().isBlank()) {
            errors.add(new FieldError("title", "required"));
        }
        if (in.start() == null) {
            errors.add(new FieldError("start", "required, ISO-8601 in UTC, e.g. 2016-06-10T20:00:00Z"));
        }
        if (in.end() == null) {
            errors.add(new FieldError("end", "required, ISO-8601 in UTC, e.g. 2016-06-11T00:00:00Z"));
        }
        if (in.start() != null && in.end() != null) {
            if (!in.end().isAfter(in.start())) {
                errors.add(new FieldError("end", "must be after start"));
            } else if (Duration.between(in.start(), in.end()).compareTo(LONGEST_WINDOW) > 0) {
                errors.add(new FieldError("end", "a window lasts at most " + LONGEST_WINDOW.toDays() + " days"));
            }
        }
        String description = null;
        try {
            description = Text.multiLine("description", in.description(), 8000);
        } catch (PlannerException e) {
            errors.addAll(e.errors());
        }
        Set<String> hosts = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        List<String> hostNames = in.hosts() == null ? List.of() : in.hosts();
        Map<String, Host> known = new LinkedHashMap<>();
        List<String> normalized = hostNames.stream().map(h -> h == null ? "" : Names.hostname(h)).toList();
        if (!normalized.isEmpty()) {
            Host.<Host>list("hostname in ?1", normalized).forEach(h -> known.put(h.hostname, h));
        }
        for (int i = 0; i < normalized.size(); i++) {
            Host h = known.get(normalized.get(i));
            if (h == null) {
                errors.add(new FieldError("hosts[" + i + "]", "no host named `" + hostNames.get(i) + "`"));
            } else {
                hosts.add(h.hostname);
                services.addAll(h.services);
            }
        }
        List<String> extra = in.services() == null ? List.of() : in.services();
        for (int i = 0; i < extra.size(); i++) {
            String s = extra.get(i) == null ? "" : extra.get(i).trim();
            if (Names.NAME.matcher(s).matches()) {
                services.add(s);
            } else {
                errors.add(new FieldError("services[" + i + "]", "use letters, digits, dots, dashes and underscores"));
            }
        }
        if (hostNames.isEmpty() && extra.isEmpty()) {
            errors.add(new FieldError("hosts", "a window takes down at least one host or service"));
        }
        if (!errors.isEmpty()) {
            throw PlannerException.invalid(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid", errors);
        }
        w.title = title;
        w.description = description;
        w.start = in.start();
        w.end = in.end();
        if (!w.hosts.equals(hosts)) {
            w.hosts.clear();
            w.hosts.addAll(hosts);
        }
        if (!w.services.equals(services)) {
            w.services.clear();
            w.services.addAll(services);
        }
    }

    private static WindowState initialState(String state) {
        if (state == null || state.isBlank() || state.equals("SCHEDULED")) {
            return WindowState.SCHEDULED;
        }
        if (state.equals("DRAFT")) {
            return WindowState.DRAFT;
        }
        throw PlannerException.invalid("state", "a new window is SCHEDULED (the default) or DRAFT");
    }

    private static String clean(String text, int max, String field) {
        return Text.multiLine(field, text, max);
    }

    private static PlannerException stale(MaintenanceWindow w, int version) {
        return PlannerException.conflict("window " + w.id + " was changed by someone else (your version " + version + ", now "
                + w.version + "): reload it and apply your change again", List.of(new FieldError("version", "stale")));
    }

    private static Map<String, Object> snapshot(MaintenanceWindow w) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", w.title);
        s.put("start", w.start);
        s.put("end", w.end);
        s.put("hosts", new TreeSet<>(w.hosts));
        s.put("services", new TreeSet<>(w.services));
        s.put("description", w.description);
        s.put("state", w.state);
        s.put("sequence", w.sequence);
        return s;
    }

}
