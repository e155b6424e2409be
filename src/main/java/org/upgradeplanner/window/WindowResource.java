package org.upgradeplanner.window;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Roles;

@Path("/api/windows")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
public class WindowResource {

    /** Body of {@code schedule}, {@code cancel}, {@code extend}: each reads the fields it needs. */
    public record ActionInput(String reason, Instant end, Boolean force) {}

    /** {@code severity}: {@code ERROR} for a broken rule (a change breaking it is a 409), {@code WARNING} for advice. */
    public record BreachView(Long windowId, String rule, String severity, String field, String message) {}

    private final WindowQueries queries;
    private final WindowCommands commands;

    WindowResource(WindowQueries queries, WindowCommands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public List<WindowView> list(
            @QueryParam("state") String state,
            @QueryParam("host") String host,
            @QueryParam("service") String service,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return queries.list(
                state(state), nullIfBlank(host), nullIfBlank(service), instant("from", from), instant("to", to));
    }

    @POST
    public Response create(WindowInput body) {
        WindowView created = commands.create(PlannerException.requireBody(body));
        return Response.created(UriBuilder.fromResource(WindowResource.class)
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @Path("conflicts")
    public List<BreachView> conflicts() {
        return queries.conflicts().stream()
                .map(b -> new BreachView(
                        b.windowId(), b.rule().name(), b.warning() ? "WARNING" : "ERROR", b.field(), b.message()))
                .toList();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @Path("{id}")
    public WindowView get(@PathParam("id") long id) {
        return queries.get(id);
    }

    @PUT
    @Path("{id}")
    public WindowView update(@PathParam("id") long id, WindowInput body) {
        return commands.update(id, PlannerException.requireBody(body));
    }

    @POST
    @Path("{id}/schedule")
    public WindowView schedule(@PathParam("id") long id, ActionInput body) {
        ActionInput in = body == null ? new ActionInput(null, null, null) : body;
        return commands.schedule(id, in.force(), in.reason());
    }

    @POST
    @Path("{id}/cancel")
    public WindowView cancel(@PathParam("id") long id, ActionInput body) {
        return commands.cancel(id, PlannerException.requireBody(body).reason());
    }

    @POST
    @Path("{id}/extend")
    public WindowView extend(@PathParam("id") long id, ActionInput body) {
        ActionInput in = PlannerException.requireBody(body);
        return commands.extend(id, in.end(), in.force(), in.reason());
    }

    @POST
    @Path("{id}/complete")
    public WindowView complete(@PathParam("id") long id) {
        return commands.complete(id);
    }

    private static WindowState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return WindowState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PlannerException.invalid(
                    "state", "one of DRAFT, SCHEDULED, ANNOUNCED, IN_PROGRESS, COMPLETED, CANCELLED");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw PlannerException.invalid(field, "an ISO-8601 instant such as 2016-06-10T20:00:00Z");
        }
    }

    private static String nullIfBlank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
