package org.upgradeplanner.web;

import static org.upgradeplanner.web.FormFields.list;
import static org.upgradeplanner.web.FormFields.stripped;
import static org.upgradeplanner.web.FormFields.utc;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Redirects;
import org.upgradeplanner.support.Roles;
import org.upgradeplanner.window.PlannerService;
import org.upgradeplanner.window.WindowCommands;
import org.upgradeplanner.window.WindowInput;
import org.upgradeplanner.window.WindowQueries;
import org.upgradeplanner.window.WindowState;
import org.upgradeplanner.window.WindowView;

/** The windows list with its new-window form and lifecycle buttons, the edit form, and the planner's proposals. */
@Path("/windows")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class WindowPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance windows(
                String user,
                List<WindowView> windows,
                String state,
                List<String> states,
                WindowForm form,
                Map<String, String> errors);

        static native TemplateInstance editWindow(
                String user, WindowView window, WindowForm form, Map<String, String> errors);
    }

    private final WindowQueries windows;
    private final WindowCommands commands;
    private final PlannerService planner;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final Flash flash;
    private final Refusals refusals;

    WindowPages(
            WindowQueries windows,
            WindowCommands commands,
            PlannerService planner,
            SecurityIdentity identity,
            Csrf csrf,
            Flash flash,
            Refusals refusals) {
        this.windows = windows;
        this.commands = commands;
        this.planner = planner;
        this.identity = identity;
        this.csrf = csrf;
        this.flash = flash;
        this.refusals = refusals;
    }

    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @GET
    public TemplateInstance windowList(@QueryParam("state") String state) {
        return windowsPage(state, WindowForm.empty(), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createWindow(
            @FormParam(Csrf.FIELD) String token,
            @FormParam("title") String title,
            @FormParam("start") String start,
            @FormParam("end") String end,
            @FormParam("hosts") String hostList,
            @FormParam("description") String description,
            @FormParam("draft") String draft,
            @FormParam("force") String force,
            @FormParam("reason") String reason) {
        csrf.verify(token);
        WindowForm form = WindowForm.typed(title, start, end, hostList, description, draft != null, reason);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant from = utc(form.start(), "start", errors);
        Instant to = utc(form.end(), "end", errors);
        if (!errors.isEmpty()) {
            return Refusals.page(400, windowsPage(null, form, errors));
        }
        try {
            WindowView w = commands.create(new WindowInput(
                    form.title(),
                    from,
                    to,
                    list(form.hosts()),
                    null,
                    form.description(),
                    form.draft() ? "DRAFT" : null,
                    null,
                    force != null ? Boolean.TRUE : null,
                    form.reason()));
            flash.set("Window " + w.id() + " created: " + w.title() + " ("
                    + Labels.of(w.state().name()) + ").");
            return Redirects.seeOther("/windows");
        } catch (PlannerException e) {
            Refusals.beside(Refusals.fields(e, "title"), errors);
            return Refusals.page(
                    e.kind() == PlannerException.Kind.CONFLICT ? 409 : 400, windowsPage(null, form, errors));
        }
    }

    /** The planner's proposals become DRAFT windows in the list: schedule the good ones, cancel (discard) the others. */
    @POST
    @Path("proposals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        List<WindowView> proposed = planner.propose();
        flash.set(
                proposed.isEmpty()
                        ? "Every outage-required host is already in a window."
                        : "The planner proposed " + proposed.size()
                                + " draft window(s): review, schedule or discard them below.");
        return Redirects.seeOther("/windows?state=DRAFT");
    }

    /** Editing a window: the same form as a new one, filled in; a change of times of a published window is a reschedule. */
    @GET
    @Path("{id}/edit")
    public TemplateInstance editWindow(@PathParam("id") long id) {
        WindowView w = windows.get(id);
        return Templates.editWindow(user(), w, WindowForm.of(w), Map.of());
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveWindow(
            @PathParam("id") long id,
            @FormParam(Csrf.FIELD) String token,
            @FormParam("title") String title,
            @FormParam("start") String start,
            @FormParam("end") String end,
            @FormParam("hosts") String hostList,
            @FormParam("description") String description,
            @FormParam("version") int version,
            @FormParam("force") String force,
            @FormParam("reason") String reason) {
        csrf.verify(token);
        WindowView current = windows.get(id);
        WindowForm form = WindowForm.typed(title, start, end, hostList, description, false, reason);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant from = utc(form.start(), "start", errors);
        Instant to = utc(form.end(), "end", errors);
        if (errors.isEmpty()) {
            try {
                WindowView w = commands.update(
                        id,
                        new WindowInput(
                                form.title(),
                                from,
                                to,
                                list(form.hosts()),
                                current.services(),
                                form.description(),
                                null,
                                version,
                                force != null ? Boolean.TRUE : null,
                                form.reason()));
                flash.set("Window " + w.id() + " saved (sequence " + w.sequence() + ").");
                return Redirects.seeOther("/windows");
            } catch (PlannerException e) {
                Refusals.beside(e, errors);
            }
        }
        return Refusals.page(409, Templates.editWindow(user(), current, form, errors));
    }

    /** Extends a window in progress to a later end (the list's form). */
    @POST
    @Path("{id}/extend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extendWindow(
            @PathParam("id") long id, @FormParam(Csrf.FIELD) String token, @FormParam("end") String end) {
        csrf.verify(token);
        return refusals.redirect("/windows", "Window " + id, () -> {
            WindowView w = commands.extend(id, utc(stripped(end), "end"), null, null);
            return "Window " + w.id() + " now ends " + Times.utc(w.end()) + ".";
        });
    }

    /** Live feedback for the new-window form (its script posts the fields as they are typed): field → message. */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> checkWindow(
            @FormParam(Csrf.FIELD) String token,
            @FormParam("title") String title,
            @FormParam("start") String start,
            @FormParam("end") String end,
            @FormParam("hosts") String hostList,
            @FormParam("draft") String draft,
            @FormParam("id") Long id) {
        csrf.verify(token);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant from = utc(stripped(start), "start", errors);
        Instant to = utc(stripped(end), "end", errors);
        if (errors.isEmpty()) {
            Refusals.beside(
                    windows.preview(
                            id,
                            new WindowInput(
                                    stripped(title).isEmpty() ? "untitled" : stripped(title),
                                    from,
                                    to,
                                    list(stripped(hostList)),
                                    null,
                                    null,
                                    draft != null ? "DRAFT" : null,
                                    null,
                                    null,
                                    null)),
                    errors);
        }
        return errors;
    }

    /** The lifecycle buttons of the list: schedule, complete, cancel (with its reason). */
    @POST
    @Path("{id}/{action: schedule|complete|cancel}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response windowAction(
            @PathParam("id") long id,
            @PathParam("action") String action,
            @FormParam(Csrf.FIELD) String token,
            @FormParam("reason") String reason) {
        csrf.verify(token);
        return refusals.redirect("/windows", "Window " + id, () -> {
            WindowView w = switch (action) {
                case "schedule" -> commands.schedule(id, null, null);
                case "complete" -> commands.complete(id);
                default -> commands.cancel(id, reason);
            };
            return "Window " + w.id() + " is now " + Labels.of(w.state().name()).toLowerCase(java.util.Locale.ROOT)
                    + ".";
        });
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
        List<String> states =
                Arrays.stream(WindowState.values()).map(Enum::name).toList();
        return Templates.windows(
                user(), windows.list(s, null, null, null, null), s == null ? "" : s.name(), states, form, errors);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
