package org.upgradeplanner.account;

/**
 * Fired in the transaction of a change to an account. With {@code endSessions}, the person's web sessions end
 * with it (a disabled account, a password reset by an admin); a session of a disabled account is refused anyway.
 */
public record AccountChanged(String username, boolean endSessions) {}
