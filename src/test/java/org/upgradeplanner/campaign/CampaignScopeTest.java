package org.upgradeplanner.campaign;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignScopeTest {

    @Test
    void anEmptyScopeTakesEveryHost() {
        assertTrue(CampaignScope.EVERY_HOST.includes("any.example.org", Set.of(), Set.of()));
        assertTrue(new CampaignScope(null, null, null).everyHost());
    }

    @Test
    void aHostMatchingAnyPartIsIn() {
        CampaignScope scope =
                new CampaignScope(List.of("zuul_mergers"), List.of("git"), List.of("logstash-*.openstack.org"));
        assertTrue(scope.includes("zm01.openstack.org", Set.of("ci", "zuul_mergers"), Set.of("zuul-merger")));
        assertTrue(scope.includes("git01.openstack.org", Set.of("git_backends"), Set.of("git")));
        assertTrue(scope.includes("logstash-worker01.openstack.org", Set.of(), Set.of()));
        assertFalse(scope.includes("logstash.example.org", Set.of(), Set.of()));
        assertFalse(scope.includes("db01.openstack.org", Set.of("databases"), Set.of("mysql")));
    }

    @Test
    void aHostQueryIsPartOfTheName() {
        CampaignScope scope = CampaignScope.query(" zm ");
        assertTrue(scope.includes("zm01.openstack.org", Set.of(), Set.of()));
        assertFalse(scope.includes("git01.openstack.org", Set.of(), Set.of()));
        assertTrue(CampaignScope.query("").everyHost());
    }

    @Test
    void aPatternIsNoRegularExpression() {
        CampaignScope scope = new CampaignScope(List.of(), List.of(), List.of("a.b*", "x+y.example.org"));
        assertTrue(scope.includes("a.bc", Set.of(), Set.of()));
        assertFalse(scope.includes("axbc", Set.of(), Set.of()));
        assertTrue(scope.includes("x+y.example.org", Set.of(), Set.of()));
        assertFalse(scope.includes("xxy.example.org", Set.of(), Set.of()));
    }
}
