package org.upgradeplanner.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of the planner itself; the README lists them with their environment variables. */
@ConfigMapping(prefix = "planner")
public interface PlannerConfig {

    /** The admin account (role {@code admin}). */
    Account admin();

    /** The mailing-list announcer's account (role {@code announcer}). */
    Account announcer();

    /**
     * Where a generated bootstrap password is written (owner-only file): never to the log, which is shipped and kept
     * in places a password must not be.
     */
    @WithDefault("data/generated-passwords.txt")
    Path generatedPasswordsFile();

    /** Where the start-up import finds the inventory. */
    Inventory inventory();

    /** Public URL of this service, used in links inside feeds and mails. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** Target release per distro ({@code planner.target-release.ubuntu=14.04}); default: the newest LTS released by today. */
    Map<String, String> targetRelease();

    /** Release catalog sources. */
    Releases releases();

    /** The scheduling policy every maintenance window is checked against. */
    Policy policy();

    /** The published outage calendars. */
    Calendar calendar();

    /** Announcement drafts for the mailing list. */
    Announcements announcements();

    /** Web UI sign-in sessions. */
    Session session();

    /** Replacement sprints. */
    Campaigns campaigns();

    interface Campaigns {
        /**
         * At most this share of a rolling pool's providers may be claimed at once (rounded down; at least one, never
         * the last): 1 allows n − 1 of n, 0.5 half of them.
         */
        @WithDefault("1.0")
        double poolFraction();
    }

    /** Passwords and the throttling of failed sign-ins. */
    SignIn signIn();

    /** Single sign-on: how the provider's groups become roles (the provider itself is {@code quarkus.oidc.*}). */
    Oidc oidc();

    interface SignIn {
        /** bcrypt cost (log2 of its rounds) of new password hashes. */
        @WithDefault("10")
        int bcryptCost();

        /** Wrong passwords one account may be sent in a burst, before sign-ins of it wait. */
        @WithDefault("5")
        int accountBurst();

        /** How long until an account gets one more try. */
        @WithDefault("PT1M")
        Duration accountRefill();

        /** Wrong passwords one client address may send in a burst. */
        @WithDefault("20")
        int addressBurst();

        /** How long until an address gets one more try. */
        @WithDefault("PT3S")
        Duration addressRefill();
    }

    interface Oidc {
        /** Whether single sign-on is on: the provider is {@code quarkus.oidc.auth-server-url}, client-id and secret. */
        @WithDefault("false")
        boolean enabled();

        /** What the "Sign in with …" button names. */
        @WithDefault("single sign-on")
        String providerName();

        /** The claim of the provider's tokens that lists the person's groups. */
        @WithDefault("groups")
        String groupsClaim();

        /**
         * Which groups grant which role: {@code planner.oidc.roles.admin=infra-root}; when a person is in groups of
         * several roles, admin wins over viewer over announcer. A person in none is refused.
         */
        Map<String, List<String>> roles();
    }

    interface Session {
        /** How long a session stays valid after its last use (each use extends it). */
        @WithDefault("PT8H")
        Duration timeout();
    }

    interface Calendar {
        /** Calendar name subscribers see (X-WR-CALNAME). */
        @WithDefault("Planned outages")
        String name();

        /** ORGANIZER of every event, a mailto: URI (RFC 5546 wants one with METHOD:PUBLISH). */
        @WithDefault("mailto:infra@example.org")
        String organizer();

        /** How often clients should refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
        @WithDefault("PT1H")
        Duration refresh();

        /** How long completed and cancelled windows stay in the feeds after their end. */
        @WithDefault("P90D")
        Duration keepFinished();
    }

    interface Announcements {
        /** Tag in brackets at the start of every subject, e.g. [infra]. */
        @WithDefault("infra")
        String listTag();

        /** The mailing list the announcer posts to (the To: of the .eml). */
        @WithDefault("service-announce@lists.example.org")
        String listAddress();

        /** The team's own list (the To: of campaign drafts: sprint days and the closing summary). */
        @WithDefault("infra-root@lists.example.org")
        String teamAddress();

        /** From: of the .eml. */
        @WithDefault("Infrastructure team <infra@example.org>")
        String from();

        /** Where users reach the team (the Contact block). */
        @WithDefault("infra@example.org")
        String contact();

        /** Zones shown after UTC in the When block, with their offsets. */
        @WithDefault("America/New_York,Europe/London,Asia/Tokyo")
        List<ZoneId> referenceZones();
    }

    interface Account {
        /** Login name. */
        String user();

        /** Password; when unset a random one is generated and written to {@link #generatedPasswordsFile()}. */
        Optional<String> password();
    }

    interface Inventory {
        /** Folder of Ansible YAML inventory files imported at start-up when the database holds no hosts. */
        @WithDefault("inventory")
        Path path();
    }

    interface Policy {
        /** Time between a window's announcement draft and its start; {@code PT0S} turns the check off. */
        @WithDefault("P7D")
        Duration minimumNotice();

        /** Durations before the start at which a reminder is due. */
        @WithDefault("P1D")
        List<Duration> reminders();

        /** The preferred maintenance slots the planner uses. */
        Slot slot();

        /** Freeze periods as inclusive date ranges in the slot zone, {@code 2016-12-20/2017-01-03}. */
        Optional<List<String>> freezes();

        /** How many windows may run at the same time. */
        @WithDefault("1")
        int maxConcurrentWindows();

        /** How many hosts one window may take down. */
        @WithDefault("5")
        int maxHostsPerWindow();

        /**
         * Days most people are away, {@code MM-DD} every year or {@code YYYY-MM-DD} once, in the slot zone: a window on
         * one is a warning. Empty ({@code planner.policy.holidays=}) turns it off.
         */
        @WithDefault("12-24,12-25,12-26,12-31,01-01")
        Optional<List<String>> holidays();

        /** The holidays are freezes as well: no window may touch them, and the planner steps over them. */
        @WithDefault("false")
        boolean holidaysAreFreezes();

        /** How far ahead of now a window may lie (by hand or proposed); none may start before 2000-01-01. */
        @WithDefault("P730D")
        Duration horizon();
    }

    interface Slot {
        /** RFC 5545 recurrence rule of the slot starts. */
        @WithDefault("FREQ=WEEKLY;BYDAY=FR;BYHOUR=20;BYMINUTE=0")
        String rrule();

        /** IANA zone the rule is read in (and freeze dates). */
        @WithDefault("UTC")
        ZoneId zone();

        /** Length of a slot: the planner's windows last this long. */
        @WithDefault("PT4H")
        Duration duration();
    }

    interface Releases {
        /**
         * Optional folder with newer distro-info CSV files ({@code ubuntu.csv}, {@code debian.csv}, e.g.
         * {@code /usr/share/distro-info}); files found there replace the bundled ones at start-up.
         */
        Optional<Path> path();
    }
}
