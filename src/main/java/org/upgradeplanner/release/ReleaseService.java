package org.upgradeplanner.release;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;
import org.upgradeplanner.support.PlannerConfig;

/**
 * Holds the release catalog: Debian's distro-info data for Ubuntu and Debian (bundled, or newer files from
 * {@code planner.releases.path}), endoflife.date's cycles for CentOS and RHEL.
 */
@ApplicationScoped
public class ReleaseService {

    private static final Logger LOG = Logger.getLogger(ReleaseService.class);

    private final PlannerConfig config;
    private final Clock clock;
    private final ReleaseCatalog catalog;

    ReleaseService(PlannerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.catalog = ReleaseCatalog.builder()
                .distro("ubuntu", UpgradeStyle.LTS_TO_LTS, distroInfo("ubuntu"))
                .distro("debian", UpgradeStyle.EVERY_RELEASE, distroInfo("debian"))
                .distro("centos", UpgradeStyle.REBUILD, endOfLifeDate("centos"))
                .distro("rhel", UpgradeStyle.REBUILD, endOfLifeDate("rhel"))
                .build();
        List<String> problems = policy().problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    public ReleaseCatalog catalog() {
        return catalog;
    }

    /** Targets as of today (by the injected clock): a new LTS release moves the default target on its release day. */
    public TargetPolicy policy() {
        return new TargetPolicy(catalog, config.targetRelease(), LocalDate.now(clock));
    }

    private List<Release> distroInfo(String distro) {
        String file = distro + ".csv";
        Path override = config.releases()
                .path()
                .map(p -> p.resolve(file))
                .filter(Files::isReadable)
                .orElse(null);
        try (Reader in = override != null
                ? Files.newBufferedReader(override, StandardCharsets.UTF_8)
                : resource("distro-info/" + file)) {
            if (override != null) {
                LOG.infof("Release data for %s from %s", distro, override);
            }
            return ReleaseData.distroInfo(distro, in);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read release data " + (override != null ? override : file) + ": " + e.getMessage(), e);
        }
    }

    private List<Release> endOfLifeDate(String distro) {
        try (Reader in = resource("endoflife-date/" + distro + ".csv")) {
            return ReleaseData.endOfLifeDate(distro, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read release data for " + distro + ": " + e.getMessage(), e);
        }
    }

    private static Reader resource(String name) throws IOException {
        InputStream in = ReleaseService.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
