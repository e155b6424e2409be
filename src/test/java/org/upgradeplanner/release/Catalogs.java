package org.upgradeplanner.release;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The bundled release data as a plain catalog, for tests that do not start Quarkus. */
public final class Catalogs {

    private Catalogs() {}

    public static ReleaseCatalog bundled() {
        return ReleaseCatalog.builder()
                .distro(
                        "ubuntu",
                        UpgradeStyle.LTS_TO_LTS,
                        read("distro-info/ubuntu.csv", r -> ReleaseData.distroInfo("ubuntu", r)))
                .distro(
                        "debian",
                        UpgradeStyle.EVERY_RELEASE,
                        read("distro-info/debian.csv", r -> ReleaseData.distroInfo("debian", r)))
                .distro(
                        "centos",
                        UpgradeStyle.REBUILD,
                        read("endoflife-date/centos.csv", r -> ReleaseData.endOfLifeDate("centos", r)))
                .build();
    }

    /** Targets as they were in mid 2016: Ubuntu 14.04 and Debian 8 were the newest. */
    public static TargetPolicy in2016() {
        return new TargetPolicy(bundled(), Map.of(), LocalDate.of(2016, 3, 1));
    }

    interface Parse {
        List<Release> apply(Reader r) throws IOException;
    }

    private static List<Release> read(String resource, Parse parse) {
        try (Reader r = new InputStreamReader(
                Catalogs.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return parse.apply(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
