package org.upgradeplanner.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.upgradeplanner.host.Names;
import org.upgradeplanner.release.Release;
import org.upgradeplanner.release.ReleaseCatalog;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;
import org.upgradeplanner.support.Text;

/** Checks a new campaign as typed, naming every bad field; what it gives back is normalised (distros lower-case). */
final class CampaignFields {

    /** The epoch of every date the planner takes (as for windows). */
    static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    static final int MAX_SPRINT_DAYS = 31;

    private static final Pattern HOST_PATTERN = Pattern.compile("[a-z0-9_*][a-z0-9_.*-]{0,252}");

    record Valid(
            String name,
            Map<String, String> targets,
            CampaignScope scope,
            List<LocalDate> sprintDays,
            LocalDate deadline) {}

    private CampaignFields() {}

    /** @param latest the last date the planner plans for (today + {@code planner.policy.horizon}) */
    static Valid validate(CampaignInput in, ReleaseCatalog catalog, LocalDate latest) {
        List<FieldError> errors = new ArrayList<>();
        String name = null;
        try {
            name = Text.oneLine("name", in.name(), 200);
        } catch (PlannerException e) {
            errors.addAll(e.errors());
        }
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "required, e.g. \"Ubuntu 12.04 → 14.04, Newton\""));
        }
        Map<String, String> targets = new TreeMap<>();
        if (in.targets() == null || in.targets().isEmpty()) {
            errors.add(new FieldError("targets", "required: a target per distro, e.g. {\"ubuntu\": \"14.04\"}"));
        } else {
            in.targets().forEach((distro, version) -> {
                String d = distro == null ? "" : distro.trim().toLowerCase(Locale.ROOT);
                Release r =
                        version == null ? null : catalog.find(d, version.trim()).orElse(null);
                if (!catalog.distros().contains(d)) {
                    errors.add(new FieldError("targets." + distro, "no distro " + distro + " in the release catalog"));
                } else if (r == null) {
                    errors.add(new FieldError(
                            "targets." + distro, "no release " + version + " of " + d + " in the release catalog"));
                } else {
                    targets.put(d, r.version());
                }
            });
        }
        CampaignScope scope = in.scope() == null ? CampaignScope.EVERY_HOST : in.scope();
        names(scope.groups(), "scope.groups", errors);
        names(scope.services(), "scope.services", errors);
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < scope.hosts().size(); i++) {
            String h = Names.hostname(scope.hosts().get(i));
            if (h == null || !HOST_PATTERN.matcher(h).matches()) {
                errors.add(new FieldError(
                        "scope.hosts[" + i + "]", "a host name, or a pattern with * such as zm*.openstack.org"));
            } else {
                hosts.add(h);
            }
        }
        List<LocalDate> days = new ArrayList<>();
        List<String> sprintDays = in.sprintDays() == null ? List.of() : in.sprintDays();
        if (sprintDays.size() > MAX_SPRINT_DAYS) {
            errors.add(new FieldError("sprintDays", "at most " + MAX_SPRINT_DAYS + " days"));
        }
        for (int i = 0; i < sprintDays.size(); i++) {
            LocalDate d = date("sprintDays[" + i + "]", sprintDays.get(i), latest, errors);
            if (d != null) {
                days.add(d);
            }
        }
        LocalDate deadline = in.deadline() == null || in.deadline().isBlank()
                ? null
                : date("deadline", in.deadline(), latest, errors);
        if (!errors.isEmpty()) {
            throw PlannerException.invalid(errors);
        }
        return new Valid(
                name,
                targets,
                new CampaignScope(scope.groups(), scope.services(), hosts),
                List.copyOf(new TreeSet<>(days)),
                deadline);
    }

    private static void names(List<String> values, String field, List<FieldError> errors) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !Names.NAME.matcher(values.get(i)).matches()) {
                errors.add(new FieldError(field + "[" + i + "]", "use letters, digits, dots, dashes and underscores"));
            }
        }
    }

    private static LocalDate date(String field, String text, LocalDate latest, List<FieldError> errors) {
        LocalDate d;
        try {
            d = LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "a date such as 2016-06-10, not `" + text + "`"));
            return null;
        }
        if (d.isBefore(EPOCH) || d.isAfter(latest)) {
            errors.add(new FieldError(
                    field,
                    "must be between " + EPOCH + " and " + latest
                            + " (the planner plans no further ahead: planner.policy.horizon)"));
            return null;
        }
        return d;
    }
}
