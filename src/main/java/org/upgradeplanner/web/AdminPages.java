package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.announcement.Announcement;
import org.upgradeplanner.announcement.AnnouncementService;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.host.HostFilter;
import org.upgradeplanner.host.FleetReport;
import org.upgradeplanner.host.HostEditing;
import org.upgradeplanner.host.HostOverrides;
import org.upgradeplanner.host.HostQueries;
import org.upgradeplanner.host.HostView;
import org.upgradeplanner.support.Accounts;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Redirects;
import org.upgradeplanner.window.WindowService;
import org.upgradeplanner.window.WindowState;
import org.upgradeplanner.window.WindowView;

/** The admin web UI: server-rendered pages, every form with its CSRF token. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    /** The hosts page: one page of the table, the filters as typed, and links for paging. */
    public record HostsPage(List<HostView> hosts, long total, int page, int pages, String classification, String release,
                            String service, String group, String q, String sort, String error) {
        public List<String> classifications() {
            return AdminPages.classifications();
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    public record DashboardPage(FleetReport.FleetSummary fleet, List<WindowView> upcoming, long pendingDrafts, long breaches,
                                List<org.upgradeplanner.window.Breach> firstBreaches, BurnDown burnDown) {

        public long moreBreaches() {
            return breaches - firstBreaches.size();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(String user, DashboardPage page);

        static native TemplateInstance hosts(String user, HostsPage page);

        static native TemplateInstance host(String user, HostView host, List<WindowView> windows, List<String> classifications,
                                            Map<String, String> errors);

        static native TemplateInstance calendar(String user, MonthView month);

        static native TemplateInstance editWindow(String user, WindowView window, WindowForm form, Map<String, String> errors);

        static native TemplateInstance editHost(String user, String hostname, HostForm form, Map<String, String> errors);

        static native TemplateInstance windows(String user, List<WindowView> windows, String state, List<String> states,
                                               WindowForm form, Map<String, String> errors);
    }

    private static final int PAGE_SIZE = 50;

    private final HostQueries hosts;
    private final HostEditing editing;
    private final HostOverrides overrides;
    private final FleetReport report;
    private final WindowService windows;
    private final AnnouncementService announcements;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final Flash flash;
    private final Clock clock;

    AdminPages(HostQueries hosts, HostEditing editing, HostOverrides overrides, FleetReport report, WindowService windows, AnnouncementService announcements, SecurityIdentity identity, Csrf csrf,
               Flash flash, Clock clock) {
        this.csrf = csrf;
        this.flash = flash;
        this.hosts = hosts;
        this.editing = editing;
        this.overrides = overrides;
        this.report = report;
        this.windows = windows;
        this.announcements = announcements;
        this.identity = identity;
        this.clock = clock;
    }

    /** The admin's landing page; the announcer's is the drafts. */
    @GET
    @RolesAllowed({Accounts.ADMIN, Accounts.ANNOUNCER})
    public Response landing() {
        if (!identity.hasRole(Accounts.ADMIN)) {
            return Redirects.seeOther("/announcements");
        }
        return Response.ok(dashboard()).build();
    }

    private TemplateInstance dashboard() {
        Instant now = Instant.now(clock);
        FleetReport.FleetSummary fleet = report.summary();
        List<org.upgradeplanner.window.WindowSpec> active = windows.active();
        List<BurnDown.Step> steps = active.stream().map(w -> new BurnDown.Step(w.end(), w.hosts().size())).toList();
        List<org.upgradeplanner.window.Breach> breaches = windows.conflicts(active);
        return Templates.dashboard(user(), new DashboardPage(fleet, windows.upcoming(now, 10),
                announcements.count(Announcement.Status.PENDING), breaches.size(), breaches.stream().limit(10).toList(),
                BurnDown.of(fleet, steps, java.time.LocalDate.now(clock))));
    }

    @GET
    @Path("hosts")
    @RolesAllowed(Accounts.ADMIN)
    public TemplateInstance hostList(@QueryParam("classification") String classification, @QueryParam("release") String release,
                                     @QueryParam("service") String service, @QueryParam("group") String group,
                                     @QueryParam("q") String q, @QueryParam("sort") String sort,
                                     @QueryParam("page") @DefaultValue("0") int page) {
        int p = Math.max(0, Math.min(page, 100_000));
        try {
            HostQueries.HostPage result = hosts.list(HostFilter.of(classification, release, service, group, q, sort), p, PAGE_SIZE);
            int pages = (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            return Templates.hosts(user(), new HostsPage(result.items(), result.total(), p, pages, stripped(classification), stripped(release),
                    stripped(service), stripped(group), stripped(q), stripped(sort), null));
        } catch (PlannerException e) {
            return Templates.hosts(user(), new HostsPage(List.of(), 0, 0, 1, stripped(classification), stripped(release), stripped(service),
                    stripped(group), stripped(q), stripped(sort), e.getMessage()));
        }
    }

    @GET
    @Path("hosts/{hostname}")
    @RolesAllowed(Accounts.ADMIN)
    public TemplateInstance host(@PathParam("hostname") String hostname) {
        return hostPage(hosts.get(hostname), Map.of());
    }

    /** Sets an override (Post/Redirect/Get); a refused one shows the page again with the message beside its field. */
    @POST
    @Path("hosts/{hostname}/classification")
    @RolesAllowed(Accounts.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("hostname") String hostname, @FormParam(Csrf.FIELD) String token,
                             @FormParam("classification") String classification, @FormParam("reason") String reason,
                             @FormParam("version") Integer version) {
        csrf.verify(token);
        try {
            Classification c = classification == null || classification.isBlank() ? null : Classification.valueOf(classification);
            HostView h = overrides.override(hostname, c, reason, version);
            flash.set("Override saved: " + h.hostname() + " is " + h.classification() + ".");
            return Redirects.seeOther("/hosts/" + h.hostname());
        } catch (IllegalArgumentException e) {
            return refused(hostname, Map.of("classification", "one of " + classifications()));
        } catch (PlannerException e) {
            if (e.kind() == PlannerException.Kind.NOT_FOUND) {
                throw e;
            }
            Map<String, String> errors = new java.util.HashMap<>();
            beside(e.errors(), errors);
            return refused(hostname, errors);
        }
    }

    /** The edit form's fields as typed (lists comma-separated, vars as JSON), so a refused edit comes back unchanged. */
    public record HostForm(String distro, String osVersion, String services, String groups, String dependsOn, boolean stateful,
                           boolean replaceable, boolean isPublic, String vars, int version) {
        static HostForm of(HostView h) {
            return new HostForm(h.os() == null ? "" : h.os().distro(), h.os() == null ? "" : h.os().version(), String.join(", ", h.services()),
                    String.join(", ", h.groups()), String.join(", ", h.dependsOn()), h.stateful(), h.replaceable(), h.isPublic(),
                    org.upgradeplanner.support.Json.write(h.vars()), h.version());
        }
    }

    @GET
    @Path("hosts/{hostname}/edit")
    @RolesAllowed(Accounts.ADMIN)
    public TemplateInstance editHost(@PathParam("hostname") String hostname) {
        HostView h = hosts.get(hostname);
        return Templates.editHost(user(), h.hostname(), HostForm.of(h), Map.of());
    }

    @POST
    @Path("hosts/{hostname}/edit")
    @RolesAllowed(Accounts.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveHost(@PathParam("hostname") String hostname, @FormParam(Csrf.FIELD) String token,
                             @FormParam("distro") String distro, @FormParam("osVersion") String osVersion,
                             @FormParam("services") String services, @FormParam("groups") String groups,
                             @FormParam("dependsOn") String dependsOn, @FormParam("stateful") String stateful,
                             @FormParam("replaceable") String replaceable, @FormParam("public") String isPublic,
                             @FormParam("vars") String vars, @FormParam("version") int version) {
        csrf.verify(token);
        HostForm form = new HostForm(stripped(distro), stripped(osVersion), stripped(services), stripped(groups), stripped(dependsOn),
                stateful != null, replaceable != null, isPublic != null, stripped(vars), version);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        Map<String, Object> parsedVars = Map.of();
        try {
            parsedVars = form.vars().isEmpty() ? Map.of() : org.upgradeplanner.support.Json.readMap(form.vars());
        } catch (RuntimeException e) {
            errors.put("vars", "a JSON object, such as {\"owner\": \"infra\"}");
        }
        if (errors.isEmpty()) {
            try {
                HostView saved = editing.update(hostname, new org.upgradeplanner.host.HostInput(null,
                        form.distro().isEmpty() && form.osVersion().isEmpty() ? null : new HostView.Os(form.distro(), form.osVersion()),
                        list(form.services()), list(form.groups()), form.stateful(), form.replaceable(), form.isPublic(),
                        list(form.dependsOn()), parsedVars, form.version()));
                flash.set("Saved " + saved.hostname() + ": it is " + saved.classification() + ".");
                return Redirects.seeOther("/hosts/" + saved.hostname());
            } catch (PlannerException e) {
                if (e.kind() == PlannerException.Kind.NOT_FOUND) {
                    throw e;
                }
                beside(e.errors(), errors);
            }
        }
        return Response.status(errors.containsKey("version") ? 409 : 400).type(MediaType.TEXT_HTML)
                .entity(Templates.editHost(user(), hostname, form, errors)).build();
    }

    /**
     * Field errors by form field: {@code hosts[2]} is the hosts field, {@code os.distro} the distro field; several
     * messages for one field are joined.
     */
    private static void beside(List<org.upgradeplanner.support.Problem.FieldError> found, Map<String, String> errors) {
        found.forEach(f -> errors.merge(f.field().replaceAll("\\[\\d+]$", "").replace("os.distro", "distro").replace("os.version", "osVersion"),
                f.message(), (a, b) -> a + "; " + b));
    }

    private static List<String> list(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** Sets, or clears, the override of every selected host of the table. */
    @POST
    @Path("hosts/override")
    @RolesAllowed(Accounts.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulkOverride(@FormParam(Csrf.FIELD) String token, @FormParam("hostname") List<String> selected,
                                 @FormParam("classification") String classification, @FormParam("reason") String reason,
                                 @FormParam("clear") String clear) {
        csrf.verify(token);
        if (selected == null || selected.isEmpty()) {
            flash.set("Select at least one host.");
            return Redirects.seeOther("/hosts");
        }
        try {
            Classification c = clear != null || classification == null || classification.isBlank() ? null : Classification.valueOf(classification);
            int n = overrides.overrideAll(selected, c, reason, clear != null);
            flash.set((clear != null ? "Override removed from " : "Override set on ") + n + " host(s).");
        } catch (IllegalArgumentException | PlannerException e) {
            flash.set("Nothing changed: " + e.getMessage());
        }
        return Redirects.seeOther("/hosts");
    }

    @POST
    @Path("hosts/{hostname}/classification/clear")
    @RolesAllowed(Accounts.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clearOverride(@PathParam("hostname") String hostname, @FormParam(Csrf.FIELD) String token,
                                  @FormParam("version") Integer version) {
        csrf.verify(token);
        HostView h = overrides.clearOverride(hostname, version);
        flash.set("Override removed: " + h.hostname() + " is " + h.classification() + " by the rules.");
        return Redirects.seeOther("/hosts/" + h.hostname());
    }

    // ---------------------------------------------------------------- windows

    /** What the create form held, so a refused one comes back as typed. */
    public record WindowForm(String title, String start, String end, String hosts, String description, boolean draft, String reason) {
        static WindowForm empty() {
            return new WindowForm("", "", "", "", "", false, "");
        }
    }

    @GET
    @Path("windows")
    @RolesAllowed(Accounts.ADMIN)
    public TemplateInstance windowList(@QueryParam("state") String state) {
        return windowsPage(state, WindowForm.empty(), Map.of());
    }

    @POST
    @Path("windows")
    @RolesAllowed(Accounts.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createWindow(@FormParam(Csrf.FIELD) String token, @FormParam("title") String title, @FormParam("start") String start,
                                 @FormParam("end") String end, @FormParam("hosts") String hostList, @FormParam("description") String description,
                                 @FormParam("draft") String draft, @FormParam("force") String force, @FormParam("reason") String reason) {
        csrf.verify(token);
        WindowForm form = new WindowForm(stripped(title), stripped(start), stripped(end), stripped(hostList), stripped(description), draft != null, stripped(reason));
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        java.time.Instant from = utc(form.start(), "start", errors);
        java.time.Instant to = utc(form.end(), "end", errors);
        if (!errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML).entity(windowsPage(null, form, errors)).build();
        }
        List<String> names = java.util.Arrays.stream(form.hosts().split("[,\\s]+")).filter(n -> !n.isBlank()).toList();
        try {
            WindowView w = windows.create(new org.upgradeplanner.window.WindowInput(form.title(), from, to, names, null, form.description(),
                    form.draft() ? "DRAFT" : null, null, force != null ? Boolean.TRUE : null, form.reason()));
            flash.set("Window " + w.id() + " created: " + w.title() + " (" + w.state() + ").");
            return Redirects.seeOther("/windows");
        } catch (PlannerException e) {
            beside(e.errors(), errors);
            if (errors.isEmpty()) {
                errors.put("title", e.getMessage());
            }
            return Response.status(e.kind() == PlannerException.Kind.CONFLICT ? 409 : 400).type(MediaType.TEXT_HTML)
                    .entity(windowsPage(null, form, errors)).build();
        }
    }

    /** The windows of a month ({@code 2027-03}, default this month) as a calendar, drafts included for review. */
    @GET
    @Path("windows/calendar")
    @RolesAllowed(Accounts.ADMIN)
    public TemplateInstance calendar(@QueryParam("month") String month) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        java.time.YearMonth m;
        try {
            m = month == null || month.isBlank() ? java.time.YearMonth.from(today) : java.time.YearMonth.parse(month.strip());
        } catch (java.time.format.DateTimeParseException e) {
            m = java.time.YearMonth.from(today);
        }
        var from = m.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        var to = m.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<WindowView> shown = windows.list(null, null, null, from, to).stream().filter(w -> w.state() != WindowState.CANCELLED).toList();
        return Templates.calendar(user(), MonthView.of(m, shown, today));
    }

    /** The planner's proposals become DRAFT windows in the list: schedule the good ones, cancel (discard) the others. */
    @POST
    @Path("windows/proposals")
    @RolesAllowed(Accounts.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        List<WindowView> proposed = windows.propose();
        flash.set(proposed.isEmpty() ? "Every outage-required host is already in a window."
                : "The planner proposed " + proposed.size() + " draft window(s): review, schedule or discard them below.");
        return Redirects.seeOther("/windows?state=DRAFT");
    }

    /** Editing a window: the same form as a new one, filled in; a change of times of a published window is a reschedule. */
    @GET
    @Path("windows/{id}/edit")
    @RolesAllowed(Accounts.ADMIN)
    public TemplateInstance editWindow(@PathParam("id") long id) {
        WindowView w = windows.get(id);
        WindowForm form = new WindowForm(w.title(), local(w.start()), local(w.end()), String.join(", ", w.hosts()),
                w.description() == null ? "" : w.description(), false, "");
        return Templates.editWindow(user(), w, form, Map.of());
    }

    @POST
    @Path("windows/{id}/edit")
    @RolesAllowed(Accounts.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveWindow(@PathParam("id") long id, @FormParam(Csrf.FIELD) String token, @FormParam("title") String title,
                               @FormParam("start") String start, @FormParam("end") String end, @FormParam("hosts") String hostList,
                               @FormParam("description") String description, @FormParam("version") int version,
                               @FormParam("force") String force, @FormParam("reason") String reason) {
        csrf.verify(token);
        WindowView current = windows.get(id);
        WindowForm form = new WindowForm(stripped(title), stripped(start), stripped(end), stripped(hostList), stripped(description), false, stripped(reason));
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        java.time.Instant from = utc(form.start(), "start", errors);
        java.time.Instant to = utc(form.end(), "end", errors);
        if (errors.isEmpty()) {
            try {
                WindowView w = windows.update(id, new org.upgradeplanner.window.WindowInput(form.title(), from, to, list(form.hosts()),
                        current.services(), form.description(), null, version, force != null ? Boolean.TRUE : null, form.reason()));
                flash.set("Window " + w.id() + " saved (sequence " + w.sequence() + ").");
                return Redirects.seeOther("/windows");
            } catch (PlannerException e) {
                if (e.kind() == PlannerException.Kind.NOT_FOUND) {
                    throw e;
                }
                beside(e.errors(), errors);
            }
        }
        return Response.status(409).type(MediaType.TEXT_HTML).entity(Templates.editWindow(user(), current, form, errors)).build();
    }

    /** Extends a window in progress to a later end (the list's form). */
    @POST
    @Path("windows/{id}/extend")
    @RolesAllowed(Accounts.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extendWindow(@PathParam("id") long id, @FormParam(Csrf.FIELD) String token, @FormParam("end") String end) {
        csrf.verify(token);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        java.time.Instant to = utc(stripped(end), "end", errors);
        try {
            if (!errors.isEmpty()) {
                throw PlannerException.invalid("end", errors.get("end"));
            }
            WindowView w = windows.extend(id, to, null, null);
            flash.set("Window " + w.id() + " now ends " + w.end() + ".");
        } catch (PlannerException e) {
            flash.set("Window " + id + ": " + e.getMessage());
        }
        return Redirects.seeOther("/windows");
    }

    private static String local(java.time.Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC).toString();
    }

    /** Live feedback for the new-window form (its script posts the fields as they are typed): field → message. */
    @POST
    @Path("windows/check")
    @RolesAllowed(Accounts.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> checkWindow(@FormParam(Csrf.FIELD) String token, @FormParam("title") String title,
                                           @FormParam("start") String start, @FormParam("end") String end,
                                           @FormParam("hosts") String hostList, @FormParam("draft") String draft,
                                           @FormParam("id") Long id) {
        csrf.verify(token);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        java.time.Instant from = utc(stripped(start), "start", errors);
        java.time.Instant to = utc(stripped(end), "end", errors);
        if (errors.isEmpty()) {
            beside(windows.preview(id, new org.upgradeplanner.window.WindowInput(stripped(title).isEmpty() ? "untitled" : stripped(title), from, to,
                    list(stripped(hostList)), null, null, draft != null ? "DRAFT" : null, null, null, null)), errors);
        }
        return errors;
    }

    /** The lifecycle buttons of the list: schedule, complete, cancel (with its reason). */
    @POST
    @Path("windows/{id}/{action: schedule|complete|cancel}")
    @RolesAllowed(Accounts.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response windowAction(@PathParam("id") long id, @PathParam("action") String action, @FormParam(Csrf.FIELD) String token,
                                 @FormParam("reason") String reason) {
        csrf.verify(token);
        try {
            WindowView w = switch (action) {
                case "schedule" -> windows.schedule(id, null, null);
                case "complete" -> windows.complete(id);
                default -> windows.cancel(id, reason);
            };
            flash.set("Window " + w.id() + " is now " + w.state() + ".");
        } catch (PlannerException e) {
            flash.set("Window " + id + ": " + e.getMessage());
        }
        return Redirects.seeOther("/windows");
    }

    private TemplateInstance windowsPage(String state, WindowForm form, Map<String, String> errors) {
        WindowState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = WindowState.valueOf(state.strip());
            } catch (IllegalArgumentException e) {
                s = null;
            }
        }
        List<String> states = java.util.Arrays.stream(WindowState.values()).map(Enum::name).toList();
        return Templates.windows(user(), windows.list(s, null, null, null, null), s == null ? "" : s.name(), states, form, errors);
    }

    /** {@code 2027-03-05T20:00} typed in the form (a datetime-local field, read as UTC). */
    private static java.time.Instant utc(String value, String field, Map<String, String> errors) {
        if (value.isEmpty()) {
            errors.put(field, "required, in UTC");
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            errors.put(field, "a date and time such as 2027-03-05T20:00 (UTC)");
            return null;
        }
    }

    private Response refused(String hostname, Map<String, String> errors) {
        return Response.status(400).type(MediaType.TEXT_HTML).entity(hostPage(hosts.get(hostname), errors)).build();
    }

    private TemplateInstance hostPage(HostView h, Map<String, String> errors) {
        List<WindowView> planned = windows.list(null, h.hostname(), null, null, null).stream()
                .filter(w -> w.state() != WindowState.CANCELLED).toList();
        return Templates.host(user(), h, planned, classifications(), errors);
    }

    private static List<String> classifications() {
        return java.util.Arrays.stream(Classification.values()).map(Enum::name).toList();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    /** A form field as typed, without surrounding blanks; a missing field is empty. */
    private static String stripped(String s) {
        return s == null ? "" : s.strip();
    }
}
