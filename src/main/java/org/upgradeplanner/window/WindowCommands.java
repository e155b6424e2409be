package org.upgradeplanner.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.support.ChangeCounter;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;

/**
 * Every change an admin (or a sent announcement) makes to a maintenance window: checked against the policy and the
 * transition table, audited, published as a {@link WindowEvent}, and mirrored in the window's Quartz triggers
 * ({@link WindowTriggers}), all in one transaction.
 */
@ApplicationScoped
@Transactional
public class WindowCommands {

    private final PolicyService policies;
    private final WindowTriggers triggers;
    private final AuditLog audit;
    private final Event<WindowEvent> events;
    private final ChangeCounter counter;
    private final Clock clock;

    WindowCommands(
            PolicyService policies,
            WindowTriggers triggers,
            AuditLog audit,
            Event<WindowEvent> events,
            ChangeCounter counter,
            Clock clock) {
        this.policies = policies;
        this.triggers = triggers;
        this.audit = audit;
        this.events = events;
        this.counter = counter;
        this.clock = clock;
    }

    public WindowView create(WindowInput in) {
        WindowState state = WindowFields.initialState(in.state());
        MaintenanceWindow w = new MaintenanceWindow();
        w.uid = UUID.randomUUID() + "@upgrade-planner";
        w.state = state;
        w.sequence = 0;
        w.createdAt = Instant.now(clock);
        w.updatedAt = w.createdAt;
        WindowFields.apply(w, in, policies.horizon(), Instant.now(clock));
        w.persist();
        MaintenanceWindow.flush(); // the id names the window in breaches, audit entries and trigger keys
        counter.bump(); // first: its row lock serializes policy checks across requests and instances
        SchedulingPolicy policy = policies.current();
        enforce(w, in.force(), in.reason(), policy, "create");
        audit.record("WINDOW_CREATED", "window", w.id.toString(), null, w.snapshot(), null);
        if (state == WindowState.SCHEDULED) {
            w.publishedAt = w.createdAt;
            published(w, policy);
        }
        return flushed(w);
    }

    public WindowView update(long id, WindowInput in) {
        MaintenanceWindow w = MaintenanceWindow.require(id);
        transition(w, WindowAction.EDIT);
        if (in.version() == null) {
            throw PlannerException.invalid(
                    "version", "required: send the version you read, so concurrent edits are caught");
        }
        if (in.version() != w.version) {
            throw stale(w, in.version());
        }
        Map<String, Object> before = w.snapshot();
        Instant oldStart = w.start;
        Instant oldEnd = w.end;
        String oldTitle = w.title;
        Set<String> oldHosts = new TreeSet<>(w.hosts);
        WindowFields.apply(w, in, policies.horizon(), Instant.now(clock));
        boolean retimed = !w.start.equals(oldStart) || !w.end.equals(oldEnd);
        boolean visible = retimed || !w.title.equals(oldTitle) || !w.hosts.equals(oldHosts);
        if (before.equals(w.snapshot())) {
            return WindowView.from(w);
        }
        counter.bump(); // first: its row lock serializes policy checks across requests and instances
        SchedulingPolicy policy = policies.current();
        enforce(w, in.force(), in.reason(), policy, "update");
        w.updatedAt = Instant.now(clock);
        if (w.state.isPublished() && visible) {
            w.sequence++;
        }
        audit.record(
                retimed && w.state.isPublished() ? "WINDOW_RESCHEDULED" : "WINDOW_UPDATED",
                "window",
                w.id.toString(),
                before,
                w.snapshot(),
                null);
        if (w.state.isPublished() && retimed) {
            triggers.arm(w, policy);
            // Not announced yet: the announcement still to be sent simply carries the new times.
            WindowEvent.Kind kind =
                    w.state == WindowState.SCHEDULED ? WindowEvent.Kind.ANNOUNCE : WindowEvent.Kind.RESCHEDULED;
            events.fire(new WindowEvent(w.id, kind, w.sequence, null));
        }
        return flushed(w);
    }

    public WindowView schedule(long id, Boolean force, String reason) {
        MaintenanceWindow w = MaintenanceWindow.require(id);
        Map<String, Object> before = w.snapshot();
        w.state = transition(w, WindowAction.SCHEDULE);
        counter.bump(); // first: its row lock serializes policy checks across requests and instances
        SchedulingPolicy policy = policies.current();
        enforce(w, force, reason, policy, "schedule");
        w.updatedAt = Instant.now(clock);
        if (w.publishedAt == null) {
            w.publishedAt = w.updatedAt;
        }
        audit.record("WINDOW_SCHEDULED", "window", w.id.toString(), before, w.snapshot(), null);
        published(w, policy);
        return flushed(w);
    }

    /** The announcement went out: marking the ANNOUNCE draft sent calls this. */
    public WindowView announce(long id) {
        MaintenanceWindow w = MaintenanceWindow.require(id);
        if (w.state != WindowState.SCHEDULED) {
            return WindowView.from(w); // announced already, or past that point: nothing left to record
        }
        Map<String, Object> before = w.snapshot();
        w.state = WindowState.ANNOUNCED;
        w.overdue = false;
        w.sequence++;
        w.updatedAt = Instant.now(clock);
        counter.bump();
        audit.record("WINDOW_ANNOUNCED", "window", w.id.toString(), before, w.snapshot(), null);
        return flushed(w);
    }

