package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.upgradeplanner.announcement.Announcement;
import org.upgradeplanner.announcement.AnnouncementService;
import org.upgradeplanner.campaign.CampaignService;
import org.upgradeplanner.campaign.CampaignView;
import org.upgradeplanner.host.FleetReport;
import org.upgradeplanner.support.Redirects;
import org.upgradeplanner.support.Roles;
import org.upgradeplanner.window.Breach;
import org.upgradeplanner.window.WindowQueries;
import org.upgradeplanner.window.WindowSpec;
import org.upgradeplanner.window.WindowView;

/**
 * The admin's landing page: the fleet at a glance, the open campaigns, the burn-down, policy breaches and the next
 * windows.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.ANNOUNCER})
public class DashboardPage {

    public record Dashboard(
            FleetReport.FleetSummary fleet,
            List<WindowView> upcoming,
            long pendingDrafts,
            long breaches,
            List<Breach> firstBreaches,
            BurnDown burnDown,
            List<CampaignView> campaigns) {

        public long moreBreaches() {
            return breaches - firstBreaches.size();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(String user, Dashboard page);
    }

    private final FleetReport report;
    private final WindowQueries windows;
    private final AnnouncementService announcements;
    private final SecurityIdentity identity;
    private final Impacts impacts;
    private final Clock clock;
    private final CampaignService campaigns;

    DashboardPage(
            FleetReport report,
            WindowQueries windows,
            AnnouncementService announcements,
            SecurityIdentity identity,
            Impacts impacts,
            Clock clock,
            CampaignService campaigns) {
        this.campaigns = campaigns;
        this.report = report;
        this.windows = windows;
        this.announcements = announcements;
        this.identity = identity;
        this.impacts = impacts;
        this.clock = clock;
    }

    /** The landing page of admins and viewers; the announcer's is the drafts. */
    @RolesAllowed({Roles.ANNOUNCER, Roles.ADMIN, Roles.VIEWER})
    @GET
    public Response landing() {
        if (identity.hasRole(Roles.ANNOUNCER)) {
            return Redirects.seeOther("/announcements");
        }
        return Response.ok(dashboard()).build();
    }

    private TemplateInstance dashboard() {
        Instant now = Instant.now(clock);
        FleetReport.FleetSummary fleet = report.summary();
        List<WindowSpec> active = windows.active();
        List<BurnDown.Step> steps = active.stream()
                .map(w -> new BurnDown.Step(w.end(), w.hosts().size()))
                .toList();
        // One read of the dependencies for the checker's warnings and the upcoming windows' "also down".
        List<Breach> breaches = windows.conflicts(active, impacts.graph());
        return Templates.dashboard(
                identity.getPrincipal().getName(),
                new Dashboard(
                        fleet,
                        windows.upcoming(now, 10),
                        announcements.count(Announcement.Status.PENDING),
                        breaches.size(),
                        breaches.stream().limit(10).toList(),
                        BurnDown.of(fleet, steps, LocalDate.now(clock)),
                        campaigns.open()));
    }
}
