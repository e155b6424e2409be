package org.upgradeplanner.announcement;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.calendar.CalendarService;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.window.Impact;
import org.upgradeplanner.window.MaintenanceWindow;
import org.upgradeplanner.window.WindowCommands;
import org.upgradeplanner.window.WindowEvent;

/**
 * Turns window events into drafts, in the transaction of the change: a crash before the commit loses both, a commit
 * keeps both, and the unique (window, kind, sequence, detail) key refuses a second draft of the same event. What a
 * draft may say about times, and how its mail threads, is {@link MailHistory}'s business.
 */
@ApplicationScoped
@Transactional
public class AnnouncementService {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance body(MailView m);
    }

    private final PlannerConfig.Announcements config;
    private final CalendarService calendars;
    private final WindowCommands windows;
    private final AuditLog audit;
    private final Clock clock;
    private final CampaignDrafts campaignDrafts;

    AnnouncementService(
            PlannerConfig config,
            CalendarService calendars,
            WindowCommands windows,
            AuditLog audit,
            Clock clock,
            CampaignDrafts campaignDrafts) {
        this.campaignDrafts = campaignDrafts;
        this.config = config.announcements();
        this.calendars = calendars;
        this.windows = windows;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes WindowEvent event) {
        String detail = event.detail() == null ? "" : event.detail();
        if (Announcement.forEvent(event.windowId(), event.kind(), event.sequence(), detail)
                .isPresent()) {
            return;
        }
        MaintenanceWindow w = MaintenanceWindow.findById(event.windowId());
        List<WindowEvent.Kind> outdated = MailHistory.supersededBy(event.kind());
        if (!outdated.isEmpty()) {
            Announcement.update(
                    "status = ?1 where windowId = ?2 and status = ?3 and windowSequence < ?4 and kind in ?5",
                    Announcement.Status.SUPERSEDED,
                    w.id,
                    Announcement.Status.PENDING,
                    event.sequence(),
                    outdated.stream().map(DraftKind::of).toList());
        }
        MailHistory.Telling tell = history(w.id).next(event.kind(), new MailHistory.Times(w.start, w.end));
        Announcement a = new Announcement();
        a.windowId = w.id;
        a.kind = DraftKind.of(event.kind());
        a.windowSequence = event.sequence();
        a.detail = detail;
        a.text(
                Subjects.subject(config.listTag(), w.title, tell),
                Templates.body(view(tell, w)).render());
        a.status = Announcement.Status.PENDING;
        a.createdAt = Instant.now(clock);
        MailHistory.Times told = tell.told();
        a.toldStart = told == null ? null : told.start();
        a.toldEnd = told == null ? null : told.end();
        a.persistWithMessageId(host());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnnouncementView> list(Announcement.Status status) {
        List<Announcement> drafts = status == null
                ? Announcement.list("order by createdAt, id")
                : Announcement.list("status = ?1 order by createdAt, id", status);
        return drafts.stream().map(AnnouncementView::from).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Announcement.Status status) {
        return Announcement.count("status", status);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AnnouncementView get(long id) {
        return AnnouncementView.from(find(id));
    }

    /**
     * Idempotent: a draft already sent stays as it was sent, however many calls race (the row lock queues them, and each
     * after the first finds it SENT). Sending the ANNOUNCE draft makes the window ANNOUNCED.
     */
    public AnnouncementView markSent(long id) {
        Announcement a = find(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (a.status == Announcement.Status.SENT) {
            return AnnouncementView.from(a);
        }
        if (a.status == Announcement.Status.SUPERSEDED) {
            throw PlannerException.conflict(
                    "announcement " + id + " was superseded by a reschedule: send the newer draft instead",
                    List.of(new org.upgradeplanner.support.Problem.FieldError("status", "SUPERSEDED")));
        }
        a.status = Announcement.Status.SENT;
        a.sentAt = Instant.now(clock);
        a.sentBy = audit.actor();
        audit.record("ANNOUNCEMENT_SENT", "announcement", a.id.toString(), null, null, a.subject);
        if (a.kind == DraftKind.ANNOUNCE) {
            windows.announce(a.windowId);
        }
        Announcement.flush();
        return AnnouncementView.from(a);
    }

    /** The draft as a mail, with the window's calendar attached, threaded under the window's first draft. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] eml(long id) {
        Announcement a = find(id);
        if (a.kind.ofCampaign()) {
            return campaignDrafts.eml(a);
        }
        MaintenanceWindow w = MaintenanceWindow.findById(a.windowId);
        return Eml.write(
                config.from(),
                config.listAddress(),
                a.subject,
                a.body,
                a.createdAt,
                a.messageId(host()),
                history(a.windowId).threading(a.id),
                calendars.single(w));
    }

    private MailHistory history(long windowId) {
        String host = host();
        return new MailHistory(Announcement.ofWindow(windowId).stream()
                .map(d -> d.asHistory(host))
                .toList());
    }

    private String host() {
        return URI.create(calendars.base()).getHost();
    }

    private MailView view(MailHistory.Telling tell, MaintenanceWindow w) {
        MailView.Window window = new MailView.Window(
                w.title,
                w.description,
                List.copyOf(w.hosts),
                List.copyOf(w.services),
                calendars.impact(w).indirectServices().stream()
                        .map(Impact.Affected::text)
                        .toList(),
                w.cancelReason);
        String page = calendars.url(w);
        String webcal = calendars.base().replaceFirst("^https?://", "webcal://") + "/calendar/outages.ics";
        return MailView.of(tell, window, config.referenceZones(), config.contact(), page, webcal);
    }

    private static Announcement find(long id) {
        return find(id, jakarta.persistence.LockModeType.NONE);
    }

    private static Announcement find(long id, jakarta.persistence.LockModeType lock) {
        Announcement a = Announcement.findById(id, lock);
        if (a == null) {
            throw PlannerException.notFound("no announcement with id " + id);
        }
        return a;
    }
}
