package org.upgradeplanner.campaign;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.upgradeplanner.support.Roles;

/** Campaigns and their work items: the board's rules, as JSON. */
@Path("/api/campaigns")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService campaigns;
    private final WorkItems items;
    private final CampaignBoard board;

    CampaignResource(CampaignService campaigns, WorkItems items, CampaignBoard board) {
        this.campaigns = campaigns;
        this.items = items;
        this.board = board;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public List<CampaignView> list() {
        return campaigns.list();
    }

    @POST
    public Response create(CampaignInput body) {
        CampaignView created = campaigns.create(body);
        return Response.created(UriBuilder.fromResource(CampaignResource.class)
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public CampaignView get(@PathParam("id") long id) {
        return campaigns.get(id);
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.WILDCARD)
    public CampaignView close(@PathParam("id") long id) {
        return campaigns.close(id);
    }

    /** The items, by hostname; {@code state}, {@code assignee}, {@code service} and {@code group} narrow the list. */
    @GET
    @Path("{id}/items")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public List<ItemView> items(
            @PathParam("id") long id,
            @QueryParam("state") String state,
            @QueryParam("assignee") String assignee,
            @QueryParam("service") String service,
            @QueryParam("group") String group) {
        return board.cards(id, new CampaignBoard.Filter(state, assignee, service, group)).stream()
                .map(CampaignBoard.Card::item)
                .toList();
    }

    /** The signed-in person claims the host (no body); a pool's last provider, or a host that needs an outage, is a 409. */
    @POST
    @Path("{id}/items/{hostname}/claim")
    @Consumes(MediaType.WILDCARD)
    public ItemView claim(@PathParam("id") long id, @PathParam("hostname") String hostname) {
        return items.claim(id, hostname);
    }

    /** Gives a claimed host back (no body). */
    @POST
    @Path("{id}/items/{hostname}/unclaim")
    @Consumes(MediaType.WILDCARD)
    public ItemView unclaim(@PathParam("id") long id, @PathParam("hostname") String hostname) {
        return items.unclaim(id, hostname);
    }

    /** The replacement serves: optional {@code replacement} (its name, when it has another) and {@code note}. */
    @POST
    @Path("{id}/items/{hostname}/replaced")
    public ItemView replaced(@PathParam("id") long id, @PathParam("hostname") String hostname, ItemInput body) {
        return items.replaced(id, hostname, body == null ? ItemInput.NONE : body);
    }

    /** Leaves the host out, with the {@code reason} (required). */
    @POST
    @Path("{id}/items/{hostname}/skip")
    public ItemView skip(@PathParam("id") long id, @PathParam("hostname") String hostname, ItemInput body) {
        return items.skip(id, hostname, body == null ? ItemInput.NONE : body);
    }
}
