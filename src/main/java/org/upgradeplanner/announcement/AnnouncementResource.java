package org.upgradeplanner.announcement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Roles;

/** What the mailing-list announcer calls: fetch drafts, fetch one as a mail, mark it sent. */
@Path("/api/announcements")
@RolesAllowed({Roles.ANNOUNCER, Roles.ADMIN})
public class AnnouncementResource {

    private final AnnouncementService announcements;

    AnnouncementResource(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    /** Oldest first; {@code status} is PENDING, SENT or SUPERSEDED. */
    @GET
    @RolesAllowed({Roles.ANNOUNCER, Roles.ADMIN, Roles.VIEWER})
    public List<AnnouncementView> list(@QueryParam("status") String status) {
        Announcement.Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = Announcement.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw PlannerException.invalid("status", "one of PENDING, SENT, SUPERSEDED");
            }
        }
        return announcements.list(s);
    }

    @GET
    @RolesAllowed({Roles.ANNOUNCER, Roles.ADMIN, Roles.VIEWER})
    @Path("{id: [0-9]+}")
    public AnnouncementView get(@PathParam("id") long id) {
        return announcements.get(id);
    }

    @GET
    @RolesAllowed({Roles.ANNOUNCER, Roles.ADMIN, Roles.VIEWER})
    @Path("{id: [0-9]+}.eml")
    @Produces("message/rfc822")
    public Response eml(@PathParam("id") long id) {
        return Response.ok(announcements.eml(id), "message/rfc822")
                .header("Content-Disposition", "attachment; filename=\"announcement-" + id + ".eml\"")
                .build();
    }

    /** Idempotent: marking a sent draft again changes nothing and answers 200. */
    @POST
    @Path("{id: [0-9]+}/sent")
    public AnnouncementView sent(@PathParam("id") long id) {
        return announcements.markSent(id);
    }
}
