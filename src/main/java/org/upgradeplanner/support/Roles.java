package org.upgradeplanner.support;

import java.util.List;

/**
 * Who may do what: the three roles of a person or token, and what a signed-in identity says of its person beside
 * its name (the principal's name is the account, the SSO user name, or {@code token:NAME}).
 */
public final class Roles {

    /** Everything. */
    public static final String ADMIN = "admin";

    /** Reads hosts, windows, plans, announcements and the audit log; changes nothing but their own password. */
    public static final String VIEWER = "viewer";

    /** Announcements only: reads the drafts and marks them sent. */
    public static final String ANNOUNCER = "announcer";

    public static final List<String> ALL = List.of(ADMIN, VIEWER, ANNOUNCER);

    /** Identity attribute: the person's display name, when they have one. */
    public static final String DISPLAY_NAME = "planner.display-name";

    /** Identity attribute: the single sign-on subject ({@code sub}) of a person signed in by SSO. */
    public static final String SUBJECT = "planner.subject";

    private Roles() {}
}
