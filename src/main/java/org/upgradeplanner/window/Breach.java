package org.upgradeplanner.window;

/**
 * One broken policy rule: which window, which rule, the field it is about, and what is wrong in words. A rule that is
 * only a {@linkplain Rule#warning() warning} never refuses a window; the checker reports it beside the breaches.
 */
public record Breach(Long windowId, Rule rule, String field, String message) {

    public enum Rule {
        HOST_OVERLAP,
        SERVICE_OVERLAP,
        FREEZE,
        NOTICE,
        CONCURRENCY,
        HOSTS_PER_WINDOW,
        /** Every provider of a rolling pool in one window: the pool is replaced a host at a time instead. */
        LAST_PROVIDER,
        /** A service taken down twice within a week (directly or through dependencies) when one window would do. */
        SERVICE_TWICE_IN_A_WEEK,
        /** A window on a day most people are away ({@code planner.policy.holidays}). */
        HOLIDAY;

        public boolean warning() {
            return this == SERVICE_TWICE_IN_A_WEEK || this == HOLIDAY;
        }
    }

    public boolean warning() {
        return rule.warning();
    }
}
