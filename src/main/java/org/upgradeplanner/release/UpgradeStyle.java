package org.upgradeplanner.release;

/** How a distro moves between releases; a property of the distro, not of a host. */
public enum UpgradeStyle {
    /** In place, one LTS to the next (Ubuntu); a non-LTS release first steps release by release to the next LTS. */
    LTS_TO_LTS,
    /** In place, every stable release in turn (Debian: 7 → 8 → 9). */
    EVERY_RELEASE,
    /** No supported in-place upgrade between majors (CentOS, RHEL): the host is rebuilt on the target. */
    REBUILD
}
