package org.upgradeplanner.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.host.Names;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;
import org.upgradeplanner.support.Text;

/** The editable fields of a window as an admin sends them: checked, each bad one named, and copied onto the window. */
final class WindowFields {

    private static final Duration LONGEST_WINDOW = Duration.ofDays(14);

    private WindowFields() {}

    /**
     * Copies and checks the editable fields, naming each bad one; on any, the window is left as it was. Times must lie
     * within the {@code horizon} as of {@code now}.
     */
    static void apply(MaintenanceWindow w, WindowInput in, DateHorizon horizon, Instant now) {
        List<FieldError> errors = new ArrayList<>(horizon.check(in.start(), in.end(), now));
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
            } else if (tooLong(in.start(), in.end())) {
                errors.add(new FieldError("end", tooLongMessage()));
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
        List<String> normalized =
                hostNames.stream().map(h -> h == null ? "" : Names.hostname(h)).toList();
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
            throw PlannerException.invalid(errors);
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

    /** The state a new window starts in: SCHEDULED unless the admin asks for a DRAFT. */
    static WindowState initialState(String state) {
        if (state == null || state.isBlank() || state.equals("SCHEDULED")) {
            return WindowState.SCHEDULED;
        }
        if (state.equals("DRAFT")) {
            return WindowState.DRAFT;
        }
        throw PlannerException.invalid("state", "a new window is SCHEDULED (the default) or DRAFT");
    }

    static boolean tooLong(Instant start, Instant end) {
        return Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0;
    }

    static String tooLongMessage() {
        return "a window lasts at most " + LONGEST_WINDOW.toDays() + " days";
    }

    /** A reason an admin gives (for a cancel, for forcing the policy), as stored and audited. */
    static String reason(String text) {
        return Text.multiLine("reason", text, 2000);
    }
}
