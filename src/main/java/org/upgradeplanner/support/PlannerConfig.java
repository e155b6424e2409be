package org.upgradeplanner.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Every setting of the planner itself; the README lists them with their environment variables. */
@ConfigMapping(prefix = "planner")
public interface PlannerConfig {

    /** The admin account (role {@code admin}). */
    Account admin();

    /** The mailing-list announcer's account (role {@code announcer}). */
    Account announcer();

    /** Where the start-up import finds the inventory. */
    Inventory inventory();

    /** Public URL of this service, used in links inside feeds and mails. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** Target release per distro ({@code planner.target-release.ubuntu=14.04}); default: the newest LTS released by today. */
    Map<String, String> targetRelease();

    /** Release catalog sources. */
    Releases releases();

    interface Account {
        /** Login name. */
        String user();

        /** Password; when unset a random one is generated and logged once at start-up. */
        Optional<String> password();
    }

    interface Inventory {
        /** Folder of Ansible YAML inventory files imported at start-up when the database holds no hosts. */
        @WithDefault("inventory")
        Path path();
    }

    interface Releases {
        /**
         * Optional folder with newer distro-info CSV files ({@code ubuntu.csv}, {@code debian.csv}, e.g.
         * {@code /usr/share/distro-info}); files found there replace the bundled ones at start-up.
         */
        Optional<Path> path();
    }
}
