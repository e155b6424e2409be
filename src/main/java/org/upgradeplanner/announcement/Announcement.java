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

    @Column(name = "window_id", nullable = false)
    public long windowId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public WindowEvent.Kind kind;

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

    @Version
    public int version;

    public static Optional<Announcement> forEvent(long windowId, WindowEvent.Kind kind, int sequence, String detail) {
        return find(
                        "windowId = ?1 and kind = ?2 and windowSequence = ?3 and detail = ?4",
                        windowId,
                        kind,
                        sequence,
                        detail)
                .firstResultOptional();
    }
}
