package org.upgradeplanner.campaign;

/** Where one host's work stands. VERIFIED is set only by the service, from what the inventory or facts say. */
public enum ItemState {
    TODO,
    CLAIMED,
    REPLACED,
    VERIFIED,
    SKIPPED;

    /** Nothing left to do: the burn-down counts it off. */
    public boolean done() {
        return this == VERIFIED || this == SKIPPED;
    }
}
