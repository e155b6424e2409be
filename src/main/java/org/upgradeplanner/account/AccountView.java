package org.upgradeplanner.account;

import java.time.Instant;

/** An account as the API and the People page show it: never its password hash. */
public record AccountView(
        String username,
        String displayName,
        String role,
        boolean enabled,
        String source,
        long version,
        Instant createdAt,
        Instant changedAt) {

    public static final String LOCAL = "local";
    public static final String SSO = "sso";

    static AccountView of(Account a) {
        return new AccountView(
                a.username,
                a.displayName,
                a.role,
                a.enabled,
                a.sso() ? SSO : LOCAL,
                a.version,
                a.createdAt,
                a.changedAt);
    }

    /** What an admin asks for: {@code displayName} optional (default: the user name). */
    public record New(String username, String displayName, String role, String password) {}

    /** What an admin changes: every field optional; {@code version}, when given, must be the stored one (else 409). */
    public record Change(String role, String displayName, Boolean enabled, String password, Long version) {}
}
