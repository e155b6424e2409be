package org.upgradeplanner.classification;

import org.upgradeplanner.release.Release;
import org.upgradeplanner.release.UpgradePath;

/** One host as the rules see it: its facts, its release, target and path (each null when unknown), and the fleet. */
public record Subject(HostFacts host, Release release, Release target, UpgradePath path, FleetIndex fleet) {}
