package org.upgradeplanner.release;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One release of a distro. {@code released} is empty for a release still in development;
 * {@code eol} is the end of standard (server) support, {@code eolExtended} the end of ESM/LTS support.
 */
public record Release(
        String distro,
        String version,
        String codename,
        boolean lts,
        LocalDate released,
        LocalDate eol,
        LocalDate eolExtended) {

    public boolean isReleasedBy(LocalDate day) {
        return released != null && !released.isAfter(day);
    }

    /** The last day any support (standard or extended) covers this release. */
    public Optional<LocalDate> lastSupported() {
        return Optional.ofNullable(eolExtended).or(() -> Optional.ofNullable(eol));
    }

    public String id() {
        return distro + "-" + version;
    }
}
