package org.upgradeplanner.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.release.Catalogs;
import org.upgradeplanner.release.TargetPolicy;

class ClassifierTest {

    private final TargetPolicy in2016 = Catalogs.in2016();
    private final Classifier classifier = new Classifier(Rules.DEFAULT);

    /** A host on Ubuntu 12.04 with nothing special about it; tests change what they need. */
    private static HostFacts host(String name) {
        return new HostFacts(name, "ubuntu", "12.04", Set.of(), Set.of(), false, false, false, Set.of());
    }

    private static HostFacts with(
            HostFacts h,
            String os,
            Set<String> services,
            Set<String> groups,
            boolean stateful,
            boolean replaceable,
            boolean isPublic,
            Set<String> dependsOn) {
        String[] parts = os == null ? new String[] {null, null} : os.split("-", 2);
        return new HostFacts(
                h.hostname(), parts[0], parts[1], services, groups, stateful, replaceable, isPublic, dependsOn);
    }

    private Verdict classify(HostFacts subject, HostFacts... others) {
        List<HostFacts> fleet = new ArrayList<>(List.of(others));
        fleet.add(subject);
        return classifier.classify(fleet, in2016).get(subject.hostname());
    }

    @Test
    void noOsIsUnknown() {
        Verdict v = classify(with(host("summit"), null, Set.of(), Set.of(), true, false, true, Set.of()));
        assertEquals(Classification.UNKNOWN, v.classification());
        assertEquals("no-os", v.rule());
        assertEquals(List.of("no OS release known: set `os` in the inventory or provide facts"), v.reasons());
    }

    @Test
    void releaseOutsideTheCatalogIsUnknown() {
        Verdict v = classify(with(host("g"), "gentoo-2.2", Set.of(), Set.of(), false, true, false, Set.of()));
        assertEquals("unknown-release", v.rule());
        assertEquals(List.of("release gentoo 2.2 is not in the release catalog"), v.reasons());
    }

    @Test
    void distroWithoutTargetIsUnknown() {
        TargetPolicy in2004 = new TargetPolicy(Catalogs.bundled(), Map.of(), java.time.LocalDate.of(2004, 1, 1));
        Verdict v = classifier
                .classify(
                        List.of(with(host("old"), "centos-6", Set.of(), Set.of(), false, true, false, Set.of())),
                        in2004)
                .get("old");
        assertEquals("no-target", v.rule(), "no CentOS release was out in 2004");
        assertEquals(List.of("no target release is known for centos"), v.reasons());
    }

    @Test
    void atOrPastTheTargetIsUpToDate() {
        assertEquals(
                Classification.UP_TO_DATE,
                classify(with(host("a"), "ubuntu-14.04", Set.of(), Set.of(), true, false, true, Set.of()))
                        .classification());
        Verdict past = classify(with(host("b"), "ubuntu-15.10", Set.of(), Set.of(), true, false, true, Set.of()));
        assertEquals("at-target", past.rule());
        assertEquals(List.of("15.10 is at or past the target 14.04"), past.reasons());
    }

    @Test
    void poolMembersAreRollingReplacements() {
        HostFacts zm01 = with(
                host("zm01"),
                "ubuntu-12.04",
                Set.of("zuul-merger"),
                Set.of("zuul_mergers"),
                false,
                true,
                false,
                Set.of());
        HostFacts zm02 = with(
                host("zm02"),
                "ubuntu-12.04",
                Set.of("zuul-merger"),
                Set.of("zuul_mergers"),
                false,
                true,
                false,
                Set.of());
        HostFacts zm03 = with(
                host("zm03"),
                "ubuntu-14.04",
                Set.of("zuul-merger"),
                Set.of("zuul_mergers"),
                false,
                true,
                false,
                Set.of());
        Verdict v = classify(zm01, zm02, zm03);
        assertEquals(Classification.TRIVIAL, v.classification());
        assertEquals("rolling-pool", v.rule(), "the pool rule comes before the stateless rule: it says more");
        assertEquals(
                "member of pool `zuul_mergers` (3 replaceable hosts providing zuul-merger): rolling replacement",
                v.reasons().get(0));
        assertEquals("in-place upgrade 12.04 → 14.04 (1 hop)", v.reasons().get(1));
    }

    @Test
    void statefulPoolOfTwoIsStillRolling() {
        HostFacts es1 =
                with(host("es1"), "ubuntu-12.04", Set.of("elasticsearch"), Set.of("es"), true, true, false, Set.of());
        HostFacts es2 =
                with(host("es2"), "ubuntu-12.04", Set.of("elasticsearch"), Set.of("es"), true, true, false, Set.of());
        assertEquals("rolling-pool", classify(es1, es2).rule());
    }

    @Test
    void poolNeedsEveryServiceProvidedTwiceAndReplaceableProviders() {
        HostFacts a =
                with(host("a"), "ubuntu-12.04", Set.of("web", "cron"), Set.of("web"), true, true, false, Set.of());
        HostFacts b = with(host("b"), "ubuntu-12.04", Set.of("web"), Set.of("web"), true, true, false, Set.of());
        assertEquals("stateful-single", classify(a, b).rule(), "nobody else provides cron");
        HostFacts c = with(host("c"), "ubuntu-12.04", Set.of("db"), Set.of("db"), true, true, false, Set.of());
        HostFacts d = with(host("d"), "ubuntu-12.04", Set.of("db"), Set.of("db"), true, false, false, Set.of());
        assertEquals("stateful-single", classify(c, d).rule(), "a provider that is not replaceable does not count");
    }

