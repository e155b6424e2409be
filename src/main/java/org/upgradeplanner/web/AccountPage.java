package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.upgradeplanner.account.AccountView;
import org.upgradeplanner.account.People;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Redirects;
import org.upgradeplanner.support.Roles;

/** A person's own account: who they are here, and their own password (every role may change it). */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.ANNOUNCER})
public class AccountPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(AccountView account, String error);
    }

    private final People people;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final Flash flash;

    AccountPage(People people, SecurityIdentity identity, Csrf csrf, Flash flash) {
        this.people = people;
        this.identity = identity;
        this.csrf = csrf;
        this.flash = flash;
    }

    @GET
    public TemplateInstance show() {
        return Templates.account(people.get(identity.getPrincipal().getName()), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(
            @FormParam(Csrf.FIELD) String token,
            @FormParam("current") String current,
            @FormParam("password") String password,
            @FormParam("repeat") String repeat) {
        csrf.verify(token);
        String me = identity.getPrincipal().getName();
        try {
            if (password == null || !password.equals(repeat)) {
                throw PlannerException.invalid("repeat", "not the same as the new password");
            }
            people.changeOwnPassword(me, current, password);
            flash.set("Your password is changed.");
            return Redirects.seeOther("/account");
        } catch (PlannerException e) {
            return Refusals.page(400, Templates.account(people.get(me), PeoplePages.describe(e)));
        }
    }
}
