package org.upgradeplanner.announcement;

import java.time.Instant;

/** A draft as the announcer API shows it. */
public record AnnouncementView(
        long id,
        Long windowId,
        Long campaignId,
        String kind,
        int sequence,
        String subject,
        String body,
        Instant createdAt,
        String status,
        Instant sentAt,
        String sentBy) {

    static AnnouncementView from(Announcement a) {
        return new AnnouncementView(
                a.id,
                a.windowId,
                a.campaignId,
                a.kind.name(),
                a.windowSequence,
                a.subject,
                a.body,
                a.createdAt,
                a.status.name(),
                a.sentAt,
                a.sentBy);
    }
}
