package org.upgradeplanner.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.upgradeplanner.campaign.Campaign;
import org.upgradeplanner.support.PlannerConfig;

/**
 * A campaign's sprint days as a calendar volunteers subscribe to: one all-day event per day (not an outage), with a
 * UID of its own that never changes. Days still ahead when the campaign closes are CANCELLED (SEQUENCE 1).
 */
@ApplicationScoped
public class CampaignCalendar {

    private final CalendarService calendars;
    private final FeedRenderer renderer;

    CampaignCalendar(CalendarService calendars, PlannerConfig config) {
        this.calendars = calendars;
        this.renderer = new FeedRenderer(
                config.calendar().organizer(), config.calendar().refresh());
    }

    /** The feed of a campaign; its ETag follows the campaign's version (only a close changes its events). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarService.Feed feed(long id) {
        Campaign c = Campaign.require(id);
        return new CalendarService.Feed(
                c.version,
                render(c),
                "\"campaign-" + c.id + "-" + c.version + "\"",
                c.updatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** The sprint days as an .ics, for the team's mail; null when the campaign has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] sprintDays(long id) {
        Campaign c = Campaign.require(id);
        return c.sprintDays().isEmpty() ? null : render(c);
    }

    /** Where the campaign's board is. */
    public String boardUrl(long id) {
        return calendars.base() + "/campaigns/" + id;
    }

    /** The feed's address. */
    public String url(long id) {
        return calendars.base() + "/calendar/campaigns/" + id + ".ics";
    }

    /** The feed's address for calendar clients. */
    public String webcal(long id) {
        return url(id).replaceFirst("^https?://", "webcal://");
    }

    private byte[] render(Campaign c) {
        String targets = c.targetsText();
        List<FeedEvent> events = new ArrayList<>();
        for (LocalDate day : c.sprintDays()) {
            boolean cancelled = !c.open()
                    && c.closedAt != null
                    && day.isAfter(LocalDate.ofInstant(c.closedAt, java.time.ZoneOffset.UTC));
            String description = (cancelled ? "CANCELLED: the campaign closed before this day.\n\n" : "")
                    + "Replacement sprint of " + c.name + " (targets: " + targets + ").\n"
                    + "Not an outage: hosts are replaced without user impact, a pool at a time.\n\n"
                    + "Claim hosts on the board: " + boardUrl(c.id);
            events.add(new FeedEvent(
                    "sprint-" + day + "-" + c.uid,
                    day,
                    day.plusDays(1),
                    "Replacement sprint: " + c.name,
                    description,
                    cancelled ? 1 : 0,
                    cancelled ? "CANCELLED" : "CONFIRMED",
                    c.createdAt,
                    c.updatedAt,
                    boardUrl(c.id)));
        }
        return renderer.render("Replacement sprint: " + c.name, events);
    }
}