    public WindowView cancel(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw PlannerException.invalid("reason", "required: say why the window is cancelled (subscribers read it)");
        }
        MaintenanceWindow w = MaintenanceWindow.require(id);
        Map<String, Object> before = w.snapshot();
        boolean wasPublished = w.state.isPublished();
        w.state = transition(w, WindowAction.CANCEL);
        w.cancelReason = WindowFields.reason(reason);
        w.updatedAt = Instant.now(clock);
        if (wasPublished) {
            w.sequence++;
        }
        triggers.disarm(w);
        audit.record("WINDOW_CANCELLED", "window", w.id.toString(), before, w.snapshot(), w.cancelReason);
        if (wasPublished) {
            events.fire(new WindowEvent(w.id, WindowEvent.Kind.CANCELLED, w.sequence, null));
        }
        return flushed(w);
    }

    public WindowView extend(long id, Instant end, Boolean force, String reason) {
        if (end == null) {
            throw PlannerException.invalid("end", "required: the new end, later than the current one");
        }
        MaintenanceWindow w = MaintenanceWindow.require(id);
        transition(w, WindowAction.EXTEND);
        if (!end.isAfter(w.end)) {
            throw PlannerException.invalid("end", "must be later than the current end " + w.end);
        }
        if (WindowFields.tooLong(w.start, end)) {
            throw PlannerException.invalid("end", WindowFields.tooLongMessage());
        }
        Map<String, Object> before = w.snapshot();
        Instant previousEnd = w.end;
        w.end = end;
        counter.bump(); // first: its row lock serializes policy checks across requests and instances
        SchedulingPolicy policy = policies.current();
        enforce(w, force, reason, policy, "extend");
        w.sequence++;
        w.updatedAt = Instant.now(clock);
        triggers.arm(w, policy); // in progress: only its END trigger is left to set
        audit.record("WINDOW_EXTENDED", "window", w.id.toString(), before, w.snapshot(), null);
        events.fire(new WindowEvent(w.id, WindowEvent.Kind.EXTENDED, w.sequence, previousEnd.toString()));
        return flushed(w);
    }

    public WindowView complete(long id) {
        MaintenanceWindow w = MaintenanceWindow.require(id);
        transition(w, WindowAction.COMPLETE);
        triggers.finish(w);
        return flushed(w);
    }

    private void published(MaintenanceWindow w, SchedulingPolicy policy) {
        triggers.arm(w, policy);
        events.fire(new WindowEvent(w.id, WindowEvent.Kind.ANNOUNCE, w.sequence, null));
    }

    /** Checks the policy; breaches are a 409 unless forced with a reason, which is audited with the breaches. */
    private void enforce(MaintenanceWindow w, Boolean force, String reason, SchedulingPolicy policy, String what) {
        List<WindowSpec> others = MaintenanceWindow.activeSpecs().stream()
                .filter(o -> !o.id().equals(w.id))
                .toList();
        List<Breach> breaches =
                new PolicyChecker(policy, Host.providers(w.services)).check(w.spec(), others, Instant.now(clock));
        if (breaches.isEmpty()) {
            return;
        }
        List<FieldError> errors = breaches.stream()
                .map(b -> new FieldError(b.field(), b.message()))
                .toList();
        if (!Boolean.TRUE.equals(force)) {
            throw PlannerException.conflict(
                    "The window breaks the scheduling policy (" + breaches.size() + " rule"
                            + (breaches.size() == 1 ? "" : "s") + "); fix it, or send \"force\": true with a reason",
                    errors);
        }
        if (reason == null || reason.isBlank()) {
            throw PlannerException.invalid("reason", "required with force: say why the policy may be broken");
        }
        audit.record(
                "WINDOW_POLICY_FORCED",
                "window",
                w.id == null ? null : w.id.toString(),
                null,
                breaches.stream().map(b -> b.rule() + ": " + b.message()).toList(),
                what + ": " + WindowFields.reason(reason));
    }

    private static WindowState transition(MaintenanceWindow w, WindowAction action) {
        return Transitions.next(w.state, action).orElseThrow(() -> {
            List<String> allowed = Transitions.adminActions(w.state);
            String detail = "window " + w.id + " is " + w.state + ": cannot " + action.path + "; allowed: "
                    + (allowed.isEmpty() ? "nothing, it is final" : String.join(", ", allowed));
            return PlannerException.conflict(detail, List.of(new FieldError("state", detail)));
        });
    }

    private static PlannerException stale(MaintenanceWindow w, int version) {
        return PlannerException.conflict(
                "window " + w.id + " was changed by someone else (your version " + version + ", now " + w.version
                        + "): reload it and apply your change again",
                List.of(new FieldError("version", "stale")));
    }

    private static WindowView flushed(MaintenanceWindow w) {
        MaintenanceWindow.flush();
        return WindowView.from(w);
    }
}
