package org.upgradeplanner.account;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.support.Digests;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;

/**
 * Named, revocable tokens for programs (the mailing-list announcer, a monitoring job). A token is 32 random bytes;
 * only its SHA-256 is stored, and each request looks it up, so a revoked token is refused at once on every replica.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

    /** What every token starts with, so that a bearer token of ours is told from a provider's JWT. */
    public static final String PREFIX = "upt_";

    /** The principal name of a token's requests, as the audit log records it. */
    public static final String ACTOR_PREFIX = "token:";

    public record New(String name, String role) {}

    /** The answer to an issue: the only time the token itself is shown. */
    public record Issued(String name, String role, String token) {}

    public record TokenView(String name, String role, Instant createdAt, String createdBy) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.name, t.role, t.createdAt, t.createdBy);
        }
    }

    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public Issued issue(New in) {
        PlannerException.requireBody(in);
        String name = in.name() == null ? "" : in.name().trim();
        if (!People.USERNAME.matcher(name).matches()) {
            throw PlannerException.invalid(
                    "name", "1 to 64 lower-case letters, digits and . _ @ -, starting with a letter or digit");
        }
        String role = People.role(in.role());
        if (ApiToken.findById(name) != null) {
            throw PlannerException.conflict(
                    "A token named " + name + " exists: revoke it first, or choose another name.",
                    List.of(new FieldError("name", "already taken")));
        }
        String secret = PREFIX + Digests.randomToken(32);
        ApiToken t = new ApiToken();
        t.name = name;
        t.role = role;
        t.tokenHash = Digests.sha256(secret);
        t.createdAt = Instant.now(clock);
        t.createdBy = audit.actor();
        t.persist();
        audit.record("token.issue", "token", name, null, TokenView.of(t), null);
        return new Issued(name, role, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> list() {
        return ApiToken.<ApiToken>listAll(Sort.by("name")).stream()
                .map(TokenView::of)
                .toList();
    }

    public void revoke(String name) {
        ApiToken t = name == null ? null : ApiToken.findById(name);
        if (t == null) {
            throw PlannerException.notFound("No token named " + name + ".");
        }
        TokenView before = TokenView.of(t);
        t.delete();
        audit.record("token.revoke", "token", name, before, null, null);
    }

    /** Whose the token is, if it is a live one (in a transaction: identity providers have no request context). */
    public Optional<Person> holder(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        ApiToken t = ApiToken.byHash(Digests.sha256(secret));
        return t == null ? Optional.empty() : Optional.of(new Person(ACTOR_PREFIX + t.name, t.name, t.role, null));
    }
}
