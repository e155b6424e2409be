package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.upgradeplanner.announcement.AnnouncementService;
import org.upgradeplanner.announcement.AnnouncementView;
import org.upgradeplanner.calendar.CalendarService;
import org.upgradeplanner.calendar.CampaignCalendar;
import org.upgradeplanner.campaign.CampaignService;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.window.WindowQueries;
import org.upgradeplanner.window.WindowState;
import org.upgradeplanner.window.WindowView;

/** The pages anyone may read: the outage list with subscribe links, and the Atom feed of sent announcements. */
@Path("/")
@PermitAll
public class PublicPages {

    /** One window on the public page; every text is escaped by the template. */
    public record Outage(
            long id,
            String title,
            Instant start,
            Instant end,
            String state,
            List<String> hosts,
            List<String> services,
            String description,
            String cancelReason) {
        static Outage from(WindowView w) {
            return new Outage(
                    w.id(),
                    w.title(),
                    w.start(),
                    w.end(),
                    Labels.of(w.state().name()),
                    w.hosts(),
                    w.services(),
                    w.description(),
                    w.cancelReason());
        }
    }

    public record OutagesPage(
            String calendarName,
            List<Outage> inProgress,
            List<Outage> upcoming,
            List<Outage> recent,
            String webcal,
            String https,
            List<Sprint> sprints) {}

    /** An open campaign's sprint days still ahead: not outages, but days volunteers may want in their calendar. */
    public record Sprint(long id, String name, List<java.time.LocalDate> days, String webcal, String https) {}

    public record AtomPage(
            String id, String title, String self, String page, Instant updated, List<AnnouncementView> entries) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance outages(OutagesPage page);

        static native TemplateInstance atom(AtomPage feed);
    }

    private final WindowQueries windows;
    private final AnnouncementService announcements;
    private final CalendarService calendars;
    private final PlannerConfig config;
    private final Clock clock;
    private final CampaignService campaigns;
    private final CampaignCalendar campaignCalendar;

    PublicPages(
            WindowQueries windows,
            AnnouncementService announcements,
            CalendarService calendars,
            PlannerConfig config,
            Clock clock,
            CampaignService campaigns,
            CampaignCalendar campaignCalendar) {
        this.campaigns = campaigns;
        this.campaignCalendar = campaignCalendar;
        this.windows = windows;
        this.announcements = announcements;
        this.calendars = calendars;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("outages")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance outages() {
        Instant now = Instant.now(clock);
        String base = calendars.base();
        List<WindowView> shown =
                windows.list(null, null, null, now.minus(config.calendar().keepFinished()), null).stream()
                        .filter(w -> w.publishedAt() != null)
                        .toList();
        List<Outage> inProgress = shown.stream()
                .filter(w -> w.state() == WindowState.IN_PROGRESS)
                .map(w -> Outage.from(w))
                .toList();
        List<Outage> upcoming = shown.stream()
                .filter(w -> w.state() == WindowState.SCHEDULED || w.state() == WindowState.ANNOUNCED)
                .map(w -> Outage.from(w))
                .toList();
        List<Outage> recent = shown.stream()
                .filter(w -> !w.state().isActive())
                .sorted(Comparator.comparing(WindowView::end).reversed())
                .map(w -> Outage.from(w))
                .toList();
        String https = base + "/calendar/outages.ics";
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        List<Sprint> sprints = campaigns.open().stream()
                .map(c -> new Sprint(
                        c.id(),
                        c.name(),
                        c.sprintDays().stream().filter(d -> !d.isBefore(today)).toList(),
                        campaignCalendar.webcal(c.id()),
                        campaignCalendar.url(c.id())))
                .filter(s -> !s.days().isEmpty())
                .toList();
        return Templates.outages(new OutagesPage(
                config.calendar().name(),
                inProgress,
                upcoming,
                recent,
                https.replaceFirst("^https?://", "webcal://"),
                https,
                sprints));
    }

    @GET
    @Path("announcements.atom")
    @Produces("application/atom+xml")
    public TemplateInstance atom() {
        List<AnnouncementView> sent =
                announcements.list(org.upgradeplanner.announcement.Announcement.Status.SENT).stream()
                        .filter(a -> a.windowId() != null) // campaign drafts go to the team, not the community
                        .sorted(Comparator.comparing(AnnouncementView::sentAt).reversed())
                        .limit(100)
                        .toList();
        String base = calendars.base();
        Instant updated = sent.stream()
                .map(AnnouncementView::sentAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        return Templates.atom(new AtomPage(
                "tag:upgrade-planner,2026:announcements",
                config.calendar().name() + ": announcements",
                base + "/announcements.atom",
                base + "/outages",
                updated,
                sent));
    }
}
