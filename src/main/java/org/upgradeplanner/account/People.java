package org.upgradeplanner.account;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;
import org.upgradeplanner.support.Roles;

/**
 * The team's accounts as admins manage them: add, change role or display name, disable, reset a password; and a
 * person changing their own password. Every change is audited; the last enabled admin cannot be disabled or demoted.
 */
@ApplicationScoped
@Transactional
public class People {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    private static final int DISPLAY_NAME_MAX = 200;

    private final Passwords passwords;
    private final AuditLog audit;
    private final Event<AccountChanged> changed;
    private final Clock clock;

    People(Passwords passwords, AuditLog audit, Event<AccountChanged> changed, Clock clock) {
        this.passwords = passwords;
        this.audit = audit;
        this.changed = changed;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountView> list() {
        return Account.<Account>listAll(Sort.by("username")).stream()
                .map(AccountView::of)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountView get(String username) {
        return AccountView.of(find(username));
    }

    public AccountView create(AccountView.New in) {
        PlannerException.requireBody(in);
        String username = in.username() == null ? "" : in.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw PlannerException.invalid(
                    "username", "1 to 64 lower-case letters, digits and . _ @ -, starting with a letter or digit");
        }
        String role = role(in.role());
        Passwords.checkNew("password", in.password());
        if (Account.findById(username) != null) {
            throw PlannerException.conflict(
                    "An account named " + username + " exists.", List.of(new FieldError("username", "already taken")));
        }
        Account a = insert(username, displayName(in.displayName(), username), role, passwords.hash(in.password()));
        AccountView view = AccountView.of(a);
        audit.record("account.create", "account", username, null, view, null);
        return view;
    }

    public AccountView update(String username, AccountView.Change in) {
        PlannerException.requireBody(in);
        Account a = find(username);
        if (in.version() != null && in.version() != a.version) {
            throw PlannerException.conflict(
                    "The account was changed by someone else meanwhile: reload it and try again.",
                    List.of(new FieldError("version", "stale: the account is at version " + a.version)));
        }
        AccountView before = AccountView.of(a);
        String role = in.role() == null ? a.role : role(in.role());
        boolean enabled = in.enabled() == null ? a.enabled : in.enabled();
        if (a.sso() && !role.equals(a.role)) {
            throw PlannerException.invalid("role", "comes from the identity provider's groups at each sign-in");
        }
        if (a.sso() && in.password() != null) {
            throw PlannerException.invalid("password", "a person signed in by single sign-on has no password here");
        }
        if (in.password() != null) {
            Passwords.checkNew("password", in.password());
        }
        boolean stillAdmin = enabled && Roles.ADMIN.equals(role);
        if (Roles.ADMIN.equals(a.role) && a.enabled && !stillAdmin && Account.enabledAdmins() <= 1) {
            throw PlannerException.conflict(
                    "This is the last enabled admin: make another admin first.",
                    List.of(new FieldError(enabled ? "role" : "enabled", "the last enabled admin must stay one")));
        }
        a.role = role;
        a.enabled = enabled;
        if (in.displayName() != null) {
            a.displayName = displayName(in.displayName(), a.username);
        }
        if (in.password() != null) {
            a.passwordHash = passwords.hash(in.password());
        }
        a.changedAt = Instant.now(clock);
        Account.flush();
        AccountView after = AccountView.of(a);
        audit.record(
                "account.update", "account", username, before, after, in.password() == null ? null : "password reset");
        changed.fire(new AccountChanged(username, !enabled || in.password() != null));
        return after;
    }

    /** A person's own password: the current one must be given. */
    public void changeOwnPassword(String username, String current, String password) {
        Account a = find(username);
        if (a.sso() || current == null || !passwords.matches(username, current, a.passwordHash)) {
            throw PlannerException.invalid("current", "not your current password");
        }
        Passwords.checkNew("password", password);
        a.passwordHash = passwords.hash(password);
        a.changedAt = Instant.now(clock);
        audit.record("account.password", "account", username, null, null, "changed by its owner");
    }

    Account insert(String username, String displayName, String role, String passwordHash) {
        Account a = new Account();
        a.username = username;
        a.displayName = displayName;
        a.role = role;
        a.passwordHash = passwordHash;
        a.enabled = true;
        a.createdAt = Instant.now(clock);
        a.changedAt = a.createdAt;
        a.persist();
        return a;
    }

    static String role(String role) {
        if (role == null || !Roles.ALL.contains(role.trim())) {
            throw PlannerException.invalid("role", "one of " + String.join(", ", Roles.ALL));
        }
        return role.trim();
    }

    private static String displayName(String given, String username) {
        String name = given == null || given.isBlank() ? username : given.strip();
        if (name.length() > DISPLAY_NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw PlannerException.invalid(
                    "displayName", "at most " + DISPLAY_NAME_MAX + " characters, no control characters");
        }
        return name;
    }

    private static Account find(String username) {
        Account a = username == null ? null : Account.findById(username);
        if (a == null) {
            throw PlannerException.notFound("No account named " + username + ".");
        }
        return a;
    }
}
