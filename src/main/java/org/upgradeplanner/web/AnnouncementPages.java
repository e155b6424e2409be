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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.upgradeplanner.announcement.Announcement;
import org.upgradeplanner.announcement.AnnouncementService;
import org.upgradeplanner.announcement.AnnouncementView;
import org.upgradeplanner.support.Roles;

/** The drafts as the announcer (or an admin) reviews them: preview, text to copy, .eml, mark sent. */
@Path("/announcements")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANNOUNCER, Roles.ADMIN})
public class AnnouncementPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance announcements(
                String user, boolean admin, String status, List<AnnouncementView> drafts);
    }

    private final AnnouncementService announcements;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final Refusals refusals;

    AnnouncementPages(AnnouncementService announcements, SecurityIdentity identity, Csrf csrf, Refusals refusals) {
        this.announcements = announcements;
        this.identity = identity;
        this.csrf = csrf;
        this.refusals = refusals;
    }

    @RolesAllowed({Roles.ANNOUNCER, Roles.ADMIN, Roles.VIEWER})
    @GET
    public TemplateInstance list(@QueryParam("status") String status) {
        Announcement.Status s = "SENT".equals(status) ? Announcement.Status.SENT : Announcement.Status.PENDING;
        return Templates.announcements(
                identity.getPrincipal().getName(), identity.hasRole(Roles.ADMIN), s.name(), announcements.list(s));
    }

    @POST
    @Path("{id}/sent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markSent(@PathParam("id") long id, @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        return refusals.redirect(
                "/announcements",
                "Announcement " + id,
                () -> "Marked sent: " + announcements.markSent(id).subject());
    }
}
