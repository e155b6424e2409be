package org.upgradeplanner.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseCatalogTest {

    private final ReleaseCatalog catalog = Catalogs.bundled();

    private Release ubuntu(String version) {
        return catalog.find("ubuntu", version).orElseThrow();
    }

    @Test
    void everyUbuntuLtsPairHopsFromLtsToLts() {
        List<Release> lts = catalog.all().stream()
                .filter(r -> r.distro().equals("ubuntu") && r.lts())
                .toList();
        assertEquals(
                List.of(
                        "6.06", "8.04", "10.04", "12.04", "14.04", "16.04", "18.04", "20.04", "22.04", "24.04",
                        "26.04"),
                lts.stream().map(Release::version).toList());
        for (int i = 0; i < lts.size(); i++) {
            for (int j = 0; j < lts.size(); j++) {
                UpgradePath path = catalog.path(lts.get(i), lts.get(j));
                if (j <= i) {
                    assertTrue(
                            path.upToDate(),
                            lts.get(i).version() + " is at or past "
                                    + lts.get(j).version());
                } else {
                    assertEquals(
                            lts.subList(i + 1, j + 1),
                            path.hops(),
                            lts.get(i).version() + " → " + lts.get(j).version());
                    assertFalse(path.rebuild());
                }
            }
        }
    }

    @Test
    void twoHopsFrom1004To1404() {
        UpgradePath path = catalog.path(ubuntu("10.04"), ubuntu("14.04"));
        assertEquals(List.of("12.04", "14.04"), path.versions());
        assertEquals("in-place upgrade 10.04 → 12.04 → 14.04 (2 hops)", path.describe());
    }

    @Test
    void interimReleasesStepReleaseByReleaseToTheNextLts() {
        assertEquals(
                List.of("13.04", "13.10", "14.04", "16.04"),
                catalog.path(ubuntu("12.10"), ubuntu("16.04")).versions());
        assertEquals(
                List.of("12.04", "12.10", "13.04"),
                catalog.path(ubuntu("10.04"), ubuntu("13.04")).versions(),
                "a non-LTS target is reached release by release after the last LTS before it");
    }

    @Test
    void debianUpgradesEveryRelease() {
        Release seven = catalog.find("debian", "7").orElseThrow();
        Release ten = catalog.find("debian", "10").orElseThrow();
        assertEquals(List.of("8", "9", "10"), catalog.path(seven, ten).versions());
    }

    @Test
    void rebuildDistrosGoStraightToTheTarget() {
        UpgradePath path = catalog.path(
                catalog.find("centos", "6").orElseThrow(),
                catalog.find("centos", "8").orElseThrow());
        assertTrue(path.rebuild());
        assertEquals(List.of("8"), path.versions());
    }

    @Test
    void pointReleasesFindTheirSeries() {
        assertEquals("12.04", catalog.find("ubuntu", "12.04.5").orElseThrow().version());
        assertEquals("7", catalog.find("Debian", "7.11").orElseThrow().version());
        assertEquals("7", catalog.find("centos", "7.9.2009").orElseThrow().version());
        assertTrue(catalog.find("ubuntu", "11.99").isEmpty());
        assertTrue(catalog.find("gentoo", "2.2").isEmpty());
    }

    @Test
    void ubuntuEolIsTheServerEolAndExtendedIsEsm() {
        Release precise = ubuntu("12.04");
        assertTrue(precise.lts());
        assertEquals("Precise Pangolin", precise.codename());
        assertEquals(LocalDate.of(2012, 4, 26), precise.released());
        assertEquals(LocalDate.of(2017, 4, 28), precise.eol());
        assertEquals(LocalDate.of(2019, 4, 26), precise.eolExtended());
        Release lucid = ubuntu("10.04");
        assertEquals(LocalDate.of(2015, 4, 30), lucid.eol(), "server support outlived desktop support before 12.04");
    }

    @Test
    void defaultTargetIsTheNewestLtsReleasedByThatDay() {
        assertEquals(
                "14.04",
                catalog.defaultTarget("ubuntu", LocalDate.of(2016, 4, 20))
                        .orElseThrow()
                        .version());
        assertEquals(
                "16.04",
                catalog.defaultTarget("ubuntu", LocalDate.of(2016, 4, 21))
                        .orElseThrow()
                        .version());
        assertEquals(
                "8",
                catalog.defaultTarget("debian", LocalDate.of(2016, 4, 21))
                        .orElseThrow()
                        .version());
        assertTrue(catalog.defaultTarget("gentoo", LocalDate.of(2016, 4, 21)).isEmpty());
    }

    @Test
    void configuredTargetsWinAndUnknownOnesAreReported() {
        TargetPolicy policy =
                new TargetPolicy(catalog, Map.of("Ubuntu", "14.04", "debian", "99"), LocalDate.of(2026, 1, 1));
        assertEquals("14.04", policy.target("ubuntu").orElseThrow().version());
        assertEquals(List.of("planner.target-release.debian=99 names no release in the catalog"), policy.problems());
    }

    @Test
    void unreleasedDistroInfoRowsAreKeptButNeverTargets() throws IOException {
        String csv = "version,codename,series,created,release,eol,eol-lts,eol-elts\n"
                + "12,Bookworm,bookworm,2021-08-14,2023-06-10,2026-06-10,2028-06-30\n"
                + "13,Trixie,trixie,2023-06-10\n"
                + ",Sid,sid,1993-08-16\n";
        List<Release> releases = ReleaseData.distroInfo("debian", new StringReader(csv));
        assertEquals(
                List.of("12", "13"), releases.stream().map(Release::version).toList());
        ReleaseCatalog c = ReleaseCatalog.builder()
                .distro("debian", UpgradeStyle.EVERY_RELEASE, releases)
                .build();
        assertEquals(
                "12",
                c.defaultTarget("debian", LocalDate.of(2030, 1, 1))
                        .orElseThrow()
                        .version());
    }

    @Test
    void malformedDatesNameTheLine() {
        String csv =
                "version,codename,series,created,release,eol\n10.04 LTS,Lucid,lucid,2009-10-29,someday,2013-05-09\n";
        IOException e = assertThrows(IOException.class, () -> ReleaseData.distroInfo("ubuntu", new StringReader(csv)));
        assertEquals("line 2: column release is not a date: someday", e.getMessage());
    }
}
