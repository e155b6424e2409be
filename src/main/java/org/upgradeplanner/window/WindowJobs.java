package org.upgradeplanner.window;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.upgradeplanner.support.DatabaseUnavailable;

/**
 * A window's Quartz triggers: the notice deadline (start − notice), each reminder (start − offset), the start and the
 * end. Keys are {@code window-<id>-<kind>} in group {@code window-<id>}, so a reschedule replaces them and a cancel
 * deletes them. With the JDBC store (jdbc-cmt) they commit or roll back with the window change that made them.
 * A missed trigger fires once as soon as the scheduler is back (misfire: fire now).
 */
@ApplicationScoped
public class WindowJobs {

    public enum Kind {
        NOTICE,
        REMINDER,
        START,
        END
    }

    private static final Logger LOG = Logger.getLogger(WindowJobs.class);

    private final Scheduler quartz;

    WindowJobs(Scheduler quartz) {
        this.quartz = quartz;
    }

    /** Replaces all of the window's triggers with those its state and times call for, as of {@code now}. */
    public void schedule(MaintenanceWindow w, SchedulingPolicy policy, Instant now) {
        unschedule(w.id);
        try {
            for (Map.Entry<String, Instant> due : dueTimes(w, policy, now).entrySet()) {
                String[] kindAndDetail = due.getKey().split(":", 2);
                String name =
                        "window-" + w.id + "-" + due.getKey().toLowerCase().replace(':', '-');
                // Quarkus stores job data as properties: strings only.
                JobDataMap data = new JobDataMap();
                data.put("windowId", w.id.toString());
                data.put("kind", kindAndDetail[0]);
                data.put("detail", kindAndDetail.length > 1 ? kindAndDetail[1] : "");
                data.put("due", due.getValue().toString());
                quartz.scheduleJob(
                        JobBuilder.newJob(Fire.class)
                                .withIdentity(name, group(w.id))
                                .usingJobData(data)
                                .requestRecovery()
                                .build(),
                        TriggerBuilder.newTrigger()
                                .withIdentity(name, group(w.id))
                                .startAt(Date.from(due.getValue()))
                                .withSchedule(
                                        SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                                .build());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule the triggers of window " + w.id, e);
        }
    }

    public void unschedule(long windowId) {
        try {
            quartz.deleteJobs(new ArrayList<>(quartz.getJobKeys(GroupMatcher.jobGroupEquals(group(windowId)))));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot delete the triggers of window " + windowId, e);
        }
    }

    /**
     * When each trigger of the window is due, keyed {@code KIND} or {@code REMINDER:PT24H}. The notice deadline only while
     * the window waits for its announcement, and reminders, only when still ahead (a passed deadline is settled when the
     * window is scheduled); start and end while not yet started or ended, even when past: they then fire at once.
     */
    static Map<String, Instant> dueTimes(MaintenanceWindow w, SchedulingPolicy policy, Instant now) {
        Map<String, Instant> due = new LinkedHashMap<>();
        Instant notice = w.start.minus(policy.minimumNotice());
        if (w.state == WindowState.SCHEDULED && !policy.minimumNotice().isZero() && notice.isAfter(now)) {
            due.put(Kind.NOTICE.name(), notice);
        }
        if (w.state == WindowState.SCHEDULED || w.state == WindowState.ANNOUNCED) {
            for (Duration r : policy.reminders()) {
                if (w.start.minus(r).isAfter(now)) {
                    due.put(Kind.REMINDER.name() + ":" + r, w.start.minus(r));
                }
            }
            due.put(Kind.START.name(), w.start);
        }
        if (w.state.isActive() && w.state != WindowState.DRAFT) {
            due.put(Kind.END.name(), w.end);
        }
        return due;
    }

    /** The time a trigger of this kind is due for the window as it is now; a fired trigger with another is stale. */
    static Instant dueTime(MaintenanceWindow w, SchedulingPolicy policy, Kind kind, String detail) {
        return switch (kind) {
            case NOTICE -> w.start.minus(policy.minimumNotice());
            case REMINDER -> w.start.minus(Duration.parse(detail));
            case START -> w.start;
            case END -> w.end;
        };
    }

    private static String group(long windowId) {
        return "window-" + windowId;
    }

    /** The Quartz job: reads the ids from its data and calls one transactional service method. */
    @DisallowConcurrentExecution
    public static class Fire implements Job {

        @Inject
        WindowTriggers triggers;

        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            JobDataMap data = context.getMergedJobDataMap();
            long id = Long.parseLong(data.getString("windowId"));
            Kind kind = Kind.valueOf(data.getString("kind"));
            try {
                triggers.fire(id, kind, data.getString("detail"), Instant.parse(data.getString("due")));
            } catch (RuntimeException e) {
                // A concurrent edit of the window (its version check failed) is retried at once, three times. The
                // database away (a restart, a failover) is waited out on this thread, backing off to 10 s between
                // tries for about five minutes: nothing else could run meanwhile. Past that, again a minute later,
                // and again: a lifecycle transition is never dropped.
                boolean databaseAway = DatabaseUnavailable.causes(e);
                int attempt = context.getRefireCount();
                if (attempt < (databaseAway ? 35 : 3)) {
                    LOG.warnf("%s of window %d failed (%s), retrying", kind, id, e.getMessage());
                    if (databaseAway) {
                        pause(Duration.ofMillis(Math.min(10_000, 250L << Math.min(attempt, 6))));
                    }
                    JobExecutionException retry = new JobExecutionException(e);
                    retry.setRefireImmediately(true);
                    throw retry;
                }
                LOG.errorf("%s of window %d failed (%s), retrying in a minute", kind, id, e.getMessage());
                retryLater(context);
            }
        }

        private static void pause(Duration d) throws JobExecutionException {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JobExecutionException(e);
            }
        }

        private static void retryLater(JobExecutionContext context) {
            JobKey job = context.getJobDetail().getKey();
            var trigger = TriggerBuilder.newTrigger()
                    .forJob(job)
                    .withIdentity(job.getName() + "-retry-" + System.currentTimeMillis(), job.getGroup())
                    .startAt(Date.from(Instant.now().plusSeconds(60)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    context.getScheduler().scheduleJob(trigger);
                } catch (SchedulerException e) {
                    throw new IllegalStateException("cannot schedule a retry of " + job, e);
                }
            });
        }
    }
}
