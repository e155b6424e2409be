package org.upgradeplanner.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.upgradeplanner.support.Digests;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.support.Roles;

/**
 * The accounts of a new database: {@code planner.admin.*} (role admin) and {@code planner.announcer.*} (role
 * announcer), created at start-up when no account of that name exists. From then on the database is the truth:
 * changing the variables changes nothing, a password is changed on the People page or by {@code PUT /api/users}.
 * A password left unset is generated, logged once, and stored hashed; there is no built-in default.
 */
@ApplicationScoped
public class BootstrapAccounts {

    private static final Logger LOG = Logger.getLogger(BootstrapAccounts.class);

    void create(@Observes StartupEvent start, PlannerConfig config, People people, Passwords passwords) {
        create(config.admin(), "planner.admin.password", Roles.ADMIN, people, passwords);
        create(config.announcer(), "planner.announcer.password", Roles.ANNOUNCER, people, passwords);
    }

    private static void create(
            PlannerConfig.Account account, String key, String role, People people, Passwords passwords) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (Account.findById(account.user()) == null) {
                    String password = account.password()
                            .filter(p -> !p.isBlank())
                            .orElseGet(() -> generated(key, account.user()));
                    people.insert(account.user(), account.user(), role, passwords.hash(password));
                    Account.flush();
                }
            });
        } catch (RuntimeException e) {
            // Another replica starting at the same moment created it first; anything else is a real failure.
            if (QuarkusTransaction.requiringNew().call(() -> Account.findById(account.user())) == null) {
                throw e;
            }
        }
    }

    static String generated(String key, String user) {
        String password = Digests.randomToken(18);
        LOG.warnf(
                "%s is not set: the new account '%s' has the generated password %s (change it on the People page)",
                key, user, password);
        return password;
    }
}
