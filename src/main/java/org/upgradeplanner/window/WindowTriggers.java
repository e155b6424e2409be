package org.upgradeplanner.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.support.ChangeCounter;

/**
 * A window's life on the clock: what its Quartz triggers do when they fire ({@link WindowJobs.Fire} calls
 * {@link #fire}), and setting or removing those triggers when a change in {@link WindowCommands} calls for it.
 */
@ApplicationScoped
@Transactional
public class WindowTriggers {

    private static final Logger LOG = Logger.getLogger(WindowTriggers.class);

    private final PolicyService policies;
    private final WindowJobs jobs;
    private final AuditLog audit;
    private final Event<WindowEvent> events;
    private final ChangeCounter counter;
    private final Clock clock;

    WindowTriggers(
            PolicyService policies,
            WindowJobs jobs,
            AuditLog audit,
            Event<WindowEvent> events,
            ChangeCounter counter,
            Clock clock) {
        this.policies = policies;
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.counter = counter;
        this.clock = clock;
    }

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
    void arm(MaintenanceWindow w, SchedulingPolicy policy) {
        Instant now = Instant.now(clock);
        if (!policy.minimumNotice().isZero()
                && !w.start.minus(policy.minimumNotice()).isAfter(now)) {
            flagOverdue(w, policy); // scheduled (by force) with less notice than the policy wants
        }
        jobs.schedule(w, policy, now);
    }

    /** Deletes the window's triggers: it is over (cancelled or completed). */
    void disarm(MaintenanceWindow w) {
        counter.bump(); // before the Quartz lock that unscheduling takes: every change locks the two in this order
        jobs.unschedule(w.id);
    }

    /** The window is over: COMPLETED, its triggers gone. */
    void finish(MaintenanceWindow w) {
        Map<String, Object> before = w.snapshot();
        w.state = WindowState.COMPLETED;
        w.endedAt = Instant.now(clock);
        w.sequence++;
        w.updatedAt = w.endedAt;
        disarm(w);
        audit.record("WINDOW_COMPLETED", "window", w.id.toString(), before, w.snapshot(), null);
        events.fire(new WindowEvent(w.id, WindowEvent.Kind.COMPLETED, w.sequence, null));
    }

    /** The notice deadline passed and the window is still not announced: flag it, once. */
    private void flagOverdue(MaintenanceWindow w, SchedulingPolicy policy) {
        if (w.state == WindowState.SCHEDULED && !w.overdue) {
            w.overdue = true;
            w.updatedAt = Instant.now(clock);
            counter.bump();
            audit.record(
                    "WINDOW_NOTICE_OVERDUE",
                    "window",
                    w.id.toString(),
                    null,
                    null,
                    "not announced " + PolicyChecker.human(policy.minimumNotice()) + " before its start");
        }
    }

    private void start(MaintenanceWindow w) {
        if (w.state != WindowState.SCHEDULED && w.state != WindowState.ANNOUNCED) {
            return;
        }
        Map<String, Object> before = w.snapshot();
        w.state = WindowState.IN_PROGRESS;
        w.startedAt = Instant.now(clock);
        w.sequence++;
        w.updatedAt = w.startedAt;
        counter.bump();
        audit.record("WINDOW_STARTED", "window", w.id.toString(), before, w.snapshot(), null);
        events.fire(new WindowEvent(w.id, WindowEvent.Kind.STARTED, w.sequence, null));
    }
}
