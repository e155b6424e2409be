package org.upgradeplanner.support;

/**
 * An error as a page of the UI, for a browser. {@link Problems} decides when a page is wanted ({@link
 * Problems#wantsPage}); the web room, which owns the layout, renders it.
 */
public interface ErrorPage {

    /** The page; title and message are this service's own words or a domain message, escaped by the renderer. */
    String html(int status, String title, String message);
}
