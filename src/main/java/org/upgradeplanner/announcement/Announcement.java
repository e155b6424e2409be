package org.upgradeplanner.announcement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.upgradeplanner.support.Text;
import org.upgradeplanner.window.WindowEvent;

/** A draft for the mailing list, written for one window event; the announcer posts it and marks it sent. */
@Entity
@Table(name = "announcement")
public class Announcement extends PanacheEntityBase {

    /** SUPERSEDED: a pending draft about times a reschedule has replaced; never sent. */
    public enum Status {
        PENDING,
        SENT,
        SUPERSEDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "announcement_seq")
    @SequenceGenerator(name = "announcement_seq", sequenceName = "announcement_seq", allocationSize = 50)
    public Long id;

    /** The window a window draft tells of; null for a campaign's. */
    @Column(name = "window_id")
    public Long windowId;

    /** The campaign a campaign draft tells of; null for a window's. */
    @Column(name = "campaign_id")
    public Long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public DraftKind kind;

    @Column(name = "window_sequence", nullable = false)
    public int windowSequence;

    /** Tells reminders of one window apart (their offset); empty otherwise. */
    @Column(nullable = false, length = 40)
    public String detail = "";

    @Column(nullable = false, length = 1000)
    public String subject;

    @Column(nullable = false, length = 20_000)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "sent_by", length = 255)
    public String sentBy;

    /** Fixed when the draft is written; null only for drafts older than the column (see {@link #messageId(String)}). */
    @Column(name = "message_id", length = 255, unique = true)
    public String messageId;

    /** The times this draft tells the list (for a cancellation: those it names as "was"); null when none. */
    @Column(name = "told_start")
    public Instant toldStart;

    @Column(name = "told_end")
    public Instant toldEnd;

    @Version
    public int version;

    /** Sets the draft's text, made printable and kept within its columns (a body cut short says so). */
    void text(String subject, String body) {
        String s = Text.printable(subject);
        String b = Text.printable(body);
        this.subject = s.length() <= 900 ? s : s.substring(0, 899) + "…";
        this.body = b.length() <= 20_000 ? b : b.substring(0, 19_990) + "\n[…]\n";
    }

    /** Stores a new draft: the insert assigns the id its Message-ID is made of (the row waits for the flush). */
    void persistWithMessageId(String host) {
        persist();
        messageId = MailHistory.messageId(id, kind.name(), windowSequence, host);
    }

    /** The stored Message-ID, or for an older draft the one it was always given (same formula, from the host). */
    public String messageId(String host) {
        return messageId != null ? messageId : MailHistory.messageId(id, kind.name(), windowSequence, host);
    }

    MailHistory.Draft asHistory(String host) {
        MailHistory.Times told =
                toldStart == null || toldEnd == null ? null : new MailHistory.Times(toldStart, toldEnd);
        return new MailHistory.Draft(id, kind.window(), status, sentAt, told, messageId(host));
    }

    /** The window's drafts, oldest first. */
    public static java.util.List<Announcement> ofWindow(long windowId) {
        return list("windowId = ?1 order by id", windowId);
    }

    /** The campaign's drafts, oldest first. */
    public static java.util.List<Announcement> ofCampaign(long campaignId) {
        return list("campaignId = ?1 order by id", campaignId);
    }

    public static Optional<Announcement> forEvent(long windowId, WindowEvent.Kind kind, int sequence, String detail) {
        return find(
                        "windowId = ?1 and kind = ?2 and windowSequence = ?3 and detail = ?4",
                        windowId,
                        DraftKind.of(kind),
                        sequence,
                        detail)
                .firstResultOptional();
    }
}
