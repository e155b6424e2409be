package org.upgradeplanner.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.upgradeplanner.support.Roles;

/** The team's accounts: admins add and change them; viewers may read the list (names, roles, never a hash). */
@Path("/api/users")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final People people;

    AccountResource(People people) {
        this.people = people;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public List<AccountView> list() {
        return people.list();
    }

    @GET
    @Path("{username}")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public AccountView get(@PathParam("username") String username) {
        return people.get(username);
    }

    @POST
    public Response create(AccountView.New body) {
        AccountView created = people.create(body);
        return Response.created(UriBuilder.fromPath("/api/users/{u}").build(created.username()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("{username}")
    public AccountView update(@PathParam("username") String username, AccountView.Change body) {
        return people.update(username, body);
    }
}
