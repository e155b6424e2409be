package org.upgradeplanner.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.upgradeplanner.support.PlannerConfig;

/** The scheduling policy: configured settings plus the freeze periods imported into the database. */
@ApplicationScoped
public class PolicyService {

    private final PlannerConfig.Policy config;
    private final RecurrenceSlots slots;
    private final List<SchedulingPolicy.Freeze> configuredFreezes;
    private final Holidays holidays;
    private final java.time.Clock clock;

    PolicyService(PlannerConfig config, java.time.Clock clock) {
        this.config = config.policy();
        this.clock = clock;
        ZoneId zone = this.config.slot().zone();
        this.holidays = new Holidays(this.config.holidays().orElse(List.of()), zone);
        try {
            this.slots = new RecurrenceSlots(this.config.slot().rrule(), zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("planner.policy.slot.rrule: " + e.getMessage(), e);
        }
        if (this.config.slot().duration().isNegative()
                || this.config.slot().duration().isZero()) {
            throw new IllegalStateException("planner.policy.slot.duration must be positive");
        }
        if (this.config.horizon().compareTo(java.time.Duration.ofDays(28)) < 0) {
            throw new IllegalStateException("planner.policy.horizon must be at least P28D");
        }
        if (this.config.maxConcurrentWindows() < 1 || this.config.maxHostsPerWindow() < 1) {
            throw new IllegalStateException(
                    "planner.policy.max-concurrent-windows and max-hosts-per-window must be at least 1");
        }
        this.configuredFreezes = this.config.freezes().orElse(List.of()).stream()
                .map(f -> freeze(f, zone))
                .toList();
    }

    /** The policy as of now: configured freezes and the imported ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SchedulingPolicy current() {
        List<SchedulingPolicy.Freeze> freezes = new ArrayList<>(configuredFreezes);
        if (config.holidaysAreFreezes()) {
            java.time.Instant now = java.time.Instant.now(clock);
            freezes.addAll(holidays.asFreezes(
                    now.minus(java.time.Duration.ofDays(30)), horizon().latest(now)));
        }
        FreezePeriod.<FreezePeriod>listAll()
                .forEach(f ->
                        freezes.add(new SchedulingPolicy.Freeze(f.start, f.end, f.summary + " (" + f.source + ")")));
        freezes.sort(Comparator.comparing(SchedulingPolicy.Freeze::start));
        return new SchedulingPolicy(
                config.minimumNotice(),
                config.reminders(),
                slots,
                config.slot().duration(),
                List.copyOf(freezes),
                config.maxConcurrentWindows(),
                config.maxHostsPerWindow());
    }

    public Holidays holidays() {
        return holidays;
    }

    public DateHorizon horizon() {
        return new DateHorizon(config.horizon());
    }

    public PlannerConfig.Policy settings() {
        return config;
    }

    /** {@code 2016-12-20/2017-01-03}: from the start of the first day to the end of the last, in the slot zone. */
    static SchedulingPolicy.Freeze freeze(String range, ZoneId zone) {
        String[] parts = range.trim().split("/");
        try {
            LocalDate first = LocalDate.parse(parts[0].trim());
            LocalDate last = parts.length == 2 ? LocalDate.parse(parts[1].trim()) : first;
            if (parts.length > 2 || last.isBefore(first)) {
                throw new IllegalStateException(
                        "planner.policy.freezes: `" + range + "` must be FIRST/LAST with LAST not before FIRST");
            }
            return new SchedulingPolicy.Freeze(
                    first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant(),
                    "freeze " + first + " to " + last);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "planner.policy.freezes: `" + range + "` is not a date range like 2016-12-20/2017-01-03", e);
        }
    }
}
