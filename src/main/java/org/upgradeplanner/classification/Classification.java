package org.upgradeplanner.classification;

/** What an upgrade means for users. */
public enum Classification {
    /** Replaced or migrated with no user-visible impact. */
    TRIVIAL,
    /** Needs a planned, announced outage. */
    OUTAGE_REQUIRED,
    /** Already at or past the target release. */
    UP_TO_DATE,
    /** Not enough is known (no OS, a release or target outside the catalog). */
    UNKNOWN
}
