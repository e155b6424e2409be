package org.upgradeplanner.web;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.upgradeplanner.account.AccountChanged;
import org.upgradeplanner.support.Digests;
import org.upgradeplanner.support.PlannerConfig;

/**
 * Web UI sessions in the database, so that every replica knows them with no shared key to configure, and ending one
 * (logout) ends it everywhere at once. A session is valid for {@code planner.session.timeout} after its last use;
 * its expiry moves at most once a minute, so reading a page rarely writes.
 */
@ApplicationScoped
@Transactional
public class Sessions {

    private static final Duration RENEW_STEP = Duration.ofMinutes(1);

    private final Duration timeout;
    private final Clock clock;

    Sessions(PlannerConfig config, Clock clock) {
        this.timeout = config.session().timeout();
        this.clock = clock;
    }

    /** A new session for a checked login; returns the token its cookie carries (never stored as such). */
    public String open(String username) {
        String token = Digests.randomToken(32);
        WebSession s = new WebSession();
        s.tokenHash = Digests.sha256(token);
        s.username = username;
        s.createdAt = Instant.now(clock);
        s.expiresAt = s.createdAt.plus(timeout);
        s.persist();
        return token;
    }

    /** Whose session the token is, if it is one and still valid; using it extends it. */
    public Optional<String> user(String token) {
        Instant now = Instant.now(clock);
        WebSession s = token == null || token.isEmpty() ? null : WebSession.findById(Digests.sha256(token));
        if (s == null || !s.expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        if (now.plus(timeout).isAfter(s.expiresAt.plus(RENEW_STEP))) {
            s.expiresAt = now.plus(timeout);
        }
        return Optional.of(s.username);
    }

    /** Ends the session (logout); an unknown token changes nothing. */
    public void close(String token) {
        if (token != null && !token.isEmpty()) {
            WebSession.deleteById(Digests.sha256(token));
        }
    }

    /** A disabled account, or a password reset by an admin, ends every session of that person. */
    void onChange(@Observes AccountChanged change) {
        if (change.endSessions()) {
            WebSession.delete("username", change.username());
        }
    }

    @Scheduled(identity = "expired-sessions", every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        WebSession.deleteExpired(Instant.now(clock));
    }
}
