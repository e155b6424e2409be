package org.upgradeplanner.web;

import static org.upgradeplanner.web.FormFields.stripped;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.host.HostEditing;
import org.upgradeplanner.host.HostFilter;
import org.upgradeplanner.host.HostOverrides;
import org.upgradeplanner.host.HostQueries;
import org.upgradeplanner.host.HostView;
import org.upgradeplanner.support.Json;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;
import org.upgradeplanner.support.Redirects;
import org.upgradeplanner.support.Roles;
import org.upgradeplanner.window.WindowQueries;
import org.upgradeplanner.window.WindowState;
import org.upgradeplanner.window.WindowView;

/** The host table, a host's page with its classification override, and the host edit form. */
@Path("/hosts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class HostPages {

    /** The hosts page: one page of the table, the filters as typed, and links for paging. */
    public record HostsPage(
            List<HostView> hosts,
            long total,
            int page,
            int pages,
            String classification,
            String release,
            String service,
            String group,
            String q,
            String sort,
            String error) {
        public List<String> classifications() {
            return HostPages.classifications();
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance hosts(String user, HostsPage page);

        static native TemplateInstance host(
                String user,
                HostView host,
                List<WindowView> windows,
                List<String> classifications,
                Map<String, String> errors);

        static native TemplateInstance editHost(
                String user, String hostname, HostForm form, Map<String, String> errors);
    }

    private static final int PAGE_SIZE = 50;

    private final HostQueries hosts;
    private final HostEditing editing;
    private final HostOverrides overrides;
    private final WindowQueries windows;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final Flash flash;
    private final Refusals refusals;

    HostPages(
            HostQueries hosts,
            HostEditing editing,
            HostOverrides overrides,
            WindowQueries windows,
            SecurityIdentity identity,
            Csrf csrf,
            Flash flash,
            Refusals refusals) {
        this.hosts = hosts;
        this.editing = editing;
        this.overrides = overrides;
        this.windows = windows;
        this.identity = identity;
        this.csrf = csrf;
        this.flash = flash;
        this.refusals = refusals;
    }

    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @GET
    public TemplateInstance hostList(
            @QueryParam("classification") String classification,
            @QueryParam("release") String release,
            @QueryParam("service") String service,
            @QueryParam("group") String group,
            @QueryParam("q") String q,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") int page) {
        int p = Math.max(0, Math.min(page, 100_000));
        try {
            HostQueries.HostPage result =
                    hosts.list(HostFilter.of(classification, release, service, group, q, sort), p, PAGE_SIZE);
            int pages = (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            return Templates.hosts(
                    user(),
                    new HostsPage(
                            result.items(),
                            result.total(),
                            p,
                            pages,
                            stripped(classification),
                            stripped(release),
                            stripped(service),
                            stripped(group),
                            stripped(q),
                            stripped(sort),
                            null));
        } catch (PlannerException e) {
            return Templates.hosts(
                    user(),
                    new HostsPage(
                            List.of(),
                            0,
                            0,
                            1,
                            stripped(classification),
                            stripped(release),
                            stripped(service),
                            stripped(group),
                            stripped(q),
                            stripped(sort),
                            e.getMessage()));
        }
    }

    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @GET
    @Path("{hostname}")
    public TemplateInstance host(@PathParam("hostname") String hostname) {
        return hostPage(hostname, Map.of());
    }

    /** Sets an override (Post/Redirect/Get); a refused one shows the page again with the message beside its field. */
    @POST
    @Path("{hostname}/classification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(
            @PathParam("hostname") String hostname,
            @FormParam(Csrf.FIELD) String token,
            @FormParam("classification") String classification,
            @FormParam("reason") String reason,
            @FormParam("version") Integer version) {
        csrf.verify(token);
        try {
            HostView h = overrides.override(hostname, classification(classification), reason, version);
            flash.set("Override saved: " + h.hostname() + " is "
                    + Labels.of(h.classification().name()) + ".");
            return Redirects.seeOther("/hosts/" + h.hostname());
        } catch (PlannerException e) {
            return Refusals.page(400, hostPage(hostname, Refusals.beside(e, new LinkedHashMap<>())));
        }
    }

    @POST
    @Path("{hostname}/classification/clear")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clearOverride(
            @PathParam("hostname") String hostname,
            @FormParam(Csrf.FIELD) String token,
            @FormParam("version") Integer version) {
        csrf.verify(token);
        HostView h = overrides.clearOverride(hostname, version);
        flash.set("Override removed: " + h.hostname() + " is "
                + Labels.of(h.classification().name()) + " by the rules.");
        return Redirects.seeOther("/hosts/" + h.hostname());
    }

    /** Sets, or clears, the override of every selected host of the table. */
    @POST
    @Path("override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulkOverride(
            @FormParam(Csrf.FIELD) String token,
            @FormParam("hostname") List<String> selected,
            @FormParam("classification") String classification,
            @FormParam("reason") String reason,
            @FormParam("clear") String clear) {
        csrf.verify(token);
        if (selected == null || selected.isEmpty()) {
            flash.set("Select at least one host.");
            return Redirects.seeOther("/hosts");
        }
        return refusals.redirect("/hosts", "Nothing changed", () -> {
            int n = overrides.overrideAll(
                    selected, clear != null ? null : classification(classification), reason, clear != null);
            return (clear != null ? "Override removed from " : "Override set on ") + n + " host(s).";
        });
    }

    @GET
    @Path("{hostname}/edit")
    public TemplateInstance editHost(@PathParam("hostname") String hostname) {
        HostView h = hosts.get(hostname);
        return Templates.editHost(user(), h.hostname(), HostForm.of(h), Map.of());
    }

    @POST
    @Path("{hostname}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveHost(
            @PathParam("hostname") String hostname,
            @FormParam(Csrf.FIELD) String token,
            @FormParam("distro") String distro,
            @FormParam("osVersion") String osVersion,
            @FormParam("services") String services,
            @FormParam("groups") String groups,
            @FormParam("dependsOn") String dependsOn,
            @FormParam("stateful") String stateful,
            @FormParam("replaceable") String replaceable,
            @FormParam("public") String isPublic,
            @FormParam("vars") String vars,
            @FormParam("version") int version) {
        csrf.verify(token);
        HostForm form = new HostForm(
                stripped(distro),
                stripped(osVersion),
                stripped(services),
                stripped(groups),
                stripped(dependsOn),
                stateful != null,
                replaceable != null,
                isPublic != null,
                stripped(vars),
                version);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> parsedVars = Map.of();
        try {
            parsedVars = form.vars().isEmpty() ? Map.of() : Json.readMap(form.vars());
        } catch (RuntimeException e) {
            errors.put("vars", "a JSON object, such as {\"owner\": \"infra\"}");
        }
        if (errors.isEmpty()) {
            try {
                HostView saved = editing.update(hostname, form.input(parsedVars));
                flash.set("Saved " + saved.hostname() + ": it is "
                        + Labels.of(saved.classification().name()) + ".");
                return Redirects.seeOther("/hosts/" + saved.hostname());
            } catch (PlannerException e) {
                Refusals.beside(e, errors);
            }
        }
        return Refusals.page(
                errors.containsKey("version") ? 409 : 400, Templates.editHost(user(), hostname, form, errors));
    }

    private TemplateInstance hostPage(String hostname, Map<String, String> errors) {
        HostView h = hosts.get(hostname);
        List<WindowView> planned = windows.list(null, h.hostname(), null, null, null).stream()
                .filter(w -> w.state() != WindowState.CANCELLED)
                .toList();
        return Templates.host(user(), h, planned, classifications(), errors);
    }

    /** The classification picked; none is the service's to refuse, an unknown one is refused beside its field. */
    private static Classification classification(String name) {
        try {
            return name == null || name.isBlank() ? null : Classification.valueOf(name);
        } catch (IllegalArgumentException e) {
            String allowed = "one of " + String.join(", ", classifications());
            throw PlannerException.invalid(
                    "classification: " + allowed, List.of(new FieldError("classification", allowed)));
        }
    }

    private static List<String> classifications() {
        return Arrays.stream(Classification.values()).map(Enum::name).toList();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
