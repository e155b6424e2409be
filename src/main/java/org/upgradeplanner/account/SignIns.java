package org.upgradeplanner.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.upgradeplanner.support.PlannerConfig;

/**
 * Who a sign-in is: a password checked against a local account, an account looked up again for a session, the
 * person behind a single sign-on. Each asks the database, so a disabled account is refused at once on every replica.
 * Each runs in a transaction of its own: identity providers run outside any request context (e.g. on /q/*).
 */
@ApplicationScoped
@Transactional
public class SignIns {

    private final Passwords passwords;

    SignIns(Passwords passwords) {
        this.passwords = passwords;
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
