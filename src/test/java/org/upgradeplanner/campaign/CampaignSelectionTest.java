package org.upgradeplanner.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.release.Catalogs;

class CampaignSelectionTest {

    private static Host.Row host(String name, String distro, String version, String targetRelease, String group) {
        return new Host.Row(
                0,
                name,
                distro,
                version,
                "inventory",
                Set.of("svc"),
                Set.of(group),
                Set.of(),
                false,
                true,
                false,
                "{}",
                "test",
                Classification.TRIVIAL,
                "",
                "[]",
                null,
                null,
                targetRelease,
                null);
    }

    private static final List<Host.Row> FLEET = List.of(
            host("old.example.org", "ubuntu", "12.04", null, "web"),
            host("older.example.org", "ubuntu", "10.04", null, "db"),
            host("done.example.org", "ubuntu", "14.04", null, "web"),
            host("newer.example.org", "ubuntu", "14.04", "16.04", "new_systems"),
            host("pinned.example.org", "ubuntu", "12.04", "12.04", "web"),
            host("deb.example.org", "debian", "7", null, "web"),
            host("mystery.example.org", "ubuntu", "13.13", null, "web"),
            host("unknown.example.org", null, null, null, "web"));

    private static List<String> names(List<Host.Row> rows) {
        return rows.stream().map(Host.Row::hostname).toList();
    }

    @Test
    void takesTheTargetedDistrosHostsBelowTheirOwnTargetOrTheCampaigns() {
        CampaignSelection s = CampaignSelection.of(
                FLEET, Map.of("ubuntu", "14.04"), CampaignScope.EVERY_HOST, Catalogs.in2016(), Set.of());
        assertEquals(List.of("old.example.org", "older.example.org", "newer.example.org"), names(s.chosen()));
        assertEquals(List.of(), s.taken());
    }

    @Test
    void aScopeNarrowsItAndAnotherOpenCampaignsHostsAreTaken() {
        CampaignSelection s = CampaignSelection.of(
                FLEET,
                Map.of("ubuntu", "14.04", "debian", "8"),
                new CampaignScope(List.of("web"), List.of(), List.of()),
                Catalogs.in2016(),
                Set.of("deb.example.org"));
        assertEquals(List.of("old.example.org"), names(s.chosen()));
        assertEquals(List.of("deb.example.org"), s.taken());
    }
}
