package org.upgradeplanner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.campaign.CampaignBoard;

class CampaignPagesTest {

    @Test
    void targetsAreTypedAsDistroAndVersionCommaSeparated() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertEquals(Map.of("ubuntu", "14.04", "debian", "8"), CampaignPages.targets("ubuntu 14.04, debian=8", errors));
        assertEquals(Map.of(), errors);
        CampaignPages.targets("ubuntu", errors);
        assertEquals("write a distro and its target version, e.g. ubuntu 14.04, not `ubuntu`", errors.get("targets"));
        errors.clear();
        CampaignPages.targets(" , ", errors);
        assertEquals("required, e.g. ubuntu 14.04", errors.get("targets"));
    }

    @Test
    void theBoardsFilterTravelsEncodedInItsLinks() {
        assertEquals("", CampaignPages.query(CampaignBoard.Filter.NONE));
        assertEquals(
                "?group=zuul_mergers&assignee=a+b%26c",
                CampaignPages.query(new CampaignBoard.Filter(null, "a b&c", " ", "zuul_mergers")));
    }
}
