package org.upgradeplanner.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.support.PlannerConfig;

/**
 * Who a sign-in is: a password checked against a local account, an account looked up again for a session, the
 * person behind a single sign-on. Each asks the database, so a disabled account is refused at once on every replica.
 * Each runs in a transaction of its own: identity providers run outside any request context (e.g. on /q/*).
 */
@ApplicationScoped
@Transactional
public class SignIns {

    /** A single sign-on person: signed in ({@code person}), or refused with the reason. */
    public record SsoVerdict(Person person, String refusal) {
        static SsoVerdict refused(String why) {
            return new SsoVerdict(null, why);
        }
    }

    private final Passwords passwords;
    private final GroupRoles groupRoles;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;

    SignIns(Passwords passwords, GroupRoles groupRoles, People people, AuditLog audit, Clock clock) {
        this.passwords = passwords;
        this.groupRoles = groupRoles;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** The person, if the account exists, is enabled, is local and the password is its own. */
    public Optional<Person> withPassword(String username, String password) {
        Account a = username == null ? null : Account.findById(username);
        boolean ok = passwords.matches(username, password, a == null ? null : a.passwordHash);
        return ok && a.enabled ? Optional.of(Person.of(a)) : Optional.empty();
    }

    /** The person of an enabled account (a session carries only the name). */
    public Optional<Person> active(String username) {
        Account a = username == null ? null : Account.findById(username);
        return a != null && a.enabled ? Optional.of(Person.of(a)) : Optional.empty();
    }

    /**
     * The person a single sign-on provider vouches for. The first sign-in of a subject creates its account (no
     * password here), under the provider's user name unless a local account already has it; later ones bring its
     * role and display name up to date. A disabled account, or one none of whose groups grants a role, is refused.
     */
    public SsoVerdict sso(String subject, String username, String displayName, Collection<String> groups) {
        Optional<String> role = groupRoles.roleOf(groups);
        if (role.isEmpty()) {
            return SsoVerdict.refused("None of your groups at the identity provider (" + String.join(", ", groups)
                    + ") grants a role here.");
        }
        Account a = Account.bySubject(subject);
        if (a == null) {
            if (username == null || !People.USERNAME.matcher(username).matches()) {
                return SsoVerdict.refused("Your user name at the identity provider is not one this service can use.");
            }
            if (Account.findById(username) != null) {
                return SsoVerdict.refused("The user name " + username
                        + " belongs to another account here: an admin must rename or disable it first.");
            }
            a = people.insert(username, displayName, role.get(), null);
            a.ssoSubject = subject;
            Account.flush();
            audit.record(
                    who(a),
                    new AuditLog.Entry(
                            "account.create", "account", a.username, null, AccountView.of(a), "first single sign-on"));
            return new SsoVerdict(Person.of(a), null);
        }
        if (!a.enabled) {
            return SsoVerdict.refused("Your account here is disabled.");
        }
        if (!role.get().equals(a.role) || !displayName.equals(a.displayName)) {
            AccountView before = AccountView.of(a);
            a.role = role.get();
            a.displayName = displayName;
            a.changedAt = Instant.now(clock);
            Account.flush();
            audit.record(
                    who(a),
                    new AuditLog.Entry(
                            "account.update",
                            "account",
                            a.username,
                            before,
                            AccountView.of(a),
                            "from the identity provider's groups"));
        }
        return new SsoVerdict(Person.of(a), null);
    }

    private static AuditLog.Who who(Account a) {
        return new AuditLog.Who(a.username, a.displayName, a.ssoSubject);
    }

    @Produces
    @Singleton
    static GroupRoles groupRoles(PlannerConfig config) {
        return new GroupRoles(config.oidc().roles());
    }

    @Produces
    @Singleton
    static Passwords passwords(PlannerConfig config) {
        return new Passwords(config.signIn().bcryptCost());
    }

    @Produces
    @Singleton
    static SignInThrottle throttle(PlannerConfig config, Clock clock) {
        PlannerConfig.SignIn s = config.signIn();
        return new SignInThrottle(
                new SignInThrottle.Limit(s.accountBurst(), s.accountRefill()),
                new SignInThrottle.Limit(s.addressBurst(), s.addressRefill()),
                clock);
    }
}
