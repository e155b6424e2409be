package org.upgradeplanner.announcement;

import org.upgradeplanner.window.WindowEvent;

/** What a draft is about: a window event (the same names), or a campaign's sprint days or closing summary. */
public enum DraftKind {
    ANNOUNCE,
    REMINDER,
    STARTED,
    COMPLETED,
    CANCELLED,
    RESCHEDULED,
    EXTENDED,
    /** A campaign's sprint days, to the team. */
    CAMPAIGN,
    /** A closed campaign: what was replaced, what remains, which outages are still planned. */
    CAMPAIGN_SUMMARY;

    public static DraftKind of(WindowEvent.Kind kind) {
        return valueOf(kind.name());
    }

    /** The window event this draft tells of; only for window drafts. */
    public WindowEvent.Kind window() {
        return WindowEvent.Kind.valueOf(name());
    }

    public boolean ofCampaign() {
        return this == CAMPAIGN || this == CAMPAIGN_SUMMARY;
    }
}
