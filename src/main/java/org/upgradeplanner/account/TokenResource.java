package org.upgradeplanner.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.upgradeplanner.support.Roles;

/** Program tokens: issued by an admin (the token is in that answer only), listed by name and role, revoked. */
@Path("/api/tokens")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final ApiTokens tokens;

    TokenResource(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public List<ApiTokens.TokenView> list() {
        return tokens.list();
    }

    @POST
    public Response issue(ApiTokens.New body) {
        ApiTokens.Issued issued = tokens.issue(body);
        return Response.created(UriBuilder.fromPath("/api/tokens/{n}").build(issued.name()))
                .header("Cache-Control", "no-store")
                .entity(issued)
                .build();
    }

    @DELETE
    @Path("{name}")
    public Response revoke(@PathParam("name") String name) {
        tokens.revoke(name);
        return Response.noContent().build();
    }
}
