package org.upgradeplanner.support;

import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The two built-in accounts. A password left unset is generated here, once per start, and logged once:
 * there is no built-in default (dev and test mode set theirs in application.properties).
 */
@Singleton
@Startup
public class Accounts {

    public static final String ADMIN = "admin";
    public static final String ANNOUNCER = "announcer";

    private static final Logger LOG = Logger.getLogger(Accounts.class);

    private final String adminUser;
    private final byte[] adminPassword;
    private final String announcerUser;
    private final byte[] announcerPassword;

    Accounts(PlannerConfig config) {
        adminUser = config.admin().user();
        adminPassword = resolve("planner.admin.password", config.admin());
        announcerUser = config.announcer().user();
        announcerPassword = resolve("planner.announcer.password", config.announcer());
    }

    /** The role the credentials grant, if they are right. */
    public Optional<String> authenticate(String user, char[] password) {
        byte[] given = new String(password).getBytes(StandardCharsets.UTF_8);
        // Both comparisons always run, in constant time, so timing tells nothing about which part was wrong.
        boolean admin = MessageDigest.isEqual(given, adminPassword) & adminUser.equals(user);
        boolean announcer = MessageDigest.isEqual(given, announcerPassword) & announcerUser.equals(user);
        return admin ? Optional.of(ADMIN) : announcer ? Optional.of(ANNOUNCER) : Optional.empty();
    }

    /** The identity of a checked login, or the failure for a wrong one. */
    static Uni<SecurityIdentity> identity(String user, Optional<String> role) {
        return role.<Uni<SecurityIdentity>>map(r -> Uni.createFrom()
                        .item(QuarkusSecurityIdentity.builder()
                                .setPrincipal(new QuarkusPrincipal(user))
                                .addRole(r)
                                .build()))
                .orElseGet(() ->
                        Uni.createFrom().failure(new AuthenticationFailedException("wrong user name or password")));
    }

    /** The role of an account name (a session cookie carries only the name). */
    public Optional<String> roleOf(String user) {
        return adminUser.equals(user)
                ? Optional.of(ADMIN)
                : announcerUser.equals(user) ? Optional.of(ANNOUNCER) : Optional.empty();
    }

    private static byte[] resolve(String key, PlannerConfig.Account account) {
        String password = account.password().filter(p -> !p.isBlank()).orElseGet(() -> {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            LOG.warnf(
                    "%s is not set: generated password for '%s' is %s (set %s to keep one across restarts)",
                    key, account.user(), generated, key.toUpperCase().replace('.', '_'));
            return generated;
        });
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
