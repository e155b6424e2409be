package org.upgradeplanner.window;

/** One broken policy rule: which window, which rule, the field it is about, and what is wrong in words. */
public record Breach(Long windowId, Rule rule, String field, String message) {

    public enum Rule {
        HOST_OVERLAP,
        SERVICE_OVERLAP,
        FREEZE,
        NOTICE,
        CONCURRENCY,
        HOSTS_PER_WINDOW
    }
}
