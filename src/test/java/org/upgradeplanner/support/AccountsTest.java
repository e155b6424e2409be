package org.upgradeplanner.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountsTest {

    private static PlannerConfig.Account account(String user, String password) {
        return new PlannerConfig.Account() {
            public String user() {
                return user;
            }

            public Optional<String> password() {
                return Optional.ofNullable(password);
            }
        };
    }

    private static PlannerConfig config(String adminPassword, String announcerPassword) {
        return new PlannerConfig() {
            public Account admin() {
                return account("admin", adminPassword);
            }

            public Account announcer() {
                return account("announcer", announcerPassword);
            }

            public Inventory inventory() {
                return () -> Path.of("inventory");
            }

            public String baseUrl() {
                return "http://localhost:8080";
            }

            public Map<String, String> targetRelease() {
                return Map.of();
            }

            public Releases releases() {
                return Optional::empty;
            }

            public Policy policy() {
                throw new UnsupportedOperationException();
            }

            public Calendar calendar() {
                throw new UnsupportedOperationException();
            }

            public Announcements announcements() {
                throw new UnsupportedOperationException();
            }

            public Session session() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void rolesFollowTheCredentials() {
        Accounts accounts = new Accounts(config("s3cret", "list"));
        assertEquals(Optional.of(Accounts.ADMIN), accounts.authenticate("admin", "s3cret".toCharArray()));
        assertEquals(Optional.of(Accounts.ANNOUNCER), accounts.authenticate("announcer", "list".toCharArray()));
        assertTrue(accounts.authenticate("admin", "list".toCharArray()).isEmpty());
        assertTrue(accounts.authenticate("announcer", "s3cret".toCharArray()).isEmpty());
        assertTrue(accounts.authenticate("root", "s3cret".toCharArray()).isEmpty());
    }

    @Test
    void anUnsetPasswordIsGeneratedNeverEmptyOrDefault() {
        Accounts accounts = new Accounts(config(null, " "));
        for (String guess : new String[] {"", " ", "admin", "password", "changeme"}) {
            assertTrue(accounts.authenticate("admin", guess.toCharArray()).isEmpty(), guess);
            assertTrue(accounts.authenticate("announcer", guess.toCharArray()).isEmpty(), guess);
        }
    }
}
