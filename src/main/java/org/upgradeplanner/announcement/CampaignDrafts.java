package org.upgradeplanner.announcement;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.upgradeplanner.calendar.CampaignCalendar;
import org.upgradeplanner.campaign.Campaign;
import org.upgradeplanner.campaign.CampaignBoard;
import org.upgradeplanner.campaign.CampaignEvent;
import org.upgradeplanner.campaign.ItemState;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.classification.PoolRule;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.window.MaintenanceWindow;
import org.upgradeplanner.window.WindowSpec;

/**
 * Drafts to the team about a campaign, in the transaction of the change: the call for its sprint days when it opens
 * (kind CAMPAIGN), the summary when it closes (CAMPAIGN_SUMMARY: replaced, remaining, skipped, and the outages still
 * planned for its hosts). The summary threads under the sprint draft. The announcer fetches and marks them like any.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CampaignDrafts {

    /** Lines a draft lists of one kind before it sends readers to the board. */
    static final int LISTED = 40;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sprint(SprintMail m);

        static native TemplateInstance summary(SummaryMail m);
    }

    /** What the sprint mail says. */
    public record SprintMail(
            String name,
            String targets,
            List<String> days,
            String deadline,
            long trivial,
            long outages,
            List<String> pools,
            String board,
            String webcal,
            String contact) {}

    /** A list of a summary: how many in all, and at most {@link #LISTED} lines of them. */
    public record Section(int count, List<String> lines) {

        static Section of(List<String> all) {
            return new Section(all.size(), listed(all));
        }
    }

    /** What the summary mail says. */
    public record SummaryMail(
            String name,
            String targets,
            String closed,
            long total,
            Section verified,
            Section replaced,
            Section skipped,
            Section remaining,
            Section outages,
            String board,
            String contact) {}

    private final PlannerConfig config;
    private final CampaignBoard board;
    private final CampaignCalendar calendar;
    private final Clock clock;

    CampaignDrafts(PlannerConfig config, CampaignBoard board, CampaignCalendar calendar, Clock clock) {
        this.config = config;
        this.board = board;
        this.calendar = calendar;
        this.clock = clock;
    }

    void on(@Observes CampaignEvent event) {
        DraftKind kind = event.kind() == CampaignEvent.Kind.SPRINT ? DraftKind.CAMPAIGN : DraftKind.CAMPAIGN_SUMMARY;
        if (Announcement.count("campaignId = ?1 and kind = ?2", event.campaignId(), kind) > 0) {
            return;
        }
        Campaign c = Campaign.require(event.campaignId());
        List<CampaignBoard.Card> cards = board.cards(c.id, CampaignBoard.Filter.NONE);
        String tag = "[" + config.announcements().listTag() + "] ";
        Announcement a = new Announcement();
        a.campaignId = c.id;
        a.kind = kind;
        a.windowSequence = 0;
        if (kind == DraftKind.CAMPAIGN) {
            a.text(
                    tag + "Replacement sprint: " + c.name + ", "
                            + c.sprintDays().stream()
                                    .map(d -> d.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)))
                                    .collect(Collectors.joining(", ")),
                    Templates.sprint(sprint(c, cards)).render());
        } else {
            a.text(
                    tag + "Campaign closed: " + c.name,
                    Templates.summary(summary(c, cards)).render());
        }
        a.status = Announcement.Status.PENDING;
        a.createdAt = Instant.now(clock);
        a.persistWithMessageId(host());
    }

    /** The draft as a mail to the team, with the sprint days attached; the summary replies to the sprint mail. */
    @Transactional(Transactional.TxType.SUPPORTS)
    byte[] eml(Announcement a) {
        MailHistory.Threading thread = Announcement.ofCampaign(a.campaignId).stream()
                .filter(d -> d.kind == DraftKind.CAMPAIGN && !d.id.equals(a.id))
                .findFirst()
                .map(root -> new MailHistory.Threading(root.messageId(host()), List.of(root.messageId(host()))))
                .orElse(MailHistory.Threading.START);
        return Eml.write(
                config.announcements().from(),
                config.announcements().teamAddress(),
                a.subject,
                a.body,
                a.createdAt,
                a.messageId(host()),
                thread,
                calendar.sprintDays(a.campaignId),
                "sprint.ics");
    }

    private SprintMail sprint(Campaign c, List<CampaignBoard.Card> cards) {
        long trivial = cards.stream()
                .filter(k -> k.classification() == Classification.TRIVIAL)
                .count();
        long outages = cards.stream()
                .filter(k -> k.classification() == Classification.OUTAGE_REQUIRED)
                .count();
        Map<String, Long> trivialByService = new TreeMap<>();
        cards.stream()
                .filter(k -> k.classification() == Classification.TRIVIAL)
                .forEach(k -> k.services().forEach(s -> trivialByService.merge(s, 1L, Long::sum)));
        PoolRule rule = new PoolRule(config.campaigns().poolFraction());
        List<String> pools = new ArrayList<>();
        new TreeMap<>(Host.providers(trivialByService.keySet())).forEach((service, providers) -> {
            if (providers.size() >= 2) {
                pools.add(service + ": " + trivialByService.get(service) + " to replace of " + providers.size()
                        + " providers, at most " + rule.limit(providers.size()) + " claimed at once");
            }
        });
        return new SprintMail(
                c.name,
                c.targetsText(),
                c.sprintDays().stream().map(d -> d.format(DAY)).toList(),
                c.deadline == null
                        ? "none set"
                        : c.deadline.format(DAY) + (c.deadline.isBefore(LocalDate.now(clock)) ? " (already past)" : ""),
                trivial,
                outages,
                listed(pools),
                calendar.boardUrl(c.id),
                calendar.webcal(c.id),
                config.announcements().contact());
    }

    private SummaryMail summary(Campaign c, List<CampaignBoard.Card> cards) {
        List<String> verified = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        for (CampaignBoard.Card k : cards) {
            var i = k.item();
            String who = i.assignee() == null ? "" : " (" + i.assignee() + ")";
            String by = i.replacement() == null ? "" : " → " + i.replacement();
            switch (ItemState.valueOf(i.state())) {
                case VERIFIED -> verified.add(i.hostname() + by + who);
                case REPLACED -> replaced.add(i.hostname() + by + who + ": not yet on its target in the inventory");
                case SKIPPED -> skipped.add(i.hostname() + ": " + i.note());
                case CLAIMED -> remaining.add(i.hostname() + ": claimed by " + i.assignee());
                default ->
                    remaining.add(i.hostname()
                            + (k.classification() == Classification.OUTAGE_REQUIRED ? ": needs an outage" : ": to do"));
            }
        }
        java.util.Set<String> hosts =
                cards.stream().map(k -> k.item().hostname()).collect(Collectors.toSet());
        List<String> outages = new ArrayList<>();
        for (WindowSpec w : MaintenanceWindow.activeSpecs().stream()
                .sorted(java.util.Comparator.comparing(WindowSpec::start))
                .toList()) {
            List<String> in =
                    w.hosts().stream().filter(hosts::contains).sorted().toList();
            if (!in.isEmpty()) {
                outages.add(Subjects.range(w.start(), w.end()) + ": " + w.title() + " (" + String.join(", ", in) + ")");
            }
        }
        return new SummaryMail(
                c.name,
                c.targetsText(),
                LocalDate.ofInstant(c.closedAt, java.time.ZoneOffset.UTC).format(DAY),
                cards.size(),
                Section.of(verified),
                Section.of(replaced),
                Section.of(skipped),
                Section.of(remaining),
                Section.of(outages),
                calendar.boardUrl(c.id),
                config.announcements().contact());
    }

    /** At most {@link #LISTED} lines, the last saying how many more there are. */
    static List<String> listed(List<String> lines) {
        if (lines.size() <= LISTED) {
            return lines;
        }
        List<String> shown = new ArrayList<>(lines.subList(0, LISTED - 1));
        shown.add("… and " + (lines.size() - LISTED + 1) + " more on the board");
        return shown;
    }

    private String host() {
        return URI.create(config.baseUrl()).getHost();
    }
}
