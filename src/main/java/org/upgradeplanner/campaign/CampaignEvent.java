package org.upgradeplanner.campaign;

/**
 * Fired (synchronously, in the transaction of the change) when a campaign opens with sprint days and when it closes:
 * the announcement drafts for the team are written from these.
 */
public record CampaignEvent(long campaignId, Kind kind) {

    public enum Kind {
        /** Opened with sprint days: the call for volunteers. */
        SPRINT,
        /** Closed: what was replaced, what remains, which outages are still planned. */
        SUMMARY
    }
}
