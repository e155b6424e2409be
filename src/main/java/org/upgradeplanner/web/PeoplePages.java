package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.upgradeplanner.account.AccountView;
import org.upgradeplanner.account.ApiTokens;
import org.upgradeplanner.account.People;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Redirects;
import org.upgradeplanner.support.Roles;

/**
 * The People page: the team's accounts (add, change role or display name, disable, reset a password) and the
 * programs' tokens (issue, shown once on the answer to the issue itself, and revoke).
 */
@Path("/people")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed(Roles.ADMIN)
public class PeoplePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance people(
                List<AccountView> people,
                List<ApiTokens.TokenView> tokens,
                List<String> roles,
                String error,
                ApiTokens.Issued issued);
    }

    private final People people;
    private final ApiTokens tokens;
    private final Csrf csrf;
    private final Flash flash;
    private final Refusals refusals;

    PeoplePages(People people, ApiTokens tokens, Csrf csrf, Flash flash, Refusals refusals) {
        this.people = people;
        this.tokens = tokens;
        this.csrf = csrf;
        this.flash = flash;
        this.refusals = refusals;
    }

    @GET
    public TemplateInstance list() {
        return page(null, null);
    }

    @POST
    public Response add(
            @FormParam(Csrf.FIELD) String token,
            @FormParam("username") String username,
            @FormParam("displayName") String displayName,
            @FormParam("role") String role,
            @FormParam("password") String password) {
        csrf.verify(token);
        try {
            AccountView a = people.create(new AccountView.New(username, displayName, role, password));
            flash.set("Added " + a.username() + " (" + a.role() + ").");
            return Redirects.seeOther("/people");
        } catch (PlannerException e) {
            return refused(e);
        }
    }

    @POST
    @Path("{username}")
    public Response change(
            @PathParam("username") String username,
            @FormParam(Csrf.FIELD) String token,
            @FormParam("displayName") String displayName,
            @FormParam("role") String role,
            @FormParam("enabled") String enabled,
            @FormParam("password") String password,
            @FormParam("version") Long version) {
        csrf.verify(token);
        try {
            AccountView a = people.update(
                    username,
                    new AccountView.Change(
                            role,
                            displayName,
                            enabled != null,
                            password == null || password.isEmpty() ? null : password,
                            version));
            flash.set("Saved " + a.username() + ": " + a.role() + (a.enabled() ? "" : ", disabled")
                    + (password == null || password.isEmpty() ? "." : ", password reset."));
            return Redirects.seeOther("/people");
        } catch (PlannerException e) {
            return refused(e);
        }
    }

    /** The token is on this answer only: it is rendered here, never redirected to or flashed. */
    @POST
    @Path("tokens")
    public Response issue(
            @FormParam(Csrf.FIELD) String token, @FormParam("name") String name, @FormParam("role") String role) {
        csrf.verify(token);
        try {
            ApiTokens.Issued issued = tokens.issue(new ApiTokens.New(name, role));
            return Response.status(201).entity(page(null, issued)).build();
        } catch (PlannerException e) {
            return refused(e);
        }
    }

    @POST
    @Path("tokens/{name}/revoke")
    public Response revoke(@PathParam("name") String name, @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        return refusals.redirect("/people", "Not revoked", () -> {
            tokens.revoke(name);
            return "Revoked the token " + name + ".";
        });
    }

    private Response refused(PlannerException e) {
        int status = e.kind() == PlannerException.Kind.CONFLICT ? 409 : 400;
        return Refusals.page(status, page(describe(e), null));
    }

    /** A refusal as one line, each field named: {@code password: at least 10 characters}. */
    static String describe(PlannerException e) {
        return e.errors().isEmpty()
                ? e.getMessage()
                : e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    private TemplateInstance page(String error, ApiTokens.Issued issued) {
        return Templates.people(people.list(), tokens.list(), Roles.ALL, error, issued);
    }
}
