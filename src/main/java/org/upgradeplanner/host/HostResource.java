package org.upgradeplanner.host;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Roles;

@Path("/api/hosts")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
public class HostResource {

    /** Body of the override: the class to force and why; {@code version} optional (a stale one gets 409). */
    public record OverrideInput(String classification, String reason, Integer version) {}

    private final HostQueries hosts;
    private final HostEditing editing;
    private final HostOverrides overrides;

    HostResource(HostQueries hosts, HostEditing editing, HostOverrides overrides) {
        this.hosts = hosts;
        this.editing = editing;
        this.overrides = overrides;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public HostQueries.HostPage list(
            @QueryParam("classification") String classification,
            @QueryParam("release") String release,
            @QueryParam("service") String service,
            @QueryParam("group") String group,
            @QueryParam("q") String q,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return hosts.list(HostFilter.of(classification, release, service, group, q, sort), page, size);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @Path("{hostname}")
    public HostView get(@PathParam("hostname") String hostname) {
        return hosts.get(hostname);
    }

    @POST
    public Response create(HostInput body) {
        HostView created = editing.create(PlannerException.requireBody(body));
        return Response.created(UriBuilder.fromResource(HostResource.class)
                        .path(created.hostname())
                        .build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("{hostname}")
    public HostView update(@PathParam("hostname") String hostname, HostInput body) {
        return editing.update(hostname, PlannerException.requireBody(body));
    }

    @DELETE
    @Path("{hostname}")
    public Response delete(@PathParam("hostname") String hostname) {
        editing.delete(hostname);
        return Response.noContent().build();
    }

    @PUT
    @Path("{hostname}/classification")
    public HostView override(@PathParam("hostname") String hostname, OverrideInput body) {
        OverrideInput in = PlannerException.requireBody(body);
        return overrides.override(hostname, classification(in.classification()), in.reason(), in.version());
    }

    @DELETE
    @Path("{hostname}/classification")
    public HostView clearOverride(@PathParam("hostname") String hostname, @QueryParam("version") Integer version) {
        return overrides.clearOverride(hostname, version);
    }

    private static Classification classification(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Classification.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw PlannerException.invalid(
                    "classification", "one of TRIVIAL, OUTAGE_REQUIRED, UP_TO_DATE, UNKNOWN, not `" + value + "`");
        }
    }
}
