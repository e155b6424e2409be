package org.upgradeplanner.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.logging.Logger;
import org.upgradeplanner.support.Digests;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.support.Roles;

/**
 * The accounts of a new database: {@code planner.admin.*} (role admin) and {@code planner.announcer.*} (role
 * announcer), created at start-up when no account of that name exists. From then on the database is the truth:
 * changing the variables changes nothing, a password is changed on the People page or by {@code PUT /api/users}.
 * A password left unset is generated, stored hashed, and written once to {@code planner.generated-passwords-file}
 * (readable by its owner only); the log says where, never what: logs are shipped and kept where no password belongs.
 */
@ApplicationScoped
public class BootstrapAccounts {

    private static final Logger LOG = Logger.getLogger(BootstrapAccounts.class);

    void create(@Observes StartupEvent start, PlannerConfig config, People people, Passwords passwords) {
        Path file = config.generatedPasswordsFile().toAbsolutePath();
        create(config.admin(), "planner.admin.password", Roles.ADMIN, file, people, passwords);
        create(config.announcer(), "planner.announcer.password", Roles.ANNOUNCER, file, people, passwords);
    }

    private static void create(
            PlannerConfig.Account account, String key, String role, Path file, People people, Passwords passwords) {
        String generated = Digests.randomToken(18);
        boolean created;
        try {
            created = QuarkusTransaction.requiringNew().call(() -> {
                if (Account.findById(account.user()) != null) {
                    return false;
                }
                String password = account.password().filter(p -> !p.isBlank()).orElse(generated);
                people.insert(account.user(), account.user(), role, passwords.hash(password));
                Account.flush();
                return true;
            });
        } catch (RuntimeException e) {
            // Another replica starting at the same moment created it first; anything else is a real failure.
            if (QuarkusTransaction.requiringNew().call(() -> Account.findById(account.user())) == null) {
                throw e;
            }
            return;
        }
        if (created && account.password().filter(p -> !p.isBlank()).isEmpty()) {
            write(file, account.user(), generated);
            LOG.warnf(
                    "%s is not set: the new account '%s' has a generated password, written to %s (readable by its"
                            + " owner only; change the password on the People page and delete the file)",
                    key, account.user(), file);
        }
    }

    /** Appends {@code user: password} to the file, created owner-only where the file system allows it. */
    static void write(Path file, String user, String password) {
        try {
            if (Files.notExists(file)) {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            }
            Files.writeString(file, user + ": " + password + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot write the generated password of '" + user + "' to " + file
                            + " (set planner.generated-passwords-file, or the account's password)",
                    e);
        }
    }
}