    @Test
    void poolOutsideAnySharedGroupIsNamedByCount() {
        HostFacts a = with(host("a"), "ubuntu-12.04", Set.of("dns"), Set.of("east"), true, true, false, Set.of());
        HostFacts b = with(host("b"), "ubuntu-12.04", Set.of("dns"), Set.of("west"), true, true, false, Set.of());
        assertEquals(
                "one of 2 replaceable hosts providing dns: rolling replacement",
                classify(a, b).reasons().get(0));
    }

    @Test
    void replaceableStatelessSingleHostIsTrivial() {
        Verdict v =
                classify(with(host("planet"), "ubuntu-12.04", Set.of("planet"), Set.of(), false, true, true, Set.of()));
        assertEquals("replaceable-stateless", v.rule());
        assertEquals(Classification.TRIVIAL, v.classification());
    }

    @Test
    void outagesCollectEveryReason() {
        HostFacts review =
                with(host("review"), "ubuntu-12.04", Set.of("gerrit"), Set.of(), true, false, true, Set.of());
        HostFacts bot =
                with(host("eavesdrop"), "ubuntu-12.04", Set.of("bots"), Set.of(), false, true, false, Set.of("review"));
        Verdict v = classify(review, bot);
        assertEquals(Classification.OUTAGE_REQUIRED, v.classification());
        assertEquals("stateful-single", v.rule());
        assertEquals(
                List.of(
                        "stateful single host: its data must be migrated or the host upgraded during an announced outage",
                        "serves users directly and no second host provides gerrit",
                        "1 host depends on it (eavesdrop): its outage takes theirs down",
                        "not rebuilt from configuration management: upgraded in place, which takes it down",
                        "in-place upgrade 12.04 → 14.04 (1 hop)"),
                v.reasons());
    }

    @Test
    void eachOutageRuleAlone() {
        assertEquals(
                "public-single-point",
                classify(with(host("lb"), "ubuntu-12.04", Set.of("haproxy"), Set.of(), false, false, true, Set.of()))
                        .rule());
        HostFacts db = with(host("db"), "ubuntu-12.04", Set.of(), Set.of(), false, false, false, Set.of());
        List<HostFacts> users = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            users.add(with(host("app" + i), "ubuntu-14.04", Set.of(), Set.of(), false, true, false, Set.of("db")));
        }
        Verdict dep = classify(db, users.toArray(HostFacts[]::new));
        assertEquals("depended-on", dep.rule());
        assertEquals(
                "7 hosts depend on it (app1, app2, app3, app4, app5 and 2 more): its outage takes theirs down",
                dep.reasons().get(0));
        assertEquals(
                "not-replaceable",
                classify(with(host("box"), "ubuntu-12.04", Set.of(), Set.of(), false, false, false, Set.of()))
                        .rule());
    }

    @Test
    void rebuildDistroNotReplaceableNeedsAMigration() {
        TargetPolicy centos =
                new TargetPolicy(Catalogs.bundled(), Map.of("centos", "8"), java.time.LocalDate.of(2020, 1, 1));
        Verdict v = classifier
                .classify(
                        List.of(with(host("cacti"), "centos-7", Set.of(), Set.of(), false, false, false, Set.of())),
                        centos)
                .get("cacti");
        assertEquals("not-replaceable", v.rule());
        assertEquals(
                "not replaceable and no in-place upgrade from centos 7 to 8: rebuild on 8: rebuild and migrate in an outage",
                v.reasons().get(0));
    }

    @Test
    void aHostNoRuleExplainsFailsSafeAsAnOutage() {
        Classifier onlyUnknowns = new Classifier(Rules.DEFAULT.subList(0, 4));
        Verdict v = onlyUnknowns.classify(List.of(host("x")), in2016).get("x");
        assertEquals(Classification.OUTAGE_REQUIRED, v.classification());
        assertEquals(Classifier.FALLBACK_RULE, v.rule());
        assertTrue(v.reasons().contains(Classifier.FALLBACK_REASON));
    }

    @Test
    void rulesAreTriedInOrder() {
        assertEquals(
                List.of(
                        "no-os",
                        "unknown-release",
                        "no-target",
                        "at-target",
                        "rolling-pool",
                        "replaceable-stateless",
                        "stateful-single",
                        "public-single-point",
                        "depended-on",
                        "not-replaceable"),
                Rules.DEFAULT.stream().map(Rule::name).toList());
        // Up to date wins over everything that would otherwise call for an outage.
        HostFacts db = with(host("db"), "ubuntu-14.04", Set.of(), Set.of(), true, false, true, Set.of());
        HostFacts app = with(host("app"), "ubuntu-14.04", Set.of(), Set.of(), false, true, false, Set.of("db"));
        assertEquals("at-target", classify(db, app).rule());
    }
}
